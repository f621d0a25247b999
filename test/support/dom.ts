// Things jsdom lacks that Fluent UI touches.
if (typeof window !== "undefined") {
  window.matchMedia ??= ((q: string) => ({
    matches: false,
    media: q,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as never;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // Browsers have had TextEncoder/TextDecoder for years; jsdom's environment leaves Node's out.

  const util = require("util") as typeof import("util");
  (globalThis as { TextDecoder?: unknown }).TextDecoder ??= util.TextDecoder;
  (globalThis as { TextEncoder?: unknown }).TextEncoder ??= util.TextEncoder;
}
export {};
