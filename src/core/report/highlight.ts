import { known } from "../primitives/lookup";
import { countOf } from "../primitives/text";
import { cellOf } from "../programme/entities";
import { toleranceState, type Rating, type WorkstreamStatus } from "../rag/rag";
import { workstreamDimensions } from "../rag/dimensions";
import { findLast } from "../history/trend";
import { formatDayLong } from "../primitives/dates";
import { linkText, type Project } from "../programme/entities";
import { periodRange } from "../programme/period";
import { ragRank, worstRag, type Rag } from "../rag/scale";
import { becauseCell, finishCell, milestoneSlipCell, ragCell, slipCell, toleranceCell, trendCell } from "./cells";
import { cappedTo, commentaryByline, HIGHLIGHT_LIST_LIMIT } from "./board";
import { printSetup, projectOf, type ReportContext } from "./context";
import { SheetLayout } from "./layout";
import { cell, range, type PlanCell, type PlanSheet } from "./plan";
import { milestonesCompleted, milestonesDueNext, raidCounts } from "./selections";
import { bandStyle } from "./styles";
import { sinceLastReport } from "../history/movement-section";
import { exceededTolerances, exceptionKey } from "./exception-report";

export const HIGHLIGHT_WIDTHS = [10, 34, 14, 14, 12, 12, 12, 12, 11, 11, 24];

/** Where each table's columns sit on the highlight report's fixed columns (A = 0). */
const COLS = {
  status: [
    [0, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 10],
  ],
  projects: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
    [8, 8],
    [9, 9],
    [10, 10],
  ],
  done: [
    [0, 0],
    [1, 3],
    [4, 4],
    [5, 6],
    [7, 7],
  ],
  planned: [
    [0, 0],
    [1, 2],
    [3, 3],
    [4, 5],
    [6, 6],
    [7, 7],
    [8, 8],
  ],
  tolerance: [
    [0, 0],
    [1, 2],
    [3, 10],
  ],
  byProject: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 6],
    [7, 10],
  ],
  decisions: [
    [0, 2],
    [3, 6],
    [7, 8],
    [9, 9],
  ],
  risks: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 6],
    [7, 9],
    [10, 10],
  ],
  issues: [
    [0, 0],
    [1, 2],
    [3, 3],
    [4, 5],
    [6, 6],
    [7, 7],
    [8, 8],
  ],
  raid: [
    [0, 1],
    [2, 2],
    [3, 3],
    [4, 5],
  ],
  crossing: [
    [0, 0],
    [1, 1],
    [2, 3],
    [4, 4],
    [5, 6],
    [7, 10],
  ],
} satisfies Record<string, [number, number][]>;

/** The sheet name of a workstream's highlight report (cleaned and made unique by the builder). */
export function highlightName(workstream: string): string {
  return `HR ${workstream}`;
}

/** A workstream-level tolerance: a rating, or "not tracked" when the workbook has no data for it. */
interface ToleranceLine {
  dimension: string;
  rating: Rating | null;
  last: Rag | null | undefined;
  detail: string;
}

/** A PRINCE2 highlight report for one workstream: status, work done and planned, tolerances, decisions, risks and issues, lessons. */
export function highlightSheet(ctx: ReportContext, w: WorkstreamStatus): PlanSheet {
  const a = ctx.a;
  const L = new SheetLayout(HIGHLIGHT_WIDTHS, ctx.externalSheets);
  const projects = w.projects.map((id) => projectOf(ctx, id)!);
  const inWs = new Set(w.projects.map((id) => id.toUpperCase()));
  const ownsItem = (project: string) =>
    inWs.has(project.trim().toUpperCase()) || project.trim().toLowerCase() === w.name.trim().toLowerCase();
  const c = a.commentary.workstreams.get(w.name);

  heading(L, ctx, w);
  sinceLastReport(
    L,
    ctx,
    {
      cols: [
        [0, 0],
        [1, 1],
        [2, 3],
        [4, 5],
        [6, 7],
        [8, 8],
      ],
      workstream: false,
    },
    w.name,
  );

  const tolerances = workstreamTolerances(ctx, w, projects);
  statusThisAndLast(L, ctx, w, tolerances);
  projectsTable(L, ctx, projects);
  workDone(L, ctx, projects, ownsItem);
  toleranceStatus(L, ctx, w, projects, tolerances);
  requests(L, ctx, w);
  keyRisksAndIssues(L, ctx, w, ownsItem);
  crossing(L, ctx, w);

  L.section("Lessons");
  L.line(c?.lessons || "None recorded for this period.", c?.lessons ? "summary" : "note");

  return {
    key: ctx.highlightKey(w.name),
    name: highlightName(w.name),
    tabColor: "2E75B6",
    widths: HIGHLIGHT_WIDTHS,
    blocks: L.blocks,
    merges: L.merges,
    charts: [],
    heights: L.heights,
    rowBreaks: L.rowBreaks,
    pages: L.pages,
    printArea: range(0, 0, Math.max(0, L.row - 1), HIGHLIGHT_WIDTHS.length - 1),
    print: printSetup(ctx, `Highlight report: ${w.name}`),
  };
}

/**
 * A highlight report's list, kept to its limit, with where the rest are: most pressing first when
 * over it (by `pressing`, or as the list comes when `pressing` says it is already so ordered), else the first.
 */
function listed<T>(L: SheetLayout, items: T[], what: string, pressing?: ((a: T, b: T) => number) | "ordered"): T[] {
  const over = items.length > HIGHLIGHT_LIST_LIMIT;
  const ordered = over && typeof pressing === "function" ? [...items].sort(pressing) : items;
  const rest = "every one is on the plan's own sheet and in check --format json";
  return cappedTo(ordered, HIGHLIGHT_LIST_LIMIT, what, rest, L, pressing !== undefined);
}

/** Projects most pressing first: the worst RAG, then the soonest finish. */
function byPressing(ctx: ReportContext): (x: Project, y: Project) => number {
  const st = (p: Project) => known(ctx.a.rag.projects, p.id, "project status");
  return (x, y) =>
    ragRank(st(x).overall.rag) - ragRank(st(y).overall.rag) ||
    (st(x).finishNow ?? Infinity) - (st(y).finishNow ?? Infinity);
}

/** The title, the line under it, the link back to the board, and the status summary. */
function heading(L: SheetLayout, ctx: ReportContext, w: WorkstreamStatus): void {
  const a = ctx.a;
  const s = a.programme.settings;
  const c = a.commentary.workstreams.get(w.name);
  L.title(`Highlight report: ${w.name}`);
  L.line(
    `${s.programmeName} · ${a.period.label} (${periodRange(a.period.start, a.period.end)}) · as of ${formatDayLong(a.asOf)} · Lead: ${w.lead || "not named"}${w.sro ? ` · SRO: ${w.sro}` : ""}`,
    "subtitle",
  );
  L.line("Back to the board report", "link", { sheetKey: "board", cell: "A1" });

  L.section("Status summary");
  if (c?.statusSummary) L.line(`${c.statusSummary}${commentaryByline(c, a.period.start)}`, "summary");
  else L.note("No commentary for this period: add a row about this workstream on the Commentary sheet.");
  if (w.overall) L.line(`${w.overall.rag}: ${w.overall.because}.`, "summary");
}

function statusThisAndLast(L: SheetLayout, ctx: ReportContext, w: WorkstreamStatus, tolerances: ToleranceLine[]): void {
  const a = ctx.a;
  L.section("Status this period and last");
  const lastDate = a.trends.last.date;
  L.table(
    ["", "This period", lastDate === null ? "Last period" : `Last (${formatDayLong(lastDate)})`, "Trend", "Comment"],
    tolerances.map((t, i) => [
      cell(t.dimension, "bold"),
      t.rating
        ? ragCell(t.rating, i <= 2 ? `ws:${w.name}` : undefined, i === 1 ? "schedule" : i === 2 ? "cost" : "rag")
        : cell("Not tracked", "note"),
      t.last === undefined
        ? cell(lastDate === null ? "First report" : "–", "text")
        : ragCell(t.last, undefined, "rag", "–"),
      i === 0 ? trendCell(a.trends.workstreams.get(w.name) ?? "–", `ws:${w.name}`) : cell("", "text"),
      cell(t.rating ? t.detail : "The workbook holds no data for this.", "wrap"),
    ]),
    "",
    { cols: COLS.status },
  );
}

function projectsTable(L: SheetLayout, ctx: ReportContext, projects: Project[]): void {
  const a = ctx.a;
  L.section("Projects");
  const status = (p: Project) => known(a.rag.projects, p.id, "project status");
  const shown = listed(L, projects, "projects", byPressing(ctx));
  L.table(
    [
      "ID",
      "Project",
      "Lead",
      "RAG",
      "% complete",
      "Finish now",
      "Baseline",
      "Slip (days)",
      "Worst milestone slip",
      "Reported",
      "Notes",
    ],
    shown.map((p) => {
      const st = status(p);
      return [
        cell(p.id, "link", { sheet: p.src.sheet, cell: cellOf(p.src, "id") ?? "A1" }),
        cell(p.name, "wrap"),
        cell(p.lead, "wrap"),
        ragCell(st.overall, p.id),
        cell(p.percentComplete === null ? null : Math.round(p.percentComplete) / 100, "percent"),
        finishCell(st.finishNow, p.id),
        cell(st.baseline === null ? null : { day: st.baseline }, "date"),
        slipCell(st.slipDays, p.id),
        milestoneSlipCell(st.worstMilestone, p.id),
        ragCell(p.reportedRag, undefined, "rag", "Not reported"),
        cell(p.notes || a.commentary.items.get(p.id)?.statusSummary || "", "wrap"),
      ];
    }),
    "",
    { cols: COLS.projects },
  );
}

function toleranceStatus(
  L: SheetLayout,
  ctx: ReportContext,
  w: WorkstreamStatus,
  projects: Project[],
  tolerances: ToleranceLine[],
): void {
  const a = ctx.a;
  const s = a.programme.settings;
  L.section("Tolerance status");
  L.table(
    ["Tolerance", "Status", "Detail"],
    tolerances
      .slice(1)
      .map((t) => [
        cell(t.dimension, "bold"),
        t.rating ? toleranceCell(toleranceState(t.rating)) : cell("Not tracked", "note"),
        cell(t.rating ? t.detail : "The workbook holds no data for this.", "wrap"),
      ]),
    "",
    { cols: COLS.tolerance },
  );
  L.table(
    ["ID", "Project", "Time", "Cost", "Status", "Why"],
    listed(L, projects, "projects", byPressing(ctx)).map((p) => {
      const st = known(a.rag.projects, p.id, "project status");
      return [
        cell(p.id, "text"),
        cell(p.name, "wrap"),
        ragCell(st.schedule, p.id, "schedule"),
        ragCell(st.cost, p.id, "cost"),
        toleranceCell(toleranceState(st.overall), p.id),
        becauseCell(st.overall),
      ];
    }),
    "",
    { cols: COLS.byProject },
  );
  L.note(
    `Time: amber beyond ${countOf(s.amberSlipDays, "day")}' slip, red beyond ${s.redSlipDays}. Cost: amber beyond ${s.amberCostPercent}%, red beyond ${s.redCostPercent}% over budget. A Red item is beyond tolerance: an exception report is needed.`,
  );
  if (exceededTolerances(ctx, w).length)
    L.line(`Beyond tolerance: see this workstream's exception report, ER ${w.name}.`, "link", {
      sheetKey: exceptionKey(w.name),
      cell: "A1",
    });
}

function requests(L: SheetLayout, ctx: ReportContext, w: WorkstreamStatus): void {
  const a = ctx.a;
  L.section("Requests for decisions");
  const asks = a.commentary.decisions.filter((d) => d.workstream === w.name);
  L.table(
    ["Decision", "Recommendation", "Owner", "By"],
    asks.map((d) => [
      cell(d.text, "wrap"),
      cell(d.recommendation || "None given", "wrap"),
      cell(d.owner || "Not named", "wrap"),
      cell({ day: d.date }, "date"),
    ]),
    "No decision is requested this period.",
    { cols: COLS.decisions },
  );
}

/** A workstream's scope, quality, benefits and risk ratings as its highlight report shows them (the RAG History keeps them). */
export function workstreamRatings(
  ctx: ReportContext,
  w: WorkstreamStatus,
): { scope: Rating | null; quality: Rating | null; benefits: Rating | null; risk: Rating | null } {
  const t = workstreamTolerances(
    ctx,
    w,
    w.projects.map((id) => projectOf(ctx, id)!),
  );
  return { scope: t[3].rating, quality: t[4].rating, benefits: t[5].rating, risk: t[6].rating };
}

/** Overall, time, cost, scope, quality, benefits and risk for the workstream, each with its reason or "not tracked". */
function workstreamTolerances(ctx: ReportContext, w: WorkstreamStatus, projects: Project[]): ToleranceLine[] {
  const a = ctx.a;
  const last = a.trends.last.date === null ? undefined : findLast(a.trends.last, "Workstream", w.name);
  const reported = (k: "scopeRag" | "qualityRag", word: string): Rating | null => {
    const rated = projects.filter((p) => p[k]);
    if (!rated.length) return null;
    const rag = worstRag(rated.map((p) => p[k]))!;
    const which = rated.filter((p) => p[k] === rag).map((p) => p.id);
    return { rag, rule: "worst-member", because: `${word} as the workstream reports it: ${which.join(", ")} ${rag}` };
  };
  const { benefits, risk } = workstreamDimensions(a.programme, w, a.benefits, a.risks);
  return [
    {
      dimension: "Overall",
      rating: w.overall,
      last: last ? last.overall : undefined,
      detail: w.overall?.because ?? "",
    },
    {
      dimension: "Time",
      rating: w.schedule,
      last: last ? last.schedule : undefined,
      detail: w.schedule?.because ?? "",
    },
    {
      dimension: "Cost",
      rating: w.cost,
      last: last ? last.cost : undefined,
      detail: w.cost?.because ?? "No budgets recorded.",
    },
    {
      dimension: "Scope",
      rating: reported("scopeRag", "Scope"),
      last: last ? (last.scope ?? null) : undefined,
      detail: reported("scopeRag", "Scope")?.because ?? "",
    },
    {
      dimension: "Quality",
      rating: reported("qualityRag", "Quality"),
      last: last ? (last.quality ?? null) : undefined,
      detail: reported("qualityRag", "Quality")?.because ?? "",
    },
    {
      dimension: "Benefits",
      rating: benefits,
      last: last ? (last.benefits ?? null) : undefined,
      detail: benefits?.because ?? "",
    },
    { dimension: "Risk", rating: risk, last: last ? (last.risk ?? null) : undefined, detail: risk?.because ?? "" },
  ];
}

function workDone(L: SheetLayout, ctx: ReportContext, projects: Project[], ownsItem: (p: string) => boolean): void {
  const a = ctx.a;
  const mine = (m: { project: string }) => ownsItem(m.project);
  const doneMs = milestonesCompleted(ctx, mine);
  const doneProjects = projects.filter(
    (p) => p.actualFinish !== null && p.actualFinish >= a.period.start && p.actualFinish <= a.asOf,
  );
  L.section(`Work completed this period (${periodRange(a.period.start, a.asOf)})`);
  const rows: PlanCell[][] = [
    ...doneProjects.map((p) => [
      cell(p.id, "text"),
      cell(`Project completed: ${p.name}`, "wrap"),
      cell(p.id, "text"),
      finishCell(known(a.rag.projects, p.id, "project status").finishNow, p.id),
      slipCell(known(a.rag.projects, p.id, "project status").slipDays, p.id),
    ]),
    ...doneMs.map((m) => [
      cell(m.id, "text"),
      cell(m.name, "wrap"),
      cell(m.project, "text"),
      finishCell(known(a.rag.milestones, m.id, "milestone status").finishNow, m.id),
      slipCell(known(a.rag.milestones, m.id, "milestone status").slipDays, m.id),
    ]),
  ];
  L.table(
    ["ID", "Milestone or project", "Project", "Completed", "Slip (days)"],
    listed(L, rows, "items completed"),
    "Nothing was completed this period.",
    { cols: COLS.done },
  );
  const overdue = a.programme.milestones.filter(
    (m) => mine(m) && known(a.rag.milestones, m.id, "milestone status").overdue,
  );
  const next = milestonesDueNext(ctx, mine);
  L.section(
    `Work planned next period (${a.period.nextLabel}, to ${formatDayLong(a.period.nextEnd)}), overdue work first`,
  );
  L.table(
    ["ID", "Milestone", "Project", "Owner", "Finish now", "Slip (days)", "RAG"],
    listed(L, [...overdue, ...next], "milestones overdue or due", "ordered").map((m) => {
      const st = known(a.rag.milestones, m.id, "milestone status");
      return [
        cell(m.id, "text"),
        cell(m.name, "wrap"),
        cell(m.project, "text"),
        cell(m.owner, "wrap"),
        finishCell(st.finishNow, m.id),
        slipCell(st.slipDays, m.id),
        ragCell(st.rating, m.id),
      ];
    }),
    "Nothing is due by the end of next period.",
    { cols: COLS.planned },
  );
}

function keyRisksAndIssues(
  L: SheetLayout,
  ctx: ReportContext,
  w: WorkstreamStatus,
  ownsItem: (p: string) => boolean,
): void {
  const a = ctx.a;
  const risks = a.programme.risks
    .map((r, k) => ({ risk: r, res: a.risks[k] }))
    .filter((x) => x.res.open && ownsItem(x.risk.project));
  L.section("Key risks");
  L.table(
    ["ID", "Risk", "Score", "Band", "Trend", "Owner", "Mitigation", "Review due"],
    listed(
      L,
      risks.sort((x, y) => (y.res.score ?? 0) - (x.res.score ?? 0)),
      "open risks",
      "ordered",
    ).map(({ risk, res }) => [
      cell(risk.id, "link", { sheet: risk.src.sheet, cell: cellOf(risk.src, "id") ?? "A1" }),
      cell(risk.title, "wrap"),
      { ...cell(res.score, "number"), about: { item: risk.id, field: "score" as const } },
      { ...cell(res.band, bandStyle(res.band, res.matrix, true)), about: { item: risk.id, field: "band" as const } },
      trendCell(known(a.trends.risks, risk.id, "risk trend").trend, risk.id),
      cell(risk.owner || "None", risk.owner ? "wrap" : "error"),
      cell(risk.mitigation || "None recorded", risk.mitigation ? "wrap" : "error"),
      cell(risk.reviewDue === null ? null : { day: risk.reviewDue }, "date"),
    ]),
    "No open risks recorded against this workstream.",
    { cols: COLS.risks },
  );
  const issues = a.programme.issues
    .map((i, k) => ({ i, r: a.issues[k] }))
    .filter(({ i, r }) => r.open && ownsItem(i.project));
  issues.sort((x, y) => Number(y.r.overdue) - Number(x.r.overdue) || x.r.priorityRank - y.r.priorityRank);
  L.section("Key issues");
  L.table(
    ["ID", "Issue", "Project", "Owner", "Priority", "Due", "Overdue"],
    listed(L, issues, "open issues", "ordered").map(({ i, r }) => [
      cell(i.id, "link", { sheet: i.src.sheet, cell: cellOf(i.src, "id") ?? "A1" }),
      cell(i.title, "wrap"),
      cell(i.project, "text"),
      cell(i.owner, "wrap"),
      cell(i.priority, "text"),
      cell(i.due === null ? null : { day: i.due }, "date"),
      cell(r.overdueDays !== null ? countOf(r.overdueDays, "day") : "", r.overdue ? "error" : "text"),
    ]),
    "No open issues recorded against this workstream.",
    { cols: COLS.issues },
  );
  const raid = raidCounts(ctx, w.name);
  if (raid) {
    L.section("RAID summary");
    L.table(
      ["Type", "Open", "Overdue", "Escalated or at risk"],
      raid.map((r) => [
        cell(r.type, "bold"),
        cell(r.open, "number"),
        cell(r.overdue, r.overdue ? "error" : "number"),
        cell(r.flagged, r.flagged ? "warning" : "number"),
      ]),
      "",
      { cols: COLS.raid },
    );
  }
}

/** Dependencies that cross the workstream's boundary, named, with their state. */
function crossing(L: SheetLayout, ctx: ReportContext, w: WorkstreamStatus): void {
  const a = ctx.a;
  const links = a.programme.links.filter(
    (l) => (ctx.workstreamOf(l.from) === w.name) !== (ctx.workstreamOf(l.to) === w.name),
  );
  const atRisk = (l: (typeof links)[number]) => a.schedule.nodes.get(l.to)?.push?.by === l.from;
  L.section("Dependencies into and out of this workstream");
  L.table(
    ["Direction", "From", "To", "Link", "Other workstream", "Status"],
    listed(L, links, "dependencies crossing it", (x, y) => Number(atRisk(y)) - Number(atRisk(x))).map((l) => {
      const into = ctx.workstreamOf(l.to) === w.name;
      const push = atRisk(l) ? a.schedule.nodes.get(l.to)?.push : undefined;
      return [
        cell(into ? "Into" : "Out of", "text"),
        cell(`${l.from} ${ctx.nameOf(l.from)}`, "wrap"),
        cell(`${l.to} ${ctx.nameOf(l.to)}`, "wrap"),
        cell(linkText(l), "text"),
        cell(ctx.workstreamOf(into ? l.from : l.to) ?? "", "wrap"),
        cell(
          push
            ? `${push.kind === "slip" ? "At risk" : "Dates conflict"}: ${l.to} ${countOf(push.days, "day")} late`
            : "On track",
          push ? "error" : "text",
        ),
      ];
    }),
    "No dependencies cross this workstream's boundary.",
    { cols: COLS.crossing },
  );
}
