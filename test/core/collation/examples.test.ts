import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { collationExamples } from "../../../scripts/collation-examples";
import { analyseCollation } from "../../../src/core/collation/analyse";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { parseCsv, sheetNameFromFile } from "../../../src/core/workbook/csv";
import { readKeptSources } from "../../../src/core/workbook/sources-sheet";
import { decodeWindows1252 } from "../../../src/core/primitives/windows-1252";
import type { SheetSnapshot } from "../../../src/core/primitives/snapshot";
import { cli } from "../../support/cli";
import { pdfPages, pdfText, toPdf } from "../../support/libreoffice";

const ROOT = join(__dirname, "../../../examples/collation");
const SOURCES = ["community-hubs.xlsx", "digital.xlsx", "estates.xlsx", "urgent-care.csv", "workforce.xlsx"];
const dir = mkdtempSync(join(tmpdir(), "pmo-collation-"));

async function analyse() {
  const main = await readWorkbook(readFileSync(join(ROOT, "programme.xlsx")));
  const sources = await Promise.all(
    SOURCES.map(async (file) => {
      const bytes = readFileSync(join(ROOT, "sources", file));
      const snapshot = file.endsWith(".csv")
        ? { sheets: [parseCsv(decodeWindows1252(bytes), sheetNameFromFile(file))], tables: [], date1904: false }
        : await readWorkbook(bytes);
      return { file, snapshot };
    }),
  );
  return analyseCollation(main, sources);
}

/** A sheet's cells as text, row by row. */
const texts = (s: SheetSnapshot) =>
  s.rows.filter(Boolean).map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))));

describe("examples/collation", () => {
  it("is what scripts/make-collation-examples.ts writes (run it after changing scripts/collation-examples.ts)", async () => {
    for (const [path, bytes] of Object.entries(await collationExamples())) {
      const committed = readFileSync(join(ROOT, path));
      if (!path.endsWith(".xlsx") || path.startsWith("broken/")) {
        expect({ path, same: Buffer.compare(committed, Buffer.from(bytes)) === 0 }).toEqual({ path, same: true });
        continue;
      }
      const [a, b] = [await JSZip.loadAsync(committed), await JSZip.loadAsync(bytes)];
      expect(Object.keys(a.files).sort()).toEqual(Object.keys(b.files).sort());
      for (const n of Object.keys(b.files))
        expect({ path, n, xml: await a.file(n)?.async("string") }).toEqual({
          path,
          n,
          xml: await b.file(n)?.async("string"),
        });
    }
  });

  it("holds two cross-workstream links, one colliding ID among the workbooks, and a Project CSV in Windows-1252", async () => {
    const csv = readFileSync(join(ROOT, "sources/urgent-care.csv"));
    expect(csv.includes(0x96)).toBe(true); // the en dash, as Project's Export Wizard writes it
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(csv)).toThrow();
    const a = await analyse();
    const ws = (id: string) =>
      a.programme.projects.find((p) => p.id === id)?.workstream ??
      a.programme.projects.find((p) => p.id === a.programme.milestones.find((m) => m.id === id)?.project)?.workstream;
    const across = a.programme.links.filter((l) => ws(l.from) !== ws(l.to)).map((l) => [l.from, l.to, l.sheet]);
    expect(across).toEqual([
      ["W02", "Community Hubs:4", "Dependencies"],
      ["P02", "D01", "digital.xlsx › Projects"],
    ]);
    expect(a.programme.projects.filter((p) => /:P04$/.test(p.id)).map((p) => [p.id, p.workstream])).toEqual([
      ["Estates:P04", "Estates"],
      ["Workforce:P04", "Workforce"],
    ]);
    expect(a.rag.workstreams.map((w) => w.name).sort()).toEqual([
      "Community Hubs",
      "Digital",
      "Estates",
      "Urgent Care",
      "Workforce",
    ]);
    expect(a.programme.projects.find((p) => p.name.startsWith("Model of care"))!.name).toBe(
      "Model of care – triage and streaming",
    );
    // Estates' slip pushes Digital: named with both.
    expect(a.diagnostics.find((d) => d.code === "slippage-impact" && d.entity === "D01")!.message).toContain(
      "This crosses workstreams: P02 is in Estates (estates.xlsx), D01 in Digital (digital.xlsx).",
    );
    // Two registers on different matrices: each keeps its own.
    expect(new Set(a.programme.risks.map((r) => `${r.src.sheet.split(" › ")[0]} ${r.matrix}`))).toEqual(
      new Set(["estates.xlsx 5x5", "digital.xlsx 3x3", "workforce.xlsx 5x5"]),
    );
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("checks from the command line with one line per source", async () => {
    const r = await cli("check", join(ROOT, "programme.xlsx"), "--sources", join(ROOT, "sources"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Sources (5):");
    expect(r.out).toMatch(
      /^ {2}digital\.xlsx → Digital: 3 projects, 2 risks from 6 rows, 1 link to other workstreams; 0 errors, \d warnings$/m,
    );
    expect(r.out).toMatch(
      /^ {2}workforce\.xlsx → Workforce: 3 projects, 1 risk from 5 rows, 1 ID qualified \(Workforce:P04\)/m,
    );
    expect(r.out).toContain("digital.xlsx › Projects (");
  });

  it("reports into one pack whose every finding and item row names its source; a broken source is named and the rest reported; LibreOffice renders it", async () => {
    const out = join(dir, "pack.xlsx");
    const r = await cli(
      "report",
      join(ROOT, "programme.xlsx"),
      "--sources",
      join(ROOT, "sources"),
      "--source",
      join(ROOT, "broken/finance-tracker.xlsx"),
      "-o",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/finance-tracker\.xlsx: NOT READ \(it is damaged or not a complete \.xlsx file/);
    expect(r.err).toContain("left out finance-tracker.xlsx");
    expect(existsSync(out)).toBe(true);
    const pack = await readWorkbook(readFileSync(out));
    const sheet = (name: string) => pack.sheets.find((s) => s.name === name)!;
    const own = new Set(["Settings", "Workstreams", "Commentary", "Dependencies", "Holidays", ""]);
    const files = [...SOURCES, "finance-tracker.xlsx"];
    const exceptions = texts(sheet("Exceptions"));
    const head = exceptions.findIndex((row) => row[0] === "Severity");
    for (const row of exceptions.slice(head + 1))
      expect({
        row,
        named: own.has(row[2]) || files.some((f) => row[2] === f || row[2].startsWith(`${f} › `)),
      }).toEqual({ row, named: true });
    // Each workstream's project rows name the file and cell they came from (a place in another file is not a live link).
    for (const [ws, file, projects] of [
      ["Digital", "digital.xlsx", 3],
      ["Estates", "estates.xlsx", 4],
      ["Urgent Care", "urgent-care.csv", 2],
      ["Community Hubs", "community-hubs.xlsx", 2],
    ] as const) {
      const rows = texts(sheet(`HR ${ws}`));
      const at = rows.findIndex((row) => row[0] === "ID" && row[1] === "Project");
      const place = new RegExp(`^[^\\n]+\\n${file.replace(".", "\\.")} › .+![A-Z]+\\d+$`);
      const isHeader = (row: string[]) => row[0] === "ID" && row[1] === "Project"; // repeated after a page break
      expect(
        rows
          .slice(at + 1)
          .filter((row) => !isHeader(row))
          .slice(0, projects)
          .map((row) => place.test(row[0])),
      ).toEqual(Array(projects).fill(true));
    }
    // The Sources sheet lists every source, the broken one never read.
    const kept = readKeptSources(pack).sort((x, y) => x.file.localeCompare(y.file));
    expect(kept.map((k) => [k.file, /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(k.lastRead), k.rows > 0])).toEqual(
      [...SOURCES, "finance-tracker.xlsx"]
        .sort()
        .map((f) => [f, f !== "finance-tracker.xlsx", f !== "finance-tracker.xlsx"]),
    );
    const board = texts(sheet("Board Report")).map((row) => row.join(" | "));
    expect(board.some((l) => l.startsWith("finance-tracker.xlsx | (not read) | Source"))).toBe(true);
    // Each register on its own matrix's heat map, which names the registers on it.
    expect(board.some((l) => /^Risk heat map: .*3×3.*\(registers: digital\.xlsx\)/.test(l))).toBe(true);
    expect(board.some((l) => /^Risk heat map: .*5×5.*\(registers: estates\.xlsx, workforce\.xlsx\)/.test(l))).toBe(
      true,
    );
    // The push across workstreams names both workstreams on the board (its slips by root cause).
    expect(board.some((l) => l.includes("Cannock hub refurbishment (Estates workstream; pushes Digital)"))).toBe(true);
    const [pdf] = toPdf([out], dir);
    expect(pdfPages(pdf)).toBeGreaterThan(10);
    const text = pdfText(pdf);
    expect(text).toContain("Data quality: what this report cannot show");
    expect(text).toContain("Highlight report: Urgent Care");
  }, 240_000);
});
