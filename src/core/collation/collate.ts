import type { Diagnostic } from "../primitives/diagnostic";
import type { HolidayRow, Link, Programme, WorkstreamRow } from "../programme/entities";
import type { SourceSummary } from "../primitives/provenance";
import type { WorkbookSnapshot } from "../primitives/snapshot";
import type { LeftOutRow } from "../workbook/read-programme";
import { applyRenames, collisions, settleQualifiers, type Renames } from "./ids";
import { resolveAcross, type ItemIndex } from "./links";
import { idFamilies, keyOf, readMain, readSource, type Part, type SourceInput } from "./part";

export type { SourceInput } from "./part";

export interface Collated {
  programme: Programme;
  diagnostics: Diagnostic[];
  leftOut: LeftOutRow[];
}

/**
 * One programme from the programme workbook (its Settings, Holidays, Commentary, Workstreams and
 * any rows of its own) and any number of workstream sources, each read on its own by the one
 * reader. A source that could not be read is named and left out; the rest is still collated.
 * Pure: the hosts read the files, this only combines their snapshots.
 */
export function collate(main: WorkbookSnapshot, inputs: readonly SourceInput[]): Collated {
  const diags: Diagnostic[] = [];
  const parts: Part[] = [readMain(main)];
  const unread: SourceSummary[] = [];
  for (const input of inputs) {
    if (input.snapshot) parts.push(readSource({ ...input, snapshot: input.snapshot }));
    else {
      diags.push(unreadable(input.file, input.error ?? "unknown reason"));
      unread.push({
        file: input.file,
        workstream: input.workstream ?? "",
        qualifier: "",
        rows: 0,
        contributed: {},
        crossLinks: 0,
        qualifiedIds: [],
        errors: 1,
        warnings: 0,
        unreadable: input.error ?? "unknown reason",
      });
    }
  }
  settleQualifiers(parts);
  const renames = collisions(parts);
  const index: ItemIndex = parts.map((p, i) => itemIndex(p, renames[i]));
  parts.forEach((p, i) => applyRenames(p, renames[i]));
  const { links, crossLinks } = resolveAcross(parts, index, diags);
  const programme = merge(parts, links);
  const sources = parts.flatMap((p, i) => (p.file ? [summary(p, renames[i], crossLinks[i])] : []));
  for (const s of sources) {
    s.readAt = inputs.find((x) => x.file === s.file)?.readAt;
    diags.push(contributedNote(s));
  }
  programme.collation = {
    sources: orderLike(inputs, [...sources, ...unread]),
    externalSheets: parts.flatMap((p) => (p.file ? p.programme.sources.map((s) => s.sheet) : [])),
    itemSource: Object.fromEntries(
      parts.flatMap((p) =>
        p.file ? [...p.programme.projects, ...p.programme.milestones].map((x) => [x.id, p.file!] as const) : [],
      ),
    ),
  };
  return {
    programme,
    diagnostics: [...parts.flatMap(kept(inputs.length > 0)), ...diags],
    leftOut: parts.flatMap((p) => p.leftOut),
  };
}

/** A part's projects and milestones, by their ID as its file writes it, to the ID reported. */
function itemIndex(p: Part, r: Renames): Map<string, string> {
  return new Map(idFamilies(p.programme).items.map((id) => [keyOf(id), r.items.get(keyOf(id)) ?? id]));
}

/** The programme: every part's rows, the programme workbook's settings, calendar, history and plan snapshots. */
function merge(parts: Part[], crossLinks: Link[]): Programme {
  const main = parts[0].programme;
  const all = parts.map((p) => p.programme);
  const cat = <
    K extends
      | "projects"
      | "milestones"
      | "links"
      | "risks"
      | "issues"
      | "assumptions"
      | "dependencyLog"
      | "benefits"
      | "competencyScores"
      | "governance"
      | "commentary"
      | "sources",
  >(
    k: K,
  ): Programme[K] => all.flatMap((p) => p[k] as unknown[]) as Programme[K];
  return {
    projects: cat("projects"),
    milestones: cat("milestones"),
    links: [...cat("links"), ...crossLinks],
    risks: cat("risks"),
    issues: cat("issues"),
    assumptions: cat("assumptions"),
    dependencyLog: cat("dependencyLog"),
    benefits: cat("benefits"),
    competencyScores: cat("competencyScores"),
    governance: cat("governance"),
    holidays: main.holidays.length
      ? main.holidays
      : uniqueBy(
          all.flatMap((p) => p.holidays),
          (h: HolidayRow) => String(h.date),
        ),
    workstreamRows: uniqueBy(
      all.flatMap((p) => p.workstreamRows),
      (w: WorkstreamRow) => keyOf(w.name),
    ),
    commentary: cat("commentary"),
    history: main.history,
    snapshots: main.snapshots,
    keptSources: main.keptSources,
    settings: main.settings,
    sources: cat("sources"),
  };
}

function uniqueBy<T>(list: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(key(x)) && !!seen.add(key(x)));
}

/**
 * A part's findings, less the ones collation makes moot: "this workbook has no risks" is true of
 * most workstream files, and a programme workbook holding only Settings and Commentary is whole.
 */
const kept =
  (collating: boolean) =>
  (p: Part): Diagnostic[] =>
    p.diagnostics.filter((d) => !(d.code === "missing-sheet" && (d.severity === "info" || (collating && !p.file))));

function summary(p: Part, r: Renames, crossLinks: number): SourceSummary {
  const x = p.programme;
  const counts: Record<string, number> = {
    projects: x.projects.length,
    milestones: x.milestones.length,
    risks: x.risks.length,
    issues: x.issues.length,
    assumptions: x.assumptions.length,
    dependencies: x.dependencyLog.length,
    benefits: x.benefits.length,
  };
  const workstreams = [...new Set(x.projects.map((y) => y.workstream))];
  return {
    file: p.file!,
    workstream: workstreams.length > 1 ? workstreams.join(", ") : p.workstream,
    qualifier: p.qualifier,
    rows: x.sources.filter((s) => s.kind !== "links").reduce((n, s) => n + s.rows, 0),
    contributed: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
    crossLinks,
    qualifiedIds: Object.values(r).flatMap((m) => [...m.values()]),
    errors: 0,
    warnings: 0,
  };
}

/** "12 projects, 3 risks": what a source contributed, in words. */
export function contributedWords(s: SourceSummary): string {
  const parts = Object.entries(s.contributed).map(
    ([k, n]) => `${n} ${n === 1 ? k.replace(/ies$/, "y").replace(/s$/, "") : k}`,
  );
  return parts.length ? parts.join(", ") : "nothing this tool reads";
}

function contributedNote(s: SourceSummary): Diagnostic {
  const links = s.crossLinks ? `; ${s.crossLinks} link${s.crossLinks === 1 ? "" : "s"} to other workstreams` : "";
  const ids = s.qualifiedIds.length
    ? `; IDs also used by another source, reported qualified: ${s.qualifiedIds.slice(0, 6).join(", ")}${s.qualifiedIds.length > 6 ? "…" : ""}`
    : "";
  return {
    severity: "info",
    code: "recognised-as",
    message: `${s.file} is collated as the ${s.workstream} workstream: ${contributedWords(s)} (${s.rows} rows read)${links}${ids}.`,
    sheet: s.file,
    cell: "",
  };
}

export function unreadable(file: string, why: string): Diagnostic {
  return {
    severity: "error",
    code: "unreadable-source",
    message: `${file} could not be read (${why}), so nothing from it is in this report: its workstream's items, risks and links are missing from every section. Check the file opens in Excel (or save it again as .xlsx or CSV) and run the report again.`,
    sheet: file,
    cell: "",
  };
}

/** The summaries in the order the sources were given. */
function orderLike(inputs: readonly SourceInput[], list: SourceSummary[]): SourceSummary[] {
  const at = new Map(inputs.map((s, i) => [s.file, i]));
  return [...list].sort((a, b) => (at.get(a.file) ?? 0) - (at.get(b.file) ?? 0));
}
