import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { parseCsv } from "../../../src/core/workbook/csv";
import { dayFromYmd, formatDay } from "../../../src/core/primitives/dates";

// An Export Wizard CSV (/work/shared/reference/msproject-export-facts.md) from a plan kept on a
// seven-day calendar: the CSV carries no calendar, so its weekend dates fall outside ours. Project
// itself, on the Standard calendar, would move an As Soon As Possible task to the next working
// time and keep its Duration ("Change working time", Microsoft Support); the task must never be
// shown finishing before it starts.
const CSV = [
  "ID,Unique_ID,Task_Name,Duration,Start_Date,Finish_Date,Predecessors",
  '1,1,Weekend cut-over,2d,"February 22, 2025 8:00","February 23, 2025 5:00",',
  '2,2,Sunday check,1d,"February 23, 2025 8:00","February 23, 2025 5:00",',
  '3,3,Hand over,1d,"February 24, 2025 8:00","February 24, 2025 5:00",1',
].join("\r\n");

describe("a task whose dates hold no working time on the calendar", () => {
  const a = analyseWorkbook(
    { sheets: [parseCsv(CSV, "Task_Table1")], tables: [], date1904: false },
    { asOf: dayFromYmd(2025, 2, 20) },
  );
  const dates = (id: string) => {
    const n = a.schedule.nodes.get(id)!;
    return [formatDay(n.earlyStart), formatDay(n.earlyFinish), n.duration];
  };

  it("takes its Duration from the next working time, never finishing before it starts", () => {
    expect(dates("1")).toEqual(["2025-02-24", "2025-02-25", 2]); // Mon–Tue, 2 days of work
    expect(dates("2")).toEqual(["2025-02-24", "2025-02-24", 1]);
  });

  it("pushes its successor as the moved task's work says, and notes each date read on a working day", () => {
    expect(dates("3")).toEqual(["2025-02-26", "2025-02-26", 1]);
    const moved = a.diagnostics.filter((d) => d.code === "non-working-day" && (d.entity === "1" || d.entity === "2"));
    // Each start is noted as read on the next working day; the finish follows from it, so it is not noted as moved back.
    expect(moved.map((d) => [d.entity, /'s start /.test(d.message)])).toEqual([
      ["1", true],
      ["2", true],
    ]);
  });
});
