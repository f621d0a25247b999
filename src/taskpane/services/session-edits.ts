import { locate } from "../../core/workbook/locate";
import { SETTINGS_SHEET, type SettingSpec } from "../../core/workbook/schema";
import { parseA1 } from "../../core/primitives/cell";
import type { WorkbookSnapshot } from "../../core/primitives/snapshot";
import { columnMapWrites, settingsWrites, type SettingValue } from "../../core/report/settings-plan";

/** A header on a sheet read as one of the tool's fields (a Column map row). */
export type ColumnMap = { sheet: string; header: string; field: string };

/** What the user changed in the browser for this session: settings and column maps, never written to their file. */
export interface SessionEdits {
  settings: Partial<Record<SettingSpec["key"], SettingValue>>;
  maps: ColumnMap[];
}

/** Settings edited in the pane, applied to the snapshot in memory (the file is not changed). */
export function applyOverrides(snap: WorkbookSnapshot, edits: SessionEdits): WorkbookSnapshot {
  const { settings: values, maps } = edits;
  if (!Object.keys(values).length && !maps.length) return snap;
  // The Settings sheet as the reader finds it (same names, same rules).
  const settings = locate(snap, SETTINGS_SHEET)?.sheet;
  const lastRow = settings ? settings.top + settings.rows.length - 1 : 0;
  const plan = settingsWrites({ cells: {} } as never, values, settings ? { name: settings.name, lastRow } : null);
  const sheets = snap.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) }));
  let target = sheets.find((s) => s.name === (plan.createSheet ?? settings?.name));
  if (!target) {
    target = { name: plan.createSheet ?? "Settings", top: 0, left: 0, rows: [["Setting", "Value"]] };
    sheets.push(target);
  }
  const put = (cells: { cell: string; value: SettingValue }[]) => {
    for (const c of cells) {
      const at = parseA1(c.cell)!;
      const row = (target!.rows[at.row - target!.top] ??= []);
      row[at.col - target!.left] = c.value;
    }
  };
  put(plan.cells);
  for (const m of maps)
    put(columnMapWrites({ name: target.name, lastRow: target.top + target.rows.length - 1 }, m).cells);
  return { ...snap, sheets };
}
