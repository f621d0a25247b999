import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { writeReportToWorkbook } from "../../src/hosts/office/run";
import { cellsOf } from "../support/fake-excel";
import { deps, sampleFake } from "../support/office";
import { reportOf } from "../support/report-cases";
import { LO_RICH, SAMPLE_PATH } from "../support/sample";

/** Every input cell's value and formula, before and after a report, in both hosts. */
async function cellsAndFormulas(data: Uint8Array, only?: Set<string>) {
  const snap = await readWorkbook(data);
  const zip = await JSZip.loadAsync(data);
  const formulas: Record<string, string[]> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
    formulas[name] = [
      ...(await zip.file(name)!.async("string")).matchAll(
        /<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*?<f[^>]*>([^<]*)<\/f>/g,
      ),
    ].map((m) => `${m[1]}=${m[2]}`);
  const values = Object.fromEntries(snap.sheets.filter((s) => !only || only.has(s.name)).map((s) => [s.name, s.rows]));
  return { values, formulas };
}

describe("input sheets are never changed", () => {
  it.each([
    ["the sample", SAMPLE_PATH],
    ["a LibreOffice workbook with formulas, a chart and a pivot table", LO_RICH],
  ])("by the file host, for %s", async (_name, path) => {
    const input = new Uint8Array(readFileSync(path));
    const inputSheets = new Set((await readWorkbook(input)).sheets.map((s) => s.name));
    const before = await cellsAndFormulas(input, inputSheets);
    const after = await cellsAndFormulas(await reportOf(input), inputSheets);
    expect(after.values).toEqual(before.values);
    for (const [part, fs] of Object.entries(before.formulas)) expect(after.formulas[part]).toEqual(fs);
    if (path === LO_RICH) expect(Object.values(before.formulas).flat()).toContain("G6=SUM(G2:G4)");
  });

  it("by the Office.js host", async () => {
    const fake = await sampleFake();
    const before = Object.fromEntries(fake.state.sheets.map((s) => [s.name, cellsOf(s)]));
    await writeReportToWorkbook(deps(fake));
    await writeReportToWorkbook(deps(fake)); // and again, replacing the first report
    for (const [name, cells] of Object.entries(before)) expect(cellsOf(fake.sheet(name))).toEqual(cells);
  });
});
