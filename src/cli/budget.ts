import * as fs from "node:fs";
import type { Analysis } from "../core/analysis/analyse";
import { DEFAULT_LIMITS } from "../hosts/xlsx/package";
import type { WorkbookSnapshot } from "../core/primitives/snapshot";
import { wholeNumber } from "../core/primitives/text";

/**
 * What the command line takes on, stated once (docs/reliability.md lists the same numbers): an
 * input over any of these is refused in one line naming the limit, before the work that would
 * exceed it, so every run ends within about 30 s and 2 GB of memory on a laptop.
 */
export const BUDGET = Object.freeze({
  /** Largest .xlsx/.xlsm file read (bytes); its parts inflated are held to 1 GB by the zip reader. */
  workbookBytes: 512 * 1024 * 1024,
  /** Largest CSV file read (bytes): about 128 million characters of text. */
  csvBytes: 128 * 1024 * 1024,
  /** Most cells with a value read by `check`, from a workbook or a CSV. */
  cells: DEFAULT_LIMITS.maxCells,
  /** Most cells with a value `report` copies into its sheets' analysis. */
  reportCells: 1_000_000,
  /** Most records (projects, milestones, links, risks, issues, assumptions, dependencies, scores) a report is written for. */
  reportRecords: 150_000,
  /** Most findings a report lists on its Exceptions sheet. */
  reportFindings: 100_000,
});

export class BudgetError extends Error {}

const n = (x: number) => wholeNumber(x);
const mb = (x: number) => `${n(Math.round(x / 1024 / 1024))} MB`;

/**
 * Opens an input and reads it whole, refusing anything but a regular file before a byte is read:
 * a device (/dev/zero named .xlsx), a FIFO (opened without waiting for a writer), a socket. The
 * size is taken from the open file, so what is read is what was checked.
 */
export function readInput(file: string, maxBytes: number, fail: (why: string) => Error): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder, not a file"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENXIO"
              ? "it is not an ordinary file (a pipe, a device or a socket), so it is not read"
              : (e as Error).message,
    );
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw fail("it is a folder, not a file");
    if (!st.isFile()) throw fail("it is not an ordinary file (a pipe, a device or a socket), so it is not read");
    if (st.size > maxBytes)
      throw fail(
        `it is ${mb(st.size)}, larger than the ${mb(maxBytes)} this tool reads. Split the file, or remove what the programme does not need, then run again`,
      );
    const out = new Uint8Array(st.size);
    let off = 0;
    while (off < out.length) {
      const got = fs.readSync(fd, out, off, out.length - off, off);
      if (got === 0) break; // the file shrank while it was read: what is there
      off += got;
    }
    return off === out.length ? out : out.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

/** Cells with a value in a snapshot (its rows' own keys: the cost is the cells present). */
export function cellCount(snapshot: WorkbookSnapshot): number {
  let cells = 0;
  for (const s of snapshot.sheets)
    for (const k in s.rows) {
      const row = s.rows[Number(k)];
      if (row) for (const c in row) if (row[Number(c)] !== null) cells++;
    }
  return cells;
}

/** Refuses a report whose workbook is larger than a report is written for (check still reads it). */
export function checkReportCells(snapshot: WorkbookSnapshot): void {
  const cells = cellCount(snapshot);
  if (cells > BUDGET.reportCells)
    throw new BudgetError(
      `it holds ${n(cells)} cells with values, more than the ${n(BUDGET.reportCells)} a report is written for. Run check on it, or move old rows to another workbook, then run again`,
    );
}

export function checkReportSize(a: Analysis): void {
  const p = a.programme;
  const records =
    p.projects.length +
    p.milestones.length +
    p.links.length +
    p.risks.length +
    p.issues.length +
    p.assumptions.length +
    p.dependencyLog.length +
    p.competencyScores.length;
  if (records > BUDGET.reportRecords)
    throw new BudgetError(
      `it holds ${n(records)} records (projects, milestones, risks and the rest), more than the ${n(BUDGET.reportRecords)} a report is written for. Run check on it, or split the programme, then run again`,
    );
  if (a.diagnostics.length > BUDGET.reportFindings)
    throw new BudgetError(
      `it has ${n(a.diagnostics.length)} findings, more than the ${n(BUDGET.reportFindings)} a report lists. Run check, correct the errors it names (often one column or one header), then run again`,
    );
}
