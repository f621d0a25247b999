import { cellOf } from "../programme/entities";
import { formatDayLong, type Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import type { CommentaryRow, Programme } from "../programme/entities";

/**
 * The Commentary sheet, for this report: the latest row per subject (the programme, a
 * workstream, a project or milestone) dated on or before the as-of date. A later period's row
 * replaces an earlier one; rows after the as-of date wait for their report.
 */
export interface DecisionRequest {
  text: string;
  recommendation: string;
  /** Who asks: the row's author. */
  owner: string;
  /** When the decision is needed: Decision By, else the row's period. */
  date: Day;
  /** The workstream it comes from ("" for the programme). */
  workstream: string;
  about: string;
  src: CommentaryRow["src"];
}

export interface CommentaryResult {
  programme: CommentaryRow | null;
  workstreams: Map<string, CommentaryRow>;
  items: Map<string, CommentaryRow>;
  decisions: DecisionRequest[];
}

const key = (s: string) => s.trim().toLowerCase();

export function selectCommentary(p: Programme, asOf: Day, diags: Diagnostic[]): CommentaryResult {
  if (!p.commentary.length) return { programme: null, workstreams: new Map(), items: new Map(), decisions: [] };
  const workstreamNames = new Map(p.projects.map((x) => [key(x.workstream), x.workstream]));
  for (const w of p.workstreamRows) workstreamNames.set(key(w.name), w.name);
  const itemIds = new Map<string, string>();
  for (const x of [...p.projects, ...p.milestones]) itemIds.set(key(x.id), x.id);
  const projectById = new Map(p.projects.map((x) => [x.id, x]));
  const milestoneById = new Map(p.milestones.map((m) => [m.id, m]));
  const workstreamOfItem = (id: string) =>
    (projectById.get(id) ?? projectById.get(milestoneById.get(id)?.project ?? ""))?.workstream ?? "";
  const latest = new Map<string, { row: CommentaryRow; subject: "programme" | "workstream" | "item"; name: string }>();
  for (const row of p.commentary) {
    if (row.period > asOf) continue;
    const k = key(row.about);
    const subject =
      k === "programme" || k === "program" || k === key(p.settings.programmeName)
        ? "programme"
        : workstreamNames.has(k)
          ? "workstream"
          : itemIds.has(k)
            ? "item"
            : null;
    if (!subject) {
      diags.push({
        severity: "warning",
        code: "unknown-reference",
        message: `Commentary about "${row.about}" (${formatDayLong(row.period)}) is not about the programme, a workstream or a project or milestone ID, so it is not shown. Write Programme, a workstream's name, or an ID.`,
        sheet: row.src.sheet,
        cell: cellOf(row.src, "about") ?? "",
      });
      continue;
    }
    const id = subject === "programme" ? "programme" : `${subject}:${k}`;
    const prev = latest.get(id);
    if (!prev || row.period >= prev.row.period)
      latest.set(id, {
        row,
        subject,
        name: subject === "workstream" ? workstreamNames.get(k)! : subject === "item" ? itemIds.get(k)! : "",
      });
  }
  const out: CommentaryResult = { programme: null, workstreams: new Map(), items: new Map(), decisions: [] };
  for (const { row, subject, name } of latest.values()) {
    if (subject === "programme") out.programme = row;
    else if (subject === "workstream") out.workstreams.set(name, row);
    else out.items.set(name, row);
    if (row.decisions)
      out.decisions.push({
        text: row.decisions,
        recommendation: row.recommendation,
        owner: row.author,
        date: row.decisionBy ?? row.period,
        workstream: subject === "workstream" ? name : subject === "item" ? workstreamOfItem(name) : "",
        about: subject === "programme" ? "Programme" : name,
        src: row.src,
      });
  }
  out.decisions.sort((a, b) => a.date - b.date);
  return out;
}
