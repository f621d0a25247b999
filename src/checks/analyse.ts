import { makeCalendar } from "../model/calendar";
import { today, type Day } from "../model/dates";
import { sortDiagnostics, type Diagnostic } from "../model/diagnostic";
import type { Programme } from "../model/entities";
import type { Rag } from "../model/rag";
import type { WorkbookSnapshot } from "../model/snapshot";
import { readProgramme } from "../ingest/read-programme";
import { analyseBenefits, type BenefitResult } from "./benefits";
import { analyseCompetencies, type CompetencyResult } from "./competencies";
import { checkIntegrity } from "./integrity";
import { analyseIssues } from "./issues";
import { analyseRag, type RagResult } from "./rag";
import { analyseRisks, type RiskResult } from "./risks";
import { analyseSchedule, type ScheduleResult } from "./schedule";

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
  issues: { id: string; open: boolean; overdue: boolean }[];
  benefits: BenefitResult[];
}

/** The whole check: snapshot in, typed programme, diagnostics and results out. Pure. */
export function analyseWorkbook(snapshot: WorkbookSnapshot, opts: AnalyseOptions = {}): Analysis {
  const { programme, diagnostics } = readProgramme(snapshot);
  return analyseProgramme(programme, diagnostics, opts);
}

export function analyseProgramme(programme: Programme, ingestDiagnostics: Diagnostic[], opts: AnalyseOptions = {}): Analysis {
  const diags = [...ingestDiagnostics];
  const asOfSource = opts.asOf != null ? "option" : programme.settings.reportingDate !== null ? "settings" : "today";
  const asOf = opts.asOf ?? programme.settings.reportingDate ?? today(opts.now);
  checkIntegrity(programme, diags);
  const calendar = makeCalendar(programme.settings.calendar, programme.holidays.map((h) => h.date));
  const holidayNames = new Map(programme.holidays.map((h) => [h.date, h.name]));
  const schedule = analyseSchedule(programme, calendar, diags, holidayNames);
  const rag = analyseRag(programme, schedule, asOf, diags);
  const risks = analyseRisks(programme, asOf, diags);
  const competencies = analyseCompetencies(programme, asOf, diags);
  const issues = analyseIssues(programme, asOf, diags);
  const benefits = analyseBenefits(programme, asOf, diags);
  sortDiagnostics(diags);
  return { asOf, asOfSource, programme, diagnostics: diags, schedule, rag, overall: rag.overall?.rag ?? null, risks, competencies, issues, benefits };
}
