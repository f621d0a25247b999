import { a1, isBlank, isCellError, type CellValue } from "../model/cell";
import type { Day } from "../model/dates";
import type { Diagnostic } from "../model/diagnostic";
import type { AssessmentKind, Lag, LinkType, Source } from "../model/entities";
import { parseLag } from "./references";
import type { Rag } from "../model/rag";
import { cellAt } from "../model/snapshot";
import type { Located } from "./locate";
import type { FieldSpec, SheetSpec } from "./schema";
import { isEmptyCell, readDate, readLevel, readList, readNumber, readPercent, readRag, readRiskLevel, readText, show, type Parsed, type RiskLevel } from "./values";

export type FieldValue = string | number | Day | Rag | string[] | Lag | RiskLevel | null;

/** One data row, typed: field key → value, with the cell each came from. */
export interface TypedRow {
  values: Record<string, FieldValue>;
  src: Source;
  /** Fields whose cell could not be read (already reported). */
  failed?: string[];
}

export interface ReadOptions {
  date1904: boolean;
  /** Overrides a level field's maximum (the competency scale). */
  maxOverride?: Record<string, number>;
}

const ASSESSMENTS: Record<string, AssessmentKind> = {
  self: "Self", "self assessment": "Self", "self-assessment": "Self", selfassessment: "Self",
  panel: "Panel", "panel assessment": "Panel", sha: "Panel", external: "Panel", "panel review": "Panel",
  "360": "360", "360 feedback": "360", partner: "360", "partner feedback": "360",
};

function hint(f: FieldSpec): string {
  switch (f.type) {
    case "date":
      return "Enter a date such as 31/03/2010 or 2010-03-31, or leave it blank.";
    case "lag":
      return "Enter working days (5, -2), or a number with a unit: 2w, 3ed (calendar days), 50%.";
    case "number":
      return "Enter a number such as 12500 or £12,500.";
    case "percent":
      return "Enter a percentage such as 45%.";
    case "rag":
      return "Use Red, Amber, Green or Blue (done).";
    case "level":
      return `Enter a whole number from ${f.min} to ${f.max}.`;
    case "risklevel":
      return "Score it 1–5 (or with the NPSA words), or High/Medium/Low on a 3×3 register.";
    default:
      return "Correct the value.";
  }
}

/**
 * Reads every non-blank row under a located header into typed values.
 * Unreadable cells produce one diagnostic each (naming the cell) and read as blank,
 * so one bad cell never stops the rest of the workbook being checked.
 */
export function readRows(loc: Located, spec: SheetSpec, opts: ReadOptions, diags: Diagnostic[]): TypedRow[] {
  const out: TypedRow[] = [];
  if (loc.headerRow < 0) return out;
  const sheetName = loc.sheet.name;
  const fieldByKey = new Map(spec.fields.map((f) => [f.key, f]));
  const cols = [...loc.columns.entries()];
  const extras = [...loc.extras.entries()];
  // Percent columns: fractions (Excel's 45% is 0.45) when nothing in the column is above 1.
  const fractionCols = new Set<number>();
  for (const [c, key] of cols) {
    if (fieldByKey.get(key)?.type !== "percent") continue;
    let anyAbove1 = false;
    let anyNumber = false;
    for (let r = loc.headerRow + 1; r <= loc.region.bottom; r++) {
      const v = cellAt(loc.sheet, r, c);
      if (typeof v === "number") {
        anyNumber = true;
        if (Math.abs(v) > 1) anyAbove1 = true;
      }
    }
    if (anyNumber && !anyAbove1) fractionCols.add(c);
  }
  for (let r = loc.headerRow + 1; r <= loc.region.bottom; r++) {
    if (loc.rowFilter && !loc.rowFilter(r)) continue;
    let blank = true;
    for (let c = loc.region.left; c <= loc.region.right && blank; c++) if (!isBlank(cellAt(loc.sheet, r, c))) blank = false;
    if (blank) continue;
    const idCol = cols.find(([, k]) => k === "id")?.[0];
    const idText = idCol === undefined ? "" : readText(cellAt(loc.sheet, r, idCol));
    const values: Record<string, FieldValue> = {};
    const cells: Record<string, string> = {};
    let failed: string[] | undefined;
    for (const [c, key] of cols) {
      const f = fieldByKey.get(key)!;
      const v = cellAt(loc.sheet, r, c);
      const addr = a1(r, c);
      cells[key] = addr;
      const parsed = parseField(f, v, opts, fractionCols.has(c));
      if (parsed.ok) values[key] = parsed.value as FieldValue;
      else {
        values[key] = null;
        (failed ??= []).push(key);
        diags.push({
          severity: "error",
          code: parsed.code,
          message: `${f.label} ${parsed.problem}. ${hint({ ...f, max: opts.maxOverride?.[f.key] ?? f.max })}`,
          sheet: sheetName,
          cell: addr,
          ...(idText ? { entity: idText } : {}),
        });
      }
    }
    let extra: Record<string, string | number | boolean | null> | undefined;
    for (const [c, header] of extras) {
      const v = cellAt(loc.sheet, r, c);
      if (isBlank(v)) continue;
      extra ??= {};
      extra[header] = isCellError(v) ? v.error : (v as string | number | boolean);
    }
    out.push({ values, src: failed ? { sheet: sheetName, row: r, cells, extra, failed } : { sheet: sheetName, row: r, cells, extra }, failed });
  }
  return out;
}

type FieldParse = { ok: true; value: unknown } | { ok: false; problem: string; code: Diagnostic["code"] };

function fromParsed<T>(p: Parsed<T>, code: Diagnostic["code"]): FieldParse {
  return p.ok ? { ok: true, value: p.value } : { ok: false, problem: p.problem, code };
}

function parseField(f: FieldSpec, v: CellValue, opts: ReadOptions, fraction: boolean): FieldParse {
  switch (f.type) {
    case "id":
    case "text":
    case "refs":
      if (isCellError(v)) return { ok: false, problem: `holds the error ${v.error}`, code: "bad-value" };
      return { ok: true, value: isEmptyCell(v) && f.type !== "text" ? "" : readText(v) };
    case "list":
      return { ok: true, value: readList(v) };
    case "date":
      return fromParsed(readDate(v, opts.date1904), "bad-date");
    case "number":
      return fromParsed(readNumber(v), "bad-number");
    case "percent": {
      const p = readPercent(v, fraction);
      if (p.ok && p.value !== null && (p.value < 0 || p.value > 100))
        return { ok: false, problem: `${Math.round(p.value * 100) / 100}% is outside 0–100%`, code: "out-of-range" };
      return fromParsed(p, "bad-number");
    }
    case "rag":
      return fromParsed(readRag(v), "bad-value");
    case "risklevel":
      return fromParsed(readRiskLevel(v, /likelihood/i.test(f.key) ? "likelihood" : "impact"), "bad-value");
    case "level": {
      const p = readLevel(v);
      if (!p.ok) return { ok: false, problem: p.problem, code: "bad-number" };
      const max = opts.maxOverride?.[f.key] ?? f.max ?? Infinity;
      const min = f.min ?? -Infinity;
      if (p.value !== null && (!Number.isInteger(p.value) || p.value < min || p.value > max))
        return { ok: false, problem: `${show(v)} is not a whole number from ${min} to ${max}`, code: "out-of-range" };
      return { ok: true, value: p.value };
    }
    case "assessment": {
      if (isEmptyCell(v)) return { ok: true, value: "Self" };
      const k = ASSESSMENTS[readText(v).toLowerCase()];
      return k ? { ok: true, value: k } : { ok: false, problem: `${show(v)} is not an assessment type (use Self, Panel or 360)`, code: "bad-value" };
    }
    case "lag": {
      if (isEmptyCell(v)) return { ok: true, value: null };
      if (typeof v === "number" && Number.isFinite(v)) return { ok: true, value: { value: Math.round(v), unit: "wd" } };
      const lag = typeof v === "string" ? parseLag(v) : null;
      return lag ? { ok: true, value: lag } : { ok: false, problem: `${show(v)} is not a lag (use a number of working days, or 2d, 1w, 3ed, 50%)`, code: "bad-value" };
    }
    case "linktype": {
      if (isEmptyCell(v)) return { ok: true, value: "FS" };
      const t = readText(v).toUpperCase().replace(/[^A-Z]/g, "");
      const long: Record<string, LinkType> = { FINISHTOSTART: "FS", STARTTOSTART: "SS", FINISHTOFINISH: "FF", STARTTOFINISH: "SF" };
      const k = (["FS", "SS", "FF", "SF"] as const).find((x) => x === t) ?? long[t];
      return k ? { ok: true, value: k } : { ok: false, problem: `${show(v)} is not a dependency type (use FS, SS, FF or SF)`, code: "bad-value" };
    }
  }
}

