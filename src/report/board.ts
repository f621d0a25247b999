import { riskBand, type RiskBand } from "../checks/risks";
import { maxOf, minOf } from "../model/arrays";
import { formatDayLong } from "../model/dates";
import { countBySeverity, type Diagnostic } from "../model/diagnostic";
import { RAG_ORDER, type Rag } from "../model/rag";
import { isCompleteStatus } from "../model/status";
import { projectOf, type ReportContext } from "./context";
import { trend } from "./history";
import { SheetLayout } from "./layout";
import { cell, range, type PlanCell, type PlanSheet, type RangeRef, hfText } from "./plan";
import { RAG_FILL, ragStyle } from "./styles";

const WIDTH = 12;
/** A board paper lists the most pressing items; the rest are on the highlight reports and Exceptions. */
export const BOARD_LIST_LIMIT = 40;

function capped<T>(items: T[], what: string, L: SheetLayout): T[] {
  if (items.length <= BOARD_LIST_LIMIT) return items;
  L.note(`The ${BOARD_LIST_LIMIT} most pressing of ${items.length} ${what}; the rest are on the highlight reports and the Exceptions sheet.`);
  return items.slice(0, BOARD_LIST_LIMIT);
}

export const RAG_MEANING: Record<Rag, string> = {
  Red: "Beyond tolerance: overdue, slipped by more than the red tolerance, or cost forecast over the red tolerance. Needs the board's decision.",
  Amber: "At risk: slipped or over cost within tolerance, or held up by a dependency. The workstream is managing it.",
  Green: "On track against baseline and budget.",
  Blue: "Complete.",
};

export function diagLink(d: Diagnostic): PlanCell["link"] {
  return d.sheet && d.cell ? { sheet: d.sheet, cell: d.cell } : undefined;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

/** Decisions and escalations for the board, each traceable to the cell behind it. */
export function boardDecisions(ctx: ReportContext): { text: string; link?: PlanCell["link"] }[] {
  const a = ctx.a;
  const out: { text: string; link?: PlanCell["link"] }[] = [];
  const n = countBySeverity(a.diagnostics);
  for (const d of a.diagnostics.filter((x) => x.code === "dependency-cycle"))
    out.push({ text: `Break the ${d.message.split(".")[0].replace("Dependency cycle", "dependency cycle")}: no date in it can be planned until one link is removed.`, link: diagLink(d) });
  for (const r of a.risks.filter((x) => x.escalate).sort((x, y) => (y.score ?? 0) - (x.score ?? 0))) {
    const risk = ctx.riskById.get(r.id)!;
    out.push({ text: `Decide on risk ${r.id} "${risk.title}" (score ${r.score}, ${r.band}; owner ${risk.owner || "none"}): ${risk.mitigation ? `mitigation: ${risk.mitigation}` : "no mitigation recorded"}.`, link: { sheet: risk.src.sheet, cell: risk.src.cells.likelihood ?? risk.src.cells.id } });
  }
  for (const d of a.diagnostics.filter((x) => x.code === "rag-mismatch")) {
    const p = projectOf(ctx, d.entity ?? "");
    const r = p && a.rag.projects.get(p.id);
    if (p && r) out.push({ text: `Challenge ${p.id} "${p.name}": reported ${p.reportedRag}, the plan says ${r.overall.rag} (${r.overall.because}).`, link: diagLink(d) });
  }
  const slips = [...a.schedule.nodes.values()].filter((x) => x.push?.kind === "slip").sort((x, y) => y.push!.days - x.push!.days).slice(0, 5);
  for (const n of slips) out.push({ text: `Agree recovery for ${n.id}: ${n.push!.days} days late because ${n.push!.by}${n.push!.root !== n.push!.by ? ` (and in turn ${n.push!.root})` : ""} has slipped.`, link: diagLink(ctx.diagnosticFor("slippage-impact", n.id)!) });
  for (const c of a.competencies.filter((x) => x.gap !== null && x.gap > 0 && x.projects.length === 0))
    out.push({ text: `Assign a project to competency ${c.id} "${c.name}" (level ${c.current}, target ${c.target}): no project addresses it.`, link: diagLink(ctx.diagnosticFor("competency-uncovered", c.id)!) });
  if (n.error) out.push({ text: `Data quality: ${n.error} error${n.error === 1 ? "" : "s"} in the workbook leave parts of this report incomplete. See Exceptions.`, link: { sheetKey: "exceptions", cell: "A1" } });
  return out;
}

export function boardSheet(ctx: ReportContext): PlanSheet {
  const a = ctx.a;
  const s = a.programme.settings;
  const L = new SheetLayout(WIDTH);
  L.title(`${s.programmeName}: Programme Board report`);
  L.put([[cell(`Reporting date ${formatDayLong(a.asOf)} · period ${formatDayLong(ctx.periodStart)} to ${formatDayLong(a.asOf)} · generated ${stamp(ctx.generatedAt)}`, "subtitle")]]);
  L.gap();
  const n = countBySeverity(a.diagnostics);
  L.heights[L.row] = 24;
  L.merges.push(range(L.row, 3, L.row, WIDTH - 1));
  L.put([
    [
      cell("Overall status", "section"),
      cell(a.overall ? a.overall.toUpperCase() : "–", ragStyle(a.overall, true)),
      cell(null),
      cell(`${n.error} errors, ${n.warning} warnings in the workbook`, n.error ? "error" : "plain", { sheetKey: "exceptions", cell: "A1" }),
    ],
  ]);
  if (ctx.last.date !== null) {
    const before = ctx.last.find("Programme", s.programmeName)?.overall;
    L.put([[cell("Last report"), cell(`${formatDayLong(ctx.last.date)}: ${before ?? "–"} (${trend(a.overall, before)})`, "plain")]]);
  }

  // Workstreams, with project counts by RAG (the stacked column chart's data).
  L.section("Workstreams");
  const wsHeaders = ["Workstream", "Lead", "Projects", "Red", "Amber", "Green", "Blue", "Schedule", "Cost", "Overall", "Reported", "Trend"];
  const wsRows = a.rag.workstreams.map((w) => {
    const counts = Object.fromEntries(RAG_ORDER.map((r) => [r, 0])) as Record<Rag, number>;
    for (const id of w.projects) counts[a.rag.projects.get(id)!.overall.rag]++;
    const before = ctx.last.date !== null ? (ctx.last.find("Workstream", w.name)?.overall ?? undefined) : undefined;
    return [
      cell(w.name, "link", { sheetKey: ctx.highlightKey(w.name), cell: "A1" }),
      cell([...new Set(w.projects.map((id) => projectOf(ctx, id)?.lead ?? "").filter(Boolean))].join(", "), "wrap"),
      cell(w.projects.length, "number"),
      cell(counts.Red, "number"),
      cell(counts.Amber, "number"),
      cell(counts.Green, "number"),
      cell(counts.Blue, "number"),
      cell(w.schedule?.rag ?? null, ragStyle(w.schedule?.rag ?? null)),
      cell(w.cost?.rag ?? null, ragStyle(w.cost?.rag ?? null)),
      cell(w.overall?.rag ?? null, ragStyle(w.overall?.rag ?? null)),
      cell(w.reported, ragStyle(w.reported)),
      cell(ctx.last.date === null ? "New" : trend(w.overall?.rag ?? null, before), "text"),
    ];
  });
  const wsTable = L.table(wsHeaders, wsRows, "No projects were read, so there are no workstreams to report.");

  // RAG mix (the doughnut's data).
  const mixCounts = RAG_ORDER.map((r) => a.programme.projects.filter((p) => a.rag.projects.get(p.id)!.overall.rag === r).length);
  L.gap();
  const mix = L.put([[cell("Projects by RAG", "header"), cell("Projects", "header")], ...RAG_ORDER.map((r, i) => [cell(r, ragStyle(r)), cell(mixCounts[i], "number")])]);

  const chartTop = L.row + 1;
  if (wsTable) {
    L.charts.push({
      type: "columnStacked",
      seriesBy: "columns",
      title: "Projects by RAG in each workstream",
      categories: range(wsTable.top + 1, 0, wsTable.bottom, 0),
      series: (["Red", "Amber", "Green", "Blue"] as Rag[]).map((r, i) => ({ name: r, values: range(wsTable.top + 1, 3 + i, wsTable.bottom, 3 + i), color: RAG_FILL[r] })),
      anchor: { fromRow: chartTop, fromCol: 0, toRow: chartTop + 16, toCol: 6 },
      legend: true,
    });
  }
  if (a.programme.projects.length) {
    L.charts.push({
      type: "doughnut",
      seriesBy: "columns",
      title: "Overall RAG mix",
      categories: range(mix.top + 1, 0, mix.bottom, 0),
      series: [{ name: "Projects", values: range(mix.top + 1, 1, mix.bottom, 1), color: RAG_FILL.Green, pointColors: RAG_ORDER.map((r) => RAG_FILL[r]) }],
      anchor: { fromRow: chartTop, fromCol: 6, toRow: chartTop + 16, toCol: WIDTH },
      legend: true,
    });
  }
  if (L.charts.length) L.row = chartTop + 17;

  L.section("Decisions and escalations for the board");
  const decisions = capped(boardDecisions(ctx), "decisions and escalations", L);
  if (!decisions.length) L.put([[cell("None this period.", "note")]]);
  decisions.forEach((d, i) => {
    L.merges.push(range(L.row, 1, L.row, WIDTH - 1));
    L.put([[cell(i + 1, "number"), cell(d.text, d.link ? "link-wrap" : "wrap", d.link)]]);
  });

  // Milestones.
  const overdue = a.programme.milestones.filter((m) => a.rag.milestones.get(m.id)?.overdue).sort((x, y) => (x.forecast ?? x.baseline)! - (y.forecast ?? y.baseline)!);
  L.section(`Milestones overdue (${overdue.length})`);
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Due", "Days late"],
    capped(overdue, "overdue milestones", L).map((m) => {
      const due = (m.forecast ?? m.baseline)!;
      return [cell(m.id, "link", { sheet: m.src.sheet, cell: m.src.cells.id }), cell(m.name, "wrap"), cell(m.project, "text"), cell(m.owner, "text"), cell({ day: due }, "date"), cell(a.asOf - due, "number")];
    }),
    "No milestone is overdue.",
  );
  const next = a.programme.milestones
    .filter((m) => {
      const d = m.forecast ?? m.baseline;
      return m.actual === null && !isCompleteStatus(m.status) && d !== null && d > a.asOf && d <= ctx.nextEnd;
    })
    .sort((x, y) => (x.forecast ?? x.baseline)! - (y.forecast ?? y.baseline)!);
  L.section(`Milestones due next period, to ${formatDayLong(ctx.nextEnd)} (${next.length})`);
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Due", "RAG"],
    capped(next, "milestones due", L).map((m) => {
      const r = a.rag.milestones.get(m.id)!.rating.rag;
      return [cell(m.id, "link", { sheet: m.src.sheet, cell: m.src.cells.id }), cell(m.name, "wrap"), cell(m.project, "text"), cell(m.owner, "text"), cell({ day: (m.forecast ?? m.baseline)! }, "date"), cell(r, ragStyle(r))];
    }),
    "No milestone falls due in the next period.",
  );

  L.section("Dependencies at risk");
  L.table(
    ["Item", "Waits for", "Root cause", "Days late", "Finish now", "Was due"],
    capped(
      [...a.schedule.nodes.values()].filter((x) => x.push?.kind === "slip").map((x) => [x.id, x.push!] as const).sort((x, y) => y[1].days - x[1].days),
      "items held up by a dependency",
      L,
    ).map(([id, sl]) => {
        const node = a.schedule.nodes.get(id)!;
        const d = ctx.diagnosticFor("slippage-impact", id);
        return [cell(id, "link", d ? diagLink(d) : undefined), cell(sl.by, "text"), cell(sl.root, "text"), cell(sl.days, "number"), cell({ day: node.earlyFinish }, "date"), cell({ day: node.finish }, "date")];
      }),
    "No predecessor's slippage reaches another item.",
  );

  // Risks.
  const top = a.risks.filter((r) => r.escalate).sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
  L.section(`Top risks (open, score ${s.riskEscalationScore} or more)`);
  L.table(
    ["ID", "Risk and mitigation", "Owner", "Score", "Band", "Project"],
    capped(top, "escalated risks", L).map((r) => {
      const risk = ctx.riskById.get(r.id)!;
      return [
        cell(r.id, "link", { sheet: risk.src.sheet, cell: risk.src.cells.id }),
        cell(`${risk.title}\nMitigation: ${risk.mitigation || "none recorded"}`, "wrap"),
        cell(risk.owner || "None", risk.owner ? "text" : "error"),
        cell(r.score, "number"),
        cell(r.band, `band-text-${r.band}`),
        cell(risk.project, "text"),
      ];
    }),
    "No open risk is at or above the escalation score.",
  );
  heatMap(L, ctx);

  // Competencies (the radar's data).
  if (a.competencies.length) {
    L.section("Competencies against target");
    const comp = L.table(
      ["ID", "Competency", "Current", "Target", "Gap", "RAG", "Target date", "Addressed by"],
      a.competencies.map((c) => [
        cell(c.id, "text"),
        cell(c.name, "wrap"),
        cell(c.current, "number"),
        cell(c.target, "number"),
        cell(c.gap, "number"),
        cell(c.rag, ragStyle(c.rag)),
        cell(c.targetDate === null ? null : { day: c.targetDate }, "date"),
        cell(c.projects.length ? c.projects.join(", ") : c.gap !== null && c.gap > 0 ? "None: uncovered" : "–", c.projects.length || !c.gap || c.gap <= 0 ? "wrap" : "error"),
      ]),
      "",
    )!;
    const t = L.row + 1;
    L.charts.push({
      type: "radar",
      seriesBy: "columns",
      title: "Competencies: current level against target",
      categories: range(comp.top + 1, 0, comp.bottom, 0),
      series: [
        { name: "Current", values: range(comp.top + 1, 2, comp.bottom, 2), color: "1F4E79" },
        { name: "Target", values: range(comp.top + 1, 3, comp.bottom, 3), color: "C00000" },
      ],
      anchor: { fromRow: t, fromCol: 0, toRow: t + 18, toCol: 6 },
      valueAxis: { min: 0, max: s.competencyScaleMax, majorUnit: 1 },
      legend: true,
    });
    L.row = t + 19;
  }

  if (a.programme.governance.length) {
    L.section("Governance ratings");
    L.table(
      ["Element", "Rating", "Target", "Assessed"],
      a.programme.governance.map((g) => [cell(g.element, "text"), cell(g.rating, ragStyle(g.rating)), cell(g.target, ragStyle(g.target)), cell(g.date === null ? null : { day: g.date }, "date")]),
      "",
    );
  }

  gantt(L, ctx);

  L.section("RAG key");
  for (const r of RAG_ORDER) {
    L.merges.push(range(L.row, 1, L.row, WIDTH - 1));
    L.put([[cell(r, ragStyle(r)), cell(RAG_MEANING[r], "wrap")]]);
  }
  L.note(`Tolerances: amber beyond ${s.amberSlipDays} days' slip or ${s.amberCostPercent}% over budget; red beyond ${s.redSlipDays} days or ${s.redCostPercent}%. Risks scored on the NHS 5×5 matrix; ${s.riskEscalationScore}+ is escalated.`);

  return {
    key: "board",
    name: "Board Report",
    tabColor: "1F4E79",
    widths: [12, 34, 22, 9, 9, 9, 9, 11, 11, 11, 11, 11],
    blocks: L.blocks,
    merges: L.merges,
    charts: L.charts,
    heights: L.heights,
    freezeRows: 0,
    print: { landscape: true, header: `&L${hfText(s.programmeName)}&RBoard report ${formatDayLong(a.asOf)}`, footer: "&LPMO Highlights&CPage &P of &N" },
  };
}

/** The 5×5 heat map: likelihood down, impact across, open risks counted in NPSA colours. */
function heatMap(L: SheetLayout, ctx: ReportContext): void {
  const open = ctx.a.risks.filter((r) => r.open && r.score !== null);
  if (!ctx.a.programme.risks.length) return;
  L.section("Risk heat map (open risks: likelihood × impact)");
  const grid: PlanCell[][] = [];
  const at = new Map<string, string[]>();
  for (const r of open) {
    const risk = ctx.riskById.get(r.id)!;
    const k = `${risk.likelihood}|${risk.impact}`;
    at.set(k, [...(at.get(k) ?? []), r.id]);
  }
  for (let l = 5; l >= 1; l--) {
    const row: PlanCell[] = [cell(`Likelihood ${l}`, "heat-axis")];
    for (let i = 1; i <= 5; i++) {
      const ids = (at.get(`${l}|${i}`) ?? []).map((id) => ({ id }));
      const band: RiskBand = riskBand(l * i);
      row.push(cell(ids.length ? `${ids.length}: ${ids.map((r) => r.id).join(", ")}` : "", `band-${band}`));
    }
    L.heights[L.row + grid.length] = 30;
    grid.push(row);
  }
  grid.push([cell("", "heat-axis"), ...[1, 2, 3, 4, 5].map((i) => cell(`Impact ${i}`, "heat-axis"))]);
  L.put(grid);
  L.note("Colours: 1–3 Low (green), 4–6 Moderate (yellow), 8–12 High (orange), 15–25 Extreme (red).");
}

/** The timeline: each project as a bar from its start to its forecast finish (a stacked bar with the start hidden). */
function gantt(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  let items = a.programme.projects.filter((p) => a.schedule.nodes.has(p.id));
  if (!items.length) return;
  L.section("Timeline: projects from start to forecast finish");
  if (items.length > BOARD_LIST_LIMIT) {
    const critical = [...items].sort((x, y) => (a.schedule.nodes.get(x.id)!.totalFloat ?? 1e9) - (a.schedule.nodes.get(y.id)!.totalFloat ?? 1e9)).slice(0, BOARD_LIST_LIMIT);
    const keep = new Set(critical.map((p) => p.id));
    L.note(`The ${BOARD_LIST_LIMIT} projects with the least float, of ${items.length}.`);
    items = items.filter((p) => keep.has(p.id));
  }
  const rows = items.map((p) => {
    const n = a.schedule.nodes.get(p.id)!;
    const r = a.rag.projects.get(p.id)!.overall.rag;
    return [cell(p.id, "text"), cell(p.name, "wrap"), cell({ day: n.earlyStart }, "date"), cell(Math.max(1, n.earlyFinish - n.earlyStart), "number"), cell({ day: n.earlyFinish }, "date"), cell(r, ragStyle(r))];
  });
  const t = L.table(["ID", "Project", "Start", "Days", "Finish", "RAG"], rows, "")!;
  timelineChart(L, t, { title: "Programme timeline", start: "Start", length: "Duration", colour: "1F4E79", from: minOf(items.map((p) => a.schedule.nodes.get(p.id)!.earlyStart)), to: maxOf(items.map((p) => a.schedule.nodes.get(p.id)!.earlyFinish)) });
  milestoneTimeline(L, ctx);
}

/**
 * The milestone timeline: each open milestone as a bar from its baseline date to its forecast,
 * so slip shows as length (a milestone on its baseline is a one-day sliver).
 */
function milestoneTimeline(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  const open = a.programme.milestones
    .filter((m) => m.actual === null && !isCompleteStatus(m.status) && m.baseline !== null)
    .sort((x, y) => x.baseline! - y.baseline! || (x.id < y.id ? -1 : 1))
    .slice(0, BOARD_LIST_LIMIT);
  if (!open.length) return;
  L.section(`Milestone timeline: open milestones, baseline to forecast${open.length === BOARD_LIST_LIMIT ? ` (first ${BOARD_LIST_LIMIT})` : ""}`);
  const rows = open.map((m) => {
    const r = a.rag.milestones.get(m.id)!.rating.rag;
    const forecast = m.forecast ?? m.baseline!;
    const from = Math.min(m.baseline!, forecast);
    return [cell(m.id, "text"), cell(m.name, "wrap"), cell({ day: from }, "date"), cell(Math.max(1, Math.abs(forecast - m.baseline!)), "number"), cell({ day: forecast }, "date"), cell(r, ragStyle(r))];
  });
  const t = L.table(["ID", "Milestone", "Baseline", "Slip (days)", "Forecast", "RAG"], rows, "")!;
  timelineChart(L, t, {
    title: "Milestone timeline: baseline to forecast",
    start: "Baseline",
    length: "Slip",
    colour: RAG_FILL.Amber,
    from: minOf(open.map((m) => Math.min(m.baseline!, m.forecast ?? m.baseline!))),
    to: maxOf(open.map((m) => Math.max(m.baseline!, m.forecast ?? m.baseline!))),
  });
}

/**
 * A Gantt-style chart under a timeline table (ID, name, start date, length in days, …): a stacked
 * bar whose first series, the start, has no fill, on a date axis a fortnight wider than the bars.
 */
function timelineChart(L: SheetLayout, t: RangeRef, o: { title: string; start: string; length: string; colour: string; from: number; to: number }): void {
  const top = L.row + 1;
  const height = Math.max(14, Math.min(40, t.bottom - t.top + 6));
  L.charts.push({
    type: "gantt",
    seriesBy: "columns",
    title: o.title,
    categories: range(t.top + 1, 0, t.bottom, 0),
    series: [
      { name: o.start, values: range(t.top + 1, 2, t.bottom, 2), color: "FFFFFF", hidden: true },
      { name: o.length, values: range(t.top + 1, 3, t.bottom, 3), color: o.colour },
    ],
    anchor: { fromRow: top, fromCol: 0, toRow: top + height, toCol: WIDTH },
    valueAxis: { min: { day: o.from - 15 }, max: { day: o.to + 15 }, numFmt: "mmm yy" },
    legend: false,
  });
  L.row = top + height + 1;
}
