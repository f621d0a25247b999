/*
 * Loads Office.js (ES5, before the pane's bundle). Inside Office the add-in's address carries
 * _host_Info, which Office adds and office.js itself reads (office.js _retrieveHostInfo; it keeps it
 * in sessionStorage as hostInfoValue): there the library is referenced from the <head> as Microsoft
 * documents ("You must reference the Office JavaScript API from inside the <head> section",
 * docs develop/referencing-the-javascript-api-for-office-library-from-its-cdn.md), by a parser-
 * inserted, blocking script. Anywhere else it is loaded in the background, so a CDN that hangs or
 * is blocked never holds the page: "If the Office JavaScript API library files are blocked …,
 * Office.onReady will never resolve" (docs develop/initialize-add-in.md).
 */
(function () {
  var src = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  var inOffice = /[?&]_host_info=/i.test(window.location.search);
  try {
    inOffice = inOffice || !!window.sessionStorage.getItem("hostInfoValue");
  } catch (e) {
    /* storage refused: the address decides */
  }
  window.__pmoOffice = { expected: inOffice };
  if (inOffice) {
    document.write('<script src="' + src + '"></scr' + "ipt>");
    return;
  }
  var s = document.createElement("script");
  s.src = src;
  s.async = true;
  document.head.appendChild(s);
})();
