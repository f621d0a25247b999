import * as fs from "fs";
import * as path from "path";
import * as fflate from "fflate";
import JSZip from "jszip";
import fc from "fast-check";
import {
  DEFAULT_ZIP_LIMITS,
  ZipError,
  ZipErrorCode,
  canonicalPartName,
  crc32,
  openZip,
  writeZip,
} from "../../../src/hosts/xlsx/zip";
import {
  buildRawZip,
  concat,
  jszipArchive,
  makePythonFixtures,
  python,
  pythonList,
  rng,
  tempDir,
  xlsxLikeParts,
} from "./zip-helpers";

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const MiB = 1024 * 1024;

/** Byte-for-byte equality (Jest's toEqual walks typed arrays element by element: slow). */
function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  const a = Buffer.from(actual.buffer, actual.byteOffset, actual.length);
  const b = Buffer.from(expected.buffer, expected.byteOffset, expected.length);
  if (!a.equals(b)) {
    let i = 0;
    while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
    throw new Error(`bytes differ: lengths ${a.length} and ${b.length}, first difference at ${i}`);
  }
}

function expectZipError(fn: () => unknown, code?: ZipErrorCode, pattern?: RegExp): ZipError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ZipError);
  const err = caught as ZipError;
  if (code) expect(err.code).toBe(code);
  if (pattern) expect(err.message).toMatch(pattern);
  // Plain words: no stack trace or internal error codes folded into the message.
  expect(err.message).not.toMatch(/\n\s+at /);
  return err;
}

/** Opens and reads every entry; returns the error if any, rethrowing non-ZipErrors. */
function openAndReadAll(data: Uint8Array, limits?: Parameters<typeof openZip>[1]): ZipError | undefined {
  try {
    const zip = openZip(data, limits);
    for (const e of zip.entries) e.read();
    return undefined;
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
}

/**
 * Runs fn while counting every byte fflate's streaming Inflate hands back (across all
 * instances). This is what read() holds in memory beyond its own output buffer.
 */
function countInflated(fn: () => void): number {
  const originalPush = fflate.Inflate.prototype.push;
  const wrapped = new WeakSet<object>();
  let emitted = 0;
  const spy = jest.spyOn(fflate.Inflate.prototype, "push").mockImplementation(function (
    this: fflate.Inflate,
    chunk: Uint8Array,
    final?: boolean,
  ) {
    if (!wrapped.has(this)) {
      wrapped.add(this);
      const ondata = this.ondata;
      this.ondata = (data, last) => {
        emitted += data.length;
        ondata(data, last);
      };
    }
    return originalPush.call(this, chunk, final);
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return emitted;
}

let dir: string;
let fixtures: ReturnType<typeof makePythonFixtures>;

beforeAll(() => {
  dir = tempDir();
  fixtures = makePythonFixtures(dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("crc32", () => {
  it("matches the standard check value and zlib", () => {
    expect(crc32(bytes("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const r = rng(7);
    const data = Uint8Array.from({ length: 100_003 }, () => Math.floor(r() * 256));
    fs.writeFileSync(path.join(dir, "crc.bin"), data);
    const expected = Number(
      python("import sys,zlib; print(zlib.crc32(open(sys.argv[1],'rb').read()))", [path.join(dir, "crc.bin")]),
    );
    expect(crc32(data)).toBe(expected);
    // Continuing over chunks gives the same result.
    expect(crc32(data.subarray(37), crc32(data.subarray(0, 37)))).toBe(expected);
  });
});

describe("canonicalPartName (ECMA-376 Part 2 §6.2.2, §9.1.1.1)", () => {
  it.each([
    ["xl/workbook.xml", "xl/workbook.xml"],
    ["/xl/workbook.xml", "xl/workbook.xml"],
    ["XL/Workbook.XML", "xl/workbook.xml"],
    ["xl\\worksheets\\sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/../docProps/app.xml", "docprops/app.xml"],
    ["xl/./a/../b.xml", "xl/b.xml"],
    ["../../etc/passwd", "etc/passwd"],
    ["xl//styles.xml", "xl/styles.xml"],
    ["xl/", "xl/"],
    ["Ünïcode/ÄB.xml", "Ünïcode/Äb.xml"], // only ASCII letters fold
  ])("%s → %s", (input, expected) => {
    expect(canonicalPartName(input)).toBe(expected);
  });
});

describe("writeZip + openZip round trip", () => {
  const r = rng(3);
  const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(r() * 256));
  const text = bytes("<row/>".repeat(10_000));

  it("reads back stored, deflated, incompressible, empty, directory and non-ASCII entries", () => {
    const out = writeZip([
      { name: "[Content_Types].xml", data: bytes("<Types/>") },
      { name: "xl/", data: new Uint8Array(0) },
      { name: "xl/worksheets/sheet1.xml", data: text },
      { name: "xl/stored.xml", data: text, compress: false },
      { name: "xl/media/noise.bin", data: noise },
      { name: "empty.txt", data: new Uint8Array(0) },
      { name: "xl/ünïcode.xml", data: bytes("ü") },
    ]);
    const zip = openZip(out);
    expect(zip.entries.map((e) => e.name)).toEqual([
      "[Content_Types].xml",
      "xl/",
      "xl/worksheets/sheet1.xml",
      "xl/stored.xml",
      "xl/media/noise.bin",
      "empty.txt",
      "xl/ünïcode.xml",
    ]);
    const byName = (n: string) => zip.get(n)!;
    expect(byName("xl/worksheets/sheet1.xml").method).toBe(8);
    expect(byName("xl/worksheets/sheet1.xml").compressedSize).toBeLessThan(text.length / 10);
    expect(byName("xl/stored.xml").method).toBe(0);
    expect(byName("xl/media/noise.bin").method).toBe(0); // deflate did not help
    expect(byName("xl/").isDirectory).toBe(true);
    expect(byName("xl/ünïcode.xml").flags & 0x0800).toBe(0x0800);
    expect(byName("xl/worksheets/sheet1.xml").flags & 0x0800).toBe(0);
    expectBytes(byName("empty.txt").read(), new Uint8Array(0));
    expectBytes(byName("xl/worksheets/sheet1.xml").read(), text);
    expectBytes(byName("xl/stored.xml").read(), text);
    expectBytes(byName("xl/media/noise.bin").read(), noise);
    expect(byName("xl/ünïcode.xml").readText()).toBe("ü");
    for (const e of zip.entries) {
      expect(e.time).toBe(0);
      expect(e.date).toBe(0x21); // 1980-01-01
    }
    expect(zip.collisions).toEqual([]);
  });

  it("is deterministic", () => {
    const items = [
      { name: "a.xml", data: text },
      { name: "b.bin", data: noise },
    ];
    expectBytes(writeZip(items), writeZip(items));
  });

  it("writes archives Python's zipfile and JSZip accept", async () => {
    const out = writeZip([
      { name: "a.xml", data: text },
      { name: "dir/", data: new Uint8Array(0) },
      { name: "b.bin", data: noise, compress: false },
      { name: "ünï.txt", data: bytes("ü") },
    ]);
    const file = path.join(dir, "ours.zip");
    fs.writeFileSync(file, out);
    const py = pythonList(file);
    expect(py.bad).toBeNull();
    expect(py.entries.map((e) => e.name)).toEqual(["a.xml", "dir/", "b.bin", "ünï.txt"]);
    expectBytes(Buffer.from(py.entries[0].data, "base64"), Buffer.from(text));
    const jz = await JSZip.loadAsync(out);
    expectBytes(await jz.file("a.xml")!.async("uint8array"), text);
    expect(await jz.file("ünï.txt")!.async("string")).toBe("ü");
  });

  it("round-trips arbitrary contents (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ data: fc.uint8Array({ maxLength: 3000 }), repeat: fc.nat(20), compress: fc.boolean() }), {
          maxLength: 6,
        }),
        (specs) => {
          const items = specs.map((s, i) => {
            const data = concat(Array.from({ length: s.repeat + 1 }, () => s.data));
            return { name: `part${i}.bin`, data, compress: s.compress };
          });
          const zip = openZip(writeZip(items));
          expect(zip.entries.length).toBe(items.length);
          items.forEach((item, i) => expectBytes(zip.entries[i].read(), item.data));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads deflate streams made of stored blocks, fixed Huffman and a large sheet", () => {
    const big = bytes(xlsxLikeParts(20_000)["xl/worksheets/sheet1.xml"]);
    for (const level of [0, 1, 6, 9] as const) {
      const body = fflate.deflateSync(big, { level });
      const zip = openZip(buildRawZip([{ name: "s.xml", body, crc: crc32(big), uncompressed: big.length }]));
      expectBytes(zip.entries[0].read(), big);
    }
  });

  it("readText strips a UTF-8 BOM and decodes UTF-16 with a BOM", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]);
    const zip = openZip(
      writeZip([
        { name: "bom.xml", data: bytes("\ufeff<a/>") },
        { name: "utf16.xml", data: utf16 },
      ]),
    );
    expect(zip.get("bom.xml")!.readText()).toBe("<a/>");
    expect(zip.get("utf16.xml")!.readText()).toBe("<a/>");
  });
});

describe("reading archives written by JSZip", () => {
  const parts = xlsxLikeParts(300);

  it.each([
    ["DEFLATE", false],
    ["STORE", false],
    ["DEFLATE", true],
    ["STORE", true],
  ] as const)("compression %s, streamFiles %s", async (compression, streamFiles) => {
    const data = await jszipArchive(parts, { compression, streamFiles });
    const zip = openZip(data);
    // JSZip also writes folder entries ("xl/", "xl/worksheets/", …).
    const files = zip.entries.filter((e) => !e.isDirectory);
    expect(files.map((e) => e.name)).toEqual(Object.keys(parts));
    expect(zip.entries.filter((e) => e.isDirectory).map((e) => e.name)).toContain("xl/worksheets/");
    for (const e of files) {
      expect(e.method).toBe(compression === "STORE" ? 0 : 8);
      // streamFiles writes data descriptors (APPNOTE 4.4.4 bit 3); sizes come from the directory.
      expect((e.flags & 0x0008) !== 0).toBe(streamFiles);
      expect(e.readText()).toBe(parts[e.name]);
    }
    expect(zip.get("/XL/Workbook.xml")!.name).toBe("xl/workbook.xml");
  });
});

describe("reading archives written by Python's zipfile", () => {
  it("stored and deflated entries, an archive comment, CP437 and UTF-8 names", () => {
    const data = new Uint8Array(fs.readFileSync(fixtures.basic));
    const zip = openZip(data);
    const py = pythonList(fixtures.basic);
    expect(py.bad).toBeNull();
    expect(zip.entries.map((e) => e.name)).toEqual(py.entries.map((e) => e.name));
    expect(zip.entries.map((e) => e.name)).toContain("café.txt"); // byte 0x82 in CP437
    expect(zip.entries.map((e) => e.name)).toContain("naïve/ünïcöde.txt");
    expect(zip.get("café.txt")!.flags & 0x0800).toBe(0);
    expect(zip.get("naïve/ünïcöde.txt")!.flags & 0x0800).toBe(0x0800);
    expect(zip.comment).toBe("archive comment: made by Python");
    zip.entries.forEach((e, i) => {
      expectBytes(Buffer.from(e.read()), Buffer.from(py.entries[i].data, "base64"));
      expect(e.method).toBe(py.entries[i].compress_type);
    });
    const stored = zip.get("stored.txt")!;
    expect(stored.method).toBe(0);
    expect(stored.date).toBe(((2020 - 1980) << 9) | (5 << 5) | 17);
    expect(stored.time).toBe((10 << 11) | (20 << 5) | 15);
  });

  it("the CP437 table matches Python's cp437 codec", () => {
    const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const expected = python("import sys; print(bytes(range(128,256)).decode('cp437'), end='')");
    const zip = openZip(buildRawZip([{ name: high, body: new Uint8Array(0), method: 0, uncompressed: 0 }]));
    expect(zip.entries[0].name).toBe(expected);
  });

  it("backslash, '..', leading-slash, directory, duplicate and case-only duplicate names", () => {
    const zip = openZip(new Uint8Array(fs.readFileSync(fixtures.names)));
    expect(zip.entries.map((e) => e.name)).toEqual([
      "[Content_Types].xml",
      "xl/",
      "xl/workbook.xml",
      "xl\\worksheets\\sheet1.xml",
      "xl/../docProps/app.xml",
      "/xl/styles.xml",
      "xl/workbook.xml",
      "XL/Workbook.XML",
    ]);
    expect(zip.entries.filter((e) => e.isDirectory).map((e) => e.name)).toEqual(["xl/"]);
    expect(zip.get("xl/worksheets/sheet1.xml")!.readText()).toBe("sheet via backslashes");
    expect(zip.get("docProps/app.xml")!.readText()).toBe("app via dot-dot");
    expect(zip.get("xl/styles.xml")!.readText()).toBe("styles with a leading slash");
    // The first in central-directory order wins; the others are reported.
    expect(zip.get("xl/workbook.xml")!.readText()).toBe("first workbook");
    expect(zip.get("XL/WORKBOOK.xml")).toBe(zip.entries[2]);
    expect(zip.collisions).toEqual([
      { kept: "xl/workbook.xml", shadowed: "xl/workbook.xml" },
      { kept: "xl/workbook.xml", shadowed: "XL/Workbook.XML" },
    ]);
    expect(zip.entries[6].readText()).toBe("duplicate workbook");
  });

  it("ZIP64 via force_zip64 (Zip64 extra field in the local header)", () => {
    const zip = openZip(new Uint8Array(fs.readFileSync(fixtures.zip64)));
    const py = pythonList(fixtures.zip64);
    expect(zip.entries.map((e) => e.name)).toEqual(["forced.xml", "plain.txt"]);
    zip.entries.forEach((e, i) => expectBytes(Buffer.from(e.read()), Buffer.from(py.entries[i].data, "base64")));
  });

  it("full ZIP64: Zip64 extra fields in the directory and the ZIP64 end records", () => {
    const data = new Uint8Array(fs.readFileSync(fixtures.zip64full));
    // Check the fixture really has what we mean to test.
    const has = (sig: number[]) => Buffer.from(data).indexOf(Buffer.from(sig)) >= 0;
    expect(has([0x50, 0x4b, 0x06, 0x06])).toBe(true); // EOCD64 record
    expect(has([0x50, 0x4b, 0x06, 0x07])).toBe(true); // EOCD64 locator
    const zip = openZip(data);
    const py = pythonList(fixtures.zip64full);
    expect(zip.entries.map((e) => e.name)).toEqual(["a.xml", "b.txt", "c.txt"]);
    expect(zip.entries[1].localHeaderOffset).toBeGreaterThan(16); // came from the Zip64 extra field
    zip.entries.forEach((e, i) => expectBytes(Buffer.from(e.read()), Buffer.from(py.entries[i].data, "base64")));
  });

  it("data descriptors written to an unseekable stream", () => {
    const zip = openZip(new Uint8Array(fs.readFileSync(fixtures.descriptor)));
    const py = pythonList(fixtures.descriptor);
    expect(zip.entries.every((e) => (e.flags & 0x0008) !== 0)).toBe(true);
    zip.entries.forEach((e, i) => expectBytes(Buffer.from(e.read()), Buffer.from(py.entries[i].data, "base64")));
  });

  it("a hand-built ZIP64 archive with 0xFFFFFFFF markers everywhere (checked against Python too)", () => {
    const a = bytes("first part ".repeat(100));
    const b = bytes("second part");
    const data = buildRawZip(
      [
        { name: "a.txt", body: fflate.deflateSync(a), crc: crc32(a), uncompressed: a.length },
        { name: "b.txt", body: b, method: 0, crc: crc32(b), uncompressed: b.length },
      ],
      { zip64: true },
    );
    const file = path.join(dir, "markers64.zip");
    fs.writeFileSync(file, data);
    expect(pythonList(file).bad).toBeNull();
    const zip = openZip(data);
    expectBytes(zip.entries[0].read(), a);
    expectBytes(zip.entries[1].read(), b);
    expect(zip.entries[1].uncompressedSize).toBe(b.length);
  });
});

describe("copying entries unchanged", () => {
  /** The bytes of each entry's data region, by name, located by parsing local headers ourselves. */
  function dataRegions(data: Uint8Array): Map<string, Buffer> {
    const zip = openZip(data);
    const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
    const out = new Map<string, Buffer>();
    for (const e of zip.entries) {
      const h = e.localHeaderOffset;
      expect(buf.readUInt32LE(h)).toBe(0x04034b50);
      const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
      expect(start).toBe(e.dataOffset);
      out.set(e.name, Buffer.from(buf.subarray(start, start + e.compressedSize)));
    }
    return out;
  }

  it.each([
    ["JSZip DEFLATE", async () => jszipArchive(xlsxLikeParts(2000), { compression: "DEFLATE" })],
    [
      "JSZip streamFiles (data descriptors)",
      async () => jszipArchive(xlsxLikeParts(2000), { compression: "DEFLATE", streamFiles: true }),
    ],
    ["Python basic", async () => new Uint8Array(fs.readFileSync(fixtures.basic))],
    ["Python full ZIP64", async () => new Uint8Array(fs.readFileSync(fixtures.zip64full))],
    ["Python descriptors", async () => new Uint8Array(fs.readFileSync(fixtures.descriptor))],
  ])("%s: compressed bytes, CRC, sizes, method and DOS time survive", async (_label, make) => {
    const input = await make();
    const src = openZip(input);
    const added = bytes("<worksheet>report</worksheet>");
    const output = writeZip([
      ...src.entries.map((e) => ({ copy: e })),
      { name: "xl/worksheets/report.xml", data: added },
    ]);
    const before = dataRegions(input);
    const after = dataRegions(output);
    for (const [name, region] of before) expect(after.get(name)!.equals(region)).toBe(true);

    const out = openZip(output);
    src.entries.forEach((e, i) => {
      const o = out.entries[i];
      expect([o.name, o.method, o.crc32, o.compressedSize, o.uncompressedSize, o.time, o.date]).toEqual([
        e.name,
        e.method,
        e.crc32,
        e.compressedSize,
        e.uncompressedSize,
        e.time,
        e.date,
      ]);
      expect(o.flags).toBe(e.flags & ~0x0008); // bit 3 cleared: sizes are in the local header now
      expectBytes(o.read(), e.read());
    });
    expectBytes(out.get("xl/worksheets/report.xml")!.read(), added);

    const file = path.join(dir, "copied.zip");
    fs.writeFileSync(file, output);
    expect(pythonList(file).bad).toBeNull();
  });

  it("keeps the compressed bytes when a copy is renamed", () => {
    const src = openZip(writeZip([{ name: "a.xml", data: bytes("<a>".repeat(1000)) }]));
    const out = openZip(writeZip([{ copy: src.entries[0], name: "xl/ünï.xml" }]));
    expect(out.entries[0].name).toBe("xl/ünï.xml");
    expect(out.entries[0].flags & 0x0800).toBe(0x0800);
    expect(Buffer.from(out.entries[0].raw()).equals(Buffer.from(src.entries[0].raw()))).toBe(true);
    expect(out.entries[0].readText()).toBe("<a>".repeat(1000));
  });

  it("a full copy of a JSZip package is byte-identical to a second copy (stable output)", async () => {
    const src = openZip(await jszipArchive(xlsxLikeParts(100), { compression: "DEFLATE" }));
    const once = writeZip(src.entries.map((e) => ({ copy: e })));
    const twice = writeZip(openZip(once).entries.map((e) => ({ copy: e })));
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });
});

describe("damage and hostile input", () => {
  const text = bytes("<sheetData>" + "<row><c><v>42</v></c></row>".repeat(2000) + "</sheetData>");

  it("a flipped byte in compressed data is reported as damage", () => {
    const good = writeZip([{ name: "s.xml", data: text }]);
    const entry = openZip(good).entries[0];
    for (const at of [0.25, 0.5, 0.75, 0.9]) {
      const bad = good.slice();
      bad[entry.dataOffset + Math.floor(entry.compressedSize * at)] ^= 0x55;
      expectZipError(() => openZip(bad).entries[0].read(), undefined, /damaged|more than its header/);
    }
    // Flip a byte in a stored part: the stream cannot fail, only the CRC catches it.
    const stored = writeZip([{ name: "s.xml", data: text, compress: false }]);
    const s = openZip(stored).entries[0];
    stored[s.dataOffset + 100] ^= 1;
    expectZipError(() => openZip(stored).entries[0].read(), "damaged", /"s\.xml" is damaged.*CRC-32/);
  });

  it("a wrong CRC in the directory is reported as damage", () => {
    const body = fflate.deflateSync(text);
    const zip = openZip(
      buildRawZip([{ name: "s.xml", body, crc: (crc32(text) ^ 1) >>> 0, uncompressed: text.length }]),
    );
    expectZipError(() => zip.entries[0].read(), "damaged", /damaged: its contents do not match their checksum/);
  });

  it("a header that claims fewer bytes than the stream holds, or more", () => {
    const body = fflate.deflateSync(text);
    const less = openZip(buildRawZip([{ name: "s.xml", body, crc: crc32(text), uncompressed: text.length - 1 }]));
    expectZipError(() => less.entries[0].read(), "too-large", /inflates to more than its header says/);
    const more = openZip(buildRawZip([{ name: "s.xml", body, crc: crc32(text), uncompressed: text.length + 1 }]));
    expectZipError(() => more.entries[0].read(), "damaged");
    const impossible = openZip(buildRawZip([{ name: "s.xml", body: body.subarray(0, 10), uncompressed: 10 * 1033 }]));
    expectZipError(() => impossible.entries[0].read(), "damaged", /impossible/);
  });

  it("small streams (inflated in one call) catch the same lies: Huffman and stored blocks", () => {
    const small = bytes("A".repeat(1000));
    for (const level of [0, 9] as const) {
      // level 0 = stored blocks: fflate throws a RangeError when one does not fit the buffer;
      // level 9 = Huffman: fflate silently truncates, so we detect the one byte of headroom.
      const body = fflate.deflateSync(small, { level });
      const lie = openZip(buildRawZip([{ name: "s.xml", body, crc: crc32(small), uncompressed: 999 }]));
      expectZipError(() => lie.entries[0].read(), "too-large", /inflates to more than its header says/);
      const short = openZip(buildRawZip([{ name: "s.xml", body, crc: crc32(small), uncompressed: 1001 }]));
      expectZipError(
        () => short.entries[0].read(),
        "damaged",
        /inflates to 1,000 bytes but its header says 1,001 bytes/,
      );
      const ok = openZip(
        buildRawZip([{ name: "s.xml", body, crc: crc32(small), uncompressed: 1000 }]),
      ).entries[0].read();
      expectBytes(ok, small);
      expect(ok.buffer.byteLength).toBe(1000); // an exact-size buffer, not the one with headroom
    }
  });

  it("an empty deflate entry reads as empty; an empty one that claims bytes is damaged", () => {
    const empty = openZip(buildRawZip([{ name: "e.xml", body: new Uint8Array(0), uncompressed: 0 }]));
    expectBytes(empty.entries[0].read(), new Uint8Array(0));
    const claims = openZip(buildRawZip([{ name: "e.xml", body: new Uint8Array(0), uncompressed: 5 }]));
    expectZipError(() => claims.entries[0].read(), "damaged");
  });

  it("a truncated deflate stream is reported as damage", () => {
    const big = bytes(xlsxLikeParts(3000)["xl/worksheets/sheet1.xml"]);
    const body = fflate.deflateSync(big);
    for (const keep of [10, 500, Math.floor(body.length / 2), body.length - 1]) {
      const zip = openZip(
        buildRawZip([{ name: "s.xml", body: body.subarray(0, keep), crc: crc32(big), uncompressed: big.length }]),
      );
      expectZipError(() => zip.entries[0].read(), "damaged");
    }
  });

  it("password-protected entries", () => {
    const data = buildRawZip([
      { name: "xl/workbook.xml", body: bytes("xxxxxxxxxxxx"), flags: 0x0001, method: 8, uncompressed: 100 },
    ]);
    expectZipError(() => openZip(data), "encrypted", /"xl\/workbook\.xml" is password-protected/);
    const aes = buildRawZip([{ name: "a", body: bytes("x"), flags: 0x0041, method: 99, uncompressed: 1 }]);
    expectZipError(() => openZip(aes), "encrypted");
  });

  it("unsupported compression methods", () => {
    const data = buildRawZip([{ name: "a.xml", body: bytes("BZh9"), method: 12, uncompressed: 100 }]);
    expectZipError(() => openZip(data), "unsupported", /compression method 12 \(bzip2\)/);
  });

  it("not a zip at all", () => {
    expectZipError(() => openZip(new Uint8Array(0)), "not-zip", /not a zip/);
    expectZipError(() => openZip(bytes("name,value\nrisk,3\n".repeat(20))), "not-zip", /not a zip/);
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectZipError(() => openZip(ole), "not-zip", /password-protected or an older/);
  });

  it("every truncation gives a ZipError, never another exception", async () => {
    const sources = [
      writeZip([
        { name: "a.xml", data: text },
        { name: "b.txt", data: bytes("stored"), compress: false },
      ]),
      await jszipArchive(
        { "a.xml": "<a/>".repeat(300), "b/c.xml": "<c/>" },
        { compression: "DEFLATE", streamFiles: true },
      ),
      new Uint8Array(fs.readFileSync(fixtures.basic)), // has an archive comment
      new Uint8Array(fs.readFileSync(fixtures.zip64full)),
    ];
    for (const src of sources) {
      const codes = new Set<string>();
      for (let cut = 0; cut < src.length; cut++) {
        const err = openAndReadAll(src.subarray(0, cut));
        expect(err).toBeInstanceOf(ZipError);
        codes.add(err!.code);
      }
      expect(codes.has("truncated")).toBe(true);
    }
  });

  it("random corruption gives a ZipError or a successful read, never another exception (property)", () => {
    const src = writeZip([
      { name: "a.xml", data: text },
      { name: "b.txt", data: bytes("stored text"), compress: false },
      { name: "ünï/c.xml", data: bytes("<c>" + "x".repeat(500) + "</c>") },
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(src.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const bad = src.slice();
          for (const [at, value] of edits) bad[at] = value;
          openAndReadAll(bad, { maxEntryBytes: 4 * MiB, maxTotalBytes: 8 * MiB });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a local header naming a different file (shadow entry) is refused", () => {
    const data = buildRawZip([
      {
        name: "xl/workbook.xml",
        localName: "xl/evil.xml",
        body: bytes("x"),
        method: 0,
        crc: crc32(bytes("x")),
        uncompressed: 1,
      },
    ]);
    expectZipError(() => openZip(data), "damaged", /two headers that disagree/);
  });

  it("overlapping entries (one stream counted twice) are refused", () => {
    const body = fflate.deflateSync(text);
    const data = buildRawZip([
      { name: "a.xml", body, crc: crc32(text), uncompressed: text.length },
      { name: "b.xml", body, crc: crc32(text), uncompressed: text.length, offsetOverride: 0, omitLocal: true },
    ]);
    // b.xml's local name is a.xml's, so the header check fires first; make the names equal
    // length-for-length to reach the overlap check too.
    expectZipError(() => openZip(data), "damaged");
    const same = buildRawZip([
      { name: "a.xml", body, crc: crc32(text), uncompressed: text.length },
      { name: "a.xml", body, crc: crc32(text), uncompressed: text.length, offsetOverride: 0, omitLocal: true },
    ]);
    expectZipError(() => openZip(same), "damaged", /overlap/);
  });

  it("directory records hidden beyond the entry count are refused", () => {
    const x = bytes("x");
    const data = buildRawZip(
      [
        { name: "a.txt", body: x, method: 0, crc: crc32(x), uncompressed: 1 },
        { name: "hidden.txt", body: x, method: 0, crc: crc32(x), uncompressed: 1 },
      ],
      { countOverride: 1 },
    );
    expectZipError(() => openZip(data), "damaged", /more than its end record says/);
  });
});

describe("limits", () => {
  it("uses the documented defaults", () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({ maxEntries: 10_000, maxEntryBytes: 256 * MiB, maxTotalBytes: 1024 * MiB });
  });

  it("too many entries", () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.txt`, data: bytes("x") }));
    expectZipError(
      () => openZip(writeZip(items), { maxEntries: 5 }),
      "too-many-entries",
      /contains 6 parts, more than the 5 allowed/,
    );
    expect(openZip(writeZip(items), { maxEntries: 6 }).entries.length).toBe(6);
  });

  it("too many entries by default (10,001)", () => {
    const items = Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0) }));
    expectZipError(() => openZip(writeZip(items)), "too-many-entries");
  });

  it("a declared size over maxEntryBytes, and declared sizes summing over maxTotalBytes", () => {
    const data = writeZip([
      { name: "big.xml", data: new Uint8Array(2000) },
      { name: "b.xml", data: new Uint8Array(900) },
    ]);
    expectZipError(
      () => openZip(data, { maxEntryBytes: 1999 }),
      "too-large",
      /"big\.xml" would expand to 2,000 bytes, more than the 1,999 bytes allowed/,
    );
    expectZipError(() => openZip(data, { maxTotalBytes: 2899 }), "too-large", /in total/);
    expect(openZip(data, { maxEntryBytes: 2000, maxTotalBytes: 2900 }).entries.length).toBe(2);
    // Sizes that round to the same unit are spelled out exactly.
    const big = writeZip([{ name: "big.xml", data: new Uint8Array(2 * MiB + 5) }]);
    expectZipError(
      () => openZip(big, { maxEntryBytes: 2 * MiB + 4 }),
      "too-large",
      /2,097,157 bytes, more than the 2,097,156 bytes/,
    );
  });

  it("a lying header (says 100 bytes, inflates to 10 MB) is stopped early, without inflating 10 MB", () => {
    const real = new Uint8Array(10 * 1000 * 1000).fill(0x41);
    const body = fflate.deflateSync(real, { level: 9 });
    const data = buildRawZip([
      { name: "xl/sharedStrings.xml", body, crc: crc32(real), uncompressed: 100, localUncompressed: 100 },
    ]);
    const zip = openZip(data);
    expect(zip.entries[0].uncompressedSize).toBe(100);
    let err: unknown;
    const inflated = countInflated(() => {
      try {
        zip.entries[0].read();
      } catch (e) {
        err = e;
      }
    });
    expect(err).toBeInstanceOf(ZipError);
    expect((err as ZipError).code).toBe("too-large");
    expect((err as ZipError).message).toMatch(/"xl\/sharedStrings\.xml" inflates to more than its header says/);
    // Bound documented in inflateBounded: one slice of at most the declared size (100 bytes) + 1 MiB.
    expect(inflated).toBeLessThan(1.2 * MiB); // not 10 MB
  });

  it("tracks the archive-wide inflated total", () => {
    const a = new Uint8Array(3000).fill(1);
    const zip = openZip(
      writeZip([
        { name: "a", data: a },
        { name: "b", data: a },
      ]),
      { maxTotalBytes: 6000 },
    );
    zip.entries[0].read();
    zip.entries[0].read(); // re-reading the same entry is not charged again
    expect(zip.inflatedBytes).toBe(3000);
    zip.entries[1].read();
    expect(zip.inflatedBytes).toBe(6000);
  });

  describe("a 300 MB zip bomb built at test time", () => {
    const SIZE = 300 * MiB;
    let body: Uint8Array;

    beforeAll(() => {
      // Stream 300 MB of zeros through fflate's Deflate 1 MiB at a time, so the test never
      // holds the uncompressed data.
      const out: Uint8Array[] = [];
      const deflater = new fflate.Deflate({ level: 6 }, (chunk) => out.push(chunk));
      const zeros = new Uint8Array(MiB);
      for (let i = 0; i < SIZE / MiB; i++) deflater.push(zeros, i === SIZE / MiB - 1);
      body = concat(out);
    });

    it("compresses to well under 1 MB", () => {
      expect(body.length).toBeLessThan(MiB);
    });

    it("is refused on its declared size (default 256 MiB limit)", () => {
      const data = buildRawZip([{ name: "xl/worksheets/sheet1.xml", body, uncompressed: SIZE }]);
      expectZipError(
        () => openZip(data),
        "too-large",
        /would expand to 300 MiB, more than the 256 MiB allowed for one part/,
      );
      expectZipError(() => openZip(data, { maxEntryBytes: 256 * MiB }), "too-large");
    });

    it("with a lying declared size it is refused while inflating, without exceeding the limit", () => {
      const declared = 4 * MiB;
      const data = buildRawZip([{ name: "xl/worksheets/sheet1.xml", body, uncompressed: declared }]);
      const zip = openZip(data, { maxEntryBytes: 256 * MiB });
      let err: unknown;
      const inflated = countInflated(() => {
        try {
          zip.entries[0].read();
        } catch (e) {
          err = e;
        }
      });
      expect(err).toBeInstanceOf(ZipError);
      expect((err as ZipError).message).toMatch(/inflates to more than its header says \(4 MiB\)/);
      // At most the declared size plus one slice of (declared size + 1 MiB slack).
      expect(inflated).toBeLessThan(2 * declared + 1.2 * MiB);
    });

    it("with a lying declared size just under the limit, inflation stops near the limit", () => {
      const limit = 64 * MiB;
      const data = buildRawZip([{ name: "bomb.xml", body, uncompressed: limit }]);
      const zip = openZip(data, { maxEntryBytes: limit });
      let err: unknown;
      const inflated = countInflated(() => {
        try {
          zip.entries[0].read();
        } catch (e) {
          err = e;
        }
      });
      expect((err as ZipError).code).toBe("too-large");
      expect(inflated).toBeGreaterThan(limit - MiB);
      expect(inflated).toBeLessThan(2 * limit + 1.2 * MiB);
    });
  });
});

describe("writeZip refusals", () => {
  it("two items that would be the same part", () => {
    expectZipError(
      () =>
        writeZip([
          { name: "xl/workbook.xml", data: bytes("a") },
          { name: "XL/Workbook.xml", data: bytes("b") },
        ]),
      "name-collision",
      /"xl\/workbook\.xml" and "XL\/Workbook\.xml" would be the same part/,
    );
  });

  it.each(["", "/abs.xml", "a\\b.xml", "a/../b.xml", "a//b.xml", "./a.xml"])("invalid new name %j", (name) => {
    expectZipError(() => writeZip([{ name, data: bytes("x") }]), "invalid-name");
  });

  it("more than 65,535 entries", () => {
    const items = Array.from({ length: 65_536 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(0) }));
    expectZipError(() => writeZip(items), "too-big-to-write", /65536 parts/);
  });

  it("copies must come from openZip", () => {
    const fake = { ...openZip(writeZip([{ name: "a", data: bytes("x") }])).entries[0] };
    expect(() => writeZip([{ copy: fake }])).toThrow(TypeError);
  });
});

test("messages read as plain sentences", () => {
  const err = expectZipError(() => openZip(bytes("hello")));
  expect(err.name).toBe("ZipError");
  expect(err.message).toMatch(/^This file is not an Excel workbook \(\.xlsx\): it is not a zip package\./);
  expect(dec.decode(bytes(err.message))).toBe(err.message);
});
