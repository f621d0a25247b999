import { programmeCalendar } from "../primitives/calendar";
import { today, type Day } from "../primitives/dates";
import { sortDiagnostics, type Diagnostic } from "../primitives/diagnostic";
import type { Programme } from "../programme/entities";
import type { Rag } from "../rag/scale";
import type { WorkbookSnapshot } from "../primitives/snapshot";
import { readProgramme, type LeftOutRow } from "../workbook/read-programme";
import { reportingPeriod, type ReportingPeriod } from "../programme/period";
import { analyseBenefits, type BenefitResult } from "../benefits/benefits";
import { selectCommentary, type CommentaryResult } from "../commentary/commentary";
import { analyseFinance, type FinanceResult } from "../finance/finance";
import { findLast, lastReport, ragTrend, riskTrend, type LastReport, type Trend } from "../history/trend";
import { analyseCompetencies, type CompetencyResult } from "../competencies/competencies";
import { checkActuals, checkIntegrity } from "../programme/integrity";
import { movementSince, planSnapshotNow, type Movement } from "../history/movement";
import { analyseIssues, type IssueResult } from "../raid/issues";
import { analyseAssumptions, analyseDependencyLog, type AssumptionResult, type DependencyResult } from "../raid/raid";
import { analyseRag, type RagResult } from "../rag/rag";
import { analyseRisks, type RiskResult } from "../risks/risks";
import { applyOverallRule } from "../rag/dimensions";
import { analyseSchedule, type ScheduleResult } from "../schedule/schedule";
import { checkKeptSources } from "./kept-sources";

export interface AnalyseOptions {
  /** The as-of date; default: the Settings sheet's reporting date, else today. */
  asOf?: Day | null;
  /** The clock, for "today" (tests pin it). */
  now?: Date;
}

export interface Analysis {
  asOf: Day;
  /** Where the as-of date came from. */
  asOfSource: "option" | "settings" | "today";
  programme: Programme;
  diagnostics: Diagnostic[];
  schedule: ScheduleResult;
  rag: RagResult;
  overall: Rag | null;
  risks: RiskResult[];
  competencies: CompetencyResult[];
  issues: IssueResult[];
  assumptions: AssumptionResult[];
  dependencyLog: DependencyResult[];
  benefits: BenefitResult[];
  /** Rows left out of the analysis (duplicate or missing IDs), for the board's data-quality list. */
  leftOut: LeftOutRow[];
  /** This reporting period and the next (Settings: Reporting period). */
  period: ReportingPeriod;
  /** Direction of travel since the last report in the workbook's RAG History. */
  trends: Trends;
  finance: FinanceResult;
  commentary: CommentaryResult;
  /** What moved since the last report's plan snapshot, and this report's snapshot. */
  movement: Movement;
}

export interface Trends {
  last: LastReport;
  programme: Trend;
  workstreams: Map<string, Trend>;
  projects: Map<string, Trend>;
  risks: Map<string, { trend: Trend; lastScore: number | null }>;
}

/** The whole check: snapshot in, typed programme, diagnostics and results out. Pure. */
export function analyseWorkbook(snapshot: WorkbookSnapshot, opts: AnalyseOptions = {}): Analysis {
  const { programme, diagnostics, leftOut } = readProgramme(snapshot);
  const analysis = analyseProgramme(programme, diagnostics, { ...opts, leftOut });
  noteEncoding(snapshot, analysis.diagnostics);
  return analysis;
}

/** A text file's encoding, named in the note that says how it was read (or in one of its own). */
function noteEncoding(snapshot: WorkbookSnapshot, diags: Diagnostic[]): void {
  if (!snapshot.textEncoding) return;
  const sheet = snapshot.sheets[0]?.name ?? "";
  const words = `The file was read as ${snapshot.textEncoding} text.`;
  const note = diags.find((d) => d.code === "recognised-as" && d.sheet === sheet);
  if (note) note.message = `${note.message} ${words}`;
  else
    diags.push({
      severity: "info",
      code: "recognised-as",
      message: `${sheet} is a CSV file. ${words}`,
      sheet,
      cell: "",
    });
}

export function analyseProgramme(
  programme: Programme,
  ingestDiagnostics: Diagnostic[],
  opts: AnalyseOptions & { leftOut?: LeftOutRow[] } = {},
): Analysis {
  const diags = [...ingestDiagnostics];
  const asOfSource = opts.asOf != null ? "option" : programme.settings.reportingDate !== null ? "settings" : "today";
  const asOf = opts.asOf ?? programme.settings.reportingDate ?? today(opts.now);
  checkIntegrity(programme, diags);
  checkKeptSources(programme, diags);
  checkActuals(programme, asOf, diags);
  const calendar = programmeCalendar(
    programme.settings,
    programme.holidays.map((h) => h.date),
  );
  const holidayNames = new Map(programme.holidays.map((h) => [h.date, h.name]));
  const schedule = analyseSchedule(programme, calendar, diags, holidayNames);
  const rag = analyseRag(programme, schedule, asOf, diags);
  const risks = analyseRisks(programme, asOf, diags);
  const competencies = analyseCompetencies(programme, asOf, diags);
  const issues = analyseIssues(programme, asOf, diags);
  const assumptions = analyseAssumptions(programme, asOf, diags);
  const dependencyLog = analyseDependencyLog(programme, asOf, diags);
  const benefits = analyseBenefits(programme, asOf, diags);
  applyOverallRule(programme, rag, benefits, risks);
  const period = reportingPeriod(programme.settings.reportingPeriod, asOf);
  const last = lastReport(programme.history, asOf, programme.snapshots ?? []);
  const trends: Trends = {
    last,
    programme: ragTrend(last, "Programme", programme.settings.programmeName, rag.overall?.rag ?? null),
    workstreams: new Map(
      rag.workstreams.map((w) => [w.name, ragTrend(last, "Workstream", w.name, w.overall?.rag ?? null)]),
    ),
    projects: new Map(
      programme.projects.map((p) => [p.id, ragTrend(last, "Project", p.id, rag.projects.get(p.id)!.overall.rag)]),
    ),
    risks: new Map(
      risks.map((r) => [
        r.id,
        { trend: riskTrend(last, r.id, r.score, r.open), lastScore: findLast(last, "Risk", r.id)?.score ?? null },
      ]),
    ),
  };
  const finance = analyseFinance(programme, rag);
  const commentary = selectCommentary(programme, asOf, diags);
  const movement = movementSince(
    programme.snapshots ?? [],
    planSnapshotNow(programme, rag, schedule, risks, commentary, asOf),
    asOf,
  );
  sortDiagnostics(diags);
  return {
    asOf,
    asOfSource,
    programme,
    diagnostics: diags,
    schedule,
    rag,
    overall: rag.overall?.rag ?? null,
    risks,
    competencies,
    issues,
    assumptions,
    dependencyLog,
    benefits,
    leftOut: opts.leftOut ?? [],
    period,
    trends,
    finance,
    commentary,
    movement,
  };
}
