/** A finding: what is wrong, where, and what to do about it. */
export type Severity = "error" | "warning" | "info";

export type DiagnosticCode =
  | "missing-sheet"
  | "missing-column"
  | "guessed-column"
  | "missing-value"
  | "duplicate-id"
  | "bad-date"
  | "bad-number"
  | "bad-value"
  | "out-of-range"
  | "unknown-reference"
  | "dependency-cycle"
  | "date-conflict"
  | "slippage-impact"
  | "overdue-milestone"
  | "overdue-project"
  | "rag-mismatch"
  | "risk-escalation"
  | "stale-review"
  | "missing-owner"
  | "missing-mitigation"
  | "competency-gap"
  | "competency-uncovered"
  | "overdue-issue"
  | "benefit-off-track"
  | "unknown-setting"
  | "non-working-day";

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** What is wrong and what to do, in plain words. */
  message: string;
  /** The sheet the finding comes from ("" when it concerns the workbook as a whole). */
  sheet: string;
  /** A1 address of the offending cell, or "" when there is none (a missing sheet). */
  cell: string;
  /** The ID of the project, milestone, risk… concerned, when there is one. */
  entity?: string;
}

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Sorts by severity, then sheet, then row and column of the cell. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const s = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (s !== 0) return s;
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const ka = cellKey(a.cell);
  const kb = cellKey(b.cell);
  if (ka !== kb) return ka - kb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function cellKey(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20_000 + col;
}

/** Sorts in place as compareDiagnostics does, computing each sort key once (fast on large lists). */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  const keyed = diags.map((d, i) => ({ d, sev: SEVERITY_ORDER.indexOf(d.severity), cell: cellKey(d.cell), i }));
  keyed.sort((a, b) => a.sev - b.sev || (a.d.sheet < b.d.sheet ? -1 : a.d.sheet > b.d.sheet ? 1 : 0) || a.cell - b.cell || (a.d.code < b.d.code ? -1 : a.d.code > b.d.code ? 1 : 0) || a.i - b.i);
  for (let i = 0; i < keyed.length; i++) diags[i] = keyed[i].d;
  return diags;
}

export function countBySeverity(diags: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diags) out[d.severity]++;
  return out;
}
