import { a1, columnLetters, isBlank, isCellError, type CellValue } from "../primitives/cell";
import type { Day } from "../primitives/dates";
import type { Diagnostic } from "../primitives/diagnostic";
import { lagOf, type AssessmentKind, type Lag, type LinkType, type Source } from "../programme/entities";
import { parseLag } from "../schedule/references";
import type { Rag } from "../rag/scale";
import { cellAt, isBlankRow, presentRows } from "../primitives/snapshot";
import type { Located } from "./locate";
import type { FieldSpec, FieldType, FieldsOf, SheetKind, SheetSpec } from "./schema";
import {
  bareNumber,
  isEmptyCell,
  readBool,
  readDate,
  readDateTime,
  readDuration,
  readLevel,
  readList,
  readNumber,
  readPercent,
  readRag,
  readRiskLevel,
  readText,
  show,
  type Parsed,
  type RiskLevel,
} from "./values";
import { numericDateParts, type DateOrder } from "../primitives/dates";

/** What a cell of each field type is read as (rows.ts parseField makes these; null: blank or unreadable). */
export interface ValueOfType {
  id: string;
  text: string;
  refs: string;
  list: string[];
  date: Day;
  /** A day and its time of day as a fraction (constraints.ts dateTimeOf splits it). */
  datetime: number;
  bool: boolean;
  duration: number;
  number: number;
  percent: number;
  rag: Rag;
  level: number;
  risklevel: RiskLevel;
  assessment: AssessmentKind;
  lag: Lag;
  linktype: LinkType;
}
export type ValueOf<T extends FieldType> = ValueOfType[T];

export type FieldValue = ValueOfType[FieldType] | null;

/**
 * A row of a sheet, inferred from its schema (schema.ts SHEET_SCHEMAS): each field is a typed
 * property, absent when the sheet has no column for it and null when its cell is blank or unreadable.
 */
export type RowValues<K extends SheetKind = SheetKind> = {
  readonly [F in FieldsOf<K> as F["key"]]?: ValueOf<F["type"]> | null;
};

/** One data row, typed: field key → value, with the cell each came from. */
export interface TypedRow<K extends SheetKind = SheetKind> {
  values: RowValues<K>;
  src: Source;
  /** Fields whose cell could not be read (already reported). */
  failed?: string[];
}

/** Values by key as the reader builds them, before they are a sheet's typed row. */
type ValuesByKey = { [key: string]: FieldValue | undefined };

/**
 * A field's value looked up by a key known only at run time (a schema-driven check: required
 * fields, a sheet's title field). The readers use the typed properties instead.
 */
export function fieldValue(row: TypedRow, key: string): FieldValue | undefined {
  const values: Readonly<ValuesByKey> = row.values;
  return values[key];
}

export interface ReadOptions {
  date1904: boolean;
  /** How ambiguous numeric text dates are read (Settings: Date order). */
  dateOrder?: DateOrder;
  /** Overrides a level field's maximum (the competency scale). */
  maxOverride?: Record<string, number>;
}

const ASSESSMENTS: Record<string, AssessmentKind> = {
  self: "Self",
  "self assessment": "Self",
  "self-assessment": "Self",
  selfassessment: "Self",
  panel: "Panel",
  "panel assessment": "Panel",
  sha: "Panel",
  external: "Panel",
  "panel review": "Panel",
  "360": "360",
  "360 feedback": "360",
  partner: "360",
  "partner feedback": "360",
};

function hint(f: FieldSpec): string {
  switch (f.type) {
    case "date":
    case "datetime":
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
 * so one bad cell never stops the rest of the workbook being checked. With `each`, every row is
 * handed to it as it is read and none is kept (the returned list is empty).
 */
export function readRows<K extends SheetKind>(
  loc: Located,
  spec: SheetSpec<K>,
  opts: ReadOptions,
  diags: Diagnostic[],
  each?: (row: TypedRow<K>) => void,
): TypedRow<K>[] {
  const out: TypedRow<K>[] = [];
  if (loc.headerRow < 0) return out;
  const sheetName = loc.sheet.name;
  const fieldByKey = new Map(spec.fields.map((f) => [f.key, f]));
  const cols = [...loc.columns.entries()];
  const extras = [...loc.extras.entries()];
  // Only the rows present in the snapshot, in order: the cost is the cells there, never the bounding box.
  const rows = presentRows(loc.sheet, loc.headerRow + 1, loc.region.bottom);
  const fractionCols = fractionColumns(loc, cols, fieldByKey, rows);
  const orders = dateOrders(loc, spec, cols, fieldByKey, rows, opts, diags);
  const idCol = cols.find(([, k]) => k === "id")?.[0];
  // Everything about a column worked out once, not on every row.
  const plan = cols.map(([c, key]) => ({
    c,
    key,
    f: fieldByKey.get(key)!,
    opts: { ...opts, dateOrder: orders.get(c) ?? opts.dateOrder },
    fraction: fractionCols.has(c),
  }));
  // Every row's values have the same keys: copying a template with them all gives each row's
  // object one shape from the start, instead of a new shape at every key added.
  const valuesShape: ValuesByKey = {};
  for (const { key } of plan) valuesShape[key] = null;
  // Where each field was read from: one object for the whole sheet (cellOf adds the row).
  const columns: Record<string, string> = {};
  for (const [c, key] of cols) columns[key] = columnLetters(c);
  for (const r of rows) {
    if (loc.rowFilter && !loc.rowFilter(r)) continue;
    if (isBlankRow(loc.sheet, r, loc.region.left, loc.region.right)) continue;
    const idText = idCol === undefined ? "" : readText(cellAt(loc.sheet, r, idCol));
    const values: ValuesByKey = { ...valuesShape };
    let failed: string[] | undefined;
    for (const { c, key, f, opts: colOpts, fraction } of plan) {
      const v = cellAt(loc.sheet, r, c);
      const parsed = parseField(f, v, colOpts, fraction);
      if (parsed.ok) values[key] = parsed.value as FieldValue;
      else {
        values[key] = null;
        (failed ??= []).push(key);
        diags.push({
          severity: parsed.warning ? "warning" : "error",
          code: parsed.code,
          message: `${f.label} ${parsed.problem}. ${hint({ ...f, max: opts.maxOverride?.[f.key] ?? f.max })}`,
          sheet: sheetName,
          cell: a1(r, c),
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
    const row: TypedRow<K> = {
      // The one place a row becomes its sheet's type: parseField reads each key as its field's type.
      values: values as RowValues<K>,
      src: failed ? { sheet: sheetName, row: r, columns, extra, failed } : { sheet: sheetName, row: r, columns, extra },
      failed,
    };
    if (each) each(row);
    else out.push(row);
  }
  return out;
}

/**
 * Percent columns holding fractions, decided per column (docs/importing.md): a column whose
 * numbers (numeric text and exponent notation included) are none above 1 holds fractions, as
 * Project's Export Wizard writes Percent_Complete (1 = 100 %, 0.25 = 25 %,
 * 2.9999999999999999E-2 = 3 %) and as Excel stores a %-formatted cell (45 % is 0.45); a column
 * with a number above 1 holds points (our own % Complete: 45 is 45 %). Text with a % sign is read
 * as written either way, so no value is refused for its scale.
 */
function fractionColumns(
  loc: Located,
  cols: [number, string][],
  fieldByKey: Map<string, FieldSpec>,
  rows: number[],
): Set<number> {
  const out = new Set<number>();
  for (const [c, key] of cols) {
    if (fieldByKey.get(key)?.type !== "percent") continue;
    let anyAbove1 = false;
    let anyNumber = false;
    for (const r of rows) {
      const n = bareNumber(cellAt(loc.sheet, r, c));
      if (n === null) continue;
      anyNumber = true;
      if (Math.abs(n) > 1) anyAbove1 = true;
    }
    if (anyNumber && !anyAbove1) out.add(c);
  }
  return out;
}

/**
 * What a column's numeric text dates allow: only month-first, only day-first, or either (`only`
 * null; `mixed` when some can only be one and some only the other); and whether it holds a US long date.
 */
function columnEvidence(
  loc: Located,
  c: number,
  rows: number[],
): { only: DateOrder | null; mixed: boolean; usLong: boolean } {
  let firstOver12 = false;
  let secondOver12 = false;
  let usLong = false;
  for (const r of rows) {
    const v = cellAt(loc.sheet, r, c);
    if (typeof v !== "string") continue;
    if (!usLong && US_LONG_DATE.test(v)) usLong = true;
    const parts = numericDateParts(v);
    if (!parts) continue;
    if (parts[0] > 12) firstOver12 = true;
    if (parts[1] > 12) secondOver12 = true;
  }
  const only = secondOver12 && !firstOver12 ? "mdy" : firstOver12 && !secondOver12 ? "dmy" : null;
  return { only, mixed: firstOver12 && secondOver12, usLong };
}

/** "February 17, 2025": the month named before the day, as a US writer (Microsoft Project's Export Wizard) puts it. */
const US_LONG_DATE = /^[A-Za-z]{3,9}\.? \d{1,2}, \d{4}\b/;

/**
 * The order each date column's numeric text dates are read in: the Settings' Date order, unless
 * the column holds dates that can only be read the other way (2/17/25 can only be month-first),
 * which is then said once, in an info at the column's header. A column whose dates read either
 * way (1/4/16) follows the rest of the sheet when that is decided: its other date columns can only
 * be read one way, none the other, or (none decided) it writes US long dates ("January 4, 2016",
 * as Project's Export Wizard writes Start and Finish beside its short 1/4/16 actuals).
 */
function dateOrders(
  loc: Located,
  spec: SheetSpec,
  cols: [number, string][],
  fieldByKey: Map<string, FieldSpec>,
  rows: number[],
  opts: ReadOptions,
  diags: Diagnostic[],
): Map<number, DateOrder> {
  const out = new Map<number, DateOrder>();
  const setting = opts.dateOrder ?? "dmy";
  const dated = cols.filter(([, key]) => ["date", "datetime"].includes(fieldByKey.get(key)?.type ?? ""));
  const evidence = new Map(dated.map(([c]) => [c, columnEvidence(loc, c, rows)] as const));
  const decided = new Set([...evidence.values()].map((e) => e.only).filter((o) => o !== null));
  const sheetOrder: DateOrder | null =
    decided.size === 1
      ? [...decided][0]
      : decided.size === 0 && [...evidence.values()].some((e) => e.usLong)
        ? "mdy"
        : null;
  const say = (c: number, message: string) =>
    diags.push({ severity: "info", code: "bad-date", message, sheet: loc.sheet.name, cell: a1(loc.headerRow, c) });
  for (const [c, key] of dated) {
    const label = fieldByKey.get(key)!.label;
    const { only, mixed } = evidence.get(c)!;
    if (only && only !== setting) {
      out.set(c, only);
      say(
        c,
        `The ${spec.noun} ${label} column holds dates that can only be ${only === "mdy" ? "month-first (such as 2/17/25)" : "day-first (such as 17/2/25)"}, so the whole column is read ${only === "mdy" ? "month first" : "day first"}. Set Date order on the Settings sheet if that is wrong.`,
      );
    } else if (!only && !mixed && sheetOrder && sheetOrder !== setting && hasNumericDate(loc, c, rows)) {
      out.set(c, sheetOrder);
      say(
        c,
        `The ${spec.noun} ${label} column's dates read either way (such as 1/4/16), so it is read ${sheetOrder === "mdy" ? "month first" : "day first"}, as the sheet's other dates are written${sheetOrder === "mdy" ? " (month first, or a US long date such as January 4, 2016)" : ""}. Set Date order on the Settings sheet if that is wrong.`,
      );
    }
  }
  return out;
}

/** Whether a column holds any numeric text date (one the order decides). */
function hasNumericDate(loc: Located, c: number, rows: number[]): boolean {
  return rows.some((r) => {
    const v = cellAt(loc.sheet, r, c);
    return typeof v === "string" && numericDateParts(v) !== null;
  });
}

type FieldParse =
  { ok: true; value: unknown } | { ok: false; problem: string; code: Diagnostic["code"]; warning?: boolean };

function fromParsed<T>(p: Parsed<T>, code: Diagnostic["code"]): FieldParse {
  return p.ok ? { ok: true, value: p.value } : { ok: false, problem: p.problem, code, warning: p.warning };
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
      return fromParsed(readDate(v, opts.date1904, opts.dateOrder), "bad-date");
    case "datetime":
      return fromParsed(readDateTime(v, opts.date1904, opts.dateOrder), "bad-date");
    case "bool":
      return fromParsed(readBool(v), "bad-value");
    case "duration":
      return fromParsed(readDuration(v), "bad-value");
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
      return k
        ? { ok: true, value: k }
        : { ok: false, problem: `${show(v)} is not an assessment type (use Self, Panel or 360)`, code: "bad-value" };
    }
    case "lag": {
      if (isEmptyCell(v)) return { ok: true, value: null };
      if (typeof v === "number" && Number.isFinite(v)) return { ok: true, value: lagOf(Math.round(v), "wd") };
      const lag = typeof v === "string" ? parseLag(v) : null;
      return lag
        ? { ok: true, value: lag }
        : {
            ok: false,
            problem: `${show(v)} is not a lag (use a number of working days, or 2d, 1w, 3ed, 50%)`,
            code: "bad-value",
          };
    }
    case "linktype": {
      if (isEmptyCell(v)) return { ok: true, value: "FS" };
      const t = readText(v)
        .toUpperCase()
        .replace(/[^A-Z]/g, "");
      const long: Record<string, LinkType> = {
        FINISHTOSTART: "FS",
        STARTTOSTART: "SS",
        FINISHTOFINISH: "FF",
        STARTTOFINISH: "SF",
      };
      const k = (["FS", "SS", "FF", "SF"] as const).find((x) => x === t) ?? long[t];
      return k
        ? { ok: true, value: k }
        : { ok: false, problem: `${show(v)} is not a dependency type (use FS, SS, FF or SF)`, code: "bad-value" };
    }
  }
}
