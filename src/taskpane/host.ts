/* global Office */
export type HostKind = "detecting" | "excel" | "browser";

/** Inside Excel when Office.js loaded and reports the Excel host; otherwise a plain browser. */
export function detectHost(timeoutMs = 1500): Promise<HostKind> {
  if (typeof Office === "undefined" || !Office.onReady) return Promise.resolve("browser");
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("browser"), timeoutMs);
    Office.onReady((info) => {
      clearTimeout(timer);
      resolve(info.host === Office.HostType.Excel ? "excel" : "browser");
    });
  });
}
