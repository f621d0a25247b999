/**
 * Test helpers: an independent raw zip builder (so crafted/hostile archives do not depend on
 * the writer under test), Python fixture generation, and an .xlsx-like JSZip package.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";

export interface RawEntry {
  name: string | Uint8Array;
  /** The bytes stored after the local header (already compressed when method is 8). */
  body: Uint8Array;
  method?: number;
  flags?: number;
  crc?: number;
  /** Uncompressed size declared in both headers (unless localUncompressed is given). */
  uncompressed: number;
  localUncompressed?: number;
  /** Name written in the local header, when it should differ from the central one. */
  localName?: string;
  /** Local header offset override (for overlap tests). */
  offsetOverride?: number;
  /** Skip writing this entry's local header and body (for overlap tests). */
  omitLocal?: boolean;
}

export interface RawZipOptions {
  comment?: Uint8Array;
  /** Write ZIP64 structures: 0xFFFFFFFF markers, Zip64 extra fields, EOCD64 record + locator. */
  zip64?: boolean;
  /** Entry count to write in the EOCD (defaults to the real count). */
  countOverride?: number;
}

class Bytes {
  private parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u16(v: number): this {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
    return this;
  }
  u64(v: number): this {
    return this.u32(v % 0x100000000).u32(Math.floor(v / 0x100000000));
  }
  bytes(b: Uint8Array): this {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]);
    return this;
  }
  toUint8Array(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const enc = new TextEncoder();
const asBytes = (n: string | Uint8Array): Uint8Array => (typeof n === "string" ? enc.encode(n) : n);

/** Builds a zip by hand (APPNOTE 4.3.6), honest or not, as the options say. */
export function buildRawZip(entries: RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(e.offsetOverride ?? offset);
    if (e.omitLocal) continue;
    const name = asBytes(e.localName ?? e.name);
    const h = new Bytes();
    const localExtra = new Bytes();
    if (options.zip64)
      localExtra
        .u16(1)
        .u16(16)
        .u64(e.localUncompressed ?? e.uncompressed)
        .u64(e.body.length);
    h.u32(0x04034b50)
      .u16(options.zip64 ? 45 : 20)
      .u16(e.flags ?? 0)
      .u16(e.method ?? 8)
      .u16(0)
      .u16(0x21)
      .u32(e.crc ?? 0)
      .u32(options.zip64 ? 0xffffffff : e.body.length)
      .u32(options.zip64 ? 0xffffffff : (e.localUncompressed ?? e.uncompressed))
      .u16(name.length)
      .u16(localExtra.length)
      .bytes(name)
      .bytes(localExtra.toUint8Array());
    const header = h.toUint8Array();
    chunks.push(header, e.body);
    offset += header.length + e.body.length;
  }
  const cdOffset = offset;
  const cd = new Bytes();
  entries.forEach((e, i) => {
    const name = asBytes(e.name);
    const extra = new Bytes();
    if (options.zip64) extra.u16(1).u16(24).u64(e.uncompressed).u64(e.body.length).u64(offsets[i]);
    cd.u32(0x02014b50)
      .u16(45)
      .u16(options.zip64 ? 45 : 20)
      .u16(e.flags ?? 0)
      .u16(e.method ?? 8)
      .u16(0)
      .u16(0x21)
      .u32(e.crc ?? 0)
      .u32(options.zip64 ? 0xffffffff : e.body.length)
      .u32(options.zip64 ? 0xffffffff : e.uncompressed)
      .u16(name.length)
      .u16(extra.length)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0)
      .u32(options.zip64 ? 0xffffffff : offsets[i])
      .bytes(name)
      .bytes(extra.toUint8Array());
  });
  const cdBytes = cd.toUint8Array();
  chunks.push(cdBytes);
  const count = options.countOverride ?? entries.length;
  const tail = new Bytes();
  if (options.zip64) {
    const recordOffset = cdOffset + cdBytes.length;
    tail.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdBytes.length).u64(cdOffset);
    tail.u32(0x07064b50).u32(0).u64(recordOffset).u32(1);
    tail.u32(0x06054b50).u16(0xffff).u16(0xffff).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff);
  } else {
    tail.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(cdBytes.length).u32(cdOffset);
  }
  const comment = options.comment ?? new Uint8Array(0);
  tail.u16(comment.length).bytes(comment);
  chunks.push(tail.toUint8Array());
  return concat(chunks);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "zip-test-"));
}

export function python(script: string, args: string[] = []): string {
  return execFileSync("python3", ["-c", script, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** What Python's zipfile sees in an archive, in central-directory order. */
export interface PyEntry {
  name: string;
  data: string; // base64
  compress_type: number;
  flag_bits: number;
}

const PY_LIST = `
import sys, zipfile, json, base64
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    out = [{"name": i.filename, "data": base64.b64encode(z.open(i).read()).decode(), "compress_type": i.compress_type, "flag_bits": i.flag_bits} for i in z.infolist()]
    print(json.dumps({"bad": bad, "comment": z.comment.decode("latin-1"), "entries": out}))
`;

export function pythonList(file: string): { bad: string | null; comment: string; entries: PyEntry[] } {
  return JSON.parse(python(PY_LIST, [file]));
}

/** Writes the Python-made fixtures into `dir` and returns their paths. */
export function makePythonFixtures(
  dir: string,
): Record<"basic" | "names" | "zip64" | "zip64full" | "descriptor", string> {
  const script = String.raw`
import sys, os, io, zipfile, warnings
d = sys.argv[1]
xml = ("<sheetData>" + "".join('<row r="%d"><c><v>%d</v></c></row>' % (i, i * 7) for i in range(2000)) + "</sheetData>").encode()

# basic: stored + deflated, archive comment, a CP437 name (patched in below), a UTF-8 name
p = os.path.join(d, "basic.zip")
with zipfile.ZipFile(p, "w") as z:
    z.writestr(zipfile.ZipInfo("stored.txt", (2020, 5, 17, 10, 20, 30)), b"hello stored", compress_type=zipfile.ZIP_STORED)
    z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2021, 1, 2, 3, 4, 6)), xml, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("cafX.txt", b"cp437 name", compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("na\u00efve/\u00fcn\u00efc\u00f6de.txt", "\u00fc".encode(), compress_type=zipfile.ZIP_DEFLATED)
    z.comment = b"archive comment: made by Python"
data = open(p, "rb").read()
assert data.count(b"cafX.txt") == 2
open(p, "wb").write(data.replace(b"cafX.txt", b"caf\x82.txt"))

# names: backslashes, '..', a leading '/', a directory, an exact duplicate, a case-only duplicate
p = os.path.join(d, "names.zip")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.mkdir("xl/")
        z.writestr("xl/workbook.xml", b"first workbook")
        z.writestr("xl\\worksheets\\sheet1.xml", b"sheet via backslashes")
        z.writestr("xl/../docProps/app.xml", b"app via dot-dot")
        z.writestr("/xl/styles.xml", b"styles with a leading slash")
        z.writestr("xl/workbook.xml", b"duplicate workbook")
        z.writestr("XL/Workbook.XML", b"case-only duplicate")

# zip64: force_zip64 on an entry (Zip64 extra field in its local header)
p = os.path.join(d, "zip64.zip")
with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    with z.open("forced.xml", "w", force_zip64=True) as f:
        f.write(xml)
    z.writestr("plain.txt", b"plain entry")

# zip64full: lower Python's limits so every ZIP64 structure is written for a small file:
# Zip64 extra fields in the central directory (sizes and offsets) and the EOCD64 record + locator.
zipfile.ZIP64_LIMIT = 16
zipfile.ZIP_FILECOUNT_LIMIT = 2
p = os.path.join(d, "zip64full.zip")
with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    z.writestr("a.xml", xml)
    z.writestr("b.txt", b"second entry, longer than sixteen bytes", compress_type=zipfile.ZIP_STORED)
    z.writestr("c.txt", b"third entry, also longer than sixteen bytes")
zipfile.ZIP64_LIMIT = (1 << 31) - 1
zipfile.ZIP_FILECOUNT_LIMIT = (1 << 16) - 1

# descriptor: written to an unseekable stream, so every entry has a data descriptor (bit 3)
class Unseekable(io.RawIOBase):
    def __init__(self, f): self.f = f
    def writable(self): return True
    def write(self, b): return self.f.write(b)
    def seekable(self): return False
    def tell(self): raise io.UnsupportedOperation("unseekable")
p = os.path.join(d, "descriptor.zip")
with open(p, "wb") as raw:
    with zipfile.ZipFile(Unseekable(raw), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.xml", xml)
        z.writestr("b.txt", b"stored behind a descriptor", compress_type=zipfile.ZIP_STORED)
`;
  python(script, [dir]);
  const names = ["basic", "names", "zip64", "zip64full", "descriptor"] as const;
  return Object.fromEntries(names.map((n) => [n, path.join(dir, `${n}.zip`)])) as Record<
    (typeof names)[number],
    string
  >;
}

/** A deterministic pseudo-random generator (xorshift32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

/** A worksheet XML with `rows` rows of mixed numbers and inline strings. */
export function sheetXml(rows: number, seed = 1): string {
  const r = rng(seed);
  const words = ["alpha", "beta", "gamma", "delta", "risk", "issue", "milestone", "amber", "green", "red"];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let i = 1; i <= rows; i++) {
    const w = words[Math.floor(r() * words.length)] + " " + Math.floor(r() * 100000).toString(36);
    out.push(
      `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}"><v>${(r() * 1e6).toFixed(3)}</v></c>` +
        `<c r="C${i}" t="inlineStr"><is><t>${w}</t></is></c><c r="D${i}"><v>${Math.floor(r() * 1e9)}</v></c>` +
        `<c r="E${i}" t="inlineStr"><is><t>${Math.floor(r() * 0xffffffff).toString(16)}</t></is></c>` +
        `<c r="F${i}"><v>${Math.floor(r() * 1e7)}</v></c></row>`,
    );
  }
  out.push("</sheetData></worksheet>");
  return out.join("");
}

/** An .xlsx-like package of 12 parts, one of them a worksheet of `rows` rows. */
export function xlsxLikeParts(rows: number): Record<string, string> {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
    "docProps/app.xml": "<Properties><Application>Microsoft Excel</Application></Properties>",
    "docProps/core.xml": "<cp:coreProperties/>",
    "xl/workbook.xml": '<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": "<Relationships/>",
    "xl/styles.xml": "<styleSheet>" + "<xf/>".repeat(200) + "</styleSheet>",
    "xl/theme/theme1.xml": "<a:theme>" + '<a:srgbClr val="4472C4"/>'.repeat(300) + "</a:theme>",
    "xl/sharedStrings.xml":
      "<sst>" + Array.from({ length: 500 }, (_, i) => `<si><t>string ${i}</t></si>`).join("") + "</sst>",
    "xl/worksheets/sheet1.xml": sheetXml(rows),
    "xl/worksheets/sheet2.xml": sheetXml(200, 2),
    "xl/calcChain.xml": "<calcChain>" + '<c r="A1" i="1"/>'.repeat(100) + "</calcChain>",
  };
  return parts;
}

export async function jszipArchive(
  parts: Record<string, string | Uint8Array>,
  options: { compression: "STORE" | "DEFLATE"; streamFiles?: boolean },
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({
    type: "uint8array",
    compression: options.compression,
    streamFiles: options.streamFiles ?? false,
  });
}
