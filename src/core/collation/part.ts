import type { Diagnostic } from "../primitives/diagnostic";
import { DEFAULT_SETTINGS, type Programme } from "../programme/entities";
import { qualifiedSheet } from "../primitives/provenance";
import type { WorkbookSnapshot } from "../primitives/snapshot";
import { readProgramme, UNASSIGNED, type LeftOutRow, type UnresolvedRef } from "../workbook/read-programme";
import { idKey } from "../workbook/normalise";

/** A workstream's file as the host read it: its snapshot, or why it could not be read. */
export interface SourceInput {
  /** The file's name as the officer knows it ("estates.xlsx"): it names the file on every finding and report row. */
  file: string;
  snapshot?: WorkbookSnapshot;
  /** Why the host could not read it (then `snapshot` is absent). */
  error?: string;
  /** The workstream to report it under, when the programme says so (else its own name, else the file's). */
  workstream?: string;
  /** When the host read it (model/provenance.ts `readAtText`): the Sources sheet's Last read. */
  readAt?: string;
}

/** One file read on its own: the programme workbook (file null) or a source. */
export interface Part {
  file: string | null;
  programme: Programme;
  diagnostics: Diagnostic[];
  leftOut: LeftOutRow[];
  unresolved: UnresolvedRef[];
  /** The workstream its projects are reported under ("" for the programme workbook: its rows keep theirs). */
  workstream: string;
  /** What its colliding IDs are qualified with ("Estates" in `Estates:P04`). */
  qualifier: string;
}

/** Reads the programme workbook: its own rows keep their workstreams and plain sheet names (they are in the pack). */
export function readMain(snapshot: WorkbookSnapshot): Part {
  const unresolved: UnresolvedRef[] = [];
  const r = readProgramme(snapshot, { unresolved });
  return { file: null, ...r, unresolved, workstream: "", qualifier: r.programme.settings.programmeName };
}

/** Reads one source: its sheets named with its file, its projects under its workstream. */
export function readSource(input: SourceInput & { snapshot: WorkbookSnapshot }): Part {
  const unresolved: UnresolvedRef[] = [];
  const r = readProgramme(input.snapshot, { unresolved });
  const part: Part = { file: input.file, ...r, unresolved, workstream: "", qualifier: "" };
  qualifySheets(part, input.file);
  const named = input.workstream?.trim() || settingsName(part.programme);
  part.workstream = named || oneWorkstream(part.programme) || fileStem(input.file);
  part.qualifier = part.workstream;
  assignWorkstream(part.programme, part.workstream, !!named);
  return part;
}

/** "plans/Estates plan.xlsx" → "Estates plan". */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm|csv|txt)$/i, "") || base;
}

/** The source's own programme field: its Settings sheet's Programme name, or a plan export's one top summary. */
function settingsName(p: Programme): string {
  return p.settings.programmeName && p.settings.programmeName !== DEFAULT_SETTINGS.programmeName
    ? p.settings.programmeName
    : "";
}

/** The one Workstream all its projects name, if they do. */
function oneWorkstream(p: Programme): string {
  const named = new Set(p.projects.map((x) => x.workstream).filter((w) => w !== UNASSIGNED));
  return named.size === 1 ? [...named][0] : "";
}

/**
 * Each source is a workstream: its projects are reported under its name. A source that names no
 * programme of its own but whose rows name several workstreams (a Project export whose outline
 * has several top summaries and no project summary above them, a Workstream column of several
 * values) keeps those groupings; rows with none take the source's name.
 */
function assignWorkstream(p: Programme, name: string, named: boolean): void {
  const several = new Set(p.projects.map((x) => x.workstream).filter((w) => w !== UNASSIGNED)).size > 1;
  for (const x of p.projects) if (named || !several || x.workstream === UNASSIGNED) x.workstream = name;
}

/** Every sheet name the source's rows, links and findings carry becomes "file › sheet". */
function qualifySheets(part: Part, file: string): void {
  const done = new Set<object>();
  const q = (o: { sheet: string }) => {
    if (done.has(o)) return;
    done.add(o);
    o.sheet = qualifiedSheet(file, o.sheet);
  };
  const p = part.programme;
  for (const list of [
    p.projects,
    p.milestones,
    p.risks,
    p.issues,
    p.assumptions,
    p.dependencyLog,
    p.benefits,
    p.competencyScores,
    p.governance,
    p.holidays,
    p.workstreamRows,
    p.commentary,
  ])
    for (const x of list) q(x.src);
  for (const l of p.links) q(l);
  for (const s of p.sources) q(s);
  for (const d of part.diagnostics) q(d);
  for (const x of part.leftOut) q(x);
  for (const u of part.unresolved) q(u);
}

/** The IDs a part holds, by kind family, as taken (projects and milestones share one space). */
export function idFamilies(p: Programme): Record<Family, string[]> {
  return {
    items: [...p.projects.map((x) => x.id), ...p.milestones.map((x) => x.id)],
    risks: p.risks.map((x) => x.id),
    issues: p.issues.map((x) => x.id),
    assumptions: p.assumptions.map((x) => x.id),
    dependencyLog: p.dependencyLog.map((x) => x.id),
    benefits: p.benefits.map((x) => x.id),
  };
}

export type Family = "items" | "risks" | "issues" | "assumptions" | "dependencyLog" | "benefits";
export const FAMILIES: Family[] = ["items", "risks", "issues", "assumptions", "dependencyLog", "benefits"];

export const keyOf = idKey;
