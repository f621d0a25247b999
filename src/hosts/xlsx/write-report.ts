import { a1, quoteSheetName, rangeAddress, type CellRange } from "../../model/cell";
import { formatDay, serialFromDay } from "../../model/dates";
import { inScope, markerValue, type PlanCell, type PlanSheet, type PlanValue, type ReportPlan } from "../../report/plan";
import { assignSheetNames } from "../../report/sheet-names";
import { chartXml, drawingXml, type ChartData } from "./charts";
import { markedSheets, openPackage, readRels, relsPathFor, resolveTarget, type XlsxPackage } from "./package";
import { readPackage } from "./read";
import { worksheetXml, type CellOut } from "./sheet-xml";
import { patchStyles } from "./styles-patch";
import { attr, elements, escapeXml } from "./xml";

/**
 * Applies a report plan to a workbook package by adding parts, never re-serialising the
 * user's: their sheets, charts, pivot tables, images, validations and names stay byte-for-byte.
 * Our sheets from an earlier run (found by their marker) are removed first; a user's sheet
 * that happens to have a report sheet's name is left alone and ours takes another name.
 */
export interface WriteReportResult {
  data: Uint8Array;
  sheets: { key: string; name: string }[];
  /** Report sheets that could not have their usual name because a sheet of the user's has it. */
  renamed: { wanted: string; name: string }[];
  /** Sheets from an earlier run that were replaced. */
  replaced: string[];
  /** Sheets carrying the report's mark that were copied or edited, so are the user's now and were left alone. */
  kept: string[];
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = {
  sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function rootPrefix(xml: string, root: string): string {
  return new RegExp(`<(\\w+:)?${root}\\b`).exec(xml)?.[1] ?? "";
}

function relPrefix(xml: string): { prefix: string; xml: string } {
  const m = new RegExp(`xmlns:(\\w+)="${REL.replace(/[/.]/g, "\\$&")}"`).exec(xml);
  if (m) return { prefix: m[1], xml };
  // Declare it on the root element.
  const out = xml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${REL}"`);
  return { prefix: "r", xml: out };
}

function nextFree(pkg: XlsxPackage, pattern: (n: number) => string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const p = pattern(n);
    if (!pkg.zip.file(p) && !taken.has(p)) {
      taken.add(p);
      return p;
    }
  }
}

function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** Every internal part reachable from a part through relationships (for removing our old sheets). */
async function reachable(pkg: XlsxPackage, part: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(part)) return seen;
  seen.add(part);
  for (const r of await readRels(pkg.zip, part)) {
    if (r.external || /\/hyperlink$/.test(r.type)) continue;
    await reachable(pkg, resolveTarget(part, r.target), seen);
  }
  return seen;
}

export async function writeReport(input: Uint8Array, plan: ReportPlan): Promise<WriteReportResult> {
  const pkg = await openPackage(input);
  const zip = pkg.zip;
  let wb = pkg.workbookXml;
  const wp = rootPrefix(wb, "workbook");
  const rp = relPrefix(wb);
  wb = rp.xml;

  // 1. Remove our sheets from an earlier run.
  const ours = markedSheets(pkg, plan.marker).filter((o) => inScope(plan.scope, o.key));
  const removedIdx = new Set(ours.map((o) => o.index));
  const wbRelsPath = relsPathFor(pkg.workbookPath);
  let wbRels = (await readRels(zip, pkg.workbookPath)).map((r) => ({ ...r }));
  const deleted = new Set<string>();
  const sheetEls = [...wb.matchAll(new RegExp(`<${wp}sheet\\b[^>]*?/>`, "g"))];
  for (const o of ours) {
    const el = sheetEls[o.index];
    const rid = attr(el[0], "id");
    const rel = wbRels.find((r) => r.id === rid);
    if (rel) {
      for (const p of await reachable(pkg, resolveTarget(pkg.workbookPath, rel.target))) deleted.add(p);
      wbRels = wbRels.filter((r) => r !== rel);
    }
  }
  for (const p of deleted) {
    zip.remove(p);
    zip.remove(relsPathFor(p));
  }
  // Drop the removed <sheet>s and their sheet-scoped names; renumber the names of sheets that move up.
  let idx = 0;
  wb = wb.replace(new RegExp(`<${wp}sheet\\b[^>]*?/>`, "g"), (m) => (removedIdx.has(idx++) ? "" : m));
  const shift = (old: number) => old - [...removedIdx].filter((i) => i < old).length;
  wb = wb.replace(new RegExp(`<${wp}definedName\\b([^>]*)>([\\s\\S]*?)</${wp}definedName>`, "g"), (m, attrs: string) => {
    const local = attr(attrs, "localSheetId");
    if (local === null) return m;
    const n = Number(local);
    if (removedIdx.has(n)) return "";
    return m.replace(/localSheetId="\d+"/, `localSheetId="${shift(n)}"`);
  });
  wb = wb.replace(new RegExp(`<${wp}definedNames\\b[^>]*>\\s*</${wp}definedNames>`), "");

  const remaining = [...wb.matchAll(new RegExp(`<${wp}sheet\\b([^>]*?)/>`, "g"))].map((m) => ({ name: attr(m[1], "name") ?? "", sheetId: Number(attr(m[1], "sheetId") ?? 0) }));

  // 2. Names: ours keep their usual names unless a user's sheet has one.
  const { names: finalName, renamed } = assignSheetNames(plan.sheets, remaining.map((s) => s.name));

  // 3. Styles (create the part if the workbook has none).
  let stylesRel = wbRels.find((r) => /\/styles$/.test(r.type));
  let stylesPath = stylesRel ? resolveTarget(pkg.workbookPath, stylesRel.target) : "xl/styles.xml";
  let ct = await zip.file("[Content_Types].xml")!.async("string");
  const ctOverrides: string[] = [];
  if (!stylesRel || !zip.file(stylesPath)) {
    stylesPath = "xl/styles.xml";
    zip.file(stylesPath, MINIMAL_STYLES);
    const id = freeRelId(wbRels);
    stylesRel = { id, type: `${REL}/styles`, target: relativeTarget(pkg.workbookPath, stylesPath), external: false };
    wbRels.push(stylesRel);
    if (!ct.includes(`PartName="/${stylesPath}"`)) ctOverrides.push(`<Override PartName="/${stylesPath}" ContentType="${CT.styles}"/>`);
  }
  const cfKeys = [...new Set(plan.sheets.flatMap((s) => (s.conditionalFormats ?? []).map((c) => c.style)))];
  const styles = patchStyles(await zip.file(stylesPath)!.async("string"), plan.styles, cfKeys);
  zip.file(stylesPath, styles.xml);

  // 4. New parts for each sheet.
  let maxSheetId = Math.max(0, ...remaining.map((s) => s.sheetId));
  const newParts = new Set<string>();
  const tableNames = new Set<string>();
  let maxTableId = 0;
  for (const f of Object.keys(zip.files)) {
    if (!/^xl\/tables\/.*\.xml$/.test(f)) continue;
    const x = await zip.file(f)!.async("string");
    const t = elements(x, "table")[0];
    if (!t) continue;
    maxTableId = Math.max(maxTableId, Number(attr(t.attrs, "id") ?? 0));
    for (const n of [attr(t.attrs, "name"), attr(t.attrs, "displayName")]) if (n) tableNames.add(n.toLowerCase());
  }
  const serial = (v: number | { day: number } | undefined) => (v === undefined ? undefined : typeof v === "number" ? v : serialFromDay(v.day, pkg.date1904));
  const sheetEntries: string[] = [];
  const names: string[] = [];
  const firstNew = remaining.length;
  const written: WriteReportResult["sheets"] = [];
  for (const [i, sheet] of plan.sheets.entries()) {
    const name = finalName.get(sheet.key)!;
    const sheetPath = nextFree(pkg, (n) => `xl/worksheets/sheet${n}.xml`, newParts);
    const sheetRels: { id: string; type: string; target: string }[] = [];
    const grid = toGrid(sheet, styles.xf, pkg.date1904);
    const hyperlinks: string[] = [];
    for (const b of sheet.blocks)
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => {
          if (!c.link) return;
          const target = "sheetKey" in c.link ? finalName.get(c.link.sheetKey) : c.link.sheet;
          if (!target) return;
          const display = typeof c.v === "string" || typeof c.v === "number" ? String(c.v) : "";
          hyperlinks.push(`<hyperlink ref="${a1(b.row + r, b.col + k)}" location="${escapeXml(`${quoteSheetName(target)}!${c.link.cell}`)}" display="${escapeXml(display.slice(0, 255))}"/>`);
        }),
      );
    let tail = "";
    if (sheet.charts.length) {
      const drawingPath = nextFree(pkg, (n) => `xl/drawings/drawing${n}.xml`, newParts);
      const chartRels: { id: string; type: string; target: string }[] = [];
      sheet.charts.forEach((spec, k) => {
        const chartPath = nextFree(pkg, (n) => `xl/charts/chart${n}.xml`, newParts);
        zip.file(chartPath, chartXml(spec, name, chartData(sheet, spec, pkg.date1904), serial));
        chartRels.push({ id: `rId${k + 1}`, type: "chart", target: relativeTarget(drawingPath, chartPath) });
        ctOverrides.push(`<Override PartName="/${chartPath}" ContentType="${CT.chart}"/>`);
      });
      zip.file(drawingPath, drawingXml(sheet.charts.map((c) => c.anchor)));
      zip.file(relsPathFor(drawingPath), relsXml(chartRels));
      ctOverrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT.drawing}"/>`);
      sheetRels.push({ id: "rId1", type: "drawing", target: relativeTarget(sheetPath, drawingPath) });
      tail += `<drawing r:id="rId1"/>`;
    }
    if (sheet.table) {
      const tablePath = nextFree(pkg, (n) => `xl/tables/table${n}.xml`, newParts);
      let tname = sheet.table.name;
      for (let n = 2; tableNames.has(tname.toLowerCase()); n++) tname = `${sheet.table.name}${n}`;
      tableNames.add(tname.toLowerCase());
      zip.file(tablePath, tableXml(++maxTableId, tname, sheet.table.range, grid));
      const rid = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id: rid, type: "table", target: relativeTarget(sheetPath, tablePath) });
      ctOverrides.push(`<Override PartName="/${tablePath}" ContentType="${CT.table}"/>`);
      tail += `<tableParts count="1"><tablePart r:id="${rid}"/></tableParts>`;
    }
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("")}</mergeCells>` : "";
    let prio = 1;
    const cf = (sheet.conditionalFormats ?? [])
      .map((c) => `<conditionalFormatting sqref="${rangeAddress(c.range)}"><cfRule type="cellIs" dxfId="${styles.dxf.get(c.style)}" priority="${prio++}" operator="equal"><formula>"${escapeXml(c.equals.replace(/"/g, '""'))}"</formula></cfRule></conditionalFormatting>`)
      .join("");
    const links = hyperlinks.length ? `<hyperlinks>${hyperlinks.join("")}</hyperlinks>` : "";
    const breaks = sheet.rowBreaks?.length ? `<rowBreaks count="${sheet.rowBreaks.length}" manualBreakCount="${sheet.rowBreaks.length}">${sheet.rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>` : "";
    const page = `<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="${sheet.print.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>${escapeXml(sheet.print.header)}</oddHeader><oddFooter>${escapeXml(sheet.print.footer)}</oddFooter></headerFooter>${breaks}`;
    zip.file(
      sheetPath,
      worksheetXml(grid, { widths: sheet.widths, freezeRows: sheet.freezeRows || undefined, heights: sheet.heights, tabColor: sheet.tabColor, fitToPage: true, showGridLines: false, afterData: merges + cf + links + page, tail }),
    );
    if (sheetRels.length) zip.file(relsPathFor(sheetPath), relsXml(sheetRels));
    ctOverrides.push(`<Override PartName="/${sheetPath}" ContentType="${CT.sheet}"/>`);
    const rid = freeRelId(wbRels);
    wbRels.push({ id: rid, type: `${REL}/worksheet`, target: relativeTarget(pkg.workbookPath, sheetPath), external: false });
    sheetEntries.push(`<${wp}sheet name="${escapeXml(name)}" sheetId="${++maxSheetId}" ${rp.prefix}:id="${rid}"/>`);
    const local = firstNew + i;
    names.push(`<${wp}definedName name="${plan.marker}" localSheetId="${local}" hidden="1">${escapeXml(markerValue(sheet.key))}</${wp}definedName>`);
    if (sheet.printArea) names.push(`<${wp}definedName name="_xlnm.Print_Area" localSheetId="${local}">${escapeXml(quoteSheetName(name))}!${escapeXml(rangeAddress(sheet.printArea).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"))}</${wp}definedName>`);
    if (sheet.print.repeatRows) names.push(`<${wp}definedName name="_xlnm.Print_Titles" localSheetId="${local}">${escapeXml(quoteSheetName(name))}!$${sheet.print.repeatRows[0] + 1}:$${sheet.print.repeatRows[1] + 1}</${wp}definedName>`);
    written.push({ key: sheet.key, name });
  }

  // 5. Workbook, its relationships and the content types: insertions only.
  wb = wb.replace(new RegExp(`</${wp}sheets>`), `${sheetEntries.join("")}</${wp}sheets>`);
  if (new RegExp(`<${wp}definedNames\\b`).test(wb)) wb = wb.replace(new RegExp(`</${wp}definedNames>`), `${names.join("")}</${wp}definedNames>`);
  else {
    const after = new RegExp(`</${wp}externalReferences>`).test(wb) ? `</${wp}externalReferences>` : `</${wp}sheets>`;
    wb = wb.replace(after, `${after}<${wp}definedNames>${names.join("")}</${wp}definedNames>`);
  }
  const sheetCount = remaining.length + plan.sheets.length;
  wb = wb.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (m, k: string, v: string) => (Number(v) >= sheetCount || removedIdx.size ? `${k}="${Math.min(shift(Number(v)), sheetCount - 1)}"` : m));
  zip.file(pkg.workbookPath, wb);
  zip.file(wbRelsPath, relsXml(wbRels));
  for (const p of deleted) ct = ct.replace(new RegExp(`<Override[^>]*PartName="/${p.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`), "");
  ct = ct.replace("</Types>", `${ctOverrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", ct);

  // Level 3: the new parts are large and compress well even so; untouched parts keep their bytes.
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } });
  await verify(data, plan, finalName);
  return { data, sheets: written, renamed, replaced: ours.map((o) => o.sheet), kept: [] };
}

function freeRelId(rels: { id: string }[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let n = 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** A relationships part; a type without a scheme is one of the officeDocument relationship types. */
function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type.includes(":") ? r.type : `${REL}/${r.type}`)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("")}</Relationships>`;
}

function outValue(v: PlanValue, date1904: boolean): string | number | boolean | null {
  if (v !== null && typeof v === "object") return serialFromDay(v.day, date1904);
  return v;
}

/** The plan sheet's blocks as a dense grid of styled cells. */
function toGrid(sheet: PlanSheet, xf: Map<string, number>, date1904: boolean): CellOut[][] {
  const grid: CellOut[][] = [];
  for (const b of sheet.blocks)
    b.cells.forEach((row, r) => {
      const line = (grid[b.row + r] ??= []);
      row.forEach((c: PlanCell, k) => {
        const s = c.s ? xf.get(c.s) : undefined;
        line[b.col + k] = s ? { v: outValue(c.v, date1904), s } : outValue(c.v, date1904);
      });
    });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

function gridValue(grid: CellOut[][], r: number, c: number): string | number | boolean | null {
  const cellOut = grid[r]?.[c];
  if (cellOut === undefined || cellOut === null) return null;
  return typeof cellOut === "object" ? cellOut.v : cellOut;
}

function tableXml(id: number, name: string, r: CellRange, grid: CellOut[][]): string {
  const ref = rangeAddress(r);
  const seen = new Set<string>();
  const cols: string[] = [];
  for (let c = r.left; c <= r.right; c++) {
    let h = String(gridValue(grid, r.top, c) ?? "") || `Column${c - r.left + 1}`;
    for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${h}${n}`;
    seen.add(h.toLowerCase());
    cols.push(`<tableColumn id="${c - r.left + 1}" name="${escapeXml(h)}"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${cols.length}">${cols.join("")}</tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

function chartData(sheet: PlanSheet, spec: PlanSheet["charts"][number], date1904: boolean): ChartData {
  const at = new Map<string, PlanValue>();
  for (const b of sheet.blocks) b.cells.forEach((row, r) => row.forEach((c, k) => at.set(`${b.row + r},${b.col + k}`, c.v)));
  const read = (r: number, c: number) => at.get(`${r},${c}`) ?? null;
  const categories: string[] = [];
  for (let r = spec.categories.top; r <= spec.categories.bottom; r++) {
    const v = read(r, spec.categories.left);
    categories.push(v === null ? "" : typeof v === "object" ? formatDay(v.day) : String(v));
  }
  const values = spec.series.map((s) => {
    const out: (number | null)[] = [];
    for (let r = s.values.top; r <= s.values.bottom; r++) {
      const v = read(r, s.values.left);
      out.push(typeof v === "number" ? v : v !== null && typeof v === "object" ? serialFromDay(v.day, date1904) : null);
    }
    return out;
  });
  return { categories, values };
}

/** Reads the output back and checks every block landed where the plan put it; throws otherwise. */
async function verify(data: Uint8Array, plan: ReportPlan, finalName: Map<string, string>): Promise<void> {
  const snap = await readPackage(await openPackage(data));
  for (const s of plan.sheets) {
    const name = finalName.get(s.key)!;
    const sheet = snap.sheets.find((x) => x.name === name);
    if (!sheet) throw new Error(`the report sheet "${name}" is missing from the output`);
    for (const b of s.blocks) {
      const first = b.cells[0]?.[0];
      if (!first || first.v === null || first.v === "" || typeof first.v === "object") continue;
      const got = sheet.rows[b.row]?.[b.col];
      if (got !== first.v) throw new Error(`the report sheet "${name}" does not hold what was planned at ${a1(b.row, b.col)}`);
    }
  }
  if (!snap.reportSheets || snap.reportSheets.length < plan.sheets.length) throw new Error("the report sheets' markers are missing from the output");
}
