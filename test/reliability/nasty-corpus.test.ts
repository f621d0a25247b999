import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { cli } from "../support/cli";

/** The hand-made nasty workbooks in test/fixtures/nasty, each with what must happen (expectations.json). */
const DIR = join(__dirname, "..", "fixtures", "nasty");
interface Expectation {
  file: string;
  what: string;
  checkExit: number;
  codes?: string[];
  cells?: string[];
  reportExit: number;
  reportSheets?: string[];
  project?: { id: string; earlyStart: string; earlyFinish: string };
}
const cases: Expectation[] = JSON.parse(readFileSync(join(DIR, "expectations.json"), "utf8"));
const out = mkdtempSync(join(tmpdir(), "pmo-nasty-"));
const sha = (f: string) => createHash("sha1").update(readFileSync(f)).digest("hex");

describe.each(cases)("$file: $what", (c) => {
  const input = join(DIR, c.file);

  it(`check exits ${c.checkExit}${c.codes ? ` with ${c.codes.join(", ")}` : ""}`, async () => {
    const r = await cli("check", input, "--json", "--as-of", "2010-01-31");
    expect(r.code).toBe(c.checkExit);
    if (c.checkExit === 2) {
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
      return;
    }
    const j = JSON.parse(r.out);
    for (const code of c.codes ?? []) expect(j.diagnostics.map((d: { code: string }) => d.code)).toContain(code);
    for (const cell of c.cells ?? [])
      expect(j.diagnostics.map((d: { sheet: string; cell: string }) => `${d.sheet}!${d.cell}`)).toContain(cell);
    if (c.project) expect(j.projects.find((p: { id: string }) => p.id === c.project!.id)).toMatchObject(c.project);
  });

  it(`report exits ${c.reportExit}, never changing the input${c.reportExit === 2 ? " and writing nothing" : ""}`, async () => {
    const before = sha(input);
    const target = join(out, `report-${c.file}`);
    const r = await cli("report", input, "-o", target, "--quiet", "--as-of", "2010-01-31");
    expect(r.code).toBe(c.reportExit);
    expect(sha(input)).toBe(before);
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    if (c.reportExit === 2) {
      expect(existsSync(target)).toBe(false);
      return;
    }
    const back = await readWorkbook(new Uint8Array(readFileSync(target)));
    for (const s of c.reportSheets ?? []) expect(back.sheets.map((x) => x.name)).toContain(s);
    // No formula anywhere in what the report added.
    const zip = await JSZip.loadAsync(readFileSync(target));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      expect({ name, formula: /<f[\s>]/.test(xml) }).toEqual({ name, formula: false });
    }
  });
});
