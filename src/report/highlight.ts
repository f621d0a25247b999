import { riskBand } from "../checks/risks";
import { formatDayLong } from "../model/dates";
import { worstRag, type Rag } from "../model/rag";
import { isClosedStatus, isCompleteStatus } from "../model/status";
import type { WorkstreamStatus as WorkstreamRag } from "../checks/rag";
import type { ReportContext } from "./context";
import { projectOf } from "./context";
import { trend } from "./history";
import { SheetLayout } from "./layout";
import { cell, type PlanSheet, hfText } from "./plan";
import { ragStyle } from "./styles";
import { lagText } from "../model/entities";

const WIDTH = 9;

/** The sheet name of a workstream's highlight report (cleaned and made unique by the builder). */
export function highlightName(workstream: string): string {
  return `HR ${workstream}`;
}

/** A PRINCE2-shaped highlight report for one workstream. */
export function highlightSheet(ctx: ReportContext, w: WorkstreamRag): PlanSheet {
  const a = ctx.a;
  const s = a.programme.settings;
  const L = new SheetLayout(WIDTH);
  const projects = w.projects.map((id) => projectOf(ctx, id)!);
  const inWs = new Set(w.projects.map((id) => id.toUpperCase()));
  const milestones = a.programme.milestones.filter((m) => inWs.has(m.project.trim().toUpperCase()));
  const wsKey = w.name.trim().toUpperCase();
  const risks = a.programme.risks.filter((r) => inWs.has(r.project.trim().toUpperCase()) || r.project.trim().toUpperCase() === wsKey);
  const riskResults = risks.map((r) => ({ risk: r, res: ctx.riskResultById.get(r.id)! })).filter((x) => x.res.open);
  const riskRag: Rag | null = riskResults.length
    ? worstRag(riskResults.map((x) => (x.res.score === null ? null : riskBand(x.res.score) === "Extreme" ? "Red" : riskBand(x.res.score) === "High" ? "Amber" : "Green")))
    : "Green";

  L.title(`Highlight report: ${w.name}`);
  L.put([[cell(`${s.programmeName} · period ${formatDayLong(ctx.periodStart)} to ${formatDayLong(a.asOf)} · lead ${[...new Set(projects.map((p) => p.lead).filter(Boolean))].join(", ") || "not recorded"}`, "subtitle")]]);
  L.put([[cell("Back to the board report", "link", { sheetKey: "board", cell: "A1" })]]);

  L.section("Status summary");
  const last = ctx.last.date !== null ? ctx.last.find("Workstream", w.name) : undefined;
  const lastLabel = ctx.last.date !== null ? `Last period (${formatDayLong(ctx.last.date)})` : "Last period";
  const statusRow = (dim: string, now: Rag | null, before: Rag | null | undefined, comment: string) => [
    cell(dim, "bold"),
    cell(now, ragStyle(now)),
    cell(before ?? (ctx.last.date === null ? "No earlier report" : "–"), before ? ragStyle(before) : "text"),
    cell(ctx.last.date === null ? "" : trend(now, before), "text"),
    cell(comment, "wrap"),
  ];
  const behind = projects.filter((p) => ["Red", "Amber"].includes(a.rag.projects.get(p.id)!.schedule.rag)).map((p) => p.id);
  const over = projects.filter((p) => ["Red", "Amber"].includes(a.rag.projects.get(p.id)!.cost?.rag ?? "")).map((p) => p.id);
  const highRisks = riskResults.filter((x) => (x.res.score ?? 0) >= 8).map((x) => x.risk.id);
  const statusStart = L.row;
  L.table(["", "This period", lastLabel, "Trend", "Comment"], [
    statusRow("Overall", w.overall?.rag ?? null, last?.overall, w.reported && w.reported !== w.overall?.rag ? `Reported ${w.reported}.` : ""),
    statusRow("Time", w.schedule?.rag ?? null, last?.schedule, behind.length ? `Behind or at risk: ${behind.join(", ")}.` : "On track."),
    statusRow("Cost", w.cost?.rag ?? null, last?.cost, over.length ? `Over budget: ${over.join(", ")}.` : w.cost ? "Within budget." : "No budgets recorded."),
    statusRow("Risk", riskRag, undefined, highRisks.length ? `High or extreme: ${highRisks.join(", ")}.` : "No high risks."),
  ], "");
  for (let r = statusStart + 1; r < L.row; r++) L.merges.push({ top: r, left: 4, bottom: r, right: WIDTH - 1 });

  L.section("Projects");
  L.table(
    ["ID", "Project", "Lead", "RAG", "% complete", "Finish", "Baseline", "Slip (days)", "Reported"],
    projects.map((p) => {
      const r = a.rag.projects.get(p.id)!;
      return [
        cell(p.id, "link", { sheet: p.src.sheet, cell: p.src.cells.id }),
        cell(p.name, "wrap"),
        cell(p.lead, "wrap"),
        cell(r.overall.rag, ragStyle(r.overall.rag)),
        cell(p.percentComplete === null ? null : p.percentComplete / 100, "percent"),
        cell(p.finish === null ? null : { day: p.finish }, "date"),
        cell(p.baselineFinish === null ? null : { day: p.baselineFinish }, "date"),
        cell(r.slipDays, "number"),
        cell(p.reportedRag, ragStyle(p.reportedRag)),
      ];
    }),
    "",
  );

  const done = milestones.filter((m) => m.actual !== null && m.actual >= ctx.periodStart && m.actual <= a.asOf);
  L.section("Work completed this period");
  L.table(
    ["ID", "Milestone", "Project", "Completed", "Baseline"],
    done.map((m) => [cell(m.id, "text"), cell(m.name, "wrap"), cell(m.project, "text"), cell({ day: m.actual! }, "date"), cell(m.baseline === null ? null : { day: m.baseline }, "date")]),
    "No milestone was completed this period.",
  );

  const planned = milestones
    .filter((m) => {
      const d = m.forecast ?? m.baseline;
      return m.actual === null && !isCompleteStatus(m.status) && d !== null && d <= ctx.nextEnd;
    })
    .sort((x, y) => (x.forecast ?? x.baseline)! - (y.forecast ?? y.baseline)!);
  L.section(`Work planned next period (to ${formatDayLong(ctx.nextEnd)}), overdue work first`);
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Due", "RAG"],
    planned.map((m) => {
      const r = a.rag.milestones.get(m.id)!.rating.rag;
      return [cell(m.id, "text"), cell(m.name, "wrap"), cell(m.project, "text"), cell(m.owner, "wrap"), cell({ day: (m.forecast ?? m.baseline)! }, "date"), cell(r, ragStyle(r))];
    }),
    "Nothing is due in the next period.",
  );

  L.section("Tolerance status");
  L.table(
    ["ID", "Project", "Slip (days)", "Time tolerance", "Cost variance", "Cost tolerance", "Status"],
    projects.map((p) => {
      const r = a.rag.projects.get(p.id)!;
      const slip = r.slipDays ?? 0;
      const cv = r.costVariancePercent;
      const exceeded = slip > s.redSlipDays || (cv !== null && cv > s.redCostPercent) || r.overdue;
      const atRisk = slip > s.amberSlipDays || (cv !== null && cv > s.amberCostPercent);
      const status = r.done ? "Complete" : exceeded ? "Tolerance exceeded: exception report needed" : atRisk ? "Within tolerance, forecast to use it" : "Within tolerance";
      return [
        cell(p.id, "text"),
        cell(p.name, "wrap"),
        cell(r.slipDays, "number"),
        cell(`${s.amberSlipDays}/${s.redSlipDays} days`, "text"),
        cell(cv === null ? null : cv / 100, "percent"),
        cell(`${s.amberCostPercent}%/${s.redCostPercent}%`, "text"),
        cell(status, exceeded ? "error" : atRisk ? "warning" : "text"),
      ];
    }),
    "",
  );

  L.section("Key risks");
  L.table(
    ["ID", "Risk", "Score", "Band", "Owner", "Mitigation", "Review due"],
    riskResults
      .sort((x, y) => (y.res.score ?? 0) - (x.res.score ?? 0))
      .map(({ risk, res }) => [
        cell(risk.id, "link", { sheet: risk.src.sheet, cell: risk.src.cells.id }),
        cell(risk.title, "wrap"),
        cell(res.score, "number"),
        cell(res.band, res.band ? `band-text-${res.band}` : "text"),
        cell(risk.owner || "None", risk.owner ? "wrap" : "error"),
        cell(risk.mitigation || "None recorded", risk.mitigation ? "wrap" : "error"),
        cell(risk.reviewDue === null ? null : { day: risk.reviewDue }, "date"),
      ]),
    "No open risks recorded against this workstream.",
  );

  const issues = a.programme.issues.filter((i) => !isClosedStatus(i.status) && (inWs.has(i.project.trim().toUpperCase()) || i.project.trim().toUpperCase() === wsKey));
  L.section("Key issues");
  L.table(
    ["ID", "Issue", "Project", "Owner", "Priority", "Due"],
    issues.map((i) => [cell(i.id, "link", { sheet: i.src.sheet, cell: i.src.cells.id }), cell(i.title, "wrap"), cell(i.project, "text"), cell(i.owner, "wrap"), cell(i.priority, "text"), cell(i.due === null ? null : { day: i.due }, "date")]),
    "No open issues recorded against this workstream.",
  );

  // Dependencies that cross the workstream's boundary.
  const wsOf = (id: string): string | null => {
    const p = projectOf(ctx, id);
    if (p) return p.workstream;
    const m = ctx.milestoneById.get(id);
    return m ? (projectOf(ctx, m.project)?.workstream ?? null) : null;
  };
  const crossing = a.programme.links.filter((l) => (wsOf(l.from) === w.name) !== (wsOf(l.to) === w.name));
  L.section("Dependencies into and out of this workstream");
  L.table(
    ["Direction", "From", "To", "Type", "Other workstream", "Status"],
    crossing.map((l) => {
      const into = wsOf(l.to) === w.name;
      const slip = a.schedule.nodes.get(l.to)?.push;
      const atRisk = !!slip && slip.by === l.from;
      return [
        cell(into ? "Into" : "Out of", "text"),
        cell(l.from, "text"),
        cell(l.to, "text"),
        cell(`${l.type}${lagText(l.lag)}`, "text"),
        cell(wsOf(into ? l.from : l.to) ?? "", "wrap"),
        cell(atRisk ? `At risk: ${l.to} ${slip!.days} days late` : "On track", atRisk ? "error" : "text"),
      ];
    }),
    "No dependencies cross this workstream's boundary.",
  );

  return {
    key: ctx.highlightKey(w.name),
    name: highlightName(w.name),
    tabColor: "2E75B6",
    widths: [10, 38, 22, 14, 12, 14, 14, 12, 12],
    blocks: L.blocks,
    merges: L.merges,
    charts: [],
    heights: L.heights,
    print: { landscape: true, header: `&L${hfText(s.programmeName)}&RHighlight report: ${hfText(w.name)}`, footer: `&L${formatDayLong(a.asOf)}&CPage &P of &N` },
  };
}
