import { wholeNumber } from "../../core/primitives/text";
import { a1, quoteSheetName, rangeAddress, type CellValue } from "../../core/primitives/cell";
import { inScope, markerKeyOf, markerValue, stillOurs, type PlanSheet, type ReportPlan } from "../../core/report/plan";
import { assignSheetNames, settleKeptSheets, type KeptSheet } from "../../core/report/sheet-names";
import { reportInsertionIndex } from "../../core/report/sheet-placement";
import { contentHash, storedText } from "../../core/report/stored";
import {
  markedSheets,
  openPackage,
  PackageEdit,
  partTree,
  readRels,
  relsPathFor,
  resolveTarget,
  XlsxReadError,
  type SheetEntry,
  type XlsxPackage,
} from "./package";
import type { SheetSnapshot } from "../../core/primitives/snapshot";
import { parseSheet, readSharedStrings } from "./read";
import { CONTENT_TYPE, REL, relativeTarget, sheetParts } from "./report-parts";
import { deflateChunks } from "./part-stream";
import { patchStyles } from "./styles-patch";
import { escapeXml, find, findAll, getAttr, parseAttrs, scanXml, type XmlNode } from "./xml";
import { prefixOf, XmlEdit } from "./xml-edit";

/**
 * Applies a report plan to a workbook package by adding parts, never re-serialising the
 * user's: their sheets, charts, pivot tables, images, validations and names keep their bytes.
 * workbook.xml, its relationships, the content types and the styles are edited through the
 * XML reader's offsets (XmlEdit), so whatever a producer wrote there stays as written.
 *
 * Our sheets from an earlier run are replaced only while they are still ours: the marker's
 * name and content fingerprints must match (a copied or edited report sheet is the user's).
 * A user's sheet that happens to have a report sheet's name is left alone; ours takes another.
 */
export interface WriteReportResult {
  data: Uint8Array;
  sheets: { key: string; name: string }[];
  /** Report sheets that could not have their usual name because a sheet of the user's has it. */
  renamed: { wanted: string; name: string }[];
  /** Sheets from an earlier run that were replaced. */
  replaced: string[];
  /** Sheets carrying the report's mark that were copied or edited, so are the user's now: kept, under these names (sheet-names.ts, settleKeptSheets). */
  kept: string[];
  /** Each kept sheet's name before and after: renamed with its period and moved after the report, out of its print order. */
  keptSheets: KeptSheet[];
  /** The workbook is digitally signed: adding the report changes signed parts, so the copy's signature is no longer valid. */
  signed: boolean;
}

/** A digital signature (ECMA-376 Part 2, 12: the origin part and its signature parts). */
function isSigned(pkg: XlsxPackage): boolean {
  return (
    pkg.zip.entries.some((e) => e.canonical.startsWith("_xmlsignatures/")) ||
    readRels(pkg, "").some((r) => /\/digital-signature\/origin$/.test(r.type))
  );
}

export class ReportWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportWriteError";
  }
}

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`;

function freeRelId(ids: Set<string>): string {
  for (let n = 1; ; n++)
    if (!ids.has(`rId${n}`)) {
      ids.add(`rId${n}`);
      return `rId${n}`;
    }
}

/** Decides which marked sheets in scope are still ours (replaced) and which are copies or edited (kept). */
function sortMarked(
  pkg: XlsxPackage,
  plan: ReportPlan,
): { ours: SheetEntry[]; kept: string[]; otherOurs: SheetEntry[] } {
  const defaultName = new Map(plan.sheets.map((s) => [markerKeyOf(s.key), s.name]));
  let sst: ReturnType<typeof readSharedStrings> | undefined;
  const ours: SheetEntry[] = [];
  const otherOurs: SheetEntry[] = [];
  const kept: string[] = [];
  for (const m of markedSheets(pkg, plan.marker)) {
    const entry = pkg.allSheets[m.index];
    const content = (): string => {
      sst ??= readSharedStrings(pkg);
      const xml = entry.path
        ? pkg.zip.get(entry.path)
          ? new TextDecoder().decode(pkg.zip.get(entry.path)!.read())
          : ""
        : "";
      return xml ? contentHash(parseSheet(xml, sst, entry.name, { cells: 0, max: pkg.limits.maxCells }, []).rows) : "";
    };
    if (!entry.path || !stillOurs(m, entry.name, defaultName.get(m.key), content)) kept.push(entry.name);
    else if (inScope(plan.scope, m.key)) ours.push(entry);
    else otherOurs.push(entry);
  }
  return { ours, kept, otherOurs };
}

/** Every part reachable through relationships from the package root, leaving out some workbook relationships. */
function reachable(pkg: XlsxPackage, edit: PackageEdit, skipWorkbookRels: Set<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (part: string): void => {
    const key = part.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    for (const r of readRels(pkg, part)) {
      if (r.external) continue;
      if (part === pkg.workbookPath && skipWorkbookRels.has(r.id)) continue;
      visit(resolveTarget(part, r.target));
    }
  };
  visit("");
  return seen;
}

/** The parts only the removed sheets use: shared images, styles or anything another part refers to stay. */
function orphanedParts(pkg: XlsxPackage, edit: PackageEdit, removed: SheetEntry[]): string[] {
  const skip = new Set(removed.map((s) => s.rid));
  const still = reachable(pkg, edit, skip);
  const before = reachable(pkg, edit, new Set());
  return [...before].filter((p) => p !== "" && !still.has(p));
}

/** Where the report's sheets go: where the old ones were, else after our other sheets, else first. */
/** Clears "selected tab" on the sheet the workbook used to open on, so the board report opens alone, not grouped with it. */
function unselect(edit: PackageEdit, sheet: SheetEntry | undefined): void {
  if (!sheet?.path) return;
  const xml = edit.text(sheet.path);
  if (xml === null) return;
  const values: { start: number; end: number }[] = [];
  const stop = new Error("stop");
  try {
    scanXml(xml, {
      start(name, attrStart, attrEnd) {
        const local = name.slice(name.indexOf(":") + 1);
        if (local === "sheetData") throw stop; // the views come before the cells: the cells are never scanned
        if (local !== "sheetView") return;
        const a = parseAttrs(xml, attrStart, attrEnd).find((x) => x.name === "tabSelected");
        if (a && /^(1|true)$/.test(a.value)) values.push({ start: a.valueStart, end: a.valueEnd });
      },
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  if (!values.length) return;
  let out = "";
  let at = 0;
  for (const v of values) {
    out += xml.slice(at, v.start) + "0";
    at = v.end;
  }
  edit.set(sheet.path, out + xml.slice(at));
}

/** One more than the highest cell style index (a cell's or row's s, a column's style) in the user's sheets. */
function usedStyles(pkg: XlsxPackage, edit: PackageEdit): number {
  let max = -1;
  for (const sheet of pkg.sheets) {
    const xml = edit.text(sheet.path);
    if (xml) for (const m of xml.matchAll(/\s(?:s|style)="(\d{1,9})"/g)) max = Math.max(max, Number(m[1]));
  }
  return Math.min(max + 1, 65_490); // Excel's most cell formats; an absurd index is not padded to
}

/** Why Excel would not let sheets be added, if it would not: the workbook's structure is locked (Review > Protect Workbook). */
function refuseLocked(pkg: XlsxPackage): void {
  const prot = find(pkg.workbook, "workbookProtection");
  const lock = prot ? getAttr(prot, "lockStructure") : null;
  if (lock === "1" || lock === "true")
    throw new ReportWriteError(
      "the workbook's structure is protected (Review > Protect Workbook), so Excel lets no sheet be added, and neither does this tool. Unprotect it in Excel, save it, and run again",
    );
}

/** Where writeReportTo puts the output: the command line's temporary file, or chunks collected in memory. */
export interface ReportSink {
  /** The next piece of the output zip (they arrive in order; none is changed afterwards). */
  write(chunk: Uint8Array): void;
  /** The whole output as it was written, read back to be checked before it is put in place. */
  written(): Uint8Array;
}

export type WriteReportInfo = Omit<WriteReportResult, "data">;

/** The report written into a copy of the workbook, returned as bytes (the pane's worker, the tests). */
export async function writeReport(input: Uint8Array, plan: ReportPlan): Promise<WriteReportResult> {
  const chunks: Uint8Array[] = [];
  let data: Uint8Array | null = null;
  const sink: ReportSink = {
    write: (c) => void chunks.push(c),
    written: () => (data ??= concatBytes(chunks.splice(0))),
  };
  const info = await writeReportTo(input, plan, sink);
  return { data: sink.written(), ...info };
}

/**
 * The report written into a copy of the workbook, streamed to `sink`: each report sheet's XML is
 * made and deflated a batch of rows at a time (part-stream.ts), and the zip is handed over entry by
 * entry, so neither the sheets' XML nor the whole output is ever held at once. The output is then
 * read back through `sink.written()` and checked (verify); on any failure the caller discards it.
 */
export async function writeReportTo(input: Uint8Array, plan: ReportPlan, sink: ReportSink): Promise<WriteReportInfo> {
  const pkg = openForReport(input);
  const edit = new PackageEdit(pkg);
  const layout = layoutSheets(pkg, edit, plan);
  const wbRels = readRels(pkg, pkg.workbookPath);
  const wbParts: WorkbookParts = { relIds: new Set(wbRels.map((r) => r.id)), newRels: [], newTypes: new Map() };
  const styles = addStyles(pkg, edit, plan, wbRels, wbParts);
  const activeKey = plan.activeKey && plan.sheets.some((s) => s.key === plan.activeKey) ? plan.activeKey : undefined;
  const { sheetEls, written } = await writeSheets(pkg, edit, plan, { layout, styles, wbParts, activeKey });
  editWorkbook(pkg, edit, plan, { layout, sheetEls, written, activeKey });
  editWorkbookRels(pkg, edit, layout, wbParts);
  edit.buildTo((chunk) => sink.write(chunk));
  verify(sink.written(), plan, written, edit);
  return {
    sheets: written.map(({ key, name }) => ({ key, name })),
    renamed: layout.renamed,
    replaced: layout.ours.map((o) => o.name),
    kept: layout.keptSheets.map((k) => k.to),
    keptSheets: layout.keptSheets,
    signed: isSigned(pkg),
  };
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The package, refused in one line if Excel would not let sheets be added or it is Strict Open XML. */
function openForReport(input: Uint8Array): XlsxPackage {
  const pkg = openPackage(input);
  refuseLocked(pkg);
  if (pkg.strict)
    throw new ReportWriteError(
      "the workbook is saved as Strict Open XML Spreadsheet, which this tool reads but does not add reports to. In Excel choose File > Save As > Excel Workbook (.xlsx), then run again",
    );
  return pkg;
}

/** Which sheets stay, go or are kept, what the report's sheets are called and where they go. */
interface Layout {
  /** Our sheets from an earlier run, replaced. */
  ours: SheetEntry[];
  removedIdx: Set<number>;
  keptSheets: KeptSheet[];
  keptTo: Map<string, string>;
  /** Kept sheets (the user's now), moved after everything else. */
  keptEntries: SheetEntry[];
  remaining: SheetEntry[];
  finalName: Map<string, string>;
  renamed: { wanted: string; name: string }[];
  /** Index in `remaining` before which the report's sheets go. */
  at: number;
}

/** The relationships and content types the workbook gains. */
interface WorkbookParts {
  relIds: Set<string>;
  newRels: string[];
  newTypes: Map<string, string>;
}

function layoutSheets(pkg: XlsxPackage, edit: PackageEdit, plan: ReportPlan): Layout {
  const { ours, kept, otherOurs } = sortMarked(pkg, plan);
  const removedIdx = new Set(ours.map((o) => o.index));
  // Kept sheets (the user's now) are renamed with their period and moved to the end, out of the pack.
  const keptSheets = settleKeptSheets(
    kept,
    plan,
    pkg.allSheets.map((s) => s.name),
  );
  const keptTo = new Map(keptSheets.map((k) => [k.from, k.to]));
  const keptEntries = pkg.allSheets.filter((s) => !removedIdx.has(s.index) && keptTo.has(s.name));
  const remaining = pkg.allSheets.filter((s) => !removedIdx.has(s.index) && !keptTo.has(s.name));
  for (const p of orphanedParts(pkg, edit, ours)) {
    edit.remove(p);
    edit.remove(relsPathFor(p));
  }
  const { names: finalName, renamed } = assignSheetNames(plan.sheets, [
    ...remaining.map((s) => s.name),
    ...keptSheets.map((k) => k.to),
  ]);
  const at = reportInsertionIndex(
    remaining.map((s) => s.index),
    ours.map((s) => s.index),
    otherOurs.map((s) => s.index),
  );
  return { ours, removedIdx, keptSheets, keptTo, keptEntries, remaining, finalName, renamed, at };
}

/** The report's styles added to the workbook's (a workbook without any gets Excel's defaults first). */
function addStyles(
  pkg: XlsxPackage,
  edit: PackageEdit,
  plan: ReportPlan,
  wbRels: ReturnType<typeof readRels>,
  wb: WorkbookParts,
): ReturnType<typeof patchStyles> {
  const stylesRel = wbRels.find((r) => /\/styles$/.test(r.type) && !r.external);
  let stylesPath = stylesRel ? resolveTarget(pkg.workbookPath, stylesRel.target) : "";
  if (!stylesPath || !edit.exists(stylesPath)) {
    stylesPath = stylesPath || "xl/styles.xml";
    if (!stylesRel)
      wb.newRels.push(relXml(freeRelId(wb.relIds), `${REL}/styles`, relativeTarget(pkg.workbookPath, stylesPath)));
    wb.newTypes.set(stylesPath, CONTENT_TYPE.styles);
    edit.set(stylesPath, MINIMAL_STYLES);
  }
  const cfKeys = [...new Set(plan.sheets.flatMap((s) => (s.conditionalFormats ?? []).map((c) => c.style)))];
  const styles = patchStyles(edit.text(stylesPath)!, plan.styles, cfKeys, usedStyles(pkg, edit));
  edit.set(stylesPath, styles.xml);
  return styles;
}

/** Every report sheet's parts, its worksheet deflated as it is made; returns their <sheet> elements. */
async function writeSheets(
  pkg: XlsxPackage,
  edit: PackageEdit,
  plan: ReportPlan,
  o: {
    layout: Layout;
    styles: ReturnType<typeof patchStyles>;
    wbParts: WorkbookParts;
    activeKey: string | undefined;
  },
): Promise<{ sheetEls: string[]; written: Written[] }> {
  const taken = new Set<string>();
  const freePath = (pattern: (n: number) => string): string => {
    for (let n = 1; ; n++) {
      const p = pattern(n);
      if (!edit.exists(p) && !taken.has(p.toLowerCase())) {
        taken.add(p.toLowerCase());
        return p;
      }
    }
  };
  const tables = existingTables(pkg, edit);
  let maxSheetId = Math.max(0, ...pkg.allSheets.map((s) => s.sheetId));
  const sheetEls: string[] = [];
  const written: Written[] = [];
  const p = prefixOf(find(pkg.workbook, "sheets")!);
  for (const sheet of plan.sheets) {
    const name = o.layout.finalName.get(sheet.key)!;
    const out = sheetParts(sheet, {
      name,
      finalName: o.layout.finalName,
      xf: o.styles.xf,
      dxf: o.styles.dxf,
      date1904: pkg.date1904,
      selected: sheet.key === o.activeKey,
      freePath,
      tableName: (wanted) => tables.name(wanted),
      tableId: () => tables.id(),
    });
    edit.setDeflated(out.sheetPath, deflateSheet(out.sheetXml, name, pkg.limits.maxEntryBytes));
    for (const [path, xml] of out.parts) edit.set(path, xml);
    for (const [path, type] of out.types) o.wbParts.newTypes.set(path, type);
    const rid = freeRelId(o.wbParts.relIds);
    o.wbParts.newRels.push(relXml(rid, `${REL}/worksheet`, relativeTarget(pkg.workbookPath, out.sheetPath)));
    // The relationships namespace is declared on the element itself: valid whatever the workbook declares where.
    sheetEls.push(`<${p}sheet name="${escapeXml(name)}" sheetId="${++maxSheetId}" r:id="${rid}" xmlns:r="${REL}"/>`);
    written.push({ key: sheet.key, name, hash: contentHash(out.stored), path: out.sheetPath });
    await new Promise((r) => setTimeout(r, 0)); // between sheets, an interrupt is handled (the temporary file removed)
  }
  return { sheetEls, written };
}

/** A report sheet's XML deflated as it is made; a sheet larger than a part may be (the reader's limit) is refused. */
function deflateSheet(xml: Iterable<string>, name: string, maxBytes: number) {
  const mb = (n: number) => `${wholeNumber(Math.round(n / 1024 / 1024))} MB`;
  return deflateChunks(xml, {
    level: 3,
    maxBytes,
    tooLarge: () =>
      new ReportWriteError(
        `the report's sheet "${name}" would be more than ${mb(maxBytes)} of XML, more than one sheet of a workbook may be here. Run check on it, or split the programme, then run again`,
      ),
  });
}

/** workbook.xml: sheets in place, names renumbered, the view opening on the board report. */
function editWorkbook(
  pkg: XlsxPackage,
  edit: PackageEdit,
  plan: ReportPlan,
  o: { layout: Layout; sheetEls: string[]; written: Written[]; activeKey: string | undefined },
): void {
  const { ours, keptEntries, remaining, removedIdx, keptTo, at } = o.layout;
  const order = [
    ...remaining.slice(0, at).map((s) => s.index),
    ...plan.sheets.map(() => -1),
    ...remaining.slice(at).map((s) => s.index),
    ...keptEntries.map((s) => s.index),
  ];
  const newIndex = new Map<number, number>();
  order.forEach((old, i) => old >= 0 && newIndex.set(old, i));
  const sheetsNode = find(pkg.workbook, "sheets")!;
  const wb = new XmlEdit(pkg.workbookXml);
  for (const s of ours) wb.remove(s.node);
  for (const k of keptEntries) wb.remove(k.node);
  if (at < remaining.length) wb.insertBefore(remaining[at].node, o.sheetEls.join(""));
  else wb.append(sheetsNode, o.sheetEls.join(""));
  wb.append(sheetsNode, keptEntries.map((k) => renamedSheetXml(pkg.workbookXml, k.node, keptTo.get(k.name)!)).join(""));
  const names = o.written.flatMap((w, i) => definedNames(plan, plan.sheets[i], w, at + i, prefixOf(pkg.workbook)));
  editDefinedNames(
    wb,
    pkg,
    removedIdx,
    newIndex,
    names.join(""),
    new Map(keptEntries.map((k) => [k.index, { from: k.name, to: keptTo.get(k.name)! }])),
  );
  const activeIndex = o.activeKey ? at + plan.sheets.findIndex((s) => s.key === o.activeKey) : undefined;
  const oldActive = editBookViews(wb, pkg, newIndex, activeIndex, at);
  if (activeIndex !== undefined && !removedIdx.has(oldActive)) unselect(edit, pkg.allSheets[oldActive]);
  edit.set(pkg.workbookPath, wb.apply());
}

/** The workbook's relationships and the content types: removals and insertions only. */
function editWorkbookRels(pkg: XlsxPackage, edit: PackageEdit, layout: Layout, wbParts: WorkbookParts): void {
  const wbRelsPath = relsPathFor(pkg.workbookPath);
  const relsEdit = new XmlEdit(
    edit.text(wbRelsPath) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
  );
  const relsRoot = relsEdit.tree();
  const gone = new Set(layout.ours.map((o) => o.rid));
  for (const r of findAll(relsRoot, "Relationship")) if (gone.has(getAttr(r, "Id") ?? "")) relsEdit.remove(r);
  relsEdit.append(relsRoot, wbParts.newRels.join(""));
  edit.set(wbRelsPath, relsEdit.apply());
  edit.set("[Content_Types].xml", contentTypes(edit, wbParts.newTypes));
}

function relXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

/** Table names and ids already used anywhere in the workbook (they are workbook-wide in Excel). */
function existingTables(pkg: XlsxPackage, edit: PackageEdit): { name: (wanted: string) => string; id: () => number } {
  const used = new Set<string>();
  let maxId = 0;
  for (const s of pkg.sheets)
    for (const r of readRels(pkg, s.path)) {
      if (r.external || !/\/table$/.test(r.type)) continue;
      const path = resolveTarget(s.path, r.target);
      const t = edit.exists(path) ? partTree(pkg, path) : null;
      if (!t) continue;
      maxId = Math.max(maxId, Number(getAttr(t, "id") ?? 0) || 0);
      for (const n of [getAttr(t, "name"), getAttr(t, "displayName")]) if (n) used.add(n.toLowerCase());
    }
  return {
    name: (wanted) => {
      let n = wanted;
      for (let k = 2; used.has(n.toLowerCase()); k++) n = `${wanted}${k}`;
      used.add(n.toLowerCase());
      return n;
    },
    id: () => ++maxId,
  };
}

/** The marker, print area and print titles of one report sheet at its final position. */
function definedNames(
  plan: ReportPlan,
  sheet: PlanSheet,
  w: { key: string; name: string; hash: string },
  local: number,
  p: string,
): string[] {
  const quoted = escapeXml(quoteSheetName(w.name));
  const out = [
    `<${p}definedName name="${plan.marker}" localSheetId="${local}" hidden="1">${escapeXml(markerValue(w.key, w.name, w.hash))}</${p}definedName>`,
  ];
  if (sheet.printArea)
    out.push(
      `<${p}definedName name="_xlnm.Print_Area" localSheetId="${local}">${quoted}!${rangeAddress(sheet.printArea).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</${p}definedName>`,
    );
  if (sheet.print.repeatRows)
    out.push(
      `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${local}">${quoted}!$${sheet.print.repeatRows[0] + 1}:$${sheet.print.repeatRows[1] + 1}</${p}definedName>`,
    );
  return out;
}

/** A <sheet> element as written, with its name attribute changed. */
function renamedSheetXml(xml: string, node: XmlNode, name: string): string {
  const text = xml.slice(node.start, node.end);
  const a = node.attrs.find((x) => x.local === "name" && !x.name.includes(":"));
  return a ? text.slice(0, a.valueStart - node.start) + escapeXml(name) + text.slice(a.valueEnd - node.start) : text;
}

/** Drops the removed sheets' names, renumbers sheet-scoped names, points a renamed sheet's names at its new name, and adds ours (creating <definedNames> in schema order). */
function editDefinedNames(
  wb: XmlEdit,
  pkg: XlsxPackage,
  removed: Set<number>,
  newIndex: Map<number, number>,
  added: string,
  renamedSheets = new Map<number, { from: string; to: string }>(),
): void {
  const node = find(pkg.workbook, "definedNames");
  if (node) {
    for (const n of findAll(node, "definedName")) {
      const local = getAttr(n, "localSheetId");
      if (local === null) continue;
      const old = Number(local);
      const rn = renamedSheets.get(old);
      if (rn) {
        const body = pkg.workbookXml.slice(n.openEnd, n.closeStart);
        const from = escapeXml(quoteSheetName(rn.from)) + "!";
        if (body.includes(from)) wb.replaceContent(n, body.split(from).join(escapeXml(quoteSheetName(rn.to)) + "!"));
      }
      if (removed.has(old)) wb.remove(n);
      else if (newIndex.has(old) && newIndex.get(old) !== old) wb.setAttr(n, "localSheetId", String(newIndex.get(old)));
    }
    wb.append(node, added);
    return;
  }
  // ECMA-376 Part 1, 18.2.27: definedNames follows sheets, functionGroups and externalReferences.
  const after = ["externalReferences", "functionGroups", "sheets"]
    .map((l) => find(pkg.workbook, l))
    .find((n): n is XmlNode => !!n)!;
  wb.insertAfter(after, `<${prefixOf(pkg.workbook)}definedNames>${added}</${prefixOf(pkg.workbook)}definedNames>`);
}

/** Points the first workbook view at the board report (and keeps its first visible tab in range); returns the old active sheet. */
function editBookViews(
  wb: XmlEdit,
  pkg: XlsxPackage,
  newIndex: Map<number, number>,
  active: number | undefined,
  at: number,
): number {
  const views = find(pkg.workbook, "bookViews");
  const view = views ? find(views, "workbookView") : undefined;
  const oldActive = Number((view && getAttr(view, "activeTab")) ?? 0) || 0;
  if (!view) {
    if (active === undefined) return oldActive;
    const p = prefixOf(pkg.workbook);
    const block = `<${p}bookViews><${p}workbookView activeTab="${active}"/></${p}bookViews>`;
    const before = ["sheets"].map((l) => find(pkg.workbook, l)).find((n): n is XmlNode => !!n)!;
    wb.insertBefore(before, block);
    return oldActive;
  }
  const first = getAttr(view, "firstSheet");
  if (active !== undefined) wb.setAttr(view, "activeTab", String(active));
  else wb.setAttr(view, "activeTab", String(newIndex.get(oldActive) ?? 0));
  if (first !== null) wb.setAttr(view, "firstSheet", String(Math.min(newIndex.get(Number(first)) ?? 0, at)));
  return oldActive;
}

/** [Content_Types].xml with the removed parts' overrides dropped and the new ones added. */
function contentTypes(edit: PackageEdit, added: Map<string, string>): string {
  const x = new XmlEdit(
    edit.text("[Content_Types].xml") ?? `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
  );
  const root = x.tree();
  for (const o of findAll(root, "Override")) {
    const part = (getAttr(o, "PartName") ?? "").replace(/^\//, "");
    if (!edit.exists(part) || added.has(part)) x.remove(o);
  }
  x.append(
    root,
    [...added]
      .map(([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`)
      .join(""),
  );
  return x.apply();
}

interface Written {
  key: string;
  name: string;
  hash: string;
  /** The sheet's part. */
  path: string;
}

/**
 * Reads the output back as any reader would: the zip's directory, the workbook, its relationships
 * and content types from the written bytes; each report sheet's part inflated from the written
 * bytes (its CRC-32 checked) and parsed by the reader, one sheet at a time, with every block where
 * the plan put it (text compared as stored) and the marker matching what the sheet holds.
 */
function verify(data: Uint8Array, plan: ReportPlan, written: Written[], edit: PackageEdit): void {
  const fail = (what: string) => {
    throw new ReportWriteError(
      `the report could not be written correctly (${what}); your workbook was not changed. Please report this with the workbook if you can share it`,
    );
  };
  let pkg: XlsxPackage;
  try {
    // The copy holds the input's entries and the report's: room for both (a 9,995-entry input is read back too).
    pkg = openPackage(data, { maxEntries: edit.pkg.limits.maxEntries + 1000 });
    for (const part of ["[Content_Types].xml", relsPathFor(pkg.workbookPath)]) partTree(pkg, part);
  } catch (e) {
    return fail(e instanceof XlsxReadError ? e.message : String(e));
  }
  const sst = readSharedStrings(pkg);
  const marks = new Map(markedSheets(pkg, plan.marker).map((m) => [m.sheet, m]));
  plan.sheets.forEach((s, i) => {
    const w = written[i];
    const listed = pkg.sheets.find((x) => x.name === w.name);
    const entry = pkg.zip.get(w.path);
    if (!listed || listed.path.toLowerCase() !== w.path.toLowerCase() || !entry)
      return fail(`the sheet "${w.name}" is missing`);
    // One sheet at a time, inflated from the written bytes (its CRC checked), parsed and let go.
    let sheet: SheetSnapshot;
    try {
      sheet = parseSheet(new TextDecoder().decode(entry.read()), sst, w.name, { cells: 0, max: Infinity }, []);
    } catch (e) {
      return fail(`the sheet "${w.name}" cannot be read back: ${(e as Error).message}`);
    }
    for (const b of s.blocks) {
      const first = b.cells[0]?.[0];
      if (!first || first.v === null || first.v === "" || typeof first.v === "object") continue;
      const want: CellValue = typeof first.v === "string" ? storedText(first.v) : first.v;
      if (sheet.rows[b.row]?.[b.col] !== want)
        fail(`"${w.name}" does not hold what was planned at ${a1(b.row, b.col)}`);
    }
    const m = marks.get(w.name);
    if (!m || m.contentHash !== w.hash || contentHash(sheet.rows) !== w.hash)
      fail(`the marker of "${w.name}" does not match its content`);
  });
}
