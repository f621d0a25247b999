import { STYLE, writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import type { CellOut } from "../../src/hosts/xlsx/sheet-xml";
import { asDay, dayFromYmd, serialFromDay } from "../../src/core/primitives/dates";
import { wideRows } from "../../bench/generate";

/**
 * The large workbooks the pane must stay responsive on (issue 26), made here rather than stored.
 *
 * A Project-like plan of 2,219 tasks, laid out as Microsoft Project's "Save As Excel Workbook"
 * writes its Task_Table (ID, Name, Duration, Start, Finish, Predecessors, Outline Level, Resource
 * Names: docs/importing.md and /work/shared/reference/msproject-export-facts.md): 7 workstream
 * summaries of 4 group summaries of 78 tasks, chained finish-to-start within each group, every
 * sixth a milestone (0 days), and each group after the first following the one before it — a link
 * between summary tasks, which Project applies to every task under them, as real plans have.
 */
export async function projectLikePlan(): Promise<{ data: Uint8Array; tasks: number }> {
  const head = ["ID", "Name", "Duration", "Start", "Finish", "Predecessors", "Outline Level", "Resource Names"];
  const rows: CellOut[][] = [head];
  const date = (d: number): CellOut => ({ v: serialFromDay(asDay(d), false), s: STYLE.date }) as CellOut;
  const base = dayFromYmd(2026, 1, 5);
  let id = 0;
  for (let w = 0; w < 7; w++) {
    rows.push([++id, `Workstream ${w + 1}`, "400 days", date(base), date(base + 560), null, 1, null]);
    let previousGroup = 0;
    for (let g = 0; g < 4; g++) {
      const groupId = ++id;
      rows.push([
        groupId,
        `Stage ${w + 1}.${g + 1}`,
        "100 days",
        date(base + 140 * g),
        date(base + 140 * g + 139),
        previousGroup ? String(previousGroup) : null,
        2,
        null,
      ]);
      previousGroup = groupId;
      let prev = 0;
      for (let t = 0; t < 78; t++) {
        const milestone = t % 6 === 5;
        const start = base + 140 * g + t;
        rows.push([
          ++id,
          milestone ? `Gate ${w + 1}.${g + 1}.${t + 1}` : `Task ${w + 1}.${g + 1}.${t + 1}`,
          milestone ? "0 days" : "1 day",
          date(start),
          date(start),
          prev ? `${prev}FS` : null,
          3,
          `Lead ${w + 1}`,
        ]);
        prev = id;
      }
    }
  }
  return { data: await writeNewWorkbook({ sheets: [{ name: "Task_Table", rows }] }), tasks: id };
}

/** A Projects sheet of `rows` rows and twelve columns (the bench's file suite uses the same rows). */
export async function wideWorkbook(rows = 50_000): Promise<Uint8Array> {
  return writeNewWorkbook({ sheets: [{ name: "Projects", rows: wideRows(rows) as CellOut[][] }] });
}
