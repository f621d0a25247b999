import { asDay, dayFromYmd, ymdFromDay, type Day } from "../primitives/dates";
import type { Rag } from "../rag/scale";
import { BOARD_LIST_LIMIT, COLS } from "./board";
import { finishCell, milestoneSlipCell, ragCell, slipCell } from "./cells";
import { milestoneStatus, projectStatus, type ReportContext } from "./context";
import type { SheetLayout } from "./layout";
import { cell, range, type PlanCell } from "./plan";
import { RAG_FILL } from "./styles";

/** A month on a value axis: ticks a twelfth of a year apart stay on their month, labelled "Jan 10". */
const MONTH = 365.25 / 12;

/**
 * The timelines: projects from start to finish now, and open milestones from baseline to finish
 * now. Gantt-style stacked bars (the start series unfilled), each bar in its item's RAG colour,
 * monthly ticks, and the category axis standing at the as-of date as a line across the chart.
 * `between` places what goes between the two (the board's RAG key).
 */
export function timelines(L: SheetLayout, ctx: ReportContext, between?: () => void): void {
  projectTimeline(L, ctx);
  between?.();
  milestoneTimeline(L, ctx);
}

interface Bar {
  id: string;
  label: string;
  from: Day;
  to: Day;
  rag: Rag;
}

function projectTimeline(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  // The projects with both dates, each with its status and the two dates it is drawn between.
  let items = a.programme.projects.flatMap((p) => {
    const st = projectStatus(ctx, p.id);
    return st.startNow !== null && st.finishNow !== null ? [{ p, st, from: st.startNow, to: st.finishNow }] : [];
  });
  if (!items.length) return;
  L.section("Timeline: projects from start to finish now");
  if (items.length > BOARD_LIST_LIMIT) {
    const float = (id: string) => a.schedule.nodes.get(id)?.totalFloat ?? Infinity;
    const keep = new Set(
      [...items]
        .sort((x, y) => float(x.p.id) - float(y.p.id))
        .slice(0, BOARD_LIST_LIMIT)
        .map(({ p }) => p.id),
    );
    L.note(`The ${BOARD_LIST_LIMIT} projects with the least float, of ${items.length}.`);
    items = items.filter(({ p }) => keep.has(p.id));
  }
  const bars: Bar[] = items.map(({ p, st, from, to }) => ({
    id: p.id,
    label: `${p.id} ${p.name}`,
    from,
    to,
    rag: st.overall.rag,
  }));
  L.table(
    ["ID", "Project", "Start", "Finish now", "Slip (days)", "RAG", "Worst milestone slip"],
    items.map(({ p, st, from }): PlanCell[] => {
      return [
        cell(p.id, "text"),
        cell(p.name, "wrap"),
        cell({ day: from }, "date"),
        finishCell(st.finishNow, p.id),
        slipCell(st.slipDays, p.id),
        ragCell(st.overall, p.id),
        milestoneSlipCell(st.worstMilestone, p.id),
      ];
    }),
    "",
    { cols: [...COLS.timeline, [9, 11]] },
  );
  gantt(L, ctx, bars, "Programme timeline (bars in RAG colours; the vertical line is the as-of date)");
}

function milestoneTimeline(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  // The open milestones with a baseline and a finish now (a status has a baseline when its milestone does).
  const open = a.programme.milestones
    .flatMap((m) => {
      const st = milestoneStatus(ctx, m.id);
      const { baseline } = m;
      return !st.done && baseline !== null && st.baseline !== null && st.finishNow !== null
        ? [{ m, st, baseline, stBaseline: st.baseline, finishNow: st.finishNow }]
        : [];
    })
    .sort((x, y) => x.baseline - y.baseline || (x.m.id < y.m.id ? -1 : 1))
    .slice(0, BOARD_LIST_LIMIT);
  if (!open.length) return;
  L.section(
    `Milestone timeline: open milestones, baseline to finish now${open.length === BOARD_LIST_LIMIT ? ` (first ${BOARD_LIST_LIMIT})` : ""}`,
  );
  const bars: Bar[] = open.map(({ m, st, stBaseline, finishNow }) => ({
    id: m.id,
    label: `${m.id} ${m.name}`,
    from: asDay(Math.min(stBaseline, finishNow)),
    to: asDay(Math.max(stBaseline, finishNow)),
    rag: st.rating.rag,
  }));
  L.table(
    ["ID", "Milestone", "Baseline", "Finish now", "Slip (days)", "RAG"],
    open.map(({ m, st, stBaseline }): PlanCell[] => {
      return [
        cell(m.id, "text"),
        cell(m.name, "wrap"),
        cell({ day: stBaseline }, "date"),
        finishCell(st.finishNow, m.id),
        slipCell(st.slipDays, m.id),
        ragCell(st.rating, m.id),
      ];
    }),
    "",
    { cols: COLS.timeline },
  );
  gantt(L, ctx, bars, "Milestone timeline: baseline to finish now (the vertical line is the as-of date)");
}

/** The first of the month holding `day`: where the Gantt chart's axis starts. */
export function monthStartOf(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, 1);
}

/**
 * A value axis ticks at equal steps, and months are not equal: so the axis starts on the first of
 * a month plus the least part of a day that puts no tick before its month's first day, and steps a
 * twelfth of a year. Each tick then falls on its month's first day or a few days after it (never in
 * the month before), so a tick labelled "Feb 10" stands at the start of February and a task from
 * 2 February is drawn to its right.
 */
export function tickOffset(start: Day, months: number): number {
  const { y, m } = ymdFromDay(start);
  let offset = 0;
  for (let k = 1; k <= months; k++) offset = Math.max(offset, dayFromYmd(y, m + k, 1) - (start + k * MONTH));
  return Math.round((offset + 0.05) * 100) / 100;
}

function gantt(L: SheetLayout, ctx: ReportContext, bars: Bar[], title: string): void {
  const asOf = ctx.a.asOf;
  const lo = Math.min(asOf, ...bars.map((b) => b.from));
  const hi = Math.max(asOf, ...bars.map((b) => b.to));
  // The chart's data, to the right of the print area: label, start (unfilled), length — at least a
  // 150th of the span, so an item on its date still shows as a mark.
  const least = Math.max(1, Math.round((hi - lo) / 150));
  const data = L.data([
    ["Item", "Start", "Days"].map((h) => cell(h, "chart-data")),
    ...bars.map(
      (b) => [{ v: b.label }, { v: { day: b.from } }, { v: Math.max(least, b.to - b.from + 1) }] as PlanCell[],
    ),
  ]);
  const start = monthStartOf(asDay(lo));
  const months = Math.max(1, Math.ceil((hi - start) / MONTH) + 1);
  const min = start + tickOffset(start, months);
  // A row and a half a bar or so, and room for the title and axis: a few bars get a short chart, not a page of space.
  const height = L.chartRows(Math.max(Math.min(14, bars.length + 7), Math.min(40, bars.length + 6)) + 1) - 1;
  const top = L.chartSpace(height + 1);
  L.charts.push({
    type: "gantt",
    seriesBy: "columns",
    title,
    categories: range(data.top + 1, data.left, data.bottom, data.left),
    series: [
      {
        name: "Start",
        values: range(data.top + 1, data.left + 1, data.bottom, data.left + 1),
        color: "FFFFFF",
        hidden: true,
      },
      {
        name: "Days",
        values: range(data.top + 1, data.left + 2, data.bottom, data.left + 2),
        color: RAG_FILL.Green,
        pointColors: bars.map((b) => RAG_FILL[b.rag]),
      },
    ],
    anchor: { fromRow: top, fromCol: 0, toRow: top + height, toCol: L.width },
    valueAxis: {
      min: { day: asDay(min) },
      max: { day: asDay(min + months * MONTH) },
      numFmt: "mmm yy",
      majorUnit: MONTH,
      crossAt: { day: asOf },
    },
    legend: false,
  });
}
