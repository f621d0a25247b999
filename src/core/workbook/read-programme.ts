import { cellOf } from "../programme/entities";
import { a1 } from "../primitives/cell";
import type { Day } from "../primitives/dates";
import { programmeCalendar, type WorkCalendar } from "../primitives/calendar";
import type { Diagnostic } from "../primitives/diagnostic";
import {
  LINK_TYPE_NUMBER,
  NO_LAG,
  type Assumption,
  type Benefit,
  type CommentaryRow,
  type CompetencyScore,
  type ExternalDependency,
  type GovernanceRating,
  type HolidayRow,
  type Issue,
  type Lag,
  type Link,
  type LinkType,
  type Milestone,
  type Programme,
  type Project,
  type Risk,
  type SheetSource,
  type Source,
  type SummaryTask,
  type WorkstreamRow,
} from "../programme/entities";
import type { Rag } from "../rag/scale";
import type { WorkbookSnapshot } from "../primitives/snapshot";
import { readHistory } from "../history/read-history";
import { describingValue, headerCell, type Located } from "./locate";
import { readPlanSnapshots } from "../history/read-snapshots";
import { readKeptSources } from "./sources-sheet";
import { idKey } from "./normalise";
import { recognise, type Found, type Recognition } from "./recognise";
import { readConstraint } from "../schedule/read-constraint";
import { importPlan } from "../imports/project-export";
import { looksTyped, parseRef, splitRefs } from "../schedule/references";
import { scoreRiskLogs } from "../risks/risk-levels";
import { fieldValue, readRows, type RowValues, type TypedRow } from "./rows";
import { sheetSpec, type FieldKey, type SheetKind, type SheetSpec } from "./schema";
import { readSettings } from "./settings";

export interface IngestResult {
  programme: Programme;
  diagnostics: Diagnostic[];
}

/** A row that could not be taken into the analysis (a duplicate or missing ID), named for the board's data-quality list. */
export interface LeftOutRow {
  kind: SheetKind;
  id: string;
  title: string;
  sheet: string;
  cell: string;
  reason: string;
}

// A typed field absent (no column) or blank (null) as the item's empty value.
const str = (v: string | null | undefined): string => v ?? "";
const num = (v: number | null | undefined): number | null => v ?? null;
const day = (v: Day | null | undefined): Day | null => v ?? null;
const list = (v: string[] | null | undefined): string[] => v ?? [];
const rag = (v: Rag | null | undefined): Rag | null => v || null;

/** The parts a workbook may hold, and what is skipped without each (an info, never an error). */
const PART_SKIPPED: Partial<Record<SheetKind, string>> = {
  projects: "no projects: the schedule, RAG and finance checks are skipped",
  milestones: "no milestones: milestone checks are skipped",
  risks: "no risks: risk checks are skipped",
};

/** The kinds that count as a part of a programme workbook: one of them must be there. */
const PARTS: SheetKind[] = [
  "projects",
  "tasks",
  "milestones",
  "risks",
  "issues",
  "assumptions",
  "dependencyLog",
  "benefits",
  "competencies",
  "governance",
];

/**
 * Reads a workbook snapshot into a typed programme. Never throws on bad data: every problem
 * becomes a diagnostic naming its sheet and cell, and the rest is still read. A workbook may hold
 * any part (only a plan, only a risk register, only a RAID log): absent parts are noted, not errors.
 */
export function readProgramme(
  snapshot: WorkbookSnapshot,
  opts: ReadOptions = {},
): IngestResult & { leftOut: LeftOutRow[]; recognition: Recognition } {
  const diags = snapshotProblems(snapshot);
  const sources: SheetSource[] = [];
  const settings = readSettings(snapshot, diags, sources);
  const recognition = recognise(snapshot, settings.columnMap);
  const reader = new KindReader(snapshot, recognition, settings, diags, sources);
  const leftOut: LeftOutRow[] = [];
  const ids = new IdSpace(diags, leftOut);

  const refs: RawRefs = [];
  const projects = readProjects(reader, ids, refs);
  const milestones = readMilestones(reader, ids, refs);
  const summaries: SummaryTask[] = [];
  const plan = readPlanExport(reader, ids, refs, projects, milestones, summaries);
  if (plan && !settings.cells.programmeName) settings.programmeName = plan;
  const links = readLinks(reader, refs, ids, diags, sources, opts.unresolved);
  const risks = readRisks(reader, new IdSpace(diags, leftOut), settings.riskMatrix, diags);
  const raid = readRaidLogs(reader, ids);
  const benefits = readBenefits(reader, ids.fresh());
  const competencyScores = readCompetencies(reader, diags);
  const context = readContext(reader);

  partsDiagnostics(recognition, reader, diags);
  return {
    programme: {
      projects,
      milestones,
      links,
      ...(summaries.length ? { summaries } : {}),
      risks,
      ...raid,
      benefits,
      competencyScores,
      ...context,
      history: readHistory(snapshot),
      snapshots: readPlanSnapshots(snapshot),
      keptSources: readKeptSources(snapshot),
      settings,
      sources,
    },
    diagnostics: diags,
    leftOut,
    recognition,
  };
}

/** The cells the host could not read exactly, as warnings, and the parts it follows only in part, as notes: the first diagnostics of a reading. */
function snapshotProblems(snapshot: WorkbookSnapshot): Diagnostic[] {
  return (snapshot.problems ?? []).map((p): Diagnostic =>
    p.note
      ? { severity: "info", code: p.note, message: p.message, sheet: p.sheet, cell: p.cell }
      : {
          severity: "warning",
          code: "unreadable-cell",
          message: p.cell
            ? `This cell could not be read exactly as written: ${p.message}. Check it in Excel and retype it if it matters`
            : `Part of this sheet could not be read: ${p.message}. Open the file in Excel and save it again`,
          sheet: p.sheet,
          cell: p.cell,
        },
  );
}

/** The issues, assumptions and external dependencies of the RAID log, each kind with its own IDs. */
function readRaidLogs(reader: KindReader, ids: IdSpace): Pick<Programme, "issues" | "assumptions" | "dependencyLog"> {
  const issues = reader.rows("issues", ids.fresh(), ({ id, v, row }): Issue => ({
    id,
    title: str(v.title) || id,
    project: str(v.project),
    owner: str(v.owner),
    priority: str(v.priority),
    status: str(v.status),
    raised: day(v.raised),
    due: day(v.due),
    resolved: day(v.resolved),
    src: row.src,
  }));
  const assumptions = reader.rows("assumptions", ids.fresh(), ({ id, v, row }): Assumption => ({
    id,
    description: str(v.description) || id,
    project: str(v.project),
    owner: str(v.owner),
    raised: day(v.raised),
    validatedBy: str(v.validatedBy),
    validationDue: day(v.validationDue),
    status: str(v.status),
    impactIfWrong: str(v.impactIfWrong),
    src: row.src,
  }));
  const dependencyLog = reader.rows("dependencyLog", ids.fresh(), ({ id, v, row }): ExternalDependency => ({
    id,
    description: str(v.description) || id,
    dependentOn: str(v.dependentOn),
    project: str(v.project),
    owner: str(v.owner),
    externalParty: str(v.externalParty),
    requiredBy: day(v.requiredBy),
    status: str(v.status),
    src: row.src,
  }));
  return { issues, assumptions, dependencyLog };
}

function readBenefits(reader: KindReader, ids: IdSpace): Benefit[] {
  return reader.rows("benefits", ids, ({ id, v, row }): Benefit => ({
    id,
    benefit: str(v.benefit) || id,
    project: str(v.project),
    measure: str(v.measure),
    baseline: num(v.baseline),
    target: num(v.target),
    actual: num(v.actual),
    due: day(v.due),
    src: row.src,
  }));
}

/** The sheets around the plan: governance ratings, holidays, workstream leads and the commentary. */
function readContext(reader: KindReader): Pick<Programme, "governance" | "holidays" | "workstreamRows" | "commentary"> {
  const governance = reader.plain("governance").flatMap((row): GovernanceRating[] => {
    const v = row.values;
    if (!str(v.element)) return [];
    reader.require(row, "rating", "Rating", "Enter Red, Amber or Green.", str(v.element));
    return [{ element: str(v.element), rating: rag(v.rating), target: rag(v.target), date: day(v.date), src: row.src }];
  });
  const holidays = reader.plain("holidays").flatMap((row): HolidayRow[] => {
    const date = day(row.values.date);
    return date === null ? [] : [{ date, name: str(row.values.name), src: row.src }];
  });
  const workstreamRows = reader
    .plain("workstreams")
    .flatMap((row): WorkstreamRow[] =>
      str(row.values.workstream)
        ? [{ name: str(row.values.workstream), lead: str(row.values.lead), sro: str(row.values.sro), src: row.src }]
        : [],
    );
  const commentary = reader.plain("commentary").flatMap((row): CommentaryRow[] => {
    const v = row.values;
    const period = day(v.period);
    if (period === null || !str(v.about)) return [];
    return [
      {
        period,
        about: str(v.about),
        statusSummary: str(v.statusSummary),
        decisions: str(v.decisions),
        recommendation: str(v.recommendation),
        decisionBy: day(v.decisionBy),
        lessons: str(v.lessons),
        author: str(v.author),
        cause: str(v.cause),
        consequences: str(v.consequences),
        options: str(v.options),
        src: row.src,
      },
    ];
  });
  return { governance, holidays, workstreamRows, commentary };
}

export interface ReadOptions {
  /**
   * When given, a dependency naming an ID this workbook does not hold is kept here instead of
   * reported: collation (src/core/collation) resolves it against the other sources' items.
   */
  unresolved?: UnresolvedRef[];
}

/** A link whose predecessor (or, on a Dependencies sheet, successor) is not an item of this workbook: each end as written. */
export interface UnresolvedRef {
  from: string;
  to: string;
  fromKnown: boolean;
  toKnown: boolean;
  type: LinkType;
  lag: Lag;
  sheet: string;
  cell: string;
}

/** One ID space: the first row with an ID keeps it; later ones are reported and left out. */
class IdSpace {
  /** Each ID's key (trimmed, upper case) → its number in taking order. */
  private seen = new Map<string, number>();
  /** The IDs taken, as written, in the order taken, and the row each was taken from. */
  readonly taken: string[] = [];
  private from: Source[] = [];
  constructor(
    private diags: Diagnostic[],
    private leftOut: LeftOutRow[],
  ) {}

  /** A new space for another kind (risks, issues… each have their own IDs), sharing the reports. */
  fresh(): IdSpace {
    return new IdSpace(this.diags, this.leftOut);
  }

  has(id: string): boolean {
    return this.seen.has(idKey(id));
  }

  /** The number of an ID taken ("p01 " finds P01); an ID written exactly as its key is found without making the key. */
  numberOf(id: string): number | undefined {
    return this.seen.get(id) ?? this.seen.get(idKey(id));
  }

  /** Takes an ID already read (a plan export's task ID): false when it is a repeat, reported at its cell. */
  takeId(id: string, title: string, src: Source, spec: SheetSpec): boolean {
    return this.take({ values: { id }, src }, spec, title) !== null;
  }

  take(row: TypedRow, spec: SheetSpec, title: string): string | null {
    const id = str(row.values.id);
    if (!id) {
      const cell = cellOf(row.src, "id") ?? "";
      this.diags.push({
        severity: "error",
        code: "missing-value",
        message: `This ${spec.noun} row has no ID, so it cannot be checked or linked and is left out of the report. Give it a unique ID.`,
        sheet: row.src.sheet,
        cell,
      });
      if (title) this.leftOut.push({ kind: spec.kind, id: "", title, sheet: row.src.sheet, cell, reason: "no ID" });
      return null;
    }
    const key = idKey(id);
    const n = this.seen.get(key);
    if (n !== undefined) {
      const cell = cellOf(row.src, "id") ?? "";
      const first = this.from[n];
      const at = `${first.sheet}!${cellOf(first, "id") ?? ""}`;
      this.diags.push({
        severity: "error",
        code: "duplicate-id",
        message: `ID "${id}" is used again: it was first used at ${at}. Give each ${spec.noun} its own ID; this row is left out until then.`,
        sheet: row.src.sheet,
        cell,
        entity: id,
      });
      this.leftOut.push({ kind: spec.kind, id, title, sheet: row.src.sheet, cell, reason: `duplicate of ${at}` });
      return null;
    }
    this.seen.set(key, this.taken.push(id) - 1);
    this.from.push(row.src);
    return id;
  }
}

/** Reads each kind from where recognition found it, reporting its columns once. */
class KindReader {
  private cache: { [K in SheetKind]?: TypedRow<K>[] } = {};
  constructor(
    private snapshot: WorkbookSnapshot,
    readonly recognition: Recognition,
    private settings: Programme["settings"],
    readonly diags: Diagnostic[],
    private sources: SheetSource[],
  ) {}

  spec<K extends SheetKind>(kind: K): SheetSpec<K> {
    return sheetSpec(kind);
  }

  found(kind: SheetKind): Found | undefined {
    return this.recognition.found.get(kind);
  }

  /** The programme's calendar (Settings and the Holidays sheet): a duration becomes a finish on it. */
  calendar(): WorkCalendar {
    const days = this.plain("holidays").flatMap((row) => {
      const date = day(row.values.date);
      return date === null ? [] : [date];
    });
    return programmeCalendar(this.settings, days);
  }

  /** Every non-blank row of a kind, typed (cells that cannot be read are reported at the cell). */
  plain<K extends SheetKind>(kind: K): TypedRow<K>[] {
    const cached = this.cache[kind];
    if (cached) return cached;
    const rows: TypedRow<K>[] = [];
    this.read(kind, (row) => rows.push(row));
    this.cache[kind] = rows;
    return rows;
  }

  /**
   * Rows with a unique ID (in the given ID space), each converted as it is read: a row's typed
   * values are dropped as soon as its item is made, instead of a sheet's worth being kept (risks
   * keep theirs until every log's matrix is known: their `convert` returns the row).
   */
  rows<K extends SheetKind, T>(
    kind: K,
    ids: IdSpace,
    convert: (r: { id: string; v: RowValues<K>; row: TypedRow<K> }) => T,
  ): T[] {
    const spec = this.spec(kind);
    const title = spec.fields.find((f) => f.type === "text" && f.required)?.key;
    const out: T[] = [];
    this.read(kind, (row) => {
      const named = title ? fieldValue(row, title) : "";
      const id = ids.take(row, spec, typeof named === "string" ? named : "");
      if (!id) return;
      for (const f of spec.fields)
        if (f.required && f.key !== "id" && f.type !== "risklevel")
          this.requireField(row, f.key, f.label, `Enter its ${f.label.toLowerCase()}.`, id);
      out.push(convert({ id, v: row.values, row }));
    });
    return out;
  }

  /** Reads a kind's rows in order, once, noting its columns and its source. */
  private read<K extends SheetKind>(kind: K, each: (row: TypedRow<K>) => void): void {
    const spec = this.spec(kind);
    const loc = this.found(kind);
    if (!loc) return;
    this.noteColumns(loc, spec);
    let count = 0;
    if (checkColumns(loc, spec, this.diags)) {
      const opts = {
        date1904: this.snapshot.date1904,
        dateOrder: this.settings.dateOrder === "month-first" ? "mdy" : "dmy",
        maxOverride:
          kind === "competencies"
            ? { score: this.settings.competencyScaleMax, target: this.settings.competencyScaleMax }
            : undefined,
      } as const;
      readRows(loc, spec, opts, this.diags, (row) => {
        count++;
        each(row);
      });
    }
    this.sources.push(sourceOf(kind, loc, count));
  }

  /** An empty required cell is an error at the cell (once: a cell already reported as unreadable is not reported again). */
  require<K extends SheetKind>(row: TypedRow<K>, key: FieldKey<K>, label: string, what: string, id: string): void {
    this.requireField(row, key, label, what, id);
  }

  /** As `require`, for a key taken from the schema at run time. */
  private requireField(row: TypedRow, key: string, label: string, what: string, id: string): void {
    const v = fieldValue(row, key);
    if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)) return;
    if (cellOf(row.src, key) === undefined) return; // the column itself is missing: reported once
    if (row.failed?.includes(key)) return;
    this.diags.push({
      severity: "error",
      code: "missing-value",
      message: `${id} has no ${label}. ${what}`,
      sheet: row.src.sheet,
      cell: cellOf(row.src, key) ?? "",
      entity: id,
    });
  }

  private noteColumns(loc: Found, spec: SheetSpec): void {
    for (const [c, [header, key]] of loc.doubted ?? []) {
      const label = spec.fields.find((f) => f.key === key)!.label;
      const example = describingValue(loc, c);
      if (example === null) continue; // it holds ratings: read as such without a note
      this.diags.push({
        severity: "info",
        code: "guessed-column",
        message: `The header "${header}" is read as ${label}, but it holds descriptions (such as "${example.length > 40 ? example.slice(0, 37) + "..." : example}"), not a ${label.toLowerCase()}. Add a ${label} column, or map the right one on the Settings sheet (Column map | ${loc.sheet.name} | header | ${label}).`,
        sheet: loc.sheet.name,
        cell: a1(loc.headerRow, c),
      });
    }
    for (const [c, [header, key]] of loc.guessed ?? []) {
      const label = spec.fields.find((f) => f.key === key)!.label;
      this.diags.push({
        severity: "info",
        code: "guessed-column",
        message: `The header "${header}" is read as ${label}. Correct its spelling to "${label}" if that is right; rename it if it is a column of your own.`,
        sheet: loc.sheet.name,
        cell: a1(loc.headerRow, c),
      });
    }
  }
}

/** Depends On cells, kept until every project and milestone ID is known. */
type RawRefs = { toId: string; text: string; sheet: string; cell: string }[];

function keepRefs(refs: RawRefs, id: string, v: { readonly dependsOn?: string | null }, row: TypedRow): void {
  if (str(v.dependsOn))
    refs.push({ toId: id, text: str(v.dependsOn), sheet: row.src.sheet, cell: cellOf(row.src, "dependsOn") ?? "" });
}

function readProjects(reader: KindReader, ids: IdSpace, refs: RawRefs): Project[] {
  const loc = reader.found("projects");
  const noWorkstream = !!loc && ![...loc.columns.values()].includes("workstream");
  const projects = reader.rows("projects", ids, ({ id, v, row }): Project => {
    keepRefs(refs, id, v, row);
    if (!str(v.workstream) && cellOf(row.src, "workstream") !== undefined && !row.failed?.includes("workstream"))
      reader.diags.push({
        severity: "warning",
        code: "missing-value",
        message: `${id} has no Workstream, so the board sees it under "${UNASSIGNED}". Enter the workstream it belongs to.`,
        sheet: row.src.sheet,
        cell: cellOf(row.src, "workstream") ?? "",
        entity: id,
      });
    return {
      id,
      name: str(v.name) || id,
      workstream: str(v.workstream) || UNASSIGNED,
      lead: str(v.lead),
      start: day(v.start),
      finish: day(v.finish),
      baselineFinish: day(v.baselineFinish),
      actualFinish: day(v.actualFinish),
      budget: num(v.budget),
      forecastCost: num(v.forecastCost),
      actualCost: num(v.actualCost),
      percentComplete: num(v.percentComplete),
      status: str(v.status),
      reportedRag: rag(v.reportedRag),
      scopeRag: rag(v.scopeRag),
      qualityRag: rag(v.qualityRag),
      notes: str(v.notes),
      competencies: list(v.competencies),
      benefits: list(v.benefits),
      ...readConstraint(v, row.src, id, reader.diags),
      src: row.src,
    };
  });
  if (noWorkstream && projects.length)
    reader.diags.push({
      severity: "info",
      code: "missing-column",
      message: `The ${loc!.sheet.name} sheet has no Workstream column, so every project is reported under "${UNASSIGNED}". Add a Workstream column to group them for the board.`,
      sheet: loc!.sheet.name,
      cell: headerCell(loc!),
    });
  return projects;
}

/**
 * A plan exported from Microsoft Project or Smartsheet, when the workbook has no Projects sheet:
 * its leaf tasks become projects and milestones (plan-import.ts). Returns the programme's name when
 * one top summary holds the plan. Its summary tasks go to `summaries`.
 */
function readPlanExport(
  reader: KindReader,
  ids: IdSpace,
  refs: RawRefs,
  projects: Project[],
  milestones: Milestone[],
  summaries: SummaryTask[],
): string | null {
  const found = reader.found("tasks");
  if (!found) return null;
  if (reader.found("projects")) {
    reader.diags.push({
      severity: "info",
      code: "recognised-as",
      message: `${found.sheet.name} looks like a plan exported from another tool; the ${reader.found("projects")!.sheet.name} sheet is read for projects instead.`,
      sheet: found.sheet.name,
      cell: headerCell(found),
    });
    return null;
  }
  const plan = importPlan(found, reader.plain("tasks"), UNASSIGNED, reader.diags, reader.calendar());
  const spec = reader.spec("tasks");
  for (const p of plan.projects) if (ids.takeId(p.id, p.name, p.src, spec)) projects.push(p);
  for (const m of plan.milestones) if (ids.takeId(m.id, m.name, m.src, spec)) milestones.push(m);
  // Summary tasks take their IDs too: a link naming one is one link, to or from what is under it.
  for (const s of plan.summaries) if (ids.takeId(s.id, s.name, s.src, spec)) summaries.push(s);
  refs.push(...plan.refs);
  return plan.programmeName;
}

/** Projects with no workstream are reported together under this name. */
export const UNASSIGNED = "Unassigned";

function readMilestones(reader: KindReader, ids: IdSpace, refs: RawRefs): Milestone[] {
  return reader.rows("milestones", ids, ({ id, v, row }): Milestone => {
    keepRefs(refs, id, v, row);
    return {
      id,
      project: str(v.project),
      name: str(v.name) || id,
      baseline: day(v.baseline),
      forecast: day(v.forecast),
      actual: day(v.actual),
      status: str(v.status),
      owner: str(v.owner),
      reviewPoint: str(v.reviewPoint),
      ...readConstraint(v, row.src, id, reader.diags),
      src: row.src,
    };
  });
}

/** Links from the Depends On columns and the Dependencies sheet, resolved once every ID is known. */
function readLinks(
  reader: KindReader,
  refs: RawRefs,
  items: IdSpace,
  diags: Diagnostic[],
  sources: SheetSource[],
  unresolved?: UnresolvedRef[],
): Link[] {
  const links = new LinkTaker(items, diags, unresolved);
  linksFromColumns(links, refs, items, sources);
  linksFromSheet(links, reader.plain("dependencies"), items, diags, unresolved);
  return links.links;
}

/** The links taken so far, each once; a predecessor this workbook does not hold is reported (or kept as unresolved). */
class LinkTaker {
  readonly links: Link[] = [];
  // The projects and milestones by number, in the order their IDs were taken: a link is
  // remembered as two numbers, not as a string per link.
  private ids: readonly string[];
  // The links already taken into each item, as a list through arrays (an item has one or two).
  private firstInto: Int32Array;
  private nextInto: number[] = [];
  private codeOf: number[] = [];

  constructor(
    private items: IdSpace,
    private diags: Diagnostic[],
    private unresolved?: UnresolvedRef[],
  ) {
    this.ids = items.taken;
    this.firstInto = new Int32Array(this.ids.length).fill(-1);
  }

  private seenBefore(f: number, t: number, type: LinkType): boolean {
    const code = f * 4 + LINK_TYPE_NUMBER[type];
    for (let k = this.firstInto[t]; k !== -1; k = this.nextInto[k]) if (this.codeOf[k] === code) return true;
    this.nextInto.push(this.firstInto[t]);
    this.firstInto[t] = this.codeOf.push(code) - 1;
    return false;
  }

  /** Takes a link; false when it was not taken (an unknown predecessor reported, or a repeat). */
  add(from: string, to: string, type: LinkType, lag: Lag, sheet: string, cell: string): boolean {
    const f = this.items.numberOf(from);
    if (f === undefined) {
      if (this.unresolved) {
        this.unresolved.push({
          from,
          to,
          fromKnown: false,
          toKnown: this.items.numberOf(to) !== undefined,
          type,
          lag,
          sheet,
          cell,
        });
        return true;
      }
      this.diags.push({
        severity: "error",
        code: "unknown-reference",
        message: `${to} depends on "${from}", which is not the ID of any project or milestone. Correct the ID or add the missing item.`,
        sheet,
        cell,
        entity: to,
      });
      return false;
    }
    const t = this.items.numberOf(to);
    // The same link written twice (in a Depends On cell and on the Dependencies sheet) counts once.
    if (t !== undefined && this.seenBefore(f, t, type)) return false;
    this.links.push({ from: this.ids[f], to: t === undefined ? to : this.ids[t], type, lag, sheet, cell });
    return true;
  }
}

/** The links written in Depends On cells, with a source per sheet they came from. */
function linksFromColumns(links: LinkTaker, refs: RawRefs, items: IdSpace, sources: SheetSource[]): void {
  const known = (id: string) => items.numberOf(id) !== undefined;
  const inColumns = new Map<string, number>();
  const someIdLooksTyped = items.taken.some(looksTyped);
  for (const r of refs) {
    for (const token of splitRefs(r.text)) {
      const p = parseRef(token, known, someIdLooksTyped);
      if (p && links.add(p.id, r.toId, p.type, p.lag, r.sheet, r.cell))
        inColumns.set(r.sheet, (inColumns.get(r.sheet) ?? 0) + 1);
    }
  }
  for (const [sheet, n] of inColumns)
    sources.push({ kind: "links", sheet, headerCell: "", rows: n, extraColumns: [], via: "Depends On column" });
}

/** The links on the Dependencies sheet: both ends needed, the successor one of this workbook's items (or kept as unresolved). */
function linksFromSheet(
  links: LinkTaker,
  rows: TypedRow<"dependencies">[],
  items: IdSpace,
  diags: Diagnostic[],
  unresolved?: UnresolvedRef[],
): void {
  const known = (id: string) => items.numberOf(id) !== undefined;
  for (const row of rows) {
    const v = row.values;
    const from = str(v.from);
    const to = str(v.to);
    if (!from || !to) {
      diags.push({
        severity: "error",
        code: "missing-value",
        message: `This dependency needs both a From and a To ID.`,
        sheet: row.src.sheet,
        cell: cellOf(row.src, !from ? "from" : "to") ?? "",
      });
      continue;
    }
    if (!known(to) && unresolved) {
      unresolved.push({
        from,
        to,
        fromKnown: known(from),
        toKnown: false,
        type: v.type || "FS",
        lag: v.lag ?? NO_LAG,
        sheet: row.src.sheet,
        cell: cellOf(row.src, "from") ?? "",
      });
      continue;
    }
    if (!known(to)) {
      diags.push({
        severity: "error",
        code: "unknown-reference",
        message: `"${to}" is not the ID of any project or milestone. Correct the ID or add the missing item.`,
        sheet: row.src.sheet,
        cell: cellOf(row.src, "to") ?? "",
        entity: to,
      });
      continue;
    }
    links.add(from, to, v.type || "FS", v.lag ?? NO_LAG, row.src.sheet, cellOf(row.src, "from") ?? "");
  }
}

function readRisks(
  reader: KindReader,
  ids: IdSpace,
  setting: Programme["settings"]["riskMatrix"],
  diags: Diagnostic[],
): Risk[] {
  const rows = reader.rows("risks", ids, (r) => r);
  const scored = scoreRiskLogs(
    rows.map((r) => r.row),
    setting,
    diags,
  );
  return rows.flatMap(({ id, v, row }): Risk[] => {
    const title = str(v.title);
    const description = str(v.description);
    if (
      !title &&
      !description &&
      cellOf(row.src, "title") === undefined &&
      cellOf(row.src, "description") === undefined
    )
      return [];
    const [first, rest] = title ? [title, description] : splitFirstSentence(description);
    if (!first)
      reader.require(
        row,
        cellOf(row.src, "title") !== undefined ? "title" : "description",
        "Title",
        "Describe the risk.",
        id,
      );
    const s = scored.get(row)!;
    for (const k of ["likelihood", "impact"] as const)
      if (s[k] === null)
        reader.require(row, k, k === "likelihood" ? "Likelihood" : "Impact", "Score it, so that it can be rated.", id);
    return [
      {
        id,
        title: first || id,
        description: rest,
        project: str(v.project),
        owner: str(v.owner),
        likelihood: s.likelihood,
        impact: s.impact,
        residualLikelihood: s.residualLikelihood,
        residualImpact: s.residualImpact,
        matrix: s.matrix,
        rating: v.rating || null,
        mitigation: str(v.mitigation),
        status: str(v.status),
        raised: day(v.raised),
        lastReviewed: day(v.lastReviewed),
        reviewDue: day(v.reviewDue),
        src: row.src,
      },
    ];
  });
}

/** "Staff leave. Cover is thin." → ["Staff leave", "Cover is thin."]: a register's description as title and detail. */
export function splitFirstSentence(text: string): [string, string] {
  const t = text.trim();
  const m = /^(.+?[.!?])(?:\s+)([\s\S]+)$/.exec(t);
  if (!m || m[1].length < 8) return [t.replace(/\.$/, ""), ""];
  return [m[1].replace(/\.$/, ""), m[2].trim()];
}

function readCompetencies(reader: KindReader, diags: Diagnostic[]): CompetencyScore[] {
  // Competencies repeat their ID on purpose: one row per assessment.
  const out: CompetencyScore[] = [];
  for (const row of reader.plain("competencies")) {
    const v = row.values;
    const id = str(v.id);
    if (!id) {
      diags.push({
        severity: "error",
        code: "missing-value",
        message: `This competency row has no ID. Give each competency an ID such as C5, repeated on each of its assessment rows.`,
        sheet: row.src.sheet,
        cell: cellOf(row.src, "id") ?? "",
      });
      continue;
    }
    reader.require(row, "competency", "Competency name", "Name the competency.", id);
    reader.require(row, "score", "Score", "Enter the level assessed.", id);
    reader.require(row, "target", "Target", "Enter the target level.", id);
    out.push({
      id,
      competency: str(v.competency) || id,
      assessment: v.assessment || "Self",
      date: day(v.date),
      score: num(v.score),
      target: num(v.target),
      targetDate: day(v.targetDate),
      lead: str(v.lead),
      src: row.src,
    });
  }
  return out;
}

/** Absent parts are an info; no part at all is an error that lists what each sheet looked like. */
function partsDiagnostics(recognition: Recognition, reader: KindReader, diags: Diagnostic[]): void {
  const present = PARTS.filter((k) => recognition.found.has(k));
  if (!present.length) {
    const looks = recognition.looks.map((l) =>
      l.matches.length
        ? `"${l.sheet}" (headers like ${reader.spec(l.matches[0].kind).title}: ${l.matches[0].fields.join(", ")})`
        : `"${l.sheet}"`,
    );
    diags.push({
      severity: "error",
      code: "missing-sheet",
      message: `No sheet this tool reads was found: no projects, milestones, risks, issues or other register.${looks.length ? ` Sheets found: ${looks.slice(0, 8).join("; ")}.` : ""} Rename a sheet (Projects, Risks…), give its columns the headers in docs/workbook-format.md, or map a header on the Settings sheet (Column map | sheet | header | field). The template command writes every input sheet.`,
      sheet: "",
      cell: "",
    });
    return;
  }
  for (const [kind, words] of Object.entries(PART_SKIPPED) as [SheetKind, string][]) {
    if (recognition.found.has(kind)) continue;
    if ((kind === "projects" || kind === "milestones") && recognition.found.has("tasks")) continue; // a plan export holds both
    const spec = reader.spec(kind);
    diags.push({
      severity: "info",
      code: "missing-sheet",
      message: `The workbook has ${words}. Add a ${spec.title} sheet to have them checked.`,
      sheet: "",
      cell: "",
    });
  }
}

function sourceOf(kind: SheetKind, loc: Found, rows: number): SheetSource {
  return {
    kind,
    sheet: loc.sheet.name,
    table: loc.table?.name,
    headerCell: headerCell(loc),
    rows,
    extraColumns: [...loc.extras.values()],
    via: loc.by,
  };
}

/** Reports missing required columns; false when the sheet cannot be read at all. */
function checkColumns(loc: Located, spec: SheetSpec, diags: Diagnostic[]): boolean {
  if (loc.headerRow < 0) {
    const req = spec.fields.filter((f) => f.required).map((f) => f.label);
    diags.push({
      severity: "error",
      code: "missing-column",
      message: `The ${loc.sheet.name} sheet has no header row this tool recognises. Put the column headers (at least ${req.join(", ")}) in one row near the top.`,
      sheet: loc.sheet.name,
      cell: headerCell(loc),
    });
    return false;
  }
  const present = new Set(loc.columns.values());
  let usable = true;
  for (const f of spec.fields) {
    if (!f.required || present.has(f.key)) continue;
    // A risk's title may come from its description.
    if (spec.kind === "risks" && f.key === "title" && present.has("description")) continue;
    const also = f.key === "id" ? ["Ref", "Reference", "No."] : (f.aliases?.slice(0, 3) ?? []);
    diags.push({
      severity: "error",
      code: "missing-column",
      message: `The ${loc.sheet.name} sheet has no "${f.label}" column${also.length ? ` (also accepted: ${also.join(", ")})` : ""}. Add it to the header row (row ${loc.headerRow + 1}), or map the column that holds it on the Settings sheet (Column map | ${loc.sheet.name} | your header | ${f.label}).`,
      sheet: loc.sheet.name,
      cell: headerCell(loc),
    });
    if (f.key === "id" || (spec.kind === "dependencies" && (f.key === "from" || f.key === "to"))) usable = false;
  }
  return usable;
}
