import { known } from "../primitives/lookup";
import { countOf, money, namesUpTo, signedPercent, wholeNumber } from "../primitives/text";
import { cellOf } from "../programme/entities";
import { escalationScore } from "../risks/risks";
import { isOverdue } from "../status/slip";
import { formatDayLong, type Day } from "../primitives/dates";
import { countBySeverity, type Diagnostic } from "../primitives/diagnostic";
import { periodRange } from "../programme/period";
import { RAG_ORDER, type Rag } from "../rag/scale";
import { becauseCell, ragCell, trendCell } from "./cells";
import { delivery } from "../status/board-section";
import { risksSection } from "../risks/board-section";
import { printSetup, type ReportContext } from "./context";
import { SheetLayout } from "./layout";
import { cell, range, type PlanCell, type PlanSheet } from "./plan";
import { RAG_FILL, ragStyle } from "./styles";
import { timelines } from "./timeline";
import { milestoneTrendChart, sinceLastReport } from "../history/movement-section";
import { financeSection } from "../finance/board-section";
import { competenciesSection } from "../competencies/board-section";

/** The board report's columns (characters): D–H are equal, so the risk heat map's cells are square. */
export const BOARD_WIDTHS = [12, 34, 22, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11];

/** Where each table's columns sit on the board's fixed columns (A = 0): a logical column may span several. */
export const COLS = {
  decisions: [
    [0, 0],
    [1, 2],
    [3, 7],
    [8, 9],
    [10, 10],
    [11, 12],
  ],
  challenges: [
    [0, 0],
    [1, 1],
    [2, 9],
    [10, 12],
  ],
  dataQuality: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 12],
  ],
  workstreams: [
    [0, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
    [8, 8],
    [9, 9],
    [10, 10],
    [11, 11],
    [12, 12],
  ],
  finance: [
    [0, 1],
    [2, 2],
    [3, 4],
    [5, 6],
    [7, 7],
    [8, 8],
    [9, 9],
    [10, 12],
  ],
  milestones: [
    [0, 0],
    [1, 1],
    [2, 3],
    [4, 6],
    [7, 8],
    [9, 9],
    [10, 10],
  ],
  dependencies: [
    [0, 0],
    [1, 1],
    [2, 4],
    [5, 7],
    [8, 8],
    [9, 10],
    [11, 11],
  ],
  risks: [
    [0, 0],
    [1, 2],
    [3, 5],
    [6, 6],
    [7, 7],
    [8, 8],
    [9, 9],
    [10, 10],
    [11, 12],
  ],
  issues: [
    [0, 0],
    [1, 2],
    [3, 3],
    [4, 6],
    [7, 7],
    [8, 9],
    [10, 10],
  ],
  benefits: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 7],
    [8, 12],
  ],
  raid: [
    [0, 1],
    [2, 2],
    [3, 3],
    [4, 5],
    [6, 12],
  ],
  competencies: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 7],
    [8, 12],
  ],
  governance: [
    [0, 1],
    [2, 2],
    [3, 3],
    [4, 5],
  ],
  timeline: [
    [0, 0],
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 7],
    [8, 8],
  ],
} satisfies Record<string, [number, number][]>;

/** A board paper lists the most pressing items; the rest are on the highlight reports and Exceptions. */
export const BOARD_LIST_LIMIT = 40;

export function capped<T>(items: T[], what: string, L: SheetLayout): T[] {
  return cappedTo(items, BOARD_LIST_LIMIT, what, "the rest are on the highlight reports and the Exceptions sheet", L);
}

/**
 * The most a highlight report's list holds: a workstream of thousands of tasks (a Project plan
 * under one summary) keeps each of its lists to this, most pressing first, so that the sheet stays
 * within its 1,500 rows (src/core/primitives/sheet-rows.ts) and a reader sees what matters.
 */
export const HIGHLIGHT_LIST_LIMIT = 150;

/**
 * At most `limit` of a list, with a note saying how many there are and where the rest are: "the
 * 150 most pressing of" for a list in pressing order, "the first 150 of" for one in plan order.
 * The note stays on the page of the table's first rows.
 */
export function cappedTo<T>(
  items: T[],
  limit: number,
  what: string,
  rest: string,
  L: SheetLayout,
  pressing = true,
): T[] {
  if (items.length <= limit) return items;
  L.keep(6 * 15); // the note, the table's header and its first rows (15 pt each) on one page
  L.note(
    `The ${pressing ? `${wholeNumber(limit)} most pressing` : `first ${wholeNumber(limit)}`} of ${wholeNumber(items.length)} ${what}; ${rest}.`,
  );
  return items.slice(0, limit);
}

export const RAG_MEANING: Record<Rag, string> = {
  Red: "Beyond tolerance: overdue, slipped by more than the red tolerance, or cost forecast over the red tolerance. Needs the board's decision.",
  Amber:
    "At risk: slipped or over cost within tolerance, held up by a dependency, or its schedule cannot be computed. The workstream is managing it.",
  Green: "On track against baseline and budget.",
  Blue: "Complete.",
};

export function diagLink(d: Diagnostic | undefined): PlanCell["link"] {
  return d && d.sheet && d.cell ? { sheet: d.sheet, cell: d.cell } : undefined;
}

export function boardSheet(ctx: ReportContext): PlanSheet {
  const a = ctx.a;
  const s = a.programme.settings;
  const L = new SheetLayout(BOARD_WIDTHS, ctx.externalSheets);
  L.title(boardTitle(s.programmeName));
  L.line(
    `Reporting date ${formatDayLong(a.asOf)} · ${a.period.label} (${periodRange(a.period.start, a.period.end)}) · ${s.classification}`,
    "subtitle",
  );
  L.line(purposeLine(ctx), "subtitle");
  executiveSummary(L, ctx);
  overallStatus(L, ctx);
  sinceLastReport(L, ctx, {
    cols: [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 5],
      [6, 7],
      [8, 9],
      [10, 10],
    ],
    workstream: true,
  });
  milestoneTrendChart(L, ctx);
  decisions(L, ctx);
  challenges(L, ctx);
  dataQuality(L, ctx);
  workstreams(L, ctx);
  financeSection(L, ctx);
  delivery(L, ctx);
  risksSection(L, ctx);
  competenciesSection(L, ctx);
  // The RAG key after the programme timeline, before the milestones' detail: it explains the bars'
  // colours, and short as it is, it shares a page instead of taking the last one alone.
  timelines(L, ctx, () => ragKey(L, ctx));
  return {
    key: "board",
    name: "Board Report",
    tabColor: "1F4E79",
    widths: BOARD_WIDTHS,
    blocks: L.blocks,
    merges: L.merges,
    charts: L.charts,
    heights: L.heights,
    rowBreaks: L.rowBreaks,
    pages: L.pages,
    printArea: range(0, 0, Math.max(0, L.row - 1), BOARD_WIDTHS.length - 1),
    freezeRows: 0,
    print: printSetup(ctx, "Programme Board report"),
  };
}

/** The paper's title: the programme's name and what the paper is, said once ("Programme Board report", never "Programme: Programme Board report"). */
export function boardTitle(name: string): string {
  const n = name.trim();
  if (!n || /^programme( board)?( report)?$/i.test(n)) return "Programme Board report";
  return /board report$/i.test(n) ? n : `${n}: Programme Board report`;
}

/** What the paper is for, who wrote it and who presents it (Settings, else the programme's commentary). */
export function paperPurpose(ctx: ReportContext): "decision" | "assurance" | "information" {
  const a = ctx.a;
  return (
    a.programme.settings.paperPurpose ??
    (a.commentary.decisions.length || a.risks.some((r) => r.escalate) ? "decision" : "assurance")
  );
}

function purposeLine(ctx: ReportContext): string {
  const s = ctx.a.programme.settings;
  const author = s.reportAuthor || ctx.a.commentary.programme?.author || "";
  return `For ${paperPurpose(ctx)} · Author: ${author || "not named (Settings: Report author)"} · Presented by: ${s.presentingDirector || "not named (Settings: Presenting director)"}`;
}

/** "(Ann Smith, 31 Dec 2009; not updated this period)" after a commentary carried from an earlier period. */
export function commentaryByline(c: { author: string; period: Day }, periodStart: Day): string {
  const stale = c.period < periodStart ? "; not updated this period" : "";
  return ` (${[c.author, formatDayLong(c.period)].filter(Boolean).join(", ")}${stale})`;
}

/** The programme's own status summary (Commentary), then the facts it rests on. */
function executiveSummary(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  L.section("Executive summary");
  const c = a.commentary.programme;
  if (c?.statusSummary) L.line(c.statusSummary + commentaryByline(c, a.period.start), "summary");
  const ws = a.rag.workstreams;
  const count = (r: Rag) => ws.filter((w) => w.overall?.rag === r).length;
  const facts: string[] = [];
  if (a.rag.overall) facts.push(`Overall ${a.rag.overall.rag}: ${a.rag.overall.because}.`);
  if (ws.length)
    facts.push(
      `${countOf(ws.length, "workstream")}: ${RAG_ORDER.slice()
        .reverse()
        .map((r) => `${count(r)} ${r}`)
        .join(", ")}.`,
    );
  const overdue = [...a.rag.milestones.values()].filter((m) => m.overdue).length;
  if (a.programme.milestones.length) facts.push(`${overdue} milestone${overdue === 1 ? "" : "s"} overdue.`);
  const f = a.finance.programme;
  if (a.finance.tracked && f.variancePercent !== null)
    facts.push(
      `Forecast ${money(f.forecast)} against a budget of ${money(f.budget)} (${signedPercent(f.variancePercent)}).`,
    );
  const escalated = a.risks.filter((r) => r.escalate).length;
  if (a.programme.risks.length)
    facts.push(`${escalated} risk${escalated === 1 ? "" : "s"} at or above the escalation score.`);
  if (!c?.statusSummary)
    L.note(
      "No programme commentary for this period: add a row about Programme on the Commentary sheet for the executive summary.",
    );
  L.line(facts.join(" "), "summary");
}

function overallStatus(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  const n = countBySeverity(a.diagnostics);
  L.gap();
  const o = a.rag.overall;
  L.put(
    [
      [
        cell("Overall", "bold"),
        { ...ragCell(o, "Programme"), s: ragStyle(o?.rag ?? null, true) },
        trendCell(a.trends.programme, "Programme"),
        becauseCell(o),
      ],
    ],
    0,
    { merge: [[3, L.width - 1]], height: 30 },
  );
  L.put(
    [
      [
        cell("Schedule", "bold"),
        ragCell(a.rag.schedule, "Programme", "schedule"),
        cell(null),
        becauseCell(a.rag.schedule),
      ],
    ],
    0,
    { merge: [[3, L.width - 1]] },
  );
  L.put([[cell("Cost", "bold"), ragCell(a.rag.cost, "Programme", "cost"), cell(null), becauseCell(a.rag.cost)]], 0, {
    merge: [[3, L.width - 1]],
  });
  const last = a.trends.last.date;
  L.line(
    last === null
      ? "This is the first report: trends start from the next one."
      : `Trend against the last report, ${formatDayLong(last)}.`,
    "note",
  );
  L.line(
    `${countOf(n.error, "error")}, ${countOf(n.warning, "warning")} in the workbook: see Exceptions.`,
    n.error ? "error" : "note",
    { sheetKey: "exceptions", cell: "A1" },
  );
}

/** Decisions the board is asked to take: from the Commentary sheet and from escalated risks. */
function decisions(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  const s = a.programme.settings;
  L.section("Decisions for the board");
  const rows: PlanCell[][] = [];
  for (const d of a.commentary.decisions)
    rows.push([
      cell(rows.length + 1, "link", { sheet: d.src.sheet, cell: cellOf(d.src, "decisions") ?? "A1" }),
      cell(
        isOverdue(false, d.date, a.asOf) ? `Past its date (${formatDayLong(d.date)}): ${d.text}` : d.text,
        isOverdue(false, d.date, a.asOf) ? "error" : "wrap",
      ),
      cell(d.recommendation || "None given", d.recommendation ? "wrap" : "note"),
      cell(d.owner || "Not named", "wrap"),
      cell({ day: d.date }, "date"),
      cell(d.workstream || "Programme", "wrap"),
    ]);
  for (const r of a.risks.filter((x) => x.escalate).sort((x, y) => (y.score ?? 0) - (x.score ?? 0))) {
    const risk = known(ctx.riskById, r.id, "risk");
    const by = risk.reviewDue ?? a.period.end;
    const ask = `Risk ${r.id} "${risk.title}" scores ${r.score} (${r.band}), at or above ${escalationScore(r.matrix, s)}: accept it, or direct further mitigation.`;
    rows.push([
      cell(rows.length + 1, "link", {
        sheet: risk.src.sheet,
        cell: cellOf(risk.src, "likelihood") ?? cellOf(risk.src, "id") ?? "A1",
      }),
      cell(
        isOverdue(false, by, a.asOf) ? `Past its date (${formatDayLong(by)}): ${ask}` : ask,
        isOverdue(false, by, a.asOf) ? "error" : "wrap",
      ),
      cell(
        risk.mitigation
          ? `Approve the mitigation: ${risk.mitigation}`
          : "No mitigation is recorded: direct the owner to set one.",
        "wrap",
      ),
      cell(risk.owner || "Not named", risk.owner ? "wrap" : "error"),
      cell({ day: risk.reviewDue ?? a.period.end }, "date"),
      cell(ctx.workstreamOf(risk.project) ?? (risk.project || "Programme"), "wrap"),
    ]);
  }
  L.table(
    ["#", "Decision", "Recommendation", "Owner", "By", "From"],
    capped(rows, "decisions", L),
    "No decision is asked of the board this period.",
    { cols: COLS.decisions },
  );
}

/** What the PMO challenges: reported RAG better than the plan, plans that conflict, cycles, gaps. */
function challenges(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  L.section("PMO challenges");
  const rows: PlanCell[][] = [];
  const add = (text: string, item: string, owner: string, d: Diagnostic | undefined) =>
    rows.push([
      cell(rows.length + 1, d ? "link" : "number", diagLink(d)),
      cell(item, "wrap"),
      cell(text, "wrap"),
      cell(owner || "Not named", "wrap"),
    ]);
  for (const d of a.diagnostics.filter((x) => x.code === "rag-mismatch")) {
    const p = ctx.projectById.get((d.entity ?? "").toUpperCase());
    const st = p && a.rag.projects.get(p.id);
    if (p && st)
      add(
        `Reported ${p.reportedRag}, the plan says ${st.overall.rag}: ${st.overall.because}.`,
        `${p.id} ${p.name}`,
        p.lead,
        d,
      );
  }
  for (const d of a.diagnostics.filter((x) => x.code === "dependency-cycle"))
    add(`${d.message.split(".")[0]}: no date in it can be planned until one link is removed.`, d.entity ?? "", "", d);
  for (const n of a.schedule.nodes.values())
    if (n.push?.kind === "conflict")
      add(
        `Dates conflict with the dependency on ${n.push.by} (${ctx.nameOf(n.push.by)}): ${countOf(n.push.days, "day")} later than entered. Nothing has slipped; the plan needs correcting.`,
        `${n.id} ${ctx.nameOf(n.id)}`,
        ctx.projectById.get(n.id.toUpperCase())?.lead ?? "",
        ctx.diagnosticFor("date-conflict", n.id),
      );
  for (const c of a.competencies.filter((x) => x.gap !== null && x.gap > 0 && x.projects.length === 0))
    add(
      `Competency ${c.id} "${c.name}" is at level ${c.current} against a target of ${c.target} and no project addresses it.`,
      c.id,
      c.lead,
      ctx.diagnosticFor("competency-uncovered", c.id),
    );
  L.table(
    ["#", "Item", "Challenge", "Lead"],
    capped(rows, "challenges", L),
    "No reported RAG, plan or gap to challenge.",
    { cols: COLS.challenges },
  );
}

/** Rows the report had to leave out, unscored risks and the error count: what the board is not seeing. */
function dataQuality(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  const n = countBySeverity(a.diagnostics);
  const unscored = a.risks.filter((r) => r.score === null);
  const noProgress = a.diagnostics.filter((d) => d.code === "no-progress"); // a plan export without progress (docs/importing.md)
  if (!a.leftOut.length && !unscored.length && !n.error && !noProgress.length) return;
  L.section("Data quality: what this report cannot show");
  for (const d of noProgress)
    L.line(
      `${d.sheet} carries no % Complete or actual dates: its tasks past their finish are "progress not reported", not overdue.`,
      "warning",
    );
  const rows: PlanCell[][] = [];
  for (const d of a.diagnostics)
    if (d.code === "unreadable-source")
      rows.push([cell(d.sheet, "wrap"), cell("(not read)", "wrap"), cell("Source", "text"), cell(d.message, "error")]);
  for (const x of a.leftOut)
    rows.push([
      cell(x.id || "(no ID)", "link", { sheet: x.sheet, cell: x.cell }),
      cell(x.title || "(no title)", "wrap"),
      cell(x.kind === "projects" ? "Project" : x.kind, "text"),
      cell(`Left out: ${x.reason}. Fix the ID to include it.`, "error"),
    ]);
  for (const r of unscored) {
    const risk = known(ctx.riskById, r.id, "risk");
    rows.push([
      cell(r.id, "link", {
        sheet: risk.src.sheet,
        cell: cellOf(risk.src, "likelihood") ?? cellOf(risk.src, "id") ?? "A1",
      }),
      cell(risk.title, "wrap"),
      cell("Risk", "text"),
      cell(
        "Not scored: its likelihood or impact is missing or unreadable, so it is off the heat map and top risks.",
        "warning",
      ),
    ]);
  }
  if (rows.length || !noProgress.length)
    L.table(["ID", "Title", "Kind", "Problem"], rows, "", { cols: COLS.dataQuality });
  L.line(
    `${n.error} error${n.error === 1 ? "" : "s"} and ${n.warning} warning${n.warning === 1 ? "" : "s"} in the workbook: see the Exceptions sheet.`,
    n.error ? "error" : "note",
    { sheetKey: "exceptions", cell: "A1" },
  );
}

function workstreams(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (!a.rag.workstreams.length) return;
  L.section("Workstreams");
  const rows = a.rag.workstreams.map((w) => {
    const counts = Object.fromEntries(RAG_ORDER.map((r) => [r, 0])) as Record<Rag, number>;
    for (const id of w.projects) counts[known(a.rag.projects, id, "project status").overall.rag]++;
    return [
      { ...cell(w.name, "link", { sheetKey: ctx.highlightKey(w.name), cell: "A1" }) },
      cell(w.lead || "Not named", w.lead ? "wrap" : "note"),
      cell(w.projects.length, "number"),
      cell(counts.Red, "number"),
      cell(counts.Amber, "number"),
      cell(counts.Green, "number"),
      cell(counts.Blue, "number"),
      ragCell(w.schedule, `ws:${w.name}`, "schedule"),
      ragCell(w.cost, `ws:${w.name}`, "cost"),
      ragCell(w.overall, `ws:${w.name}`),
      ragCell(w.reported, undefined, "rag", "Not reported"),
      trendCell(a.trends.workstreams.get(w.name) ?? "–", `ws:${w.name}`),
    ];
  });
  L.table(
    [
      "Workstream",
      "Lead",
      "Projects",
      "Red",
      "Amber",
      "Green",
      "Blue",
      "Schedule",
      "Cost",
      "Overall",
      "Reported",
      "Trend",
    ],
    rows,
    "",
    { cols: COLS.workstreams },
  );
  if (!a.programme.workstreamRows.length)
    L.note("Leads: add a Workstreams sheet (Workstream, Lead, SRO) to name each workstream's one accountable lead.");
  workstreamCharts(L, ctx, rows);
}

/** Projects by RAG in each workstream (stacked column, from the table's counts) and the overall mix (doughnut). */
function workstreamCharts(L: SheetLayout, ctx: ReportContext, rows: PlanCell[][]): void {
  const a = ctx.a;
  const data = L.data([
    ["Workstream", "Red", "Amber", "Green", "Blue"].map((h) => cell(h, "chart-data")),
    ...rows.map((r) => [cell(r[0].v, "chart-data"), r[3], r[4], r[5], r[6]].map((c) => ({ v: c.v }))),
  ]);
  const mixCounts = RAG_ORDER.map(
    (r) => a.programme.projects.filter((p) => known(a.rag.projects, p.id, "project status").overall.rag === r).length,
  );
  const mix = L.data([
    [cell("RAG", "chart-data"), cell("Projects", "chart-data")],
    ...RAG_ORDER.map((r, i) => [{ v: r }, { v: mixCounts[i] }]),
  ]);
  const top = L.chartSpace(17);
  L.charts.push({
    type: "columnStacked",
    seriesBy: "columns",
    title: "Projects by RAG in each workstream",
    categories: range(data.top + 1, data.left, data.bottom, data.left),
    series: (["Red", "Amber", "Green", "Blue"] as Rag[]).map((r, i) => ({
      name: r,
      values: range(data.top + 1, data.left + 1 + i, data.bottom, data.left + 1 + i),
      color: RAG_FILL[r],
    })),
    anchor: { fromRow: top, fromCol: 0, toRow: top + 16, toCol: 2 },
    legend: true,
  });
  L.charts.push({
    type: "doughnut",
    seriesBy: "columns",
    title: "Overall RAG mix of projects",
    categories: range(mix.top + 1, mix.left, mix.bottom, mix.left),
    series: [
      {
        name: "Projects",
        values: range(mix.top + 1, mix.left + 1, mix.bottom, mix.left + 1),
        color: RAG_FILL.Green,
        pointColors: RAG_ORDER.map((r) => RAG_FILL[r]),
      },
    ],
    anchor: { fromRow: top, fromCol: 2, toRow: top + 16, toCol: L.width },
    legend: true,
  });
}

function ragKey(L: SheetLayout, ctx: ReportContext): void {
  const s = ctx.a.programme.settings;
  L.section("RAG key and tolerances");
  L.keep(RAG_ORDER.length * 17 + 50); // the key and its note on one page
  for (const r of RAG_ORDER)
    L.put([[cell(r, ragStyle(r)), cell(RAG_MEANING[r], "wrap")]], 0, { merge: [[1, L.width - 1]] });
  L.note(
    `Tolerances: time amber beyond ${countOf(s.amberSlipDays, "day")}' slip, red beyond ${s.redSlipDays} (calendar days against the baseline); cost amber beyond ${s.amberCostPercent}%, red beyond ${s.redCostPercent}% over budget. Schedules count ${ctx.a.schedule.calendar.kind === "working" ? "working days (Monday to Friday, less the Holidays sheet)" : "calendar days"}; float is counted in the same days. Workstreams and the programme take their ${s.rollUp === "worst" ? "worst" : "most common"} member's RAG.`,
  );
  // A date entered on a weekend or holiday is read as the working day before: said once, here.
  const moved = ctx.a.diagnostics
    .filter((d) => d.code === "non-working-day" && d.entity)
    .map((d) => ctx.labelOf(d.entity!));
  if (moved.length)
    L.note(
      `${countOf(moved.length, "date")} entered on a weekend or holiday ${moved.length === 1 ? "is" : "are"} read as the working day before, on every sheet: ${namesUpTo([...new Set(moved)], 8)} (each is a non-working-day finding on the Exceptions sheet).`,
    );
}
