import type { Day } from "../primitives/dates";
import type { Rag } from "../rag/scale";

/**
 * The plan snapshot: what each report saw, kept in the workbook (the "snapshot" report sheet,
 * "Plan Snapshots") so that the next report can say what moved since. One row per workstream,
 * project, milestone, risk (open or closed) and requested decision per reporting date. Running
 * again for the same date replaces that date's rows. This file is the sheet's one schema.
 *
 * The sheet is bounded (src/core/history/keep-snapshots.ts): a date whose rows of some kind were
 * not all kept carries an "Omitted" row for that kind (its `id` the kind, its name how many were
 * left out, its status "Open" when open ones were), so that an item missing from it is read as
 * not known, not as added or removed.
 */
export type ItemKind = "Workstream" | "Project" | "Milestone" | "Risk" | "Decision";
export type SnapshotKind = ItemKind | "Omitted";

export interface SnapshotRow {
  date: Day;
  kind: SnapshotKind;
  /** An item's or risk's ID; a decision's subject (Programme, a workstream, an ID); "" for a workstream. */
  id: string;
  /** The item's name, a workstream's name, a risk's title, a decision's text. */
  name: string;
  /** The workstream it belongs to ("" for the programme's own). */
  workstream: string;
  /** An item's finish now; a decision's Decision By. */
  finishNow: Day | null;
  baseline: Day | null;
  rag: Rag | null;
  /** Total float in the schedule's days. */
  float: number | null;
  /** A risk's score. */
  score: number | null;
  /** Items: "Done" or "Open"; risks: "Open" or "Closed"; decisions: "Requested". */
  status: string;
  /** Which source workbook the row came from when several are collated ("" for one workbook). */
  source: string;
}
