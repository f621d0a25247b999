import { deflateRawSync } from "node:zlib";
import { zlibCodec } from "../../src/cli/zlib-codec";
import { crc32, openZip, useDeflateCodec, writeZip, ZipError } from "../../src/hosts/xlsx/zip";
import { buildRawZip } from "../hosts/xlsx/zip-helpers";

/** The command line's native DEFLATE keeps every guarantee the zip layer gives with fflate. */
describe("the zip layer with Node's zlib installed", () => {
  beforeAll(() => useDeflateCodec(zlibCodec));
  afterAll(() => useDeflateCodec(null));

  const text = new TextEncoder().encode("<row>".repeat(20_000));

  it("round-trips what it writes", () => {
    const zip = openZip(writeZip([{ name: "xl/a.xml", data: text }]));
    expect(zip.get("xl/a.xml")!.read()).toEqual(text);
  });

  it("stops a part that inflates past its declared size (a zip bomb) with the same refusal", () => {
    const body = new Uint8Array(deflateRawSync(Buffer.alloc(1_000_000)));
    const lying = buildRawZip([{ name: "xl/a.xml", body, method: 8, crc: 0, uncompressed: 1000 } as never]);
    expect(() => openZip(lying).get("xl/a.xml")!.read()).toThrow(expect.objectContaining({ code: "too-large" }));
  });

  it("calls a part that is not DEFLATE data damaged, naming it", () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const bad = buildRawZip([
      { name: "xl/b.xml", body: garbage, method: 8, crc: crc32(text), uncompressed: 10 } as never,
    ]);
    let error: unknown;
    try {
      openZip(bad).get("xl/b.xml")!.read();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).code).toBe("damaged");
    expect((error as ZipError).message).toContain("xl/b.xml");
  });
});
