import type { Rag } from "../rag/scale";
import type { RiskMatrixKind } from "../programme/entities";
import { BAND_COLOURS, bandLooks, RISK_BANDS, type RiskBand } from "../risks/bands";
import type { CellStyle } from "./plan";
import { DATE_FORMAT, MONEY_FORMAT } from "../primitives/number-formats";

/** The RAG palette (report colours; the pane's chrome uses Fluent's tokens instead). */
export const RAG_FILL: Record<Rag, string> = { Red: "C00000", Amber: "FFC000", Green: "00B050", Blue: "0070C0" };
export const RAG_TEXT: Record<Rag, string> = { Red: "FFFFFF", Amber: "000000", Green: "000000", Blue: "FFFFFF" };
/** The style key of a band's cell on a matrix (the 3×3 High is red, as the 5×5 Extreme). */
export function bandStyle(band: RiskBand | null, matrix: RiskMatrixKind, text = false): string {
  if (!band) return "text";
  return `band-${text ? "text-" : ""}${bandLooks(band, matrix)}`;
}

const NAVY = "1F3864";
const GRID = "BFBFBF";

export const STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 16, color: NAVY },
  subtitle: { italic: true, color: "595959" },
  section: { bold: true, size: 12, color: NAVY },
  header: { bold: true, color: "FFFFFF", fill: "1F4E79", wrap: true, vAlign: "center", border: GRID },
  text: { border: GRID, vAlign: "top", wrap: true },
  wrap: { wrap: true, border: GRID, vAlign: "top" },
  bold: { bold: true, border: GRID, vAlign: "top" },
  number: { numFmt: "0", border: GRID, align: "right", vAlign: "top" },
  "days-signed": { numFmt: "+0;-0;0", border: GRID, align: "right", vAlign: "top" },
  decimal: { numFmt: "0.0", border: GRID, align: "right", vAlign: "top" },
  percent: { numFmt: "0%", border: GRID, align: "right", vAlign: "top" },
  money: { numFmt: MONEY_FORMAT, border: GRID, align: "right", vAlign: "top" },
  "money-total": {
    bold: true,
    numFmt: MONEY_FORMAT,
    border: GRID,
    align: "right",
    vAlign: "top",
    fill: "D9E1F2",
  },
  percent1: { numFmt: "+0.0%;-0.0%;0.0%", border: GRID, align: "right", vAlign: "top" },
  "percent1-total": {
    bold: true,
    numFmt: "+0.0%;-0.0%;0.0%",
    border: GRID,
    align: "right",
    vAlign: "top",
    fill: "D9E1F2",
  },
  "total-text": { bold: true, border: GRID, vAlign: "top", wrap: true, fill: "D9E1F2" },
  summary: { wrap: true, vAlign: "top", size: 11 },
  "chart-data": { color: "7F7F7F", italic: true },
  date: { numFmt: DATE_FORMAT, border: GRID, align: "left", vAlign: "top" },
  link: { underline: true, color: "0563C1", border: GRID, vAlign: "top", wrap: true },
  "link-wrap": { underline: true, color: "0563C1", border: GRID, vAlign: "top", wrap: true },
  note: { italic: true, color: "595959", wrap: true },
  /** A table cell with nothing to show: "Not tracked", "Not reported". */
  muted: { italic: true, color: "595959", border: GRID, vAlign: "top", wrap: true },
  plain: {},
  "plain-date": { numFmt: DATE_FORMAT },
  error: { bold: true, color: "C00000", border: GRID, vAlign: "top", wrap: true },
  warning: { bold: true, color: "9C5700", border: GRID, vAlign: "top", wrap: true },
  info: { color: "1F4E79", border: GRID, vAlign: "top", wrap: true },
  "heat-axis": { bold: true, size: 9, align: "center", vAlign: "center", border: GRID, wrap: true },
  "heat-axis-right": { bold: true, align: "right", vAlign: "center", border: GRID, wrap: true },
  "rag-big-Red": {
    bold: true,
    size: 14,
    color: RAG_TEXT.Red,
    fill: RAG_FILL.Red,
    align: "center",
    vAlign: "center",
    border: GRID,
  },
  "rag-big-Amber": {
    bold: true,
    size: 14,
    color: RAG_TEXT.Amber,
    fill: RAG_FILL.Amber,
    align: "center",
    vAlign: "center",
    border: GRID,
  },
  "rag-big-Green": {
    bold: true,
    size: 14,
    color: RAG_TEXT.Green,
    fill: RAG_FILL.Green,
    align: "center",
    vAlign: "center",
    border: GRID,
  },
  "rag-big-Blue": {
    bold: true,
    size: 14,
    color: RAG_TEXT.Blue,
    fill: RAG_FILL.Blue,
    align: "center",
    vAlign: "center",
    border: GRID,
  },
};
for (const r of ["Red", "Amber", "Green", "Blue"] as Rag[])
  STYLES[`rag-${r}`] = {
    bold: true,
    color: RAG_TEXT[r],
    fill: RAG_FILL[r],
    align: "center",
    vAlign: "top",
    border: GRID,
  };
for (const b of RISK_BANDS) {
  STYLES[`band-${b}`] = {
    bold: true,
    color: BAND_COLOURS[b].text,
    fill: BAND_COLOURS[b].fill,
    align: "center",
    vAlign: "center",
    border: GRID,
  };
  STYLES[`band-text-${b}`] = {
    color: BAND_COLOURS[b].text,
    fill: BAND_COLOURS[b].fill,
    align: "center",
    vAlign: "top",
    border: GRID,
  };
}

/** RAG cells show the word as well as the colour. */
export function ragStyle(r: Rag | null, big = false): string {
  return r ? `rag-${big ? "big-" : ""}${r}` : "text";
}
