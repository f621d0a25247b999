/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { readSnapshot } from "../../src/hosts/office/read";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { readKeptSources } from "../../src/core/workbook/sources-sheet";
import { excelService } from "../../src/taskpane/services/excel-service";
import type { FileSource } from "../../src/taskpane/services/types";
import { Pane } from "../../src/taskpane/Pane";
import { inlineFileJobs } from "../../src/taskpane/worker/file-client";
import { FakeExcel } from "../support/fake-excel";
import { deps } from "../support/office";
import { renderUi } from "../support/render";

const ROOT = join(__dirname, "../../examples/collation");
const file = (name: string): FileSource => ({
  name,
  read: async () => new Uint8Array(readFileSync(join(ROOT, "sources", name))),
});
const progress = () => undefined;
const include = { board: true, highlights: true, exceptions: true, history: true, charts: true };

/** The Sources sheet as the Office host reads it back from the fake workbook. */
async function keptIn(fake: FakeExcel) {
  return readKeptSources((await fake.run({}, (ctx) => readSnapshot(ctx))).snapshot);
}

describe("workstream sources in Excel: read by the file host in the file worker, kept on the Sources sheet", () => {
  let fake: FakeExcel;
  beforeEach(async () => {
    jest.useFakeTimers({
      now: new Date(2026, 2, 2, 9, 0),
      doNotFake: ["setTimeout", "setInterval", "setImmediate", "nextTick", "queueMicrotask"],
    });
    fake = FakeExcel.fromSnapshot(await readWorkbook(new Uint8Array(readFileSync(join(ROOT, "programme.xlsx")))));
  });
  afterEach(() => jest.useRealTimers());

  it("collates the chosen files into the report, writes only the report, and refreshes a file's row when it is chosen again", async () => {
    const before = fake.state.sheets.map((s) => s.name);
    const service = excelService(deps(fake), inlineFileJobs());
    service.sources!.add([file("estates.xlsx"), file("urgent-care.csv")]);
    const checked = await service.check({}, progress);
    expect(checked.collation!.map((s) => [s.file, s.workstream])).toEqual([
      ["estates.xlsx", "Estates"],
      ["urgent-care.csv", expect.any(String)],
    ]);
    const out = await service.report({ include }, progress);
    expect(out.sheets.map((s) => s.key)).toContain("sources");
    // Nothing of the sources' own sheets is written into the workbook: its sheets, and the report's.
    const reportNames = new Set(out.sheets.map((s) => s.name));
    expect(fake.state.sheets.map((s) => s.name).filter((n) => !reportNames.has(n))).toEqual(before);
    const rows = (f: string) => checked.collation!.find((s) => s.file === f)!.rows;
    const first = await keptIn(fake);
    expect(first).toEqual([
      { file: "estates.xlsx", workstream: "Estates", lastRead: "2026-03-02 09:00", rows: rows("estates.xlsx") },
      {
        file: "urgent-care.csv",
        workstream: expect.any(String),
        lastRead: "2026-03-02 09:00",
        rows: rows("urgent-care.csv"),
      },
    ]);

    // The workbook opened again later: the pane lists the Sources sheet's rows; estates.xlsx chosen again refreshes its row.
    jest.setSystemTime(new Date(2026, 2, 30, 16, 45));
    const later = excelService(deps(fake), inlineFileJobs());
    renderUi(<Pane service={later} />);
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of /));
    fireEvent.click(screen.getByRole("tab", { name: "Workbook" }));
    await waitFor(() =>
      screen.getByText(/^urgent-care\.csv — .*last read 2026-03-02 09:00\. Not chosen in this session/),
    );
    expect(
      screen.getByText(/^estates\.xlsx — Estates: \d+ rows, last read 2026-03-02 09:00\. Not chosen/),
    ).toBeTruthy();
    const bytes = new Uint8Array(readFileSync(join(ROOT, "sources", "estates.xlsx")));
    fireEvent.change(screen.getByTestId("sources-input"), {
      // jsdom's File has no arrayBuffer (browsers' has): the bytes as a browser reads them.
      target: { files: [Object.assign(new File([], "estates.xlsx"), { arrayBuffer: async () => bytes.buffer })] },
    });
    await waitFor(() => screen.getByText(/^estates\.xlsx — Estates: .* from \d+ rows, read 16:45/), {
      timeout: 20_000,
      onTimeout: (e) =>
        new Error(`${e.message.slice(0, 200)}\n${screen.getByRole("list", { name: "Sources" }).textContent}`),
    });
    await later.report({ include }, progress);
    const second = await keptIn(fake);
    expect(second.map((k) => [k.file, k.lastRead])).toEqual([
      ["estates.xlsx", "2026-03-30 16:45"],
      ["urgent-care.csv", "2026-03-02 09:00"],
    ]);
    expect(second[1]).toEqual(first[1]);
  });
});
