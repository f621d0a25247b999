import type { CellStyle } from "../../core/report/plan";
import { XmlEdit, prefixOf } from "./xml-edit";
import { escapeXml, find, findAll, getAttr, type XmlNode } from "./xml";

/**
 * Adds the report's styles to the user's styles part by insertion only: new fonts, fills,
 * borders, number formats, cell formats and differential formats are appended and the
 * count attributes bumped; nothing already there is changed or renumbered.
 */
export interface PatchedStyles {
  xml: string;
  /** Style key → cellXfs index. */
  xf: Map<string, number>;
  /** Style key → dxfs index (for conditional formats). */
  dxf: Map<string, number>;
}

/** The style sheet's containers in schema order (ECMA-376 Part 1, 18.8.39 styleSheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Appends children to a container, creating it in schema order when missing; its count made true. */
function append(edit: XmlEdit, root: XmlNode, container: string, children: string[], p: string): void {
  if (!children.length) return;
  const node = find(root, container);
  if (node) {
    const total =
      findAll(
        node,
        container === "numFmts"
          ? "numFmt"
          : container === "cellXfs" || container === "cellStyleXfs"
            ? "xf"
            : container.slice(0, -1),
      ).length + children.length;
    edit.setAttr(node, "count", String(total)); // the true count, even where the producer wrote a wrong one
    edit.append(node, children.join(""));
    return;
  }
  const block = `<${p}${container} count="${children.length}">${children.join("")}</${p}${container}>`;
  for (const later of ORDER.slice(ORDER.indexOf(container) + 1)) {
    const next = find(root, later);
    if (next) return edit.insertBefore(next, block);
  }
  edit.append(root, block);
}

function count(root: XmlNode, container: string, child: string): number {
  const node = find(root, container);
  return node ? findAll(node, child).length : 0;
}

function fontXml(s: CellStyle, p: string): string {
  return `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}${s.underline ? `<${p}u/>` : ""}<${p}sz val="${s.size ?? 11}"/><${p}color rgb="FF${s.color ?? "000000"}"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
}

function fillXml(rgb: string, p: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function borderXml(rgb: string, p: string): string {
  const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FF${rgb}"/></${p}${n}>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
}

interface BaseStyles {
  fonts: string[];
  fills: string[];
  borders: string[];
  cellStyleXfs: string[];
  cellXfs: string[];
}

/**
 * A style sheet with nothing in it (<styleSheet/>) still needs Excel's defaults at index 0:
 * the user's unstyled cells use xf 0, which uses font 0, fill 0 and border 0; fill 1 is gray125.
 * Then the default xf repeated up to `usedXfs`.
 */
function baseStyles(root: XmlNode, p: string, usedXfs: number): BaseStyles {
  const base: BaseStyles = { fonts: [], fills: [], borders: [], cellStyleXfs: [], cellXfs: [] };
  if (!count(root, "fonts", "font"))
    base.fonts.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
  if (!count(root, "fills", "fill"))
    base.fills.push(
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    );
  if (!count(root, "borders", "border"))
    base.borders.push(`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`);
  if (!count(root, "cellStyleXfs", "xf"))
    base.cellStyleXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
  if (!count(root, "cellXfs", "xf"))
    base.cellXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  for (let i = count(root, "cellXfs", "xf") + base.cellXfs.length; i < usedXfs; i++)
    base.cellXfs.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  return base;
}

/** Number format ids: the built-in ones, else new ones after the highest the sheet has (at least 164). */
function numberFormats(root: XmlNode, p: string): { fmtId: (code: string) => number; newFmts: string[] } {
  let maxFmt = 163;
  const fmtNode = find(root, "numFmts");
  for (const f of fmtNode ? findAll(fmtNode, "numFmt") : [])
    maxFmt = Math.max(maxFmt, Number(getAttr(f, "numFmtId") ?? 0) || 0);
  const newFmts: string[] = [];
  const fmtIds = new Map<string, number>();
  const builtin: Record<string, number> = { "0": 1, "0.00": 2, "#,##0": 3, "0%": 9, "0.00%": 10, "@": 49 };
  const fmtId = (code: string): number => {
    if (builtin[code] !== undefined) return builtin[code];
    let id = fmtIds.get(code);
    if (id === undefined) {
      id = ++maxFmt;
      fmtIds.set(code, id);
      newFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  };
  return { fmtId, newFmts };
}

/** The new fonts, fills, borders and cell xfs for the report's styles, numbered after the sheet's own. */
function newCellStyles(
  styles: Record<string, CellStyle>,
  p: string,
  first: { fonts: number; fills: number; borders: number; xfs: number },
  fmtId: (code: string) => number,
): { fonts: string[]; fills: string[]; borders: string[]; xfs: string[]; xf: Map<string, number> } {
  const out = { fonts: [] as string[], fills: [] as string[], borders: [] as string[], xfs: [] as string[] };
  const xf = new Map<string, number>();
  for (const [key, s] of Object.entries(styles)) {
    const fontId = first.fonts + out.fonts.length;
    out.fonts.push(fontXml(s, p));
    let fillId = 0;
    if (s.fill) {
      fillId = first.fills + out.fills.length;
      out.fills.push(fillXml(s.fill, p));
    }
    let borderId = 0;
    if (s.border) {
      borderId = first.borders + out.borders.length;
      out.borders.push(borderXml(s.border, p));
    }
    const numFmtId = s.numFmt ? fmtId(s.numFmt) : 0;
    const align =
      s.wrap || s.align || s.vAlign
        ? `<${p}alignment${s.align ? ` horizontal="${s.align}"` : ""}${s.vAlign ? ` vertical="${s.vAlign}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const applies = ` applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    xf.set(key, first.xfs + out.xfs.length);
    out.xfs.push(
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</${p}xf>` : "/>"}`,
    );
  }
  return { ...out, xf };
}

/** The differential formats (conditional formatting) for the keys listed, numbered after the sheet's own. */
function newDxfs(
  styles: Record<string, CellStyle>,
  dxfKeys: string[],
  p: string,
  first: number,
): { dxfs: string[]; dxf: Map<string, number> } {
  const dxfs: string[] = [];
  const dxf = new Map<string, number>();
  for (const key of dxfKeys) {
    const s = styles[key];
    if (!s) continue;
    dxf.set(key, first + dxfs.length);
    const font = `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.color ? `<${p}color rgb="FF${s.color}"/>` : ""}</${p}font>`;
    const fill = s.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${s.fill}"/><${p}bgColor rgb="FF${s.fill}"/></${p}patternFill></${p}fill>`
      : "";
    dxfs.push(`<${p}dxf>${font}${fill}</${p}dxf>`);
  }
  return { dxfs, dxf };
}

/**
 * `usedXfs`: one more than the highest cell-style index the user's sheets use. A cell whose index
 * is past the end of cellXfs (ClosedXML's tdf100709) shows in the default style; the report's
 * styles go after it (the gap filled with the default), so such a cell never takes one of ours.
 */
export function patchStyles(
  xml: string,
  styles: Record<string, CellStyle>,
  dxfKeys: string[],
  usedXfs = 0,
): PatchedStyles {
  const edit = new XmlEdit(xml);
  const root = edit.tree();
  const p = prefixOf(root);
  const base = baseStyles(root, p, usedXfs);
  const first = {
    fonts: count(root, "fonts", "font") + base.fonts.length,
    fills: count(root, "fills", "fill") + base.fills.length,
    borders: count(root, "borders", "border") + base.borders.length,
    xfs: count(root, "cellXfs", "xf") + base.cellXfs.length,
  };
  const { fmtId, newFmts } = numberFormats(root, p);
  const cells = newCellStyles(styles, p, first, fmtId);
  const { dxfs, dxf } = newDxfs(styles, dxfKeys, p, count(root, "dxfs", "dxf"));
  append(edit, root, "numFmts", newFmts, p);
  append(edit, root, "fonts", [...base.fonts, ...cells.fonts], p);
  append(edit, root, "fills", [...base.fills, ...cells.fills], p);
  append(edit, root, "borders", [...base.borders, ...cells.borders], p);
  append(edit, root, "cellStyleXfs", base.cellStyleXfs, p);
  append(edit, root, "cellXfs", [...base.cellXfs, ...cells.xfs], p);
  append(edit, root, "dxfs", dxfs, p);
  return { xml: edit.apply(), xf: cells.xf, dxf };
}
