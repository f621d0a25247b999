import { analyseProgramme, type AnalyseOptions, type Analysis } from "../analysis/analyse";
import type { WorkbookSnapshot } from "../primitives/snapshot";
import { PLACE_SEPARATOR } from "../primitives/provenance";
import { collate, type SourceInput } from "./collate";

/**
 * The whole check over a collated programme: one schedule, RAG, risks, finance and benefits over
 * every source, then each source's findings counted and a push across workstreams named with both.
 */
export function analyseCollation(
  main: WorkbookSnapshot,
  sources: readonly SourceInput[],
  opts: AnalyseOptions = {},
): Analysis {
  const c = collate(main, sources);
  const a = analyseProgramme(c.programme, c.diagnostics, { ...opts, leftOut: c.leftOut });
  nameCrossWorkstreamPushes(a);
  countFindings(a);
  return a;
}

/** "P07 cannot finish … pushed by Estates:P04": where the two are in different workstreams, both are named, with their files. */
function nameCrossWorkstreamPushes(a: Analysis): void {
  const p = a.programme;
  const byId = new Map(p.projects.map((x) => [x.id, x]));
  const projectOf = new Map(p.milestones.map((m) => [m.id, m.project]));
  const wsOf = (id: string): string | undefined =>
    byId.get(id)?.workstream ?? byId.get(projectOf.get(id) ?? "")?.workstream;
  const fileOf = (id: string) => p.collation?.itemSource[id] ?? "the programme workbook";
  for (const d of a.diagnostics) {
    if ((d.code !== "slippage-impact" && d.code !== "date-conflict") || !d.entity) continue;
    const by = a.schedule.nodes.get(d.entity)?.push?.by;
    if (!by) continue;
    const [wa, wb] = [wsOf(by), wsOf(d.entity)];
    if (!wa || !wb || wa === wb) continue;
    d.message += ` This crosses workstreams: ${by} is in ${wa} (${fileOf(by)}), ${d.entity} in ${wb} (${fileOf(d.entity)}).`;
  }
}

/** Each readable source's errors and warnings: the findings whose sheet is one of its sheets (or the file itself). */
function countFindings(a: Analysis): void {
  const byFile = new Map(a.programme.collation!.sources.filter((s) => !s.unreadable).map((s) => [s.file, s]));
  for (const d of a.diagnostics) {
    if (d.severity === "info") continue;
    const at = d.sheet.indexOf(PLACE_SEPARATOR);
    const s = byFile.get(at < 0 ? d.sheet : d.sheet.slice(0, at));
    if (s) s[d.severity === "error" ? "errors" : "warnings"]++;
  }
}
