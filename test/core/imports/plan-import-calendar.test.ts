import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";
import { serial, snap } from "../../support/snapshot";

/**
 * A task exported with a Start and a Duration but no Finish finishes on the programme's calendar:
 * the Holidays sheet's days are not worked, as in the schedule (model/calendar.ts).
 */
const TASKS = [
  ["ID", "Task Name", "Duration", "Start", "Finish", "Outline Level", "Predecessors"],
  [1, "Community services", "10 days", serial(2026, 4, 1), null, 1, null],
  [2, "Design the service", "3 days", serial(2026, 4, 1), null, 2, null],
  [3, "Consult on the design", "1 day", serial(2026, 4, 2), null, 2, "2"],
];
const finishOf = (sheets: Parameters<typeof snap>[0], id: string) => {
  const a = analyseWorkbook(snap(sheets), { asOf: dayFromYmd(2026, 3, 1) });
  const p = a.programme.projects.find((x) => x.id === id);
  return p ? formatDay(p.finish!) : `no project ${id} (${a.programme.projects.map((x) => x.id).join(", ")})`;
};

describe("a plan export's durations on the programme's calendar", () => {
  it("counts Monday to Friday without a Holidays sheet", () => {
    // Wednesday 1 April 2026 + 3 working days: Wednesday, Thursday, Friday.
    expect(finishOf({ Tasks: TASKS }, "2")).toBe("2026-04-03");
  });

  it("skips the Holidays sheet's days (Good Friday and Easter Monday 2026)", () => {
    const holidays = [
      ["Date", "Name"],
      [serial(2026, 4, 3), "Good Friday"],
      [serial(2026, 4, 6), "Easter Monday"],
    ];
    expect(finishOf({ Tasks: TASKS, Holidays: holidays }, "2")).toBe("2026-04-07");
  });
});
