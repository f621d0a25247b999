import { cellOf } from "../programme/entities";
import { formatDayLong, type Day } from "../primitives/dates";
import { namesUpTo } from "../primitives/text";
import type { Diagnostic } from "../primitives/diagnostic";
import type { CompetencyScore, Programme, Project } from "../programme/entities";
import type { Rag } from "../rag/scale";
import { normaliseName } from "../workbook/normalise";
import { isOverdue } from "../status/slip";

/**
 * World Class Commissioning competencies: current = the latest Panel score, else the latest
 * Self score; gap = target − current; Green when gap ≤ 0, Amber when 1, Red when 2 or more
 * or when the target date has passed with a gap.
 */
export interface CompetencyResult {
  id: string;
  name: string;
  current: number | null;
  currentFrom: "Panel" | "Self" | null;
  self: number | null;
  panel: number | null;
  target: number | null;
  targetDate: Day | null;
  gap: number | null;
  rag: Rag | null;
  lead: string;
  /** Projects whose Competencies column names this one. */
  projects: string[];
}

function latest(rows: CompetencyScore[], kind: "Panel" | "Self"): CompetencyScore | null {
  let best: CompetencyScore | null = null;
  for (const r of rows) {
    if (r.assessment !== kind || r.score === null) continue;
    // Later date wins; undated rows count as older than dated ones; on a tie the lower row wins.
    if (!best || (r.date ?? -Infinity) >= (best.date ?? -Infinity)) best = r;
  }
  return best;
}

/** Does a project's Competencies entry ("C5", "5", "Prioritise investment") name this competency? */
export function namesCompetency(token: string, id: string, name: string): boolean {
  return matchesKey(tokenKey(token), competencyKey(id, name));
}

interface CompetencyKey {
  id: string;
  name: string;
  digits: number | null;
}
function competencyKey(id: string, name: string): CompetencyKey {
  const n = normaliseName(id);
  const d = /(\d+)$/.exec(n);
  return { id: n, name: normaliseName(name), digits: d ? Number(d[1]) : null };
}
function tokenKey(token: string): { t: string; digits: number | null } {
  const t = normaliseName(token);
  const d = /^(?:c|wcc|competency)?(\d+)$/.exec(t);
  return { t, digits: d ? Number(d[1]) : null };
}
function matchesKey(tok: { t: string; digits: number | null }, c: CompetencyKey): boolean {
  if (!tok.t) return false;
  if (tok.t === c.id || tok.t === c.name) return true;
  return tok.digits !== null && c.digits !== null && tok.digits === c.digits;
}

export function analyseCompetencies(p: Programme, asOf: Day, diags: Diagnostic[]): CompetencyResult[] {
  // Each project's entries normalised once (a big programme names competencies many times).
  const projectTokens: ProjectTokens[] = p.projects.map((pr) => ({
    pr,
    tokens: pr.competencies.map((t) => ({ raw: t, key: tokenKey(t) })),
  }));
  const groups = new Map<string, CompetencyScore[]>();
  for (const r of p.competencyScores) {
    const k = r.id.trim().toUpperCase();
    const g = groups.get(k) ?? [];
    g.push(r);
    groups.set(k, g);
  }
  const results: CompetencyResult[] = [];
  for (const rows of groups.values()) {
    const c = competencyResult(rows, projectTokens, asOf);
    results.push(c);
    gapFindings(c, rows, asOf, diags);
  }
  unknownCompetencies(results, projectTokens, diags);
  return results;
}

type ProjectTokens = { pr: Project; tokens: { raw: string; key: ReturnType<typeof tokenKey> }[] };

/** One competency's scores read: current (Panel, else Self), target, gap, RAG and the projects naming it. */
function competencyResult(rows: CompetencyScore[], projectTokens: ProjectTokens[], asOf: Day): CompetencyResult {
  const id = rows[0].id;
  const name = rows.find((r) => r.competency)?.competency ?? id;
  const panel = latest(rows, "Panel");
  const self = latest(rows, "Self");
  const cur = panel ?? self;
  const withTarget = [...rows].reverse().find((r) => r.target !== null) ?? null;
  const target = withTarget?.target ?? null;
  const targetDate = [...rows].reverse().find((r) => r.targetDate !== null)?.targetDate ?? null;
  const current = cur?.score ?? null;
  const gap = current !== null && target !== null ? target - current : null;
  let rag: Rag | null = null;
  if (gap !== null) {
    if (gap <= 0) rag = "Green";
    else if (gap >= 2 || isOverdue(false, targetDate, asOf)) rag = "Red";
    else rag = "Amber";
  }
  const ck = competencyKey(id, name);
  const projects = projectTokens.filter((x) => x.tokens.some((t) => matchesKey(t.key, ck))).map((x) => x.pr.id);
  const lead = [...rows].reverse().find((r) => r.lead)?.lead ?? "";
  return {
    id,
    name,
    current,
    currentFrom: panel ? "Panel" : self ? "Self" : null,
    self: self?.score ?? null,
    panel: panel?.score ?? null,
    target,
    targetDate,
    gap,
    rag,
    lead,
    projects,
  };
}

/** A competency below target: the gap, and no project addressing it. */
function gapFindings(c: CompetencyResult, rows: CompetencyScore[], asOf: Day, diags: Diagnostic[]): void {
  const { id, name, current, target, targetDate, gap, rag, projects } = c;
  if (gap === null || gap <= 0) return;
  const at = (c.currentFrom === "Panel" ? latest(rows, "Panel") : latest(rows, "Self")) ?? rows[0];
  const late = isOverdue(false, targetDate, asOf);
  diags.push({
    severity: rag === "Red" ? "warning" : "info",
    code: "competency-gap",
    message: `${id} "${name}" is at level ${current} (${c.currentFrom === "Panel" ? "panel" : "self"} assessment) against a target of ${target}${
      targetDate !== null ? ` by ${formatDayLong(targetDate)}` : ""
    }: a gap of ${gap}${late ? ", and the target date has passed" : ""}.${projects.length ? ` Projects addressing it: ${namesUpTo(projects, 10)}.` : ""}`,
    sheet: at.src.sheet,
    cell: cellOf(at.src, "score") ?? cellOf(at.src, "id") ?? "",
    entity: id,
  });
  if (!projects.length)
    diags.push({
      severity: "warning",
      code: "competency-uncovered",
      message: `${id} "${name}" is below target and no project names it in its Competencies column. Assign a project to close the gap, or record the one that does.`,
      sheet: at.src.sheet,
      cell: cellOf(at.src, "id") ?? "",
      entity: id,
    });
}

/** Project entries that name no known competency (only when there are competencies to name). */
function unknownCompetencies(results: CompetencyResult[], projectTokens: ProjectTokens[], diags: Diagnostic[]): void {
  if (!results.length) return;
  const keys = results.map((c) => competencyKey(c.id, c.name));
  for (const { pr, tokens } of projectTokens) {
    for (const { raw: token, key } of tokens) {
      if (!keys.some((c) => matchesKey(key, c)))
        diags.push({
          severity: "warning",
          code: "unknown-reference",
          message: `${pr.id} names competency "${token}", which is not on the Competencies sheet. Use a competency ID such as ${results[0].id}.`,
          sheet: pr.src.sheet,
          cell: cellOf(pr.src, "competencies") ?? "",
          entity: pr.id,
        });
    }
  }
}
