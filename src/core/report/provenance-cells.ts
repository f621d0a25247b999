import { placeText } from "../primitives/provenance";
import type { PlanCell } from "./plan";

/**
 * A report cell that would link to a row of another file (a collated source: src/core/collation) cannot
 * be a live link — that sheet is not in the pack — so it names the place instead: the ID, then
 * "estates.xlsx › Projects!B5" beneath it. A cell that shows only the address (the Exceptions
 * sheet's Cell column, beside its Sheet column) keeps its text. Links within the workbook stay live.
 */
export function namePlaceOfOtherFiles(c: PlanCell, external: ReadonlySet<string>): PlanCell {
  const l = c.link;
  if (!l || !("sheet" in l) || !external.has(l.sheet)) return c;
  const place = placeText(l.sheet, l.cell);
  const v = c.v === l.cell ? c.v : c.v === null || c.v === "" ? place : `${String(c.v)}\n${place}`;
  const out: PlanCell = { ...c, v, s: c.s === "link" || c.s === "link-wrap" ? "wrap" : c.s };
  delete out.link;
  return out;
}
