import type { CellStyle } from "../../report/plan";
import { escapeXml } from "./xml";

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

/** The namespace prefix the part uses for its main elements ("" or "x:"). */
function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}\\b`).exec(xml);
  return m?.[1] ?? "";
}

function countChildren(xml: string, container: string, child: string, p: string): number {
  const m = new RegExp(`<${p}${container}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${container}>)`).exec(xml);
  if (!m || !m[1]) return 0;
  // Count only direct children: nested elements of other names never share the child's name here.
  return (m[1].match(new RegExp(`<${p}${child}[\\s/>]`, "g")) ?? []).length;
}

/** Appends children to a container element, creating it (before `before`) if missing. */
function append(xml: string, container: string, children: string[], p: string, before: string[], actual: number): string {
  if (!children.length) return xml;
  const open = new RegExp(`<${p}${container}\\b([^>]*?)(/?)>`);
  const m = open.exec(xml);
  if (m) {
    const attrs = m[1].replace(/\s*count="\d+"/, "");
    if (m[2] === "/") {
      return xml.replace(open, `<${p}${container}${attrs} count="${children.length}">${children.join("")}</${p}${container}>`);
    }
    const close = `</${p}${container}>`;
    const at = xml.indexOf(close, m.index);
    const total = actual + children.length; // the true count, even where the producer wrote a wrong one
    const head = xml.slice(0, m.index) + `<${p}${container}${attrs} count="${total}">`;
    return head + xml.slice(m.index + m[0].length, at) + children.join("") + xml.slice(at);
  }
  const block = `<${p}${container} count="${children.length}">${children.join("")}</${p}${container}>`;
  for (const b of before) {
    const i = xml.search(new RegExp(`<${p}${b}\\b`));
    if (i >= 0) return xml.slice(0, i) + block + xml.slice(i);
  }
  const end = xml.lastIndexOf(`</${p}styleSheet>`);
  return xml.slice(0, end) + block + xml.slice(end);
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

export function patchStyles(xml: string, styles: Record<string, CellStyle>, dxfKeys: string[]): PatchedStyles {
  const p = prefixOf(xml, "styleSheet");
  const fonts = countChildren(xml, "fonts", "font", p);
  const fills = countChildren(xml, "fills", "fill", p);
  const borders = countChildren(xml, "borders", "border", p);
  const xfs = countChildren(xml, "cellXfs", "xf", p);
  const dxfs = countChildren(xml, "dxfs", "dxf", p);
  let maxFmt = 163;
  for (const m of xml.matchAll(/numFmtId="(\d+)"/g)) maxFmt = Math.max(maxFmt, Number(m[1]));
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
  const newFonts: string[] = [];
  const newFills: string[] = [];
  const newBorders: string[] = [];
  const newXfs: string[] = [];
  const xf = new Map<string, number>();
  for (const [key, s] of Object.entries(styles)) {
    const fontId = fonts + newFonts.length;
    newFonts.push(fontXml(s, p));
    let fillId = 0;
    if (s.fill) {
      fillId = fills + newFills.length;
      newFills.push(fillXml(s.fill, p));
    }
    let borderId = 0;
    if (s.border) {
      borderId = borders + newBorders.length;
      newBorders.push(borderXml(s.border, p));
    }
    const numFmtId = s.numFmt ? fmtId(s.numFmt) : 0;
    const align = s.wrap || s.align || s.vAlign ? `<${p}alignment${s.align ? ` horizontal="${s.align}"` : ""}${s.vAlign ? ` vertical="${s.vAlign}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>` : "";
    const applies = ` applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    xf.set(key, xfs + newXfs.length);
    newXfs.push(`<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</${p}xf>` : "/>"}`);
  }
  const newDxfs: string[] = [];
  const dxf = new Map<string, number>();
  for (const key of dxfKeys) {
    const s = styles[key];
    if (!s) continue;
    dxf.set(key, dxfs + newDxfs.length);
    const font = `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.color ? `<${p}color rgb="FF${s.color}"/>` : ""}</${p}font>`;
    const fill = s.fill ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${s.fill}"/><${p}bgColor rgb="FF${s.fill}"/></${p}patternFill></${p}fill>` : "";
    newDxfs.push(`<${p}dxf>${font}${fill}</${p}dxf>`);
  }
  let out = xml;
  out = append(out, "numFmts", newFmts, p, ["fonts"], countChildren(xml, "numFmts", "numFmt", p));
  out = append(out, "fonts", newFonts, p, ["fills"], fonts);
  out = append(out, "fills", newFills, p, ["borders"], fills);
  out = append(out, "borders", newBorders, p, ["cellStyleXfs", "cellXfs"], borders);
  out = append(out, "cellXfs", newXfs, p, ["cellStyles", "dxfs"], xfs);
  out = append(out, "dxfs", newDxfs, p, ["tableStyles", "colors", "extLst"], dxfs);
  return { xml: out, xf, dxf };
}
