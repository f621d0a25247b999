import { a1 } from "../../core/primitives/cell";
import { serialFromDay, type Day } from "../../core/primitives/dates";
import type { ChartSpec } from "../../core/report/plan";
import { codeOf } from "./errors";
import type { ChartLike, ChartSeriesLike, ContextLike, WorksheetLike } from "./excel-types";
import { rangeOf } from "./ops";

export const EXCEL_CHART: Record<ChartSpec["type"], string> = {
  columnStacked: "ColumnStacked",
  doughnut: "Doughnut",
  radar: "RadarMarkers",
  gantt: "BarStacked",
  line: "LineMarkers",
};

/**
 * "No fill" for a series (the Gantt chart's start bars, which the file host writes as <a:noFill/>).
 * The API has no no-fill setter: `ChartFill.clear()` "Clears the fill color of a chart element"
 * (reference; whether Excel then draws nothing is not documented — office-js #609, #4890), so the
 * border goes too (`lineStyle` "None", ExcelApi 1.7). Checked by hand: docs/office-host.md.
 */
function noFill(series: ChartSeriesLike): void {
  series.format.fill.clear();
  series.format.line.lineStyle = "None";
}

/** Bar and column charts' gap and overlap, as the file host writes them (gapWidth ExcelApi 1.7, overlap 1.8). */
const BAR_GAPS: Partial<Record<ChartSpec["type"], { gap: number; overlap: number }>> = {
  columnStacked: { gap: 60, overlap: 100 },
  gantt: { gap: 40, overlap: 100 },
};

/** A native chart, set up as the file host's (src/hosts/xlsx/charts.ts): series one by one from the plan's ranges, coloured explicitly. */
export function addChart(ws: WorksheetLike, spec: ChartSpec, date1904: boolean): ChartLike {
  const chart = ws.charts.add(
    EXCEL_CHART[spec.type],
    rangeOf(ws, spec.series[0].values),
    spec.seriesBy === "columns" ? "Columns" : "Rows",
  );
  chart.title.text = spec.title;
  chart.legend.visible = spec.legend !== false;
  if (spec.legend !== false) chart.legend.position = spec.type === "doughnut" ? "Right" : "Bottom";
  spec.series.forEach((s, i) => {
    // The chart was made from the first series' column: that is series 0; the others are added.
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(rangeOf(ws, s.values));
    series.setXAxisValues(rangeOf(ws, spec.categories));
    if (s.hidden) noFill(series);
    else if (spec.type === "radar" || spec.type === "line") series.format.line.color = `#${s.color}`;
    else series.format.fill.setSolidColor(`#${s.color}`);
    if (s.dash) series.format.line.lineStyle = "Dash";
    (s.pointColors ?? []).forEach((c, k) => series.points.getItemAt(k).format.fill.setSolidColor(`#${c}`));
    const gaps = BAR_GAPS[spec.type];
    if (gaps && i === 0) {
      series.gapWidth = gaps.gap;
      series.overlap = gaps.overlap;
    }
  });
  const axis = (v: number | { day: Day } | undefined) =>
    v === undefined ? undefined : typeof v === "number" ? v : serialFromDay(v.day, date1904);
  if (spec.type === "doughnut") {
    chart.setPosition(a1(spec.anchor.fromRow, spec.anchor.fromCol), a1(spec.anchor.toRow - 1, spec.anchor.toCol - 1));
    return chart;
  }
  const value = chart.axes.valueAxis;
  const category = chart.axes.categoryAxis;
  if (spec.valueAxis) {
    const min = axis(spec.valueAxis.min);
    const max = axis(spec.valueAxis.max);
    if (min !== undefined) value.minimum = min;
    if (max !== undefined) value.maximum = max;
    if (spec.valueAxis.majorUnit !== undefined) value.majorUnit = spec.valueAxis.majorUnit;
  }
  if (spec.type === "gantt") {
    value.numberFormat = spec.valueAxis?.numFmt ?? "mmm yy";
    category.reversePlotOrder = true;
    // The date axis stays at the bottom of a reversed category axis: the file's <c:crosses val="max"/>
    // on the value axis, i.e. "Specifies the specified axis position where the other axis crosses" = Maximum.
    category.position = "Maximum";
    const crossAt = spec.valueAxis?.crossAt;
    if (crossAt) {
      // The as-of line: the category axis drawn at that date as a dashed red line, its labels kept low
      // (the file's <c:crossesAt> with tickLblPos "low").
      value.setPositionAt(serialFromDay(crossAt.day, date1904));
      category.tickLabelPosition = "Low";
      category.format.line.color = "#C00000";
      category.format.line.lineStyle = "Dash";
      category.format.line.weight = 1.75;
    }
  } else value.numberFormat = spec.type === "line" ? (spec.valueAxis?.numFmt ?? "dd mmm yy") : "0";
  chart.setPosition(a1(spec.anchor.fromRow, spec.anchor.fromCol), a1(spec.anchor.toRow - 1, spec.anchor.toCol - 1));
  return chart;
}

/** A chart to add: the sheet it goes on (by its plan name, for messages) and its spec. */
export interface ChartJob {
  sheet: string;
  ws: () => WorksheetLike;
  spec: ChartSpec;
}

/** Errors that say the run itself cannot go on (not that Excel refused this chart): the write fails and is cleaned up. */
const RUN_ENDING = new Set([
  "InactiveWorkbook",
  "InvalidRequestContext",
  "RequestAborted",
  "AccessDenied",
  "ItemNotFound",
  "Conflict",
  "InsertDeleteConflict",
  "ServiceNotAvailable",
  "ActivityLimitReached",
]);

const chartName = (k: number) => `PMOChart${k + 1}`;

/**
 * Removes what a refused sync left on these sheets: every chart not among `keep` (the sheets are this
 * run's own, so every chart on them is; a chart takes its name last, so a half-made one has none of ours).
 */
async function removeCharts(ctx: ContextLike, sheets: (() => WorksheetLike)[], keep: Set<string>): Promise<void> {
  const loaded = [...new Set(sheets)].map((ws) => ws().charts);
  for (const c of loaded) c.load("items/name");
  await ctx.sync();
  for (const c of loaded) for (const chart of c.items) if (!keep.has(chart.name)) chart.delete();
  await ctx.sync();
}

/**
 * Adds the charts in one sync; should Excel refuse one (a property a chart type or a client does
 * not take: office-js #1688 on iPad, #1729 on Windows and the web), what that sync left is removed
 * and each chart is added on its own, a refused one removed and listed: a refused chart costs only
 * itself. Returns what was left out ("Board Report: chart Milestones").
 */
export async function applyCharts(
  ctx: ContextLike,
  jobs: ChartJob[],
  date1904: boolean,
  sync: () => Promise<void>,
): Promise<string[]> {
  if (!jobs.length) return [];
  const add = (job: ChartJob, k: number) => (addChart(job.ws(), job.spec, date1904).name = chartName(k));
  try {
    jobs.forEach(add);
    await sync();
    return [];
  } catch (e) {
    if (RUN_ENDING.has(codeOf(e) ?? "")) throw e;
    await removeCharts(
      ctx,
      jobs.map((j) => j.ws),
      new Set(),
    );
  }
  const skipped: string[] = [];
  const done = new Set<string>();
  for (const [k, job] of jobs.entries()) {
    try {
      add(job, k);
      await sync();
      done.add(chartName(k));
    } catch (e) {
      if (RUN_ENDING.has(codeOf(e) ?? "")) throw e;
      await removeCharts(ctx, [job.ws], done);
      skipped.push(`${job.sheet}: chart "${job.spec.title}"`);
    }
  }
  return skipped;
}
