import { writeReportToWorkbook } from "../../../src/hosts/office/run";
import { HostError } from "../../../src/hosts/office/errors";
import { LOCK_TTL_MS, RUN_LOCK, RUN_TAG } from "../../../src/hosts/office/ownership";
import { cloneState, FakeExcel, newSheet } from "../../support/fake-excel";
import { fastDeps as deps, reportSheets, tempSheets } from "../../support/office";
import { before, expectWhole, states, STRESS } from "./expect-whole";

/** One run at a time per workbook; clean-up of only what a run made; dead runs' leftovers; a truer fake. */
describe("runs sharing a workbook", () => {
  it("two runs at once (pane and ribbon, or two co-authors), started at any sync of the other: one writes, the other is told to wait, neither deletes the other's work", async () => {
    const st = await states(STRESS);
    for (const which of ["fresh", "done"] as const) {
      const probe = new FakeExcel(cloneState(st[which]));
      await writeReportToWorkbook(deps(probe), STRESS);
      for (let k = 0; k <= probe.syncs + 1; k++) {
        const fake = new FakeExcel(cloneState(st[which]));
        const was = before(fake);
        const second: Promise<unknown>[] = [];
        const startB = () =>
          second.push(
            writeReportToWorkbook({ ...deps(fake), source: "ribbon" }, STRESS).then(
              () => "ok",
              (e: unknown) => e,
            ),
          );
        if (k === 0) startB();
        else fake.coauthor = (n) => void (n === k && startB());
        const a = await writeReportToWorkbook(deps(fake), STRESS).then(
          () => "ok",
          (e: unknown) => e,
        );
        if (!second.length) startB(); // k past the first run's last sync: the second starts after it
        const b = await second[0];
        const where = `${which}, second run from sync ${k}`;
        const outcomes = [a, b].map((x) =>
          x === "ok" ? "ok" : x instanceof HostError && x.problem === "busy" ? "busy" : String(x),
        );
        // Both may succeed one after the other (the second started once the first was done); never neither, never another failure.
        expect({
          where,
          ok: outcomes.includes("ok"),
          others: outcomes.filter((o) => o !== "ok" && o !== "busy"),
        }).toEqual({ where, ok: true, others: [] });
        expectWhole(fake, where, was, st.planned);
        expect({
          where,
          duplicates: fake.state.sheets.filter((s) => / \(\d+\)$/.test(s.name)).map((s) => s.name),
        }).toEqual({ where, duplicates: [] });
      }
    }
  }, 120_000);

  it("tells a second run who holds the workbook and until when, and changes nothing", async () => {
    const fake = new FakeExcel(cloneState((await states()).done));
    const now = Date.parse("2026-12-07T14:02:00Z");
    fake.state.names!.push({
      name: RUN_LOCK,
      formula: `="pmo-run|abc123|ribbon|${now}|${now + LOCK_TTL_MS}"`,
      visible: false,
    });
    const sheets = fake.state.sheets.map((s) => s.name);
    await expect(writeReportToWorkbook({ ...deps(fake), clock: () => now + 1000 })).rejects.toThrow(
      /already being written in this workbook from the ribbon \(started 14:02 UTC.*free again at 14:12 UTC/,
    );
    expect(fake.state.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it.each([
    ["a first report", "fresh"],
    ["a regeneration", "done"],
  ] as const)(
    "%s, the pane closed at any sync (or its answer lost): the next run removes what was left, says so, and writes the whole report",
    async (_, which) => {
      const st = await states(STRESS);
      const probe = new FakeExcel(cloneState(st[which]));
      await writeReportToWorkbook(deps(probe), STRESS);
      let noted = 0;
      for (let k = 1; k <= probe.syncs; k++) {
        const applied = k % 2 === 0;
        const fake = new FakeExcel(cloneState(st[which]));
        const was = before(fake);
        fake.faults = [{ sync: k, code: "RequestAborted", kill: true, applied }];
        let now = Date.parse("2026-12-07T10:00:00Z");
        await writeReportToWorkbook({ ...deps(fake), clock: () => now }, STRESS).catch(() => undefined);
        fake.revive();
        const held = fake.state.names!.some((n) => n.name === RUN_LOCK);
        if (held) {
          // Before the hold expires another run is told to wait, and changes nothing.
          const sheets = fake.state.sheets.map((s) => s.name);
          await expect(writeReportToWorkbook({ ...deps(fake), clock: () => now + 60_000 }, STRESS)).rejects.toThrow(
            /already being written.*free again at 10:10 UTC/,
          );
          expect(fake.state.sheets.map((s) => s.name)).toEqual(sheets);
        }
        const left = fake.state.sheets.filter(
          (s) => s.names.some((n) => n.name === RUN_TAG) || s.name.startsWith("PMO~"),
        ).length;
        now += LOCK_TTL_MS + 1;
        const out = await writeReportToWorkbook({ ...deps(fake), clock: () => now }, STRESS);
        const where = `killed at sync ${k}${applied ? " (applied)" : ""}`;
        if (held)
          expect({ where, notes: out.written.notes.join(" ") }).toEqual({
            where,
            notes: expect.stringMatching(/did not finish/),
          });
        if (left)
          expect({ where, notes: out.written.notes.join(" ") }).toEqual({
            where,
            notes: expect.stringMatching(/what it left was removed/),
          });
        if (out.written.notes.length) noted++;
        expectWhole(fake, where, { ...was, report: {}, sheets: [] }, st.planned);
      }
      expect(noted).toBeGreaterThan(0);
    },
    120_000,
  );

  it("a co-author's \"Can't merge changes\" (office-js #1813): the run's changes are lost, and the next run writes the whole report", async () => {
    const st = await states();
    const fake = new FakeExcel(cloneState(st.done));
    const was = before(fake);
    fake.faults = [{ when: (op) => op === "range.values", code: "GeneralException", mergeRefused: true }];
    await expect(writeReportToWorkbook(deps(fake))).rejects.toBeInstanceOf(HostError);
    fake.revive();
    fake.faults = [];
    const out = await writeReportToWorkbook({ ...deps(fake), clock: () => Date.now() + LOCK_TTL_MS + 1 });
    expect(out.written.sheets.map((s) => s.name)).toEqual(st.planned);
    expectWhole(fake, "after a merge refusal", was, st.planned);
  });

  it("a co-author adding and deleting sheets between syncs: their sheets are kept, a name they take is avoided, and the report is whole", async () => {
    const st = await states();
    const fake = new FakeExcel(cloneState(st.fresh));
    fake.coauthor = (n, state) => {
      if (n === 6) {
        const theirs = newSheet("Exceptions"); // a co-author's sheet with the name the report was to take
        theirs.cells.set(0, new Map([[0, { v: "their log" }]]));
        state.sheets.push(theirs);
        state.sheets.push(newSheet("Scratch"));
      }
      if (n === 9) state.sheets = state.sheets.filter((s) => s.name !== "Scratch");
    };
    const out = await writeReportToWorkbook(deps(fake));
    expect(fake.sheet("Exceptions").cells.get(0)?.get(0)?.v).toBe("their log");
    expect(out.written.sheets.find((s) => s.key === "exceptions")?.name).toBe("Exceptions (2)");
    expect(reportSheets(fake)).toHaveLength(st.planned.length);
    expect(tempSheets(fake)).toEqual([]);
  });

  it.each([
    ["InvalidRequestContext (office-js #6964)", { code: "InvalidRequestContext" }],
    [
      '"data is not current on the server" (office-js #6501)',
      { code: "GeneralException", message: "Operation failed because the data is not current on the server." },
    ],
  ])("retries %s with back-off", async (_, f) => {
    const fake = new FakeExcel(cloneState((await states()).done));
    fake.faults = [{ when: (op) => op === "range.values", once: true, ...f }];
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.sheets).toHaveLength(out.plan.sheets.length);
    expect(tempSheets(fake)).toEqual([]);
  });
});

describe("another workbook in front (Windows, Mac)", () => {
  it.each(["windows", "mac"] as const)(
    "on %s: the message says to click back; what was started is hidden and removed by the next run",
    async (platform) => {
      const st = await states();
      for (const which of ["fresh", "done"] as const) {
        // The sync that adds the sheets (a first report) or swaps them in (a regeneration): refused while another workbook is in front.
        const probe = new FakeExcel(cloneState(st[which]));
        await writeReportToWorkbook(deps(probe));
        const at = probe.requests.find((r) =>
          r.ops.includes(which === "fresh" ? "worksheets.add" : "worksheet.delete"),
        )!.sync;
        const fake = new FakeExcel(cloneState(st[which]));
        fake.platform = platform;
        const was = before(fake);
        fake.coauthor = (n) => void (n === at && (fake.focusLost = true));
        await expect(writeReportToWorkbook({ ...deps(fake), platform })).rejects.toThrow(
          /click back into this workbook and try again/i,
        );
        const visible = fake.state.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
        expect({ which, visible }).toEqual({
          which,
          visible: was.sheets.filter((n) => fake.state.sheets.find((s) => s.name === n)?.visibility === "Visible"),
        });
        fake.focusLost = false;
        fake.coauthor = undefined;
        const out = await writeReportToWorkbook({ ...deps(fake), platform });
        expectWhole(fake, `${platform} ${which}`, { ...was, report: {}, sheets: [] }, st.planned);
        expect(out.written.sheets.map((s) => s.name)).toEqual(st.planned);
      }
    },
  );

  it("on the web the focus does not matter", async () => {
    const fake = new FakeExcel(cloneState((await states()).fresh));
    fake.focusLost = true;
    const out = await writeReportToWorkbook({ ...deps(fake), platform: "web" });
    expect(out.written.skipped).toEqual([]);
  });
});

describe("charts Excel refuses", () => {
  it("a refused chart costs only itself, and is listed", async () => {
    const fake = new FakeExcel(cloneState((await states()).fresh));
    // office-js #1729-like: this client refuses one property of the Gantt chart.
    fake.chartRefusals = [
      (type, prop) => (type === "BarStacked" && prop === "axis.setPositionAt" ? "InvalidArgument" : undefined),
    ];
    const out = await writeReportToWorkbook(deps(fake));
    const planned = out.plan.sheets[0].charts;
    const charts = fake.sheet("Board Report").charts;
    expect(charts.map((c) => c.title)).toEqual(planned.filter((c) => c.type !== "gantt").map((c) => c.title));
    expect(out.written.skipped).toEqual(
      planned.filter((c) => c.type === "gantt").map((c) => `Board Report: chart "${c.title}"`),
    );
    expect(charts.every((c) => c.series.length > 0 && c.position)).toBe(true); // nothing half-made left
  });

  it("on iPad (office-js #1688: axis position, minimum, maximum, reversePlotOrder refused) the charts without those are kept", async () => {
    const fake = new FakeExcel(cloneState((await states()).fresh));
    fake.platform = "ipad";
    const out = await writeReportToWorkbook(deps(fake));
    const kept = fake.sheet("Board Report").charts.map((c) => c.type);
    expect(kept).toContain("Doughnut");
    expect(out.written.skipped.length + kept.length).toBe(out.plan.sheets[0].charts.length);
    expect(reportSheets(fake)).toHaveLength(out.plan.sheets.length);
  });
});

describe("reading report sheets back", () => {
  it("a stray value at XFD1048576 makes the sheet the user's, without reading 17 billion cells", async () => {
    const fake = new FakeExcel(cloneState((await states()).done));
    fake.sheet("Exceptions").cells.set(1_048_575, new Map([[16_383, { v: "x" }]]));
    fake.syncs = 0;
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.kept).toEqual(["Exceptions – Jan 2010"]); // the user's now, renamed with its period (sheet-names.ts, settleKeptSheets)
    expect(fake.syncs).toBeLessThan(30);
  });

  it("a regeneration replaces the report although Excel stored linked numbers as text", async () => {
    const st = await states();
    const fake = new FakeExcel(cloneState(st.done));
    const out = await writeReportToWorkbook(deps(fake));
    expect(out.written.kept).toEqual([]);
    expect(out.written.replaced.sort()).toEqual([...st.planned].sort());
  });
});

describe("the undo group", () => {
  it("should Excel on the web refuse the group otherwise than with UndoNotSupported (office-js #6711, #6255), the report is written once more without it", async () => {
    const fake = new FakeExcel(cloneState((await states()).fresh));
    fake.faults = [{ when: (op) => op === "range.values", code: "GeneralException", once: true }];
    const out = await writeReportToWorkbook({ ...deps(fake, { "1.20": true }), platform: "web" });
    expect(out.undoable).toBe(false);
    expect(fake.runs.map((r) => !!r.mergeUndoGroup)).toEqual([false, false, true, false, false]); // read, layout, grouped write, its clean-up, the write again
    expect(reportSheets(fake)).toHaveLength(out.plan.sheets.length);
  });
});
