import type { Day } from "../../core/primitives/dates";
import { quoteSheetName, rangeAddress } from "../../core/primitives/cell";
import type { ChartSpec, RangeRef } from "../../core/report/plan";
import { xstringXml } from "./spreadsheetml/xstring";
import { escapeXml } from "./xml";
import { DATE_FORMAT } from "../../core/primitives/number-formats";

/**
 * DrawingML for the report's native charts. Colours are explicit RGB (theme colours can
 * draw invisibly in a workbook without a theme), and every series carries a cache of its
 * values so a client can draw the chart before it recalculates.
 */
export interface ChartData {
  /** Category labels and each series' values, read from the plan's cells. */
  categories: string[];
  values: (number | null)[][];
}

const C_NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function ref(sheet: string, r: RangeRef): string {
  const abs = rangeAddress(r).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quoteSheetName(sheet)}!${abs}`;
}

function strCache(items: string[]): string {
  return `<c:strCache><c:ptCount val="${items.length}"/>${items.map((s, i) => `<c:pt idx="${i}"><c:v>${xstringXml(s)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(items: (number | null)[], fmt = "General"): string {
  return `<c:numCache><c:formatCode>${escapeXml(fmt)}</c:formatCode><c:ptCount val="${items.length}"/>${items
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("")}</c:numCache>`;
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function series(spec: ChartSpec, sheet: string, data: ChartData, i: number, numFmt?: string): string {
  const s = spec.series[i];
  const dash = s.dash ? `<a:prstDash val="dash"/>` : "";
  const sp = s.hidden
    ? `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`
    : spec.type === "line"
      ? `<c:spPr><a:ln w="28575" cap="rnd">${solid(s.color)}${dash}<a:round/></a:ln></c:spPr>`
      : spec.type === "radar"
        ? `<c:spPr><a:ln w="28575">${solid(s.color)}</a:ln></c:spPr>`
        : `<c:spPr>${solid(s.color)}</c:spPr>`;
  const points = (s.pointColors ?? [])
    .map(
      (col, k) =>
        `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr>${solid(col)}<a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`,
    )
    .join("");
  const marker =
    spec.type === "line" && s.dash
      ? `<c:marker><c:symbol val="none"/></c:marker>`
      : spec.type === "radar" || spec.type === "line"
        ? `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(s.color)}<a:ln>${solid(s.color)}</a:ln></c:spPr></c:marker>`
        : "";
  const smooth = spec.type === "line" ? `<c:smooth val="0"/>` : "";
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${sp}${marker}${points}<c:cat><c:strRef><c:f>${ref(sheet, spec.categories)}</c:f>${strCache(data.categories)}</c:strRef></c:cat><c:val><c:numRef><c:f>${ref(sheet, s.values)}</c:f>${numCache(data.values[i], numFmt)}</c:numRef></c:val>${smooth}</c:ser>`;
}

const AX_CAT = 500001;
const AX_VAL = 500002;

function axes(
  spec: ChartSpec,
  opts: {
    catPos: string;
    valPos: string;
    reverse?: boolean;
    numFmt?: string;
    min?: number;
    max?: number;
    crossesMax?: boolean;
    grid?: boolean;
    catCrossesAt?: number;
  },
): string {
  const scaling = (o: { min?: number; max?: number; reverse?: boolean }) =>
    `<c:scaling><c:orientation val="${o.reverse ? "maxMin" : "minMax"}"/>${o.max !== undefined ? `<c:max val="${o.max}"/>` : ""}${o.min !== undefined ? `<c:min val="${o.min}"/>` : ""}</c:scaling>`;
  const text = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
  // A category axis that crosses at a value (the Gantt chart's as-of date) is drawn there as a dashed
  // red line, its labels kept at the low end (tickLblPos low), as Excel's "Vertical axis crosses at" does.
  const asOf = opts.catCrossesAt !== undefined;
  const catLine = asOf
    ? `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>`
    : "";
  const cat = `<c:catAx><c:axId val="${AX_CAT}"/>${scaling({ reverse: opts.reverse })}<c:delete val="0"/><c:axPos val="${opts.catPos}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="${asOf ? "low" : "nextTo"}"/>${catLine}${text}<c:crossAx val="${AX_VAL}"/>${asOf ? `<c:crossesAt val="${opts.catCrossesAt}"/>` : `<c:crosses val="autoZero"/>`}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const unit = spec.valueAxis?.majorUnit !== undefined ? `<c:majorUnit val="${spec.valueAxis.majorUnit}"/>` : "";
  const val = `<c:valAx><c:axId val="${AX_VAL}"/>${scaling({ min: opts.min, max: opts.max })}<c:delete val="0"/><c:axPos val="${opts.valPos}"/>${opts.grid === false ? "" : `<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`}<c:numFmt formatCode="${escapeXml(opts.numFmt ?? "General")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text}<c:crossAx val="${AX_CAT}"/><c:crosses val="${opts.crossesMax ? "max" : "autoZero"}"/><c:crossBetween val="between"/>${unit}</c:valAx>`;
  return cat + val;
}

/** The chart part for one chart. `serial` converts plan days to the workbook's date serials. */
export function chartXml(
  spec: ChartSpec,
  sheet: string,
  data: ChartData,
  serial: (v: number | { day: Day } | undefined) => number | undefined,
): string {
  const ids = `<c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/>`;
  let plot: string;
  switch (spec.type) {
    case "columnStacked":
      plot = `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${spec.series.map((_, i) => series(spec, sheet, data, i)).join("")}<c:gapWidth val="60"/><c:overlap val="100"/>${ids}</c:barChart>${axes(spec, { catPos: "b", valPos: "l", numFmt: "0" })}`;
      break;
    case "gantt": {
      const min = serial(spec.valueAxis?.min);
      const max = serial(spec.valueAxis?.max);
      const fmt = spec.valueAxis?.numFmt ?? "mmm yy";
      const crossAt = spec.valueAxis?.crossAt ? serial(spec.valueAxis.crossAt) : undefined;
      plot = `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${spec.series.map((_, i) => series(spec, sheet, data, i, i === 0 ? DATE_FORMAT : "0")).join("")}<c:gapWidth val="40"/><c:overlap val="100"/>${ids}</c:barChart>${axes(spec, { catPos: "l", valPos: "b", reverse: true, numFmt: fmt, min, max, crossesMax: true, catCrossesAt: crossAt })}`;
      break;
    }
    case "doughnut":
      plot = `<c:doughnutChart><c:varyColors val="1"/>${series(spec, sheet, data, 0)}<c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`;
      break;
    case "line": {
      // The milestone trend: forecast dates (serials) up the value axis, one point per reporting date.
      const min = serial(spec.valueAxis?.min);
      const max = serial(spec.valueAxis?.max);
      const fmt = spec.valueAxis?.numFmt ?? "dd mmm yy";
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${spec.series.map((_, i) => series(spec, sheet, data, i, DATE_FORMAT)).join("")}<c:marker val="1"/>${ids}</c:lineChart>${axes(spec, { catPos: "b", valPos: "l", numFmt: fmt, min, max })}`;
      break;
    }
    case "radar": {
      const min = typeof spec.valueAxis?.min === "number" ? spec.valueAxis.min : undefined;
      const max = typeof spec.valueAxis?.max === "number" ? spec.valueAxis.max : undefined;
      plot = `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>${spec.series.map((_, i) => series(spec, sheet, data, i)).join("")}${ids}</c:radarChart>${axes(spec, { catPos: "b", valPos: "l", numFmt: "0", min, max })}`;
      break;
    }
  }
  const legend =
    spec.legend === false
      ? ""
      : `<c:legend><c:legendPos val="${spec.type === "doughnut" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace ${C_NS}><c:roundedCorners val="0"/><c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr></c:chartSpace>`;
}

/** The drawing part placing each chart between two cells. */
export function drawingXml(anchors: ChartSpec["anchor"][]): string {
  const frames = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${a.toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${frames}</xdr:wsDr>`;
}
