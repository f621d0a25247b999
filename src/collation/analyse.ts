import { analyseProgramme, type AnalyseOptions, type Analysis } from "../checks/analyse";
import type { WorkbookSnapshot } from "../model/snapshot";
import { collate, isFromFile, type SourceInput } from "./collate";

/**
 * The whole check over a collated programme: one schedule, RAG, risks, finance and benefits over
 * every source, then each source's findings counted and a push across workstreams named with both.
 */
export function analyseCollation(main: WorkbookSnapshot, sources: readonly SourceInput[], opts: AnalyseOptions = {}): Analysis {
  const c = collate(main, sources);
  const a = analyseProgramme(c.programme, c.diagnostics, { ...opts, leftOut: c.leftOut });
  nameCrossWorkstreamPushes(a);
  for (const s of a.programme.collation!.sources) {
    if (s.unreadable) continue;
    const mine = a.diagnostics.filter((d) => isFromFile(d.sheet, s.file));
    s.errors = mine.filter((d) => d.severity === "error").length;
    s.warnings = mine.filter((d) => d.severity === "warning").length;
  }
  return a;
}

/** "P07 cannot finish … pushed by Estates:P04": where the two are in different workstreams, both are named, with their files. */
function nameCrossWorkstreamPushes(a: Analysis): void {
  const p = a.programme;
  const byId = new Map(p.projects.map((x) => [x.id, x]));
  const projectOf = new Map(p.milestones.map((m) => [m.id, m.project]));
  const wsOf = (id: string): string | undefined => byId.get(id)?.workstream ?? byId.get(projectOf.get(id) ?? "")?.workstream;
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
