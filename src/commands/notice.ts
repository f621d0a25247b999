// Shows the message passed in the address, as text (never as HTML).
const m = new URLSearchParams(window.location.search).get("m") ?? "";
document.getElementById("m")!.textContent = m;
