/**
 * The report streamed (issue 23): each report sheet's XML is made and deflated in pieces
 * (part-stream.ts), the zip is handed out entry by entry (writeZipTo), and the command line writes
 * the pieces into its temporary file (writeFileStreamed). The streamed output is the same file as
 * the assembled one, and failures leave nothing behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "fflate";
import { zlibStream } from "../../../src/cli/zlib-codec";
import { deflateChunks, useStreamDeflate } from "../../../src/hosts/xlsx/part-stream";
import { worksheetChunks, worksheetXml } from "../../../src/hosts/xlsx/sheet-xml";
import { OutputError, writeFileStreamed, type FileIo } from "../../../src/hosts/xlsx/write-file";
import { ReportWriteError, writeReport, writeReportTo } from "../../../src/hosts/xlsx/write-report";
import { crc32, openZip, writeZip, writeZipTo } from "../../../src/hosts/xlsx/zip";
import { planFor } from "../../support/sample";

const text = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`);

describe("a part deflated in pieces", () => {
  afterEach(() => useStreamDeflate(null));
  it.each([
    ["fflate", null],
    ["zlib", zlibStream],
  ] as const)("with %s, is one DEFLATE stream of the text joined, with its CRC-32 and size", (_, codec) => {
    useStreamDeflate(codec);
    const chunks = [...text(200_000), "é — 😀"]; // several 1 MiB batches, and text that is not ASCII
    const whole = new TextEncoder().encode(chunks.join(""));
    const p = deflateChunks(chunks, { level: 3, maxBytes: Infinity, tooLarge: () => new Error("no") });
    expect(p.size).toBe(whole.length);
    expect(p.crc).toBe(crc32(whole));
    // Compared as bytes: jest's deep equality walks 7 MB element by element (tens of seconds).
    expect(Buffer.from(inflateSync(p.deflated)).equals(Buffer.from(whole))).toBe(true);
    expect(p.deflated.length).toBeLessThan(whole.length / 4);
  });

  it("refuses a part past its limit before it is finished", () => {
    let made = 0;
    function* endless() {
      for (;;) yield `<row>${made++}</row>`;
    }
    expect(() =>
      deflateChunks(endless(), { level: 3, maxBytes: 4 << 20, tooLarge: (n) => new RangeError(`at ${n}`) }),
    ).toThrow(RangeError);
    expect(made).toBeLessThan(1_000_000); // stopped within a few batches, not at the end of the generator
  });

  it("a worksheet in pieces is the worksheet", () => {
    const rows = [["a", 1, true], [], [null, { v: "x", s: 2 }]];
    const o = { widths: [10], freezeRows: 1, afterData: "<x/>", tail: "<y/>" };
    expect([...worksheetChunks(rows, o)].join("")).toBe(worksheetXml(rows, o));
    expect([...worksheetChunks(rows, o)].length).toBeGreaterThan(2);
  });
});

describe("the zip handed out in pieces", () => {
  it("joined, is the archive writeZip assembles, deflated items included", () => {
    const p = deflateChunks(["<a>", "hello", "</a>"], { level: 3, maxBytes: Infinity, tooLarge: () => new Error() });
    const items = [
      { name: "a.xml", data: new TextEncoder().encode("<a>".repeat(1000)) },
      { name: "b.xml", ...p },
    ];
    const chunks: Uint8Array[] = [];
    const size = writeZipTo(items, (c) => chunks.push(c.slice()));
    const whole = writeZip(items);
    expect(size).toBe(whole.length);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(whole));
    expect(openZip(whole).get("b.xml")!.readText()).toBe("<a>hello</a>");
  });
});

describe("the report streamed", () => {
  it("to a sink is the same file, byte for byte, as writeReport returns", async () => {
    const { data, plan } = await planFor();
    const chunks: Uint8Array[] = [];
    const info = await writeReportTo(data, plan, {
      write: (c) => void chunks.push(c.slice()),
      written: () => new Uint8Array(Buffer.concat(chunks)),
    });
    const whole = await writeReport(data, plan);
    expect(chunks.length).toBeGreaterThan(plan.sheets.length);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(whole.data));
    expect(info.sheets).toEqual(whole.sheets);
  });

  it("is refused, and nothing kept, when what was written does not read back", async () => {
    const { data, plan } = await planFor();
    const chunks: Uint8Array[] = [];
    const sink = {
      write: (c: Uint8Array) => void chunks.push(c.slice()),
      written: () => {
        // A byte lost on the way to the disk in the body of every worksheet (a local header, then its body).
        chunks.forEach((c, i) => {
          const header =
            c.length >= 30 &&
            Buffer.from(c).readUInt32LE(0) === 0x04034b50 &&
            /worksheets\/sheet/.test(Buffer.from(c).toString("latin1"));
          if (header && chunks[i + 1]) chunks[i + 1][chunks[i + 1].length >> 1] ^= 0xff;
        });
        return new Uint8Array(Buffer.concat(chunks));
      },
    };
    await expect(writeReportTo(data, plan, sink)).rejects.toThrow(ReportWriteError);
  });
});

describe("a file written as it is made", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-stream-"));

  it("holds every piece, read back before it is put in place", async () => {
    const out = join(dir, "ok.xlsx");
    let back: Uint8Array | null = null;
    const got = await writeFileStreamed(out, async (sink) => {
      sink.write(new Uint8Array([1, 2, 3]));
      sink.write(new Uint8Array([4, 5]));
      back = sink.written();
      expect(existsSync(out)).toBe(false); // not in place until the producer is done
      return "done";
    });
    expect(got).toBe("done");
    expect([...back!]).toEqual([1, 2, 3, 4, 5]);
    expect([...readFileSync(out)]).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("passes on the producer's refusal and leaves no file", async () => {
    const out = join(dir, "refused.xlsx");
    await expect(
      writeFileStreamed(out, async (sink) => {
        sink.write(new Uint8Array(1000));
        throw new ReportWriteError("the report could not be written correctly");
      }),
    ).rejects.toThrow(ReportWriteError);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a full disk mid-stream is one plain line, and the old file stays", async () => {
    const out = join(dir, "full.xlsx");
    writeFileSync(out, "the previous report");
    let writes = 0;
    const io: FileIo = {
      openSync: fs.openSync,
      writeSync: (fd, d, o, l) => {
        if (++writes === 2) throw Object.assign(new Error("ENOSPC: injected"), { code: "ENOSPC" });
        return fs.writeSync(fd, d, o, l);
      },
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      unlinkSync: fs.unlinkSync,
    };
    await expect(
      writeFileStreamed(
        out,
        async (sink) => {
          sink.write(new Uint8Array(10));
          sink.write(new Uint8Array(10));
        },
        io,
      ),
    ).rejects.toThrow(new OutputError(`cannot write ${out}: the disk is full; nothing was written`));
    expect(readFileSync(out, "utf8")).toBe("the previous report");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
