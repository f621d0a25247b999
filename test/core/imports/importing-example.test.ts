import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { parseCsv } from "../../../src/core/workbook/csv";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";

/** docs/importing.md's worked example (hours, a constraint and progress): the CSV block it shows gives the answers it states. */
const doc = readFileSync(join(__dirname, "../../../docs/importing.md"), "utf8");
const block = /<!-- worked-example:[^\n]*-->\n```\n([\s\S]*?)```/.exec(doc)![1];
const a = analyseWorkbook(
  { sheets: [parseCsv(block.trim().split("\n").join("\r\n"), "migration")], tables: [], date1904: false },
  { asOf: dayFromYmd(2026, 3, 3) },
);
const hhmm = (m: number | null) =>
  m === null ? null : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

describe("docs/importing.md's worked example in hours", () => {
  it("is scheduled to the minute, with the critical path and programme end the page gives, and nothing to warn of", () => {
    expect(a.schedule.resolution).toBe("minute");
    expect(a.schedule.criticalPath).toEqual(["5", "6"]);
    expect(formatDay(a.schedule.programmeEnd!)).toBe("2026-03-03");
    expect(a.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });
  it.each([
    ["3", "2026-03-02", "2026-03-03", ["15:00", "10:00", "16:00", "11:00"], 0.13, 60, ["2"]],
    ["4", "2026-03-03", "2026-03-03", ["10:00", "12:00", "11:00", "14:00"], 0.13, 60, ["3"]],
    ["5", "2026-03-03", "2026-03-03", ["14:00", "15:00", "14:00", "15:00"], 0, 0, []],
    ["6", "2026-03-03", "2026-03-03", ["15:00", "15:00", "15:00", "15:00"], 0, 0, ["5"]],
  ])("task %s: %s to %s", (id, es, ef, times, float, minutes, drivers) => {
    const n = a.schedule.nodes.get(id)!;
    expect([formatDay(n.earlyStart), formatDay(n.earlyFinish)]).toEqual([es, ef]);
    const t = n.times!;
    expect([t.earlyStart, t.earlyFinish, t.lateStart, t.lateFinish].map(hhmm)).toEqual(times);
    expect([n.totalFloat, n.totalFloatMinutes, n.critical]).toEqual([float, minutes, float === 0]);
    expect(n.drivers.map((l) => l.from)).toEqual(drivers);
  });
  it("reads the progress: 2 done, 3 in progress from its actual start, 5's constraint", () => {
    const n2 = a.schedule.nodes.get("2")!;
    expect([n2.done, hhmm(n2.times!.earlyStart), hhmm(n2.times!.earlyFinish)]).toEqual([true, "08:00", "15:00"]);
    expect(a.rag.projects.get("2")!.schedule.rule).toBe("done");
    expect(a.programme.projects.find((p) => p.id === "3")!.percentComplete).toBe(50);
    expect(a.rag.projects.get("3")!.schedule.rule).toBe("on-track");
    expect(a.schedule.nodes.get("5")!.constraint).toEqual({
      type: "SNET",
      date: { day: dayFromYmd(2026, 3, 3), time: 840 },
    });
    expect(a.programme.projects.find((p) => p.id === "3")!.workstream).toBe("Data migration");
  });
});
