import type { HistoryRow } from "../history/history-row";
import type { SnapshotRow } from "../history/snapshot-row";
import type { CalendarKind } from "../primitives/calendar";
import type { Constraint } from "../schedule/constraint-types";
import type { Day } from "../primitives/dates";
import { DEFAULT_ESCALATION_SCORE } from "../risks/bands";
import type { Collation, KeptSource } from "../primitives/provenance";
import type { Rag } from "../rag/scale";

/** Where a record came from: its sheet, its row, and the cell of each field read. */
export interface Source {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /**
   * Field name → the column (letters) it was read from; one object shared by every row of a
   * sheet. The cell is `cellOf(src, field)`: a row does not carry an address string per field.
   */
  columns: Readonly<Record<string, string>>;
  /** Fields whose cell held something that could not be read (already reported at the cell). */
  failed?: string[];
  /** Columns the tool does not use, kept as they were (header → value). */
  extra?: Record<string, string | number | boolean | null>;
}

/** The A1 address a row's field was read from; undefined when its sheet has no such column. */
export function cellOf(src: Source, field: string): string | undefined {
  const col = src.columns[field];
  return col === undefined ? undefined : col + (src.row + 1);
}

export type LinkType = "FS" | "SS" | "FF" | "SF";

/** Each link type as a number, for arrays and keys. */
export const LINK_TYPE_NUMBER: Readonly<Record<LinkType, number>> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/**
 * A lag (negative: a lead), as Microsoft Project keeps it: `wd` working days on the schedule's
 * calendar (what a plain number means), `ed` elapsed calendar days, `pct` a percentage of the
 * predecessor's duration. Weeks, months and hours are converted to working days when read.
 */
export interface Lag {
  readonly value: number;
  readonly unit: "wd" | "ed" | "pct";
}

/** One frozen object per common lag (a plan repeats a few lags on thousands of links), by unit, at value + 1,000. */
const LAGS: Record<Lag["unit"], (Lag | undefined)[]> = { wd: [], ed: [], pct: [] };

/** The lag of this value and unit: the shared object for a whole number of days or percent up to ±1,000. */
export function lagOf(value: number, unit: Lag["unit"]): Lag {
  if (!Number.isInteger(value) || Math.abs(value) > 1000) return { value, unit };
  const shared = LAGS[unit];
  return (shared[value + 1000] ??= Object.freeze({ value: value + 0, unit }));
}

export const NO_LAG: Lag = lagOf(0, "wd");

/**
 * A lag as written, to the minute: `wd` working days (what "1d" means depends on the calendar's
 * Hours per day), `wmin` working minutes (Project's m and h), `emin` elapsed minutes (em, eh), `ed`
 * elapsed days, `pct` a percentage of the predecessor's duration. A Lag's value and unit are its
 * reading in whole days (what a plan typed in days is scheduled with, as before); a plan with times
 * is scheduled with this exact amount (src/core/schedule/schedule.ts).
 */
export interface LagAmount {
  readonly value: number;
  readonly unit: "wd" | "wmin" | "emin" | "ed" | "pct";
}

/** The exact amount of lags whose whole-day reading rounds it (6h, 1.5w, 30eh), by lag object. */
const EXACT = new WeakMap<Lag, LagAmount>();

/** A lag read as `rounded` in whole days and as `exact` to the minute (a fresh object, not shared). */
export function lagWithExact(rounded: Lag, exact: LagAmount): Lag {
  if (exact.unit === rounded.unit && exact.value === rounded.value) return rounded;
  const lag = Object.freeze({ value: rounded.value, unit: rounded.unit });
  EXACT.set(lag, Object.freeze({ ...exact }));
  return lag;
}

/** The lag to the minute: its exact amount when its whole-day reading rounds it, else the lag itself. */
export function exactLag(lag: Lag): LagAmount {
  return EXACT.get(lag) ?? lag;
}

/** "FS+3d", "SS": a link's type and lag as written after the predecessor's ID. */
export function linkText(link: Pick<Link, "type" | "lag">): string {
  return `${link.type}${lagText(link.lag)}`;
}

/** "+3d", "-2ed", "+50%", "" for none: how a lag is written after the link type. */
export function lagText(lag: Lag): string {
  const exact = EXACT.get(lag);
  if (exact) return amountText(exact);
  if (lag.value === 0) return "";
  const sign = lag.value > 0 ? "+" : "-";
  const v = Math.abs(lag.value);
  return `${sign}${v}${lag.unit === "wd" ? "d" : lag.unit === "ed" ? "ed" : "%"}`;
}

/** "+6h", "+30m", "-1.5eh", "+7.5d": an exact lag as Project writes it. */
function amountText(a: LagAmount): string {
  if (a.value === 0) return "";
  const sign = a.value > 0 ? "+" : "-";
  const v = Math.abs(a.value);
  const round = (x: number) => Math.round(x * 100) / 100;
  if (a.unit === "wmin") return `${sign}${v % 60 === 0 ? `${v / 60}h` : `${round(v)}m`}`;
  if (a.unit === "emin") return `${sign}${v % 60 === 0 ? `${v / 60}eh` : `${round(v)}em`}`;
  return `${sign}${round(v)}${a.unit === "wd" ? "d" : a.unit === "ed" ? "ed" : "%"}`;
}

/** "3 working days", "2 calendar days", "50% of its duration": a lag in words. */
export function lagWords(lag: Lag): string {
  const v = Math.abs(lag.value);
  if (lag.unit === "pct") return `${v}% of its predecessor's duration`;
  return `${v} ${lag.unit === "wd" ? "working" : "calendar"} day${v === 1 ? "" : "s"}`;
}

/** A dependency: `to` depends on `from` (from is the predecessor). */
export interface Link {
  from: string;
  to: string;
  type: LinkType;
  lag: Lag;
  /** Where the link was written: the Depends On cell or the Dependencies row. */
  sheet: string;
  cell: string;
}

export interface Project {
  id: string;
  name: string;
  workstream: string;
  lead: string;
  start: Day | null;
  finish: Day | null;
  baselineFinish: Day | null;
  /** The day the work actually finished: a fact, which makes the project done. */
  actualFinish: Day | null;
  /** The day work actually began (a plan export's Actual Start): then also its start. */
  actualStart?: Day | null;
  /** True when its plan carries no progress at all (no % Complete, Actual or Status column): past its finish it is "progress not reported", not overdue. */
  progressNotReported?: boolean;
  budget: number | null;
  forecastCost: number | null;
  actualCost: number | null;
  /** 0–100. */
  percentComplete: number | null;
  status: string;
  reportedRag: Rag | null;
  scopeRag: Rag | null;
  qualityRag: Rag | null;
  notes: string;
  competencies: string[];
  benefits: string[];
  /** Minutes after midnight of the entered Start and Finish, when the plan gives times (Microsoft Project's exports do); absent or null: whole days. */
  startTime?: number | null;
  /**
   * A plan export's Duration, in days of work (src/core/workbook/values.ts, readDuration). The
   * entered Start and Finish give a task its length; this is used only when they hold no working
   * time on the calendar (a task on a weekend, from a plan on a seven-day calendar), so that the
   * task still takes its work from its start instead of finishing before it starts.
   */
  duration?: number | null;
  finishTime?: number | null;
  /** Project's Constraint Type and Constraint Date (src/core/schedule/constraint-types.ts); absent or null: As Soon As Possible. */
  constraint?: Constraint | null;
  /** Project's Deadline: a target finish that binds the late dates, not the early ones. */
  deadline?: DateTime | null;
  /** Microsoft Project's Task Mode "Manually Scheduled": the task stays on its entered dates, whatever its links say. */
  manual?: boolean;
  src: Source;
}

/** A day and, when one was written, the minutes after its midnight. */
export interface DateTime {
  day: Day;
  time: number | null;
}

export interface Milestone {
  id: string;
  project: string;
  name: string;
  baseline: Day | null;
  forecast: Day | null;
  actual: Day | null;
  status: string;
  owner: string;
  reviewPoint: string;
  /** Minutes after midnight of the milestone's date, when the plan gives one. */
  time?: number | null;
  constraint?: Constraint | null;
  deadline?: DateTime | null;
  /** As a project's: its plan carries no progress at all. */
  progressNotReported?: boolean;
  /** As a project's: manually scheduled, it stays on its entered date. */
  manual?: boolean;
  src: Source;
}

/** The matrix a risk is scored on: the NPSA 5×5 (1–5 × 1–5) or a 3×3 High/Medium/Low register. */
export type RiskMatrixKind = "5x5" | "3x3";

export interface Risk {
  id: string;
  title: string;
  description: string;
  /** A project ID or a workstream name. */
  project: string;
  owner: string;
  /** Scores on the risk's matrix (1–5, or 1–3 for High/Medium/Low). */
  likelihood: number | null;
  impact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  matrix: RiskMatrixKind;
  /** The register's own score or band, as written (challenged against the computed one). */
  rating: string | number | null;
  mitigation: string;
  status: string;
  raised: Day | null;
  lastReviewed: Day | null;
  reviewDue: Day | null;
  src: Source;
}

export interface Issue {
  id: string;
  title: string;
  project: string;
  owner: string;
  priority: string;
  status: string;
  raised: Day | null;
  due: Day | null;
  /** The date it was resolved: an issue with one is closed. */
  resolved: Day | null;
  src: Source;
}

/** An assumption of a RAID log: open until validated. */
export interface Assumption {
  id: string;
  description: string;
  project: string;
  owner: string;
  raised: Day | null;
  validatedBy: string;
  validationDue: Day | null;
  status: string;
  impactIfWrong: string;
  src: Source;
}

/** An external dependency of a RAID log (not a link between our own items). */
export interface ExternalDependency {
  id: string;
  description: string;
  dependentOn: string;
  project: string;
  owner: string;
  externalParty: string;
  requiredBy: Day | null;
  status: string;
  src: Source;
}

/** A row of the Commentary sheet: what someone wrote about the programme, a workstream or an item for a period. */
export interface CommentaryRow {
  period: Day;
  /** "Programme", a workstream's name, or a project or milestone ID. */
  about: string;
  statusSummary: string;
  decisions: string;
  recommendation: string;
  decisionBy: Day | null;
  lessons: string;
  author: string;
  /** For an exception report (PRINCE2): the cause, the consequences of the deviation, and the options ("" when not given). */
  cause?: string;
  consequences?: string;
  options?: string;
  src: Source;
}

/** A row of the Workstreams sheet: the one accountable lead. */
export interface WorkstreamRow {
  name: string;
  lead: string;
  sro: string;
  src: Source;
}

export interface Benefit {
  id: string;
  benefit: string;
  project: string;
  measure: string;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  due: Day | null;
  src: Source;
}

export type AssessmentKind = "Self" | "Panel" | "360";

/** One score of one competency: a competency usually has several rows (self, panel, by date). */
export interface CompetencyScore {
  id: string;
  competency: string;
  assessment: AssessmentKind;
  date: Day | null;
  score: number | null;
  target: number | null;
  targetDate: Day | null;
  lead: string;
  src: Source;
}

export interface GovernanceRating {
  element: string;
  rating: Rag | null;
  target: Rag | null;
  date: Day | null;
  src: Source;
}

export type RollUpRule = "worst" | "majority";

export type PeriodKind = "monthly" | "four-weekly" | "quarterly";

/** One Column map row of the Settings sheet: on `sheet`, the header written `header` is `field`. */
export interface ColumnMapEntry {
  sheet: string;
  header: string;
  /** The field's label or key as the user wrote it ("Lead", "Workstream", "Finish"). */
  field: string;
  /** Where the row is, for diagnostics. */
  at: { sheet: string; cell: string };
}

/** A day off on the Holidays sheet. */
export interface HolidayRow {
  date: Day;
  name: string;
  src: Source;
}

export interface Settings {
  programmeName: string;
  reportingDate: Day | null;
  /** Slip (days) above which a milestone or project is Amber / Red. */
  amberSlipDays: number;
  redSlipDays: number;
  /** Cost overrun (% of budget) above which cost is Amber / Red. */
  amberCostPercent: number;
  redCostPercent: number;
  riskEscalationScore: number;
  reviewStalenessDays: number;
  competencyScaleMax: number;
  rollUp: RollUpRule;
  /** The schedule's calendar: working days (Monday to Friday less holidays, the default) or calendar days. */
  calendar: CalendarKind;
  /** Project's Hours per day: what a duration or lag of 1d stands for (null: the working day's length, 8 h). */
  hoursPerDay: number | null;
  /** The working hours of a working day, [from, to) in minutes after midnight (null: Project's 8:00–12:00, 13:00–17:00). */
  workingHours: [number, number][] | null;
  /** What "this period" and "next period" mean on every sheet. */
  reportingPeriod: PeriodKind;
  /** Which risk matrix scores the risks: 5×5 (NPSA), 3×3 (High/Medium/Low), or chosen per log. */
  riskMatrix: "auto" | "5x5" | "3x3";
  /** How ambiguous text dates such as 02/03/2026 are read. */
  dateOrder: "day-first" | "month-first";
  /** The protective marking printed in every report footer. */
  classification: string;
  /** The Board Report's purpose line: null lets the report decide (decision when anything is asked, else assurance). */
  paperPurpose: "decision" | "assurance" | "information" | null;
  /** Who wrote the paper and who presents it (Settings; the author defaults to the programme commentary's). */
  reportAuthor: string;
  presentingDirector: string;
  /** What the overall RAG weighs: schedule and cost (the default), or benefits and risk too. */
  overallRule: "schedule-cost" | "all";
  /** Headers mapped by hand to the fields they mean (Settings rows "Column map | sheet | header | field"). */
  columnMap: ColumnMapEntry[];
  /** Where each setting was read from, for diagnostics. */
  cells: Record<string, { sheet: string; cell: string }>;
}

export const DEFAULT_SETTINGS: Settings = {
  programmeName: "Programme",
  reportingDate: null,
  amberSlipDays: 0,
  redSlipDays: 30,
  amberCostPercent: 5,
  redCostPercent: 10,
  riskEscalationScore: DEFAULT_ESCALATION_SCORE,
  reviewStalenessDays: 90,
  competencyScaleMax: 4,
  rollUp: "worst",
  calendar: "working",
  hoursPerDay: null,
  workingHours: null,
  reportingPeriod: "monthly",
  riskMatrix: "auto",
  dateOrder: "day-first",
  classification: "OFFICIAL",
  paperPurpose: null,
  reportAuthor: "",
  presentingDirector: "",
  overallRule: "schedule-cost",
  columnMap: [],
  cells: {},
};

/** Everything read from the workbook, typed and traceable. */
/**
 * A summary task of a plan export (Microsoft Project's outline): not a schedule item itself, but a
 * link into or out of it binds what is under it (the schedule's summary nodes, src/core/schedule/schedule.ts).
 */
export interface SummaryTask {
  id: string;
  name: string;
  /** The IDs of the tasks directly under it: projects, milestones or other summaries. */
  children: string[];
  src: Source;
}

export interface Programme {
  projects: Project[];
  milestones: Milestone[];
  links: Link[];
  /** A plan export's summary tasks that links may name (absent: none). */
  summaries?: SummaryTask[];
  risks: Risk[];
  issues: Issue[];
  assumptions: Assumption[];
  dependencyLog: ExternalDependency[];
  benefits: Benefit[];
  competencyScores: CompetencyScore[];
  governance: GovernanceRating[];
  holidays: HolidayRow[];
  workstreamRows: WorkstreamRow[];
  commentary: CommentaryRow[];
  /** The RAG History an earlier report left in the workbook. */
  history: HistoryRow[];
  /** The plan snapshots earlier reports left in the workbook (absent: none read). */
  snapshots?: SnapshotRow[];
  settings: Settings;
  /** Which sheet (and table, if any) each kind was read from. */
  sources: SheetSource[];
  /** When several files were collated into this programme: what each contributed (src/core/collation). */
  collation?: Collation;
  /** The Sources sheet an earlier report left: the sources collated then, as last read (absent: none). */
  keptSources?: KeptSource[];
}

export interface SheetSource {
  kind: string;
  sheet: string;
  table?: string;
  /** A1 address of the header row's first cell. */
  headerCell: string;
  rows: number;
  /** Headers present in the sheet that the tool does not use. */
  extraColumns: string[];
  /** 0-based last row of the region read (where new rows would go). */
  lastRow?: number;
  /** How it was found: by table or sheet name, by its headers, by a Type column, or (links) in a Depends On column. */
  via?: string;
}
