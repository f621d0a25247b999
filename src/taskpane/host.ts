/* global Office */
export type HostKind = "detecting" | "excel" | "browser";

declare global {
  interface Window {
    /** Set by office-boot.js: whether Office's address marker was there, so office.js was loaded blocking. */
    __pmoOffice?: { expected: boolean };
  }
}

/** Whether the page was opened by Office (office-boot.js saw _host_Info); without the boot script, whether Office.js is present. */
export function officeExpected(): boolean {
  const boot = typeof window !== "undefined" ? window.__pmoOffice : undefined;
  return boot ? boot.expected : typeof Office !== "undefined";
}

/**
 * Excel or a plain browser, as Office.onReady says: it "will call the callback and resolve the
 * promise with "null" for both the application and platform" outside Office (reference Office.onReady;
 * docs develop/initialize-add-in.md). No timeout: inside Office a slow start only takes longer.
 * Opened outside Office, the pane is a browser at once, whatever the CDN does.
 */
export function detectHost(expected = officeExpected()): Promise<HostKind> {
  if (!expected || typeof Office === "undefined" || !Office.onReady) return Promise.resolve("browser");
  return new Promise((resolve) => {
    Office.onReady((info) => resolve(info.host === Office.HostType.Excel ? "excel" : "browser"));
  });
}

/**
 * After starting as a browser, turns into Excel if Office.js (loaded in the background) reports
 * Excel after all — for a client whose address lacked the marker. Polls for the library for up
 * to `waitMs`, then gives up quietly.
 */
export function watchForExcel(onExcel: () => void, waitMs = 30_000, every = 250): () => void {
  let stopped = false;
  const started = Date.now();
  const tick = () => {
    if (stopped) return;
    if (typeof Office !== "undefined" && Office.onReady) {
      void Office.onReady((info) => !stopped && info.host === Office.HostType.Excel && onExcel());
      return;
    }
    if (Date.now() - started < waitMs) setTimeout(tick, every);
  };
  tick();
  return () => void (stopped = true);
}
