import { countOf } from "../primitives/text";
import { CODE_NAMES, countBySeverity } from "../primitives/diagnostic";
import { formatDayLong } from "../primitives/dates";
import { printSetup, type ReportContext } from "./context";
import { SheetLayout } from "./layout";
import { cell, range, type PlanSheet } from "./plan";

const WIDTHS = [10, 26, 16, 8, 10, 90];

/** Every diagnostic, with a link to its cell, as a filterable Excel table (its header repeated on every printed page). */
export function exceptionsSheet(ctx: ReportContext): PlanSheet {
  const a = ctx.a;
  const L = new SheetLayout(WIDTHS, ctx.externalSheets);
  const n = countBySeverity(a.diagnostics);
  L.title("Exceptions");
  L.line(
    `${a.programme.settings.programmeName} · as of ${formatDayLong(a.asOf)} · ${countOf(n.error, "error")}, ${countOf(n.warning, "warning")}, ${n.info} info. Click a cell reference to go to it; filter with the header arrows.`,
    "subtitle",
  );
  L.gap();
  const headerRow = L.row;
  const rows = a.diagnostics.map((d) => [
    cell(d.severity, d.severity),
    cell(`${CODE_NAMES[d.code]} (${d.code})`, "text"),
    cell(d.sheet || "(workbook)", "text"),
    d.sheet && d.cell ? cell(d.cell, "link", { sheet: d.sheet, cell: d.cell }) : cell("", "text"),
    cell(d.entity ?? "", "text"),
    cell(d.message, "wrap"),
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
