import { cellsOf } from "../support/fake-excel";
import { bigSnapshot, deps, reportSheets, sampleFake } from "../support/office";
import { FakeExcel } from "../support/fake-excel";

// The function file registers handlers with Office on load; give it a minimal Office to load against.
const associated: Record<string, unknown> = {};
(globalThis as { Office?: unknown }).Office = {
  onReady: (cb: () => void) => cb(),
  actions: { associate: (name: string, fn: unknown) => (associated[name] = fn) },
  context: {},
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: { DialogEventReceived: "dialogEventReceived" },
};

const { runCommand, notifyInDialog, UNSHOWN_MESSAGE_KEY } =
  require("../../src/commands/commands") as typeof import("../../src/commands/commands");

describe("the ribbon's function commands", () => {
  it("register Run Checks and Generate Report with Office", () => {
    expect(Object.keys(associated).sort()).toEqual(["generateReport", "runChecks"]);
  });

  it("Run Checks writes the Exceptions sheet alone and opens it, leaving any board report in place", async () => {
    const fake = await sampleFake();
    await runCommand("report", deps(fake), () => undefined);
    const board = cellsOf(fake.sheet("Board Report"));
    fake.selection = null;
    const notes: string[] = [];
    await runCommand("check", deps(fake), (m) => void notes.push(m));
    expect(notes).toEqual([]);
    expect(
      reportSheets(fake)
        .map((s) => s.name)
        .sort(),
    ).toEqual([
      "Board Report",
      "ER Commissioning Competencies",
      "ER Quality and Innovation",
      "ER Working in Partnership",
      "Exceptions",
      "HR Clinical Engagement",
      "HR Commissioning Competencies",
      "HR Leadership Development",
      "HR Quality and Innovation",
      "HR Working in Partnership",
      "Plan Snapshots",
      "RAG History",
    ]);
    expect(cellsOf(fake.sheet("Board Report"))).toEqual(board);
    expect(fake.requests.some((r) => r.ops.includes("worksheet.activate"))).toBe(true);
  });

  it("Generate Report writes the whole report, and a failure is explained to the user", async () => {
    const fake = await sampleFake();
    const notes: string[] = [];
    await runCommand("report", deps(fake), (m) => void notes.push(m));
    expect(reportSheets(fake)).toHaveLength(12); // board, 5 highlight and 3 exception reports, exceptions, history, plan snapshots
    fake.state.protectedStructure = true;
    await runCommand("report", deps(fake), (m) => void notes.push(m));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/protected/);
  });

  it("completes only after the message is closed", async () => {
    const fake = await sampleFake();
    fake.state.protectedStructure = true;
    let closed: (() => void) | undefined;
    let finished = false;
    const run = runCommand("report", deps(fake), () => new Promise<void>((r) => (closed = r))).then(
      () => (finished = true),
    );
    // Wait until the message is shown (however long the run takes on a busy machine), then a moment more.
    while (!closed && !finished) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    expect(finished).toBe(false); // the message is still open: event.completed() must wait
    closed!();
    await run;
    expect(finished).toBe(true);
  });

  it("leaves a job that could pass the 5-minute limit to the pane, writing nothing", async () => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(11_000)); // 154,000 cells
    const notes: string[] = [];
    await runCommand("report", deps(fake), (m) => void notes.push(m));
    expect(notes).toEqual([expect.stringMatching(/Open Programme Check on the Home tab/)]);
    expect(reportSheets(fake)).toEqual([]);
    expect(fake.runs.length).toBe(1); // the read only
    // And when reading and checking took too long, even for a small workbook.
    const small = await sampleFake();
    let t = 0;
    await runCommand(
      "report",
      deps(small),
      (m) => void notes.push(m),
      () => (t += 100_000),
    );
    expect(notes[1]).toMatch(/Open Programme Check/);
    expect(reportSheets(small)).toEqual([]);
  }, 60_000);

  it("tells the user what Excel refused, although the report was written", async () => {
    const fake = await sampleFake();
    fake.faults = [{ when: (op, d) => op === "pageLayout" && d.p === "printArea", code: "GeneralException" }];
    const notes: string[] = [];
    await runCommand("report", deps(fake), (m) => void notes.push(m));
    expect(reportSheets(fake)).toHaveLength(12); // board, 5 highlight and 3 exception reports, exceptions, history, plan snapshots
    expect(notes).toEqual([
      expect.stringMatching(/^The report was written\. Excel did not accept .*print area.*Generate the report again/),
    ]);
  });

  it("keeps a message the user would not let open (12009) instead of losing it, and completes", async () => {
    const stored: Record<string, string> = {};
    const ui = {
      displayDialogAsync: (_url: string, _opts: unknown, cb: (r: unknown) => void) =>
        cb({ status: "failed", error: { code: 12009 } }),
    } as unknown as Pick<Office.UI, "displayDialogAsync">;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await notifyInDialog("The workbook is protected.", ui, { setItem: (k: string, v: string) => void (stored[k] = v) });
    warn.mockRestore();
    expect(JSON.parse(stored[UNSHOWN_MESSAGE_KEY])).toMatchObject({
      code: 12009,
      message: "The workbook is protected.",
    });
  });
});
