import { decodeWindows1252 } from "../../../src/core/primitives/windows-1252";

describe("Windows-1252", () => {
  it("decodes 0x80–0x9F by the WHATWG index, not as Latin-1 (nodejs/node#60888)", () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0x96, 0x42, 0x80, 0x92, 0x93, 0x94, 0x9f, 0x81]))).toBe(
      "A–B€’“”Ÿ\u0081",
    );
  });
  it("keeps ASCII and the Latin-1 range above 0x9F as they are", () => {
    expect(decodeWindows1252(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35]))).toBe("Café £5");
  });
  it("decodes a long file in chunks", () => {
    expect(decodeWindows1252(new Uint8Array(100_000).fill(0x96))).toBe("–".repeat(100_000));
  });
});
