/** A finding: what is wrong, where, and what to do about it. */
export type Severity = "error" | "warning" | "info";

/**
 * Every finding's code and its plain name, as a PMO officer would say it. The pane's filter and the
 * Exceptions sheet show the name with the code beside; docs/checks.md lists them all.
 */
export const CODE_NAMES = {
  "missing-sheet": "Missing sheet",
  "missing-column": "Missing column",
  "guessed-column": "Header read despite a spelling slip",
  "missing-value": "Missing value",
  "duplicate-id": "Duplicate ID",
  "bad-date": "Unreadable date",
  "bad-number": "Unreadable number",
  "bad-value": "Unreadable value",
  "out-of-range": "Value out of range",
  "unknown-reference": "Unknown reference",
  "dependency-cycle": "Dependency cycle",
  "date-conflict": "Dates conflict with a dependency",
  "slippage-impact": "Held up by a late predecessor",
  "constraint-missed": "Constraint date cannot be met",
  "deadline-missed": "Deadline missed",
  "overdue-milestone": "Overdue milestones",
  "overdue-project": "Overdue projects",
  "rag-mismatch": "Reported RAG challenged",
  "risk-escalation": "Risks for the board",
  "stale-review": "Risk reviews overdue",
  "missing-owner": "No owner",
  "missing-mitigation": "No mitigation",
  "competency-gap": "Competency gaps",
  "competency-uncovered": "Competency with no project",
  "overdue-issue": "Overdue issues",
  "benefit-off-track": "Benefits off track",
  "unknown-setting": "Unknown setting",
  "non-working-day": "Date on a non-working day",
  "risk-matrix": "Risk matrix chosen",
  "rating-mismatch": "Risk rating challenged",
  "assumption-unvalidated": "Assumptions not validated",
  "dependency-overdue": "External dependencies overdue",
  "dependency-at-risk": "External dependencies at risk",
  "future-actual": "Actual date in the future",
  "recognised-as": "Workbook recognised as",
  "no-progress": "Plan carries no progress",
  "other-calendar": "Tasks on calendars of their own",
  "unreadable-cell": "Cell not read as written",
  "unreadable-source": "Source not read",
  "source-not-read": "Kept source not read this time",
} as const;

export type DiagnosticCode = keyof typeof CODE_NAMES;

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

/** "B7" → row × 20,000 + column, so cells sort by row, then column; -1 when it is not a plain A1 address. */
function cellKey(cell: string): number {
  let i = 0;
  let col = 0;
  for (; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i === cell.length) return -1;
  let row = 0;
  for (; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  return row * 20_000 + col;
}

/** Sorts in place as compareDiagnostics does, computing each sort key once (fast on large lists). */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  // Sheets and codes are few: each gets its rank in sorted order, so that a finding's whole sort key
  // is one exact number (53 bits): severity and sheet (12), cell (35: row 1,048,576 × 20,000 fits), code (6).
  const rank = (names: string[]) => new Map([...new Set(names)].sort().map((s, i) => [s, i] as const));
  const sheets = rank(diags.map((d) => d.sheet));
  const codes = rank(diags.map((d) => d.code));
  const key = new Float64Array(diags.length);
  let exact = sheets.size <= 1024 && codes.size <= 64;
  for (let i = 0; i < diags.length && exact; i++) {
    const d = diags[i];
    const cell = cellKey(d.cell) + 1;
    if (cell >= 2 ** 35) exact = false;
    key[i] =
      ((SEVERITY_ORDER.indexOf(d.severity) * 1024 + sheets.get(d.sheet)!) * 2 ** 35 + cell) * 64 + codes.get(d.code)!;
  }
  const order = Array.from({ length: diags.length }, (_, i) => i);
  order.sort(exact ? (a, b) => key[a] - key[b] || a - b : (a, b) => compareDiagnostics(diags[a], diags[b]) || a - b);
  const sorted = order.map((i) => diags[i]);
  for (let i = 0; i < sorted.length; i++) diags[i] = sorted[i];
  return diags;
}

export function countBySeverity(diags: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diags) out[d.severity]++;
  return out;
}
