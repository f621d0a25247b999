import { countOf, wholeNumber } from "../primitives/text";
import { CODE_NAMES, countBySeverity, SEVERITY_ORDER, type Diagnostic } from "../primitives/diagnostic";
import { REPORT_SHEET_ROWS } from "../primitives/sheet-rows";
import { formatDayLong } from "../primitives/dates";
import { printSetup, type ReportContext } from "./context";
import { SheetLayout } from "./layout";
import { cell, range, type PlanSheet } from "./plan";

const WIDTHS = [10, 26, 16, 8, 10, 90];

/** A row of the table: a finding, or the first of `count` of its kind folded into one row. */
export interface FindingRow {
  d: Diagnostic;
  count: number;
}

/**
 * The findings, one row each, within `limit` rows: past it, the most numerous kinds (code and
 * severity), info before warnings before errors, are folded into one row each at the place of
 * their first, until the rest fit. `check --format json`, SARIF and the pane keep every one.
 */
export function foldFindings(diags: readonly Diagnostic[], limit: number): FindingRow[] {
  const kindOf = (d: Diagnostic) => `${d.severity}|${d.code}`;
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diags) (groups.get(kindOf(d)) ?? groups.set(kindOf(d), []).get(kindOf(d))!).push(d);
  const rank = (k: string) => SEVERITY_ORDER.indexOf(k.slice(0, k.indexOf("|")) as Diagnostic["severity"]);
  const folded = new Set<string>();
  let rows = diags.length;
  const order: string[] = [];
  for (const [k, list] of [...groups].sort((x, y) => rank(y[0]) - rank(x[0]) || y[1].length - x[1].length)) {
    if (rows <= limit) break;
    if (list.length < 2) continue;
    folded.add(k);
    order.push(k);
    rows -= list.length - 1;
  }
  // A kind folded early may fit again once a bigger one after it was folded: unfold the most severe first.
  for (const k of order.reverse()) {
    const n = groups.get(k)!.length;
    if (rows + n - 1 <= limit) {
      folded.delete(k);
      rows += n - 1;
    }
  }
  const out: FindingRow[] = [];
  for (const d of diags) {
    const k = kindOf(d);
    if (!folded.has(k)) out.push({ d, count: 1 });
    else if (groups.get(k)![0] === d) out.push({ d, count: groups.get(k)!.length });
  }
  return out;
}

function foldedMessage(r: FindingRow): string {
  if (r.count === 1) return r.d.message;
  const where = r.d.sheet
    ? ` The first, at ${r.d.sheet}${r.d.cell ? `!${r.d.cell}` : ""}: ${r.d.message}`
    : ` The first: ${r.d.message}`;
  return `${wholeNumber(r.count)} findings of this kind, shown as one row to keep this sheet within ${wholeNumber(REPORT_SHEET_ROWS)} rows; check --format json and the task pane list each.${where}`;
}

/** Every diagnostic, with a link to its cell, as a filterable Excel table (its header repeated on every printed page). */
export function exceptionsSheet(ctx: ReportContext): PlanSheet {
  const a = ctx.a;
  const L = new SheetLayout(WIDTHS, ctx.externalSheets);
  const n = countBySeverity(a.diagnostics);
  L.title("Exceptions");
  L.line(
    `${a.programme.settings.programmeName} · as of ${formatDayLong(a.asOf)} · ${countOf(n.error, "error")}, ${countOf(n.warning, "warning")}, ${wholeNumber(n.info)} info. Click a cell reference to go to it; filter with the header arrows.`,
    "subtitle",
  );
  L.gap();
  const headerRow = L.row;
  const rows = foldFindings(a.diagnostics, REPORT_SHEET_ROWS - headerRow - 1).map((r) => [
    cell(r.d.severity, r.d.severity),
    cell(`${CODE_NAMES[r.d.code]} (${r.d.code})`, "text"),
    cell(r.d.sheet || "(workbook)", "text"),
    r.d.sheet && r.d.cell ? cell(r.d.cell, "link", { sheet: r.d.sheet, cell: r.d.cell }) : cell("", "text"),
    cell(r.count === 1 ? (r.d.entity ?? "") : "", "text"),
    cell(foldedMessage(r), "wrap"),
  ]);
  if (!rows.length)
    rows.push([
      cell("none", "info"),
      cell("", "text"),
      cell("", "text"),
      cell("", "text"),
      cell("", "text"),
      cell("No findings: the workbook passed every check.", "wrap"),
    ]);
  // One block: an Excel table cannot have a header repeated inside it, so print titles repeat it instead.
  L.put([["Severity", "Finding", "Sheet", "Cell", "Item", "Message"].map((h) => cell(h, "header")), ...rows]);
  const body = range(headerRow + 1, 0, L.row - 1, 0);
  return {
    key: "exceptions",
    name: "Exceptions",
    tabColor: "C00000",
    widths: WIDTHS,
    blocks: L.blocks,
    merges: L.merges,
    charts: [],
    heights: L.heights,
    pages: L.pages,
    freezeRows: headerRow + 1,
    table: { name: "PMOExceptions", range: range(headerRow, 0, L.row - 1, 5) },
    conditionalFormats: [
      { range: body, equals: "error", style: "rag-Red" },
      { range: body, equals: "warning", style: "rag-Amber" },
    ],
    print: printSetup(ctx, "Exceptions", [headerRow, headerRow]),
  };
}
