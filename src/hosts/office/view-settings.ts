import type { PlanSheet } from "../../core/report/plan";
import type { ContextLike, WorksheetLike } from "./excel-types";
import { rangeOf } from "./ops";
import type { Capabilities } from "./requirements";

/** Splits a file-style header ("&Lleft&Cmiddle&Rright") into its sections. */
export function headerSections(h: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let cur: keyof typeof out = "center";
  for (const part of h.split(/(&[LCR])/)) {
    if (part === "&L") cur = "left";
    else if (part === "&C") cur = "center";
    else if (part === "&R") cur = "right";
    else out[cur] += part;
  }
  return out;
}

/** A view or print setting, applied once the sheet is visible; a refusal costs only this setting. */
export interface Setting {
  what: string;
  run: () => void;
}

/** The sheet's view and print settings, each on its own (ExcelApi 1.9 for page layout). */
export function viewSettings(sheet: PlanSheet, ws: () => WorksheetLike, caps: Capabilities): Setting[] {
  const out: Setting[] = [];
  const n = sheet.name;
  if (sheet.freezeRows)
    out.push({ what: `${n}: frozen rows`, run: () => ws().freezePanes.freezeRows(sheet.freezeRows) });
  if (!caps.pageLayout) return out;
  out.push({
    what: `${n}: orientation and fit to page`,
    run: () => {
      const p = ws().pageLayout;
      p.orientation = sheet.print.landscape ? "Landscape" : "Portrait";
      p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }; // "must be set as a JSON object" (reference PageLayout.zoom)
      // PageLayout.firstPageNumber (ExcelApi 1.9): the pack's pages run on from sheet to sheet.
      if (sheet.print.firstPageNumber) p.firstPageNumber = sheet.print.firstPageNumber;
    },
  });
  out.push({
    what: `${n}: header and footer`,
    run: () => {
      const h = headerSections(sheet.print.header);
      const f = headerSections(sheet.print.footer);
      const d = ws().pageLayout.headersFooters.defaultForAllPages;
      d.leftHeader = h.left;
      d.rightHeader = h.right;
      d.leftFooter = f.left;
      d.centerFooter = f.center;
    },
  });
  const rows = sheet.print.repeatRows;
  if (rows)
    out.push({
      what: `${n}: print titles`,
      run: () => ws().pageLayout.setPrintTitleRows(`$${rows[0] + 1}:$${rows[1] + 1}`),
    });
  const area = sheet.printArea;
  if (area) out.push({ what: `${n}: print area`, run: () => ws().pageLayout.setPrintArea(rangeOf(ws(), area)) });
  for (const r of sheet.rowBreaks ?? [])
    out.push({
      what: `${n}: page break at row ${r + 1}`,
      run: () => void ws().horizontalPageBreaks.add(ws().getRangeByIndexes(r, 0, 1, 1)),
    });
  return out;
}

/** Applies settings in one sync; if Excel refuses it, each on its own, skipping only those refused. */
export async function applySettings(
  ctx: ContextLike,
  settings: Setting[],
  sync: () => Promise<void>,
): Promise<string[]> {
  if (!settings.length) return [];
  try {
    for (const s of settings) s.run();
    await sync();
    return [];
  } catch {
    const skipped: string[] = [];
    for (const s of settings)
      try {
        s.run();
        await sync();
      } catch {
        skipped.push(s.what);
      }
    return skipped;
  }
}
