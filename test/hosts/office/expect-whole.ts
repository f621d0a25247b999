import { RUN_TAG } from "../../../src/hosts/office/ownership";
import { cellsOf, cloneState, FakeExcel } from "../../support/fake-excel";
import { fastDeps as deps, reportSheets, sampleFake, tempSheets } from "../../support/office";
import { writeReportToWorkbook } from "../../../src/hosts/office/run";

/** The input sheets' cells (every sheet without a report marker). */
export const inputState = (fake: FakeExcel) =>
  Object.fromEntries(
    fake.state.sheets
      .filter((s) => !s.names.some((n) => n.name === "PMOHighlights.Report"))
      .map((s) => [s.name, cellsOf(s)]),
  );

export interface Before {
  input: unknown;
  report: Record<string, unknown>;
  sheets: string[];
}

export function before(fake: FakeExcel): Before {
  return {
    input: inputState(fake),
    report: Object.fromEntries(reportSheets(fake).map((s) => [s.name, cellsOf(s)])),
    sheets: fake.state.sheets.map((s) => s.name),
  };
}

/** What must hold once a run is over: no temporary or tagged sheet, no hold on the workbook, the input as it was, and either the earlier state or one whole report. */
export function expectWhole(fake: FakeExcel, where: string, was: Before, planned: string[]): void {
  expect({ where, input: inputState(fake) }).toEqual({ where, input: was.input });
  const tagged = fake.state.sheets.filter((s) => s.names.some((n) => n.name === RUN_TAG)).map((s) => s.name);
  expect({
    where,
    temps: tempSheets(fake).map((s) => s.name),
    tagged,
    lock: fake.state.names?.map((n) => n.name),
  }).toEqual({ where, temps: [], tagged: [], lock: [] });
  const report = Object.fromEntries(reportSheets(fake).map((s) => [s.name, cellsOf(s)]));
  const unchanged =
    JSON.stringify(report) === JSON.stringify(was.report) &&
    JSON.stringify(fake.state.sheets.map((s) => s.name)) === JSON.stringify(was.sheets);
  const complete =
    JSON.stringify(Object.keys(report).sort()) === JSON.stringify([...planned].sort()) &&
    reportSheets(fake).every((s) => s.visibility === "Visible") &&
    fake.state.sheets.length === Object.keys(was.input as object).length + planned.length;
  expect({ where, unchangedOrComplete: unchanged || complete }).toEqual({ where, unchangedOrComplete: true });
}

/**
 * The report the stress tests write (a write at every sync, twice over): the board with its charts,
 * the exceptions (links, a table, conditional formats) and the history (a table) — every kind of
 * operation — without the five highlight sheets, which repeat the board's kinds.
 */
export const STRESS = { include: { board: true, highlights: false, exceptions: true, history: true, charts: true } };

/** The sample as it is before a first report, and after one (states to copy for each case). */
export async function states(opts: { include?: typeof STRESS.include } = {}) {
  const fresh = await sampleFake();
  const done = new FakeExcel(cloneState(fresh.state));
  const first = await writeReportToWorkbook(deps(done), opts);
  return { fresh: fresh.state, done: done.state, planned: first.written.sheets.map((s) => s.name) };
}
