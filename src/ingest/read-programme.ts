import { a1 } from "../model/cell";
import type { Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type {
  AssessmentKind,
  Benefit,
  CompetencyScore,
  GovernanceRating,
  HolidayRow,
  Issue,
  Lag,
  Link,
  LinkType,
  Milestone,
  Programme,
  Project,
  Risk,
  SheetSource,
} from "../model/entities";
import { NO_LAG } from "../model/entities";
import type { Rag } from "../model/rag";
import type { WorkbookSnapshot } from "../model/snapshot";
import { headerCell, locate, type Located } from "./locate";
import { idKey } from "./normalise";
import { parseRef, splitRefs } from "./references";
import { readRows, type TypedRow } from "./rows";
import { SHEETS, type SheetKind, type SheetSpec } from "./schema";
import { readSettings } from "./settings";

export interface IngestResult {
  programme: Programme;
  diagnostics: Diagnostic[];
}

/** Severity of a missing sheet: the portfolio is essential; the rest narrows what can be checked. */
const MISSING_SHEET_SEVERITY: Partial<Record<SheetKind, Diagnostic["severity"]>> = {
  projects: "error",
  milestones: "warning",
  risks: "warning",
  competencies: "info",
};

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const day = (v: unknown): Day | null => (typeof v === "number" ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
const rag = (v: unknown): Rag | null => (typeof v === "string" && v ? (v as Rag) : null);

/**
 * Reads a workbook snapshot into a typed programme. Never throws on bad data: every
 * problem becomes a diagnostic naming its sheet and cell, and the rest is still read.
 */
export function readProgramme(snapshot: WorkbookSnapshot): IngestResult {
  const diags: Diagnostic[] = [];
  const sources: SheetSource[] = [];
  const settings = readSettings(snapshot, diags, sources);
  const rowsOf = (kind: SheetKind): TypedRow[] => {
    const spec = SHEETS.find((s) => s.kind === kind)!;
    const loc = locate(snapshot, spec, spec);
    if (!loc) {
      const sev = MISSING_SHEET_SEVERITY[kind];
      if (sev)
        diags.push({
          severity: sev,
          code: "missing-sheet",
          message: `No ${spec.title} sheet was found (also accepted: ${spec.aliases.slice(0, 4).join(", ")}). ${
            sev === "error" ? "Add one" : "Add one to have it checked"
          }: the template command writes every input sheet with its headers.`,
          sheet: "",
          cell: "",
        });
      return [];
    }
    for (const [c, [header, key]] of loc.guessed ?? []) {
      const label = spec.fields.find((f) => f.key === key)!.label;
      diags.push({
        severity: "info",
        code: "guessed-column",
        message: `The header "${header}" is read as ${label}. Correct its spelling to "${label}" if that is right; rename it if it is a column of your own.`,
        sheet: loc.sheet.name,
        cell: a1(loc.headerRow, c),
      });
    }
    if (!checkColumns(loc, spec, diags)) {
      sources.push(sourceOf(kind, loc, 0));
      return [];
    }
    const rows = readRows(loc, spec, { date1904: snapshot.date1904, maxOverride: kind === "competencies" ? { score: settings.competencyScaleMax, target: settings.competencyScaleMax } : undefined }, diags);
    sources.push(sourceOf(kind, loc, rows.length));
    return rows;
  };

  const seen = new Map<string, { sheet: string; cell: string }>();
  /** Projects and milestones share one ID space, since dependencies may point at either. */
  const uniqueId = (row: TypedRow, label: string, space: Map<string, { sheet: string; cell: string }>): string | null => {
    const id = str(row.values.id);
    const cell = row.src.cells.id;
    if (!id) {
      diags.push({ severity: "error", code: "missing-value", message: `This ${label} row has no ID, so it cannot be checked or linked. Give it a unique ID.`, sheet: row.src.sheet, cell });
      return null;
    }
    const first = space.get(idKey(id));
    if (first) {
      diags.push({
        severity: "error",
        code: "duplicate-id",
        message: `ID "${id}" is used again: it was first used at ${first.sheet}!${first.cell}. Give each ${label} its own ID; this row is left out until then.`,
        sheet: row.src.sheet,
        cell,
        entity: id,
      });
      return null;
    }
    space.set(idKey(id), { sheet: row.src.sheet, cell });
    return id;
  };
  const requireValue = (row: TypedRow, key: string, label: string, what: string, id: string): void => {
    const v = row.values[key];
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) {
      if (row.src.cells[key] === undefined) return; // the column itself is missing: reported once
      // A cell already reported as unreadable is not reported again as empty.
      if (row.failed?.includes(key)) return;
      diags.push({ severity: "error", code: "missing-value", message: `${id} has no ${label}. ${what}`, sheet: row.src.sheet, cell: row.src.cells[key], entity: id });
    }
  };

  const projects: Project[] = [];
  const rawRefs: { toId: string; text: string; sheet: string; cell: string }[] = [];
  for (const row of rowsOf("projects")) {
    const id = uniqueId(row, "project", seen);
    if (!id) continue;
    const v = row.values;
    requireValue(row, "name", "Name", "Enter the project's name.", id);
    requireValue(row, "workstream", "Workstream", "Enter the workstream (programme) it belongs to.", id);
    requireValue(row, "finish", "Finish date", "Enter its forecast finish date.", id);
    projects.push({
      id,
      name: str(v.name) || id,
      workstream: str(v.workstream) || "(no workstream)",
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
      competencies: list(v.competencies),
      benefits: list(v.benefits),
      src: row.src,
    });
    if (str(v.dependsOn)) rawRefs.push({ toId: id, text: str(v.dependsOn), sheet: row.src.sheet, cell: row.src.cells.dependsOn });
  }

  const milestones: Milestone[] = [];
  for (const row of rowsOf("milestones")) {
    const id = uniqueId(row, "milestone", seen);
    if (!id) continue;
    const v = row.values;
    requireValue(row, "project", "Project", "Enter the ID of the project it belongs to.", id);
    requireValue(row, "name", "Milestone name", "Describe the milestone.", id);
    requireValue(row, "baseline", "Baseline Date", "Enter the date it was planned for.", id);
    milestones.push({
      id,
      project: str(v.project),
      name: str(v.name) || id,
      baseline: day(v.baseline),
      forecast: day(v.forecast),
      actual: day(v.actual),
      status: str(v.status),
      owner: str(v.owner),
      reviewPoint: str(v.reviewPoint),
      src: row.src,
    });
    if (str(v.dependsOn)) rawRefs.push({ toId: id, text: str(v.dependsOn), sheet: row.src.sheet, cell: row.src.cells.dependsOn });
  }

  // Links: resolved once every project and milestone ID is known.
  const known = (id: string) => seen.has(idKey(id));
  const canonical = new Map<string, string>();
  for (const p of projects) canonical.set(idKey(p.id), p.id);
  for (const m of milestones) canonical.set(idKey(m.id), m.id);
  const links: Link[] = [];
  const linkSeen = new Set<string>();
  const addLink = (from: string, to: string, type: LinkType, lag: Lag, sheet: string, cell: string): void => {
    if (!known(from)) {
      diags.push({
        severity: "error",
        code: "unknown-reference",
        message: `${to} depends on "${from}", which is not the ID of any project or milestone. Correct the ID or add the missing item.`,
        sheet,
        cell,
        entity: to,
      });
      return;
    }
    const f = canonical.get(idKey(from))!;
    const t = canonical.get(idKey(to)) ?? to;
    const key = `${f}>${t}>${type}`;
    if (linkSeen.has(key)) return;
    linkSeen.add(key);
    links.push({ from: f, to: t, type, lag, sheet, cell });
  };
  for (const r of rawRefs) {
    for (const token of splitRefs(r.text)) {
      const p = parseRef(token, known);
      if (p) addLink(p.id, r.toId, p.type, p.lag, r.sheet, r.cell);
    }
  }
  for (const row of rowsOf("dependencies")) {
    const v = row.values;
    const from = str(v.from);
    const to = str(v.to);
    if (!from || !to) {
      diags.push({ severity: "error", code: "missing-value", message: `This dependency needs both a From and a To ID.`, sheet: row.src.sheet, cell: row.src.cells[!from ? "from" : "to"] ?? "" });
      continue;
    }
    if (!known(to)) {
      diags.push({ severity: "error", code: "unknown-reference", message: `"${to}" is not the ID of any project or milestone. Correct the ID or add the missing item.`, sheet: row.src.sheet, cell: row.src.cells.to, entity: to });
      continue;
    }
    const lag = (v.lag as Lag | null) ?? NO_LAG;
    addLink(from, to, (str(v.type) || "FS") as LinkType, lag, row.src.sheet, row.src.cells.from);
  }

  const riskIds = new Map<string, { sheet: string; cell: string }>();
  const risks: Risk[] = [];
  for (const row of rowsOf("risks")) {
    const id = uniqueId(row, "risk", riskIds);
    if (!id) continue;
    const v = row.values;
    requireValue(row, "title", "Title", "Describe the risk.", id);
    requireValue(row, "likelihood", "Likelihood", "Score it from 1 (rare) to 5 (almost certain).", id);
    requireValue(row, "impact", "Impact", "Score it from 1 (negligible) to 5 (catastrophic).", id);
    risks.push({
      id,
      title: str(v.title) || id,
      description: str(v.description),
      project: str(v.project),
      owner: str(v.owner),
      likelihood: num(v.likelihood),
      impact: num(v.impact),
      residualLikelihood: num(v.residualLikelihood),
      residualImpact: num(v.residualImpact),
      mitigation: str(v.mitigation),
      status: str(v.status),
      raised: day(v.raised),
      lastReviewed: day(v.lastReviewed),
      reviewDue: day(v.reviewDue),
      src: row.src,
    });
  }

  const issueIds = new Map<string, { sheet: string; cell: string }>();
  const issues: Issue[] = [];
  for (const row of rowsOf("issues")) {
    const id = uniqueId(row, "issue", issueIds);
    if (!id) continue;
    const v = row.values;
    requireValue(row, "title", "Title", "Describe the issue.", id);
    issues.push({ id, title: str(v.title) || id, project: str(v.project), owner: str(v.owner), priority: str(v.priority), status: str(v.status), raised: day(v.raised), due: day(v.due), src: row.src });
  }

  const benefitIds = new Map<string, { sheet: string; cell: string }>();
  const benefits: Benefit[] = [];
  for (const row of rowsOf("benefits")) {
    const id = uniqueId(row, "benefit", benefitIds);
    if (!id) continue;
    const v = row.values;
    requireValue(row, "benefit", "Benefit", "Describe the benefit.", id);
    benefits.push({ id, benefit: str(v.benefit) || id, project: str(v.project), measure: str(v.measure), baseline: num(v.baseline), target: num(v.target), actual: num(v.actual), due: day(v.due), src: row.src });
  }

  // Competencies repeat their ID on purpose: one row per assessment.
  const competencyScores: CompetencyScore[] = [];
  for (const row of rowsOf("competencies")) {
    const v = row.values;
    const id = str(v.id);
    if (!id) {
      diags.push({ severity: "error", code: "missing-value", message: `This competency row has no ID. Give each competency an ID such as C5, repeated on each of its assessment rows.`, sheet: row.src.sheet, cell: row.src.cells.id });
      continue;
    }
    requireValue(row, "competency", "Competency name", "Name the competency.", id);
    requireValue(row, "score", "Score", "Enter the level assessed.", id);
    requireValue(row, "target", "Target", "Enter the target level.", id);
    competencyScores.push({
      id,
      competency: str(v.competency) || id,
      assessment: (str(v.assessment) || "Self") as AssessmentKind,
      date: day(v.date),
      score: num(v.score),
      target: num(v.target),
      targetDate: day(v.targetDate),
      lead: str(v.lead),
      src: row.src,
    });
  }

  const holidays: HolidayRow[] = [];
  for (const row of rowsOf("holidays")) {
    const date = day(row.values.date);
    if (date !== null) holidays.push({ date, name: str(row.values.name), src: row.src });
  }

  const governance: GovernanceRating[] = [];
  for (const row of rowsOf("governance")) {
    const v = row.values;
    if (!str(v.element)) continue;
    requireValue(row, "rating", "Rating", "Enter Red, Amber or Green.", str(v.element));
    governance.push({ element: str(v.element), rating: rag(v.rating), target: rag(v.target), date: day(v.date), src: row.src });
  }

  return {
    programme: { projects, milestones, links, risks, issues, benefits, competencyScores, governance, holidays, settings, sources },
    diagnostics: diags,
  };
}

function sourceOf(kind: SheetKind, loc: Located, rows: number): SheetSource {
  return { kind, sheet: loc.sheet.name, table: loc.table?.name, headerCell: headerCell(loc), rows, extraColumns: [...loc.extras.values()] };
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
    const also = f.key === "id" ? ["Ref", "Reference", "No."] : f.aliases?.slice(0, 3) ?? [];
    diags.push({
      severity: "error",
      code: "missing-column",
      message: `The ${loc.sheet.name} sheet has no "${f.label}" column${also.length ? ` (also accepted: ${also.join(", ")})` : ""}. Add it to the header row (row ${loc.headerRow + 1}).`,
      sheet: loc.sheet.name,
      cell: headerCell(loc),
    });
    if (f.key === "id" || (spec.kind === "dependencies" && (f.key === "from" || f.key === "to"))) usable = false;
  }
  return usable;
}
