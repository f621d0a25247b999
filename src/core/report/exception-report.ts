import { cappedTo, HIGHLIGHT_LIST_LIMIT } from "./board";
import type { ProjectStatus, Rating, WorkstreamStatus } from "../rag/rag";
import { toleranceState } from "../rag/rag";
import { formatDayLong } from "../primitives/dates";
import { finishCell, ragCell, slipCell } from "./cells";
import { knownProject, milestoneStatus, printSetup, projectStatus, type ReportContext } from "./context";
import { workstreamRatings } from "./highlight";
import { SheetLayout } from "./layout";
import { cell, range, type PlanCell, type PlanSheet } from "./plan";
import { money, signedPercent } from "../primitives/text";

/**
 * A PRINCE2 exception report for a workstream beyond a tolerance (a tolerance Red: time, cost,
 * scope, quality, benefits or risk, as its highlight report's tolerance table shows). Its parts
 * follow the product description (PRINCE2 Agile 2016, A.10 Exception report: title, cause,
 * consequences for the project and for corporate or programme management, options with their
 * effect on the business case, risks and tolerances, recommendation, lessons), with the workstream's
 * Commentary row's text where given and the analysis's facts beside it.
 */
export const EXCEPTION_WIDTHS = [10, 34, 14, 14, 12, 12, 12, 12, 11, 11, 24];

const COLS: [number, number][] = [
  [0, 0],
  [1, 3],
  [4, 4],
  [5, 5],
  [6, 6],
  [7, 7],
  [8, 10],
];

/** The sheet key of a workstream's exception report. */
export const exceptionKey = (workstream: string) => `exception:${workstream}`;

/** The tolerances a workstream has exceeded, each with its rating; none: no exception report. */
export function exceededTolerances(ctx: ReportContext, w: WorkstreamStatus): { dimension: string; rating: Rating }[] {
  const d = workstreamRatings(ctx, w);
  const all: [string, Rating | null][] = [
    ["Time", w.schedule],
    ["Cost", w.cost],
    ["Scope", d.scope],
    ["Quality", d.quality],
    ["Benefits", d.benefits],
    ["Risk", d.risk],
  ];
  return all
    .filter((x): x is [string, Rating] => !!x[1] && toleranceState(x[1]) === "exceeded")
    .map(([dimension, rating]) => ({ dimension, rating }));
}

export function exceptionSheet(ctx: ReportContext, w: WorkstreamStatus): PlanSheet | null {
  const exceeded = exceededTolerances(ctx, w);
  if (!exceeded.length) return null;
  const a = ctx.a;
  const s = a.programme.settings;
  const c = a.commentary.workstreams.get(w.name);
  const L = new SheetLayout(EXCEPTION_WIDTHS);
  const author = c?.author || w.lead;
  L.title(`Exception report: ${w.name}`);
  L.line(
    `${s.programmeName} · ${formatDayLong(a.asOf)} · Author: ${author || "not named"}${w.sro ? ` · For the SRO, ${w.sro}, and the programme board` : " · For the programme board"}`,
    "subtitle",
  );
  L.line("Back to the highlight report", "link", { sheetKey: ctx.highlightKey(w.name), cell: "A1" });

  L.section("Exception");
  const dims = exceeded.map((x) => x.dimension.toLowerCase());
  const listed =
    dims.length > 1
      ? `${dims.slice(0, -1).join(", ")} and ${dims[dims.length - 1]} tolerances`
      : `${dims[0]} tolerance`;
  L.line(`${w.name}: ${listed} exceeded.`, "summary");
  for (const x of exceeded)
    L.put([[cell(x.dimension, "bold"), ragCell(x.rating), cell(x.rating.because, "wrap")]], 0, {
      merge: [[2, L.width - 1]],
    });

  L.section("Cause of the exception");
  given(L, c?.cause, "Cause");
  causeTable(L, ctx, w);

  L.section("Consequences of the deviation");
  given(L, c?.consequences, "Consequences");
  consequences(L, ctx, w);

  L.section("Options");
  given(
    L,
    c?.options,
    "Options",
    "Set out the options (for example: recover within the plan, re-plan to a new baseline, reduce scope, or stop), each with its effect on the business case, the risks and the tolerances.",
  );

  L.section("Recommendation");
  given(L, c?.recommendation, "Recommendation");
  const asks = a.commentary.decisions.filter((d) => d.workstream === w.name);
  for (const d of asks) L.line(`Decision requested: ${d.text} (by ${formatDayLong(d.date)}).`, "summary");

  L.section("Lessons");
  given(L, c?.lessons, "Lessons");

  return {
    key: exceptionKey(w.name),
    name: `ER ${w.name}`,
    tabColor: "C00000",
    widths: EXCEPTION_WIDTHS,
    blocks: L.blocks,
    merges: L.merges,
    charts: [],
    heights: L.heights,
    rowBreaks: L.rowBreaks,
    pages: L.pages,
    printArea: range(0, 0, Math.max(0, L.row - 1), EXCEPTION_WIDTHS.length - 1),
    print: printSetup(ctx, `Exception report: ${w.name}`),
  };
}

/** The Commentary's text for a part, or a note saying where to write it. */
function given(L: SheetLayout, text: string | undefined, column: string, prompt = ""): void {
  if (text) L.line(text, "summary");
  else
    L.note(
      `Not given: write it in the ${column} column of this workstream's row on the Commentary sheet.${prompt ? ` ${prompt}` : ""}`,
    );
}

/** From the plan: the workstream's items beyond tolerance and why. */
function causeTable(L: SheetLayout, ctx: ReportContext, w: WorkstreamStatus): void {
  const rows: PlanCell[][] = [];
  for (const id of w.projects) {
    const p = knownProject(ctx, id);
    const st = projectStatus(ctx, p.id);
    if (st.overall.rag === "Red")
      rows.push([
        cell(p.id, "text"),
        cell(p.name, "wrap"),
        ragCell(st.overall, p.id),
        finishCell(st.finishNow, p.id),
        cell(st.baseline === null ? null : { day: st.baseline }, "date"),
        slipCell(st.slipDays, p.id),
        cell(st.overall.because, "wrap"),
      ]);
    for (const m of ctx.milestonesByProject.get(p.id) ?? []) {
      const ms = milestoneStatus(ctx, m.id);
      if (ms.rating.rag === "Red")
        rows.push([
          cell(m.id, "text"),
          cell(m.name, "wrap"),
          ragCell(ms.rating, m.id),
          finishCell(ms.finishNow, m.id),
          cell(ms.baseline === null ? null : { day: ms.baseline }, "date"),
          slipCell(ms.slipDays, m.id),
          cell(ms.rating.because, "wrap"),
        ]);
    }
  }
  L.table(
    ["ID", "Item beyond tolerance", "RAG", "Finish now", "Baseline", "Slip (days)", "Why"],
    cappedTo(
      rows,
      HIGHLIGHT_LIST_LIMIT,
      "items beyond tolerance",
      "every one is on the plan's own sheet and in check --format json",
      L,
    ),
    "No single project or milestone is Red: the workstream's tolerance is exceeded as a whole (see above).",
    { cols: COLS },
  );
}

/** For the project (the workstream's own dates and money) and for the programme (other workstreams held up, the programme's status). */
function consequences(L: SheetLayout, ctx: ReportContext, w: WorkstreamStatus): void {
  const a = ctx.a;
  const mine = new Set(w.projects.map((id) => id.toUpperCase()));
  const ours = (id: string) =>
    mine.has(id.toUpperCase()) || mine.has((ctx.milestoneById.get(id)?.project ?? "").trim().toUpperCase());
  const late = w.projects
    .map((id) => projectStatus(ctx, knownProject(ctx, id).id))
    .filter((st): st is ProjectStatus & { slipDays: number } => !st.done && st.slipDays !== null && st.slipDays > 0);
  const f = a.finance.workstreams.find((x) => x.name === w.name);
  const facts: string[] = [];
  facts.push(
    late.length
      ? `For the workstream: ${late.length} of ${w.projects.length} projects finish later than their baseline, the latest by ${Math.max(...late.map((x) => x.slipDays))} days.`
      : "For the workstream: no project finishes later than its baseline.",
  );
  if (f && f.variancePercent !== null)
    facts.push(
      `Its forecast cost is ${money(f.forecast)} against a budget of ${money(f.budget)} (${signedPercent(f.variancePercent)}).`,
    );
  const heldUp = [...a.schedule.nodes.values()].filter(
    (n) => n.push?.kind === "slip" && ours(n.push.by) && !ours(n.id),
  );
  facts.push(
    heldUp.length
      ? `For the programme: ${heldUp.length} item${heldUp.length === 1 ? "" : "s"} in other workstreams ${heldUp.length === 1 ? "is" : "are"} held up by this workstream: ${heldUp
          .slice(0, 10)
          .map((n) => `${n.id} ${ctx.nameOf(n.id)} (${n.push!.days} days, ${ctx.workstreamOf(n.id) ?? "programme"})`)
          .join("; ")}.`
      : "For the programme: no item in another workstream is held up by this one.",
  );
  if (a.rag.overall) facts.push(`The programme is ${a.rag.overall.rag} overall.`);
  L.line(facts.join(" "), "summary");
}
