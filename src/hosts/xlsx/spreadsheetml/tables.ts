/**
 * A worksheet's tables (ECMA-376 Part 1, 18.5.1 table), found through the sheet's relationships,
 * each with its ref clipped to the cells present.
 */
import { parseRange } from "../../../core/primitives/cell";
import type { SheetSnapshot, TableSnapshot } from "../../../core/primitives/snapshot";
import { partTree, readRels, resolveTarget, type SheetEntry, type XlsxPackage } from "../package";
import { getAttr } from "../xml";

/** The last row and column holding a value (-1 when none): what a table ref over the whole grid is clipped to. */
export function usedExtent(sheet: SheetSnapshot): { bottom: number; right: number } {
  let bottom = -1;
  let right = -1;
  for (const k in sheet.rows) {
    const r = sheet.rows[Number(k)];
    if (!r) continue;
    bottom = Math.max(bottom, Number(k) + sheet.top);
    right = Math.max(right, r.length - 1 + sheet.left);
  }
  return { bottom, right };
}

/**
 * A sheet's tables, each ref clipped to the cells present (a declared ref is never trusted: a
 * table over A1:XFD1048576 costs what the sheet holds, not the grid).
 */
export function readTables(
  pkg: XlsxPackage,
  sheet: SheetEntry,
  used: { bottom: number; right: number },
): TableSnapshot[] {
  const out: TableSnapshot[] = [];
  for (const rel of readRels(pkg, sheet.path)) {
    if (!/\/table$/.test(rel.type) || rel.external) continue;
    const t = partTree(pkg, resolveTarget(sheet.path, rel.target));
    if (!t || t.local !== "table") continue;
    const range = parseRange(getAttr(t, "ref") ?? "");
    const name = getAttr(t, "displayName") ?? getAttr(t, "name");
    if (!range || !name || getAttr(t, "headerRowCount") === "0") continue;
    const clipped = {
      ...range,
      bottom: Math.max(range.top, Math.min(range.bottom, used.bottom)),
      right: Math.max(range.left, Math.min(range.right, used.right)),
    };
    out.push({ name, sheet: sheet.name, range: clipped });
  }
  return out;
}
