import type { Diagnostic } from "../primitives/diagnostic";
import type { Programme } from "../programme/entities";

/**
 * The sources the workbook's Sources sheet lists (an earlier collated report) that this run did not
 * read: their items, risks and links are missing from every section, which the report would not
 * otherwise say (the ribbon's Generate Report and a pane where no file was chosen read none). One
 * warning naming them, at the Sources sheet.
 */
export function checkKeptSources(p: Programme, diags: Diagnostic[]): void {
  const read = new Set((p.collation?.sources ?? []).map((s) => s.file.toLowerCase()));
  const missing = (p.keptSources ?? []).filter((k) => !read.has(k.file.toLowerCase()));
  if (!missing.length) return;
  const names = missing.map((k) => (k.lastRead ? `${k.file} (last read ${k.lastRead})` : k.file));
  const one = missing.length === 1;
  diags.push({
    severity: "warning",
    code: "source-not-read",
    message: `The Sources sheet lists ${one ? "a workstream source" : `${missing.length} workstream sources`} not read in this run: ${names.join(", ")}. ${one ? "Its" : "Their"} items, risks and links are not in this report. In the pane's Workbook tab, choose ${one ? "it" : "them"} again (Add or refresh sources…) and run again; on the command line, name ${one ? "it" : "them"} with --source.`,
    sheet: "Sources",
    cell: "",
  });
}
