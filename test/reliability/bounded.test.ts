/**
 * Issue 23: every file bounded. Each hostile shape is generated here, small, and run through the
 * command line in-process (the big ones, which need a fresh process to measure memory, are in
 * bounded-big.test.ts). Each answers with a report or one plain line; exit codes 0, 1 or 2 only.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileSafely, type FileIo } from "../../src/hosts/xlsx/write-file";
import { openZip } from "../../src/hosts/xlsx/zip";
import { safeJson } from "../../src/cli/format";
import { readCsvText } from "../../src/core/workbook/csv";
import { cli } from "../support/cli";
import * as S from "./shapes";

const dir = mkdtempSync(join(tmpdir(), "pmo-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name: string, data: Uint8Array | string) => {
  const f = join(dir, `${++n}-${name}`);
  writeFileSync(f, data);
  return f;
};

/** A run's answer: its exit code is 0, 1 or 2 and it printed no stack trace. */
function sane(r: { code: number; out: string; err: string }) {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.err).not.toMatch(/\n\s+at |RangeError|TypeError|heap/);
  return r;
}

/** Last row and column (0-based) written in a sheet part of a package. */
function lastCell(data: Uint8Array, part: string): { row: number; col: number } {
  const xml = openZip(data).get(part)!.readText();
  let row = -1;
  let col = -1;
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"/g)) {
    row = Math.max(row, Number(m[2]) - 1);
    col = Math.max(col, [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1);
  }
  return { row, col };
}

describe("cost is what is there, not the grid", () => {
  it("a Settings sheet with one cell at XFD1048576 is read in a moment", async () => {
    const f = file("settings-xfd.xlsx", S.settingsCellAtEnd());
    const t0 = Date.now();
    const r = sane(await cli("check", f, "--json"));
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.out).toContain("Bounded");
    const out = join(dir, "settings-xfd-report.xlsx");
    expect(sane(await cli("report", f, "-o", out, "-q")).code).toBe(0);
  });

  it("a Settings table over A1:XFD1048576 is clipped to the cells present", async () => {
    const f = file("settings-table.xlsx", S.settingsTableWholeGrid());
    const r = sane(await cli("check", f, "--json"));
    expect(r.out).toContain("Bounded");
    expect(sane(await cli("report", f, "-o", join(dir, "settings-table-report.xlsx"), "-q")).code).toBe(0);
  });

  it("rows holding only a cell in column XFD cost a cell each", async () => {
    const f = file("xfd-rows.xlsx", S.xfdRows(20_000));
    const t0 = Date.now();
    const r = sane(await cli("check", f, "-q"));
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.code).toBe(1);
  });
});

describe("a sheet ends at Excel's last row", () => {
  it("rows past row 1,048,576 are left out with a finding, and reading stops there", async () => {
    const tail = Array.from(
      { length: 1000 },
      (_, i) => `<row r="${1_048_577 + i}"><c r="A${1_048_577 + i}"><v>1</v></c></row>`,
    ).join("");
    const f = file("past-grid.xlsx", S.workbook([{ name: "Projects", xml: S.worksheet(S.PROJECTS + tail) }]));
    const r = sane(await cli("check", f, "--json"));
    expect(r.out).toMatch(/rows after row 1,048,576/);
  });
});

describe("a stated budget, refused in one line naming the limit", () => {
  it("report refuses more findings than it lists, naming the number; check still reads the workbook", async () => {
    const f = file("many-findings.xlsx", S.xfdRows(101_000));
    const r = sane(await cli("report", f, "-o", join(dir, "many.xlsx")));
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/no report written .* 101,00\d findings, more than the 100,000 a report lists/);
    expect(sane(await cli("check", f, "-q")).code).toBe(1);
  });

  it("a CSV with more cells than the budget is refused, naming the limit", () => {
    // The limit is applied while parsing: the test lowers it rather than writing 5 million cells.
    expect(() => readCsvText(S.csv(200, 7), "Big", { maxCells: 1000 })).toThrow(/more than 1,000 cells/);
  });
});

describe("inside Excel's grid", () => {
  it("a CSV of 20,000 columns is written only up to XFD, with a finding at the row", async () => {
    const f = file("wide.csv", S.csv(3, 20_000));
    const out = join(dir, "wide-report.xlsx");
    const r = sane(await cli("report", f, "-o", out, "-q"));
    expect(r.code).toBe(0);
    const data = new Uint8Array(readFileSync(out));
    const z = openZip(data);
    const parts = z.entries.map((e) => e.name).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    for (const p of parts) expect(lastCell(data, p).col).toBeLessThanOrEqual(16_383);
    const j = JSON.parse(sane(await cli("check", f, "--json")).out);
    expect(JSON.stringify(j)).toMatch(/past column XFD/);
  });

  it("rows past row 1,048,576 of a CSV are left out with a finding (the parser, not 1 million lines)", () => {
    const text = "ID,Name\n" + Array.from({ length: 1_048_600 }, (_, i) => `${i}`).join("\n");
    const r = readCsvText(text, "Tall");
    expect(r.sheet.rows.length).toBe(1_048_576);
    expect(r.problems.map((p) => p.message).join(" ")).toMatch(/rows after row 1,048,576/);
  });
});

describe("only regular files are read", () => {
  it("a device named .xlsx (/dev/zero) and a FIFO with no writer are refused at open, before reading", async () => {
    const dev = join(dir, "zero.xlsx");
    symlinkSync("/dev/zero", dev);
    const t0 = Date.now();
    const r = sane(await cli("check", dev));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an ordinary file/);
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const f = sane(await cli("report", fifo, "-o", join(dir, "fifo-report.xlsx")));
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/not an ordinary file/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe("safe output", () => {
  const BIN = join(__dirname, "../../bin/pmo-highlights.js");
  const input = () => file("in.xlsx", S.workbook([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]));

  it("a file that appears at the output while the report is written is never replaced without --force", async () => {
    const out = join(dir, "appears.xlsx");
    const io: FileIo = {
      openSync: fs.openSync,
      writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
      fsyncSync: (fd) => (writeFileSync(out, "someone else's"), fs.fsyncSync(fd)),
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      unlinkSync: fs.unlinkSync,
    };
    await expect(writeFileSafely(out, new Uint8Array(10), io, { force: false })).rejects.toThrow(
      /appeared while the report was being written/,
    );
    expect(readFileSync(out, "utf8")).toBe("someone else's");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("two reports to the same -o: only one says it wrote the report", async () => {
    const src = input();
    const out = join(dir, "twice.xlsx");
    const run = () =>
      new Promise<{ code: number | null; out: string }>((res) => {
        const c = spawn(process.execPath, [BIN, "report", src, "-o", out], { stdio: ["ignore", "pipe", "pipe"] });
        let o = "";
        c.stdout.on("data", (d) => (o += d));
        c.on("close", (code) => res({ code, out: o }));
      });
    const both = await Promise.all([run(), run()]);
    expect(both.filter((r) => /Wrote the report/.test(r.out))).toHaveLength(1);
    expect(both.map((r) => r.code).sort()).toEqual([0, 2]);
  });

  it("with --force the old file's mode is kept, and a read-only file is refused unless --overwrite-read-only", async () => {
    const src = input();
    const out = join(dir, "private.xlsx");
    writeFileSync(out, "old");
    fs.chmodSync(out, 0o600);
    expect(sane(await cli("report", src, "-o", out, "--force", "-q")).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const ro = join(dir, "readonly.xlsx");
    writeFileSync(ro, "keep me");
    fs.chmodSync(ro, 0o444);
    const r = sane(await cli("report", src, "-o", ro, "--force"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is read-only: it is left as it is.*--overwrite-read-only/);
    expect(readFileSync(ro, "utf8")).toBe("keep me");
    expect(sane(await cli("report", src, "-o", ro, "--overwrite-read-only", "-q")).code).toBe(0);
    expect(fs.statSync(ro).mode & 0o777).toBe(0o444);
  });

  it.each(["SIGHUP", "SIGQUIT", "SIGINT", "SIGTERM"] as const)(
    "stopped by %s mid-run, it leaves no temporary file",
    async (signal) => {
      const src = file("slow.xlsx", S.missingFields(3000));
      const sub = mkdtempSync(join(tmpdir(), "pmo-sig-"));
      const out = join(sub, "stopped.xlsx");
      const child = spawn(process.execPath, [BIN, "report", src, "-o", out], { stdio: "ignore" });
      // Wait for the temporary file to appear, then stop the run.
      const t0 = Date.now();
      while (!readdirSync(sub).some((f) => f.endsWith(".tmp")) && Date.now() - t0 < 25_000 && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 2));
      child.kill(signal);
      await new Promise((r) => child.on("close", r));
      expect(readdirSync(sub).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );
});

describe("terminal and machine output", () => {
  const EVIL = "\u009b2J\u202eevil\u2028x\u0085";
  const raw = /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u001b]/;

  it("the report's lines (the sheets line) show workbook text escaped", async () => {
    const rows = [
      S.textRow(1, S.HEADERS),
      S.textRow(2, ["P1", "One", `WS${EVIL}`, "Lead", "2009-04-01", "2010-03-31", "Green"]),
    ].join("");
    const f = file("evil.xlsx", S.workbook([{ name: "Projects", xml: S.worksheet(rows) }]));
    const r = sane(await cli("report", f, "-o", join(dir, "evil-report.xlsx")));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sheets: .*\\u202e/);
    expect(r.out).not.toMatch(raw);
    for (const format of ["json", "sarif"]) {
      const j = sane(await cli("check", f, "--format", format));
      expect(j.out).not.toMatch(raw);
      expect(() => JSON.parse(j.out)).not.toThrow();
    }
  });

  it("JSON keeps the text, escaped: parsed back it is the same", () => {
    expect(JSON.parse(safeJson({ m: `a${EVIL}` })).m).toBe(`a${EVIL}`);
    expect(safeJson({ m: EVIL })).not.toMatch(raw);
  });

  it("an error naming a sheet shows its name escaped on stderr", async () => {
    const p = S.parts([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]);
    p["xl/workbook.xml"] = (p["xl/workbook.xml"] as string).replace(
      "</sheets>",
      `<sheet name="Gone${EVIL}" sheetId="9" r:id="rIdGone"/></sheets>`,
    );
    p["xl/_rels/workbook.xml.rels"] = (p["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      `<Relationship Id="rIdGone" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/missing.xml"/></Relationships>`,
    );
    const r = sane(await cli("check", file("gone.xlsx", S.zipParts(p))));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Gone\\x9b2J\\u202e/);
    expect(r.err).not.toMatch(raw);
  });
});

describe("read as Excel reads", () => {
  const ok = async (name: string, data: Uint8Array) => {
    const f = file(name, data);
    const c = sane(await cli("check", f));
    const out = join(dir, `${n}-copy-${name}`);
    const r = sane(await cli("report", f, "-o", out, "-q"));
    return { check: c, report: r, out };
  };
  const utf16le = (s: string) => {
    const b = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      b[2 * i] = s.charCodeAt(i) & 0xff;
      b[2 * i + 1] = s.charCodeAt(i) >> 8;
    }
    return b;
  };

  it("a row after the root element is not read", async () => {
    const xml =
      S.worksheet(S.PROJECTS) +
      S.textRow(3, ["P9", "Ghost", "Commissioning", "A Lead", "2009-04-01", "2010-03-31", "Green"]);
    const { check } = await ok("after-root.xlsx", S.workbook([{ name: "Projects", xml }]));
    expect(check.out).toMatch(/Read 1 projects/);
    expect(check.out).not.toContain("P9");
  });

  it("a NUL-suffixed shadow of a sheet is dropped from the copy; the plain entry is the sheet", async () => {
    const p = S.parts([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]);
    const shadow = S.rawEntries({ "xl/worksheets/sheet1.xml\0": S.worksheet(S.textRow(1, ["Shadow"])) });
    const { check, report, out } = await ok("nul.xlsx", S.buildRawZip([...S.rawEntries(p), ...shadow]));
    expect(check.out).toMatch(/Read 1 projects/);
    expect(report.code).toBe(0);
    const names = openZip(new Uint8Array(readFileSync(out))).entries.map((e) => e.name);
    expect(names.filter((x) => x.startsWith("xl/worksheets/sheet1.xml"))).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("a part with a bad CRC that nothing reads is not copied on: the report is refused, naming the part", async () => {
    const p = S.parts([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]);
    const bad = S.rawEntries({ "customXml/item1.xml": "<root>never read</root>" }).map((e) => ({
      ...e,
      crc: (e.crc! ^ 1) >>> 0,
    }));
    const { report, out } = await ok("crc.xlsx", S.buildRawZip([...S.rawEntries(p), ...bad]));
    expect(report.code).toBe(2);
    expect(report.err).toMatch(/customXml\/item1\.xml/);
    expect(report.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("part names with a leading slash: report reads and writes them as check reads them", async () => {
    const p = S.parts([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]);
    const slashed = Object.fromEntries(Object.entries(p).map(([k, v]) => [`/${k}`, v]));
    const { check, report, out } = await ok("slash.xlsx", S.buildRawZip(S.rawEntries(slashed)));
    expect(check.code).toBe(0);
    expect(report.code).toBe(0);
    expect(openZip(new Uint8Array(readFileSync(out))).entries.every((e) => !e.name.startsWith("/"))).toBe(true);
  });

  it("UTF-16 parts without a byte-order mark ([Content_Types].xml, styles.xml) are read and kept in UTF-16", async () => {
    const p = S.parts([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]);
    for (const k of ["[Content_Types].xml", "xl/styles.xml"])
      p[k] = utf16le((p[k] as string).replace('encoding="UTF-8"', 'encoding="UTF-16"'));
    const { check, report, out } = await ok("utf16.xlsx", S.zipParts(p));
    expect(check.code).toBe(0);
    expect(report.code).toBe(0);
    const styles = openZip(new Uint8Array(readFileSync(out)))
      .get("xl/styles.xml")!
      .read();
    expect([styles[0], styles[1]]).toEqual([0x3c, 0]);
  });

  it("a package of 9,995 entries: check and report agree", async () => {
    const p = S.parts([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }]);
    for (let i = 0; Object.keys(p).length < 9995; i++) p[`customXml/x${i}.xml`] = "<x/>";
    const { check, report } = await ok("many-entries.xlsx", S.zipParts(p));
    expect(check.code).toBe(0);
    expect(report.code).toBe(0);
  });
});

describe("say what was lost or cannot be kept", () => {
  it("a signed workbook's report says the signature will not survive; --strict refuses it", async () => {
    const f = file(
      "signed.xlsx",
      S.workbook([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }], {
        rootRels: `<Relationship Id="rIdSig" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin" Target="_xmlsignatures/origin.sigs"/>`,
        extra: { "_xmlsignatures/origin.sigs": "", "_xmlsignatures/sig1.xml": "<Signature/>" },
      }),
    );
    const r = sane(await cli("report", f, "-o", join(dir, "signed-report.xlsx")));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/digitally signed.*no longer valid/);
    const out = join(dir, "signed-strict.xlsx");
    const s = sane(await cli("report", f, "-o", out, "--strict"));
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/digitally signed/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a user cell with a dangling style index does not take one of the report's styles", async () => {
    const xml = S.worksheet(S.PROJECTS.replace("</row></sheetData>", "") + "");
    const sheet = xml.replace(`</row></sheetData>`, `${S.num("H2", 57, 5)}</row></sheetData>`);
    const f = file("dangling.xlsx", S.workbook([{ name: "Projects", xml: sheet }]));
    const out = join(dir, "dangling-report.xlsx");
    expect(sane(await cli("report", f, "-o", out, "-q")).code).toBe(0);
    const styles = openZip(new Uint8Array(readFileSync(out)))
      .get("xl/styles.xml")!
      .readText();
    const xfs = styles.slice(styles.indexOf("<cellXfs")).match(/<xf [^>]*>/g)!;
    expect(xfs.length).toBeGreaterThan(5);
    expect(xfs[5]).toMatch(/numFmtId="0"/);
    expect(xfs[5]).not.toMatch(/apply/);
  });

  it("NaN in a number cell and a shared-text index past the end are findings at their cells", async () => {
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>Only</t></si></sst>`;
    const rows =
      S.textRow(1, S.HEADERS) +
      `<row r="2">${S.inl("A2", "P1")}<c r="B2" t="s"><v>7</v></c>${S.inl("C2", "WS")}${S.inl("D2", "Lead")}${S.inl("E2", "2009-04-01")}${S.num("F2", "NaN")}</row>`;
    const f = file("nan.xlsx", S.workbook([{ name: "Projects", xml: S.worksheet(rows) }], { sharedStrings: sst }));
    const r = JSON.stringify(JSON.parse(sane(await cli("check", f, "--json")).out));
    expect(r).toMatch(/"cell":"B2"[^}]*shared text number 7|shared text number 7[^}]*"cell":"B2"/);
    expect(r).toMatch(/NaN/);
  });

  it("a structure-locked workbook is refused with the reason, as Excel refuses to add sheets", async () => {
    const f = file(
      "locked.xlsx",
      S.workbook([{ name: "Projects", xml: S.worksheet(S.PROJECTS) }], {
        workbookHead: `<workbookProtection lockStructure="1"/>`,
      }),
    );
    const out = join(dir, "locked-report.xlsx");
    const r = sane(await cli("report", f, "-o", out));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/structure is protected/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("CSV as Excel and Project write it", () => {
  const rows = [
    "ID,Name,Workstream,Lead,Start,Finish,Reported RAG",
    "P1,Design — phase one,WS,Zoë Lead,2009-04-01,2010-03-31,Green",
  ];
  const utf16 = (s: string, le: boolean) => {
    const b = new Uint8Array(2 + s.length * 2);
    b.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      b[2 + 2 * i + (le ? 0 : 1)] = s.charCodeAt(i) & 0xff;
      b[2 + 2 * i + (le ? 1 : 0)] = s.charCodeAt(i) >> 8;
    }
    return b;
  };
  const cp1252 = (s: string) =>
    Uint8Array.from([...s].map((ch) => (ch === "—" ? 0x97 : ch === "ë" ? 0xeb : ch.charCodeAt(0))));
  it.each([
    ["UTF-8", new TextEncoder().encode(rows.join("\r\n"))],
    [
      "UTF-8 with a byte-order mark",
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(rows.join("\r\n"))]),
    ],
    ["UTF-16 LE", utf16(rows.map((r) => r.replace(/,/g, "\t")).join("\r\n"), true)],
    ["UTF-16 BE", utf16(rows.map((r) => r.replace(/,/g, "\t")).join("\r\n"), false)],
    ["Windows-1252", cp1252(rows.join("\r\n"))],
  ])("%s is detected, read without loss and named", async (encoding, bytes) => {
    const f = file("plan.csv", bytes as Uint8Array);
    const r = sane(await cli("check", f, "--json"));
    const text = JSON.stringify(JSON.parse(r.out));
    expect(text).toContain(`read as ${encoding} text`);
    const out = join(dir, `${n}-enc.xlsx`);
    expect(sane(await cli("report", f, "-o", out, "-q")).code).toBeLessThan(2);
    const sheet = openZip(new Uint8Array(readFileSync(out)))
      .entries.map((e) => e.readText())
      .join("");
    expect(sheet).toContain("Design — phase one");
    expect(sheet).toContain("Zoë Lead");
  });

  it("an unclosed quote, mixed separators, cells past the header and cut cells are findings at their cells", () => {
    const long = "x".repeat(40_000);
    const text = [
      "ID,Name,Workstream",
      'P1,"Never closed,WS',
      "P2;Semi;Colons",
      "P3,Three,WS,extra",
      `P4,${long},WS`,
      ...Array.from({ length: 50 }, (_, i) => `Q${i},Row ${i},WS`),
    ].join("\n");
    const r = readCsvText(text, "Odd");
    const at = (cell: string) =>
      r.problems
        .filter((p) => p.cell === cell)
        .map((p) => p.message)
        .join(" ");
    expect(at("B2")).toMatch(/never closed/);
    expect(r.sheet.rows.length).toBe(55); // the quote did not swallow the 50 rows after it
    expect(r.sheet.rows[1][1]).toBe('"Never closed');
    expect(at("A3")).toMatch(/separated by semicolons/);
    expect(at("D4")).toMatch(/past the header/);
    expect(at("B5")).toMatch(/40,000 characters/);
    expect(r.sheet.rows[4][1]).toBe(long); // read whole; the copy is what Excel can hold
  });
});
