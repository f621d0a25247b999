import type { Day } from "../primitives/dates";
import { previousReportDate } from "../programme/period";
import type { Programme } from "../programme/entities";
import { PLACE_SEPARATOR } from "../primitives/provenance";
import type { Rag } from "../rag/scale";
import type { ItemKind, SnapshotRow } from "./snapshot-row";
import { mayBeOmitted, omittedKinds } from "./keep-snapshots";
import { known } from "../primitives/lookup";
import type { CommentaryResult } from "../commentary/commentary";
import type { RagResult } from "../rag/rag";
import type { RiskResult } from "../risks/risks";
import type { ScheduleResult } from "../schedule/schedule";

/**
 * What moved since the last report: the plan snapshot this report takes (the rows the "Plan
 * Snapshots" sheet keeps) against the latest one an earlier report left. Days are calendar days,
 * as a board talks: a finish moved from 31 Mar to 30 Apr has moved 30 days.
 */
export interface ItemRef {
  kind: ItemKind;
  id: string;
  name: string;
  /** "" for the programme's own. */
  workstream: string;
}

export interface FinishMove extends ItemRef {
  from: Day;
  to: Day;
  /** Calendar days later (negative: earlier). */
  days: number;
}

export interface RagChange extends ItemRef {
  from: Rag | null;
  to: Rag | null;
}

export interface RiskChange extends ItemRef {
  from: number | null;
  to: number | null;
  /** Closed: its status says so now; removed: no longer on the register. */
  how: "opened" | "closed" | "removed" | "re-scored";
}

export interface Movement {
  /** The date of the snapshot compared with; null on the first report (or when the last kept none). */
  since: Day | null;
  /** This report's snapshot. */
  now: SnapshotRow[];
  moved: FinishMove[];
  completed: ItemRef[];
  added: ItemRef[];
  removed: ItemRef[];
  risks: RiskChange[];
  rag: RagChange[];
  /** Decisions requested at the last report and not requested now (taken, or withdrawn). */
  decisions: ItemRef[];
}

/** The workstream of each project, milestone and risk, as the report groups them. */
function workstreamFinder(p: Programme): (project: string) => string {
  const ws = new Map(p.projects.map((x) => [x.id.trim().toUpperCase(), x.workstream]));
  const names = new Map(p.projects.map((x) => [x.workstream.trim().toLowerCase(), x.workstream]));
  for (const w of p.workstreamRows) names.set(w.name.trim().toLowerCase(), w.name);
  return (project) => ws.get(project.trim().toUpperCase()) ?? names.get(project.trim().toLowerCase()) ?? "";
}

/**
 * Which source file each row came from when several are collated ("" for one workbook, and for
 * the programme workbook's own rows): a project's or milestone's from the collated programme's
 * `itemSource`, a risk's from its sheet's qualified name ("estates.xlsx › Risks").
 */
function sourceFinder(p: Programme): { item: (id: string) => string; sheet: (sheet: string) => string } {
  const items = p.collation?.itemSource ?? {};
  const external = new Set(p.collation?.externalSheets ?? []);
  return {
    item: (id) => items[id] ?? "",
    sheet: (sheet) => (external.has(sheet) ? sheet.slice(0, sheet.indexOf(PLACE_SEPARATOR)) : ""),
  };
}

/**
 * One snapshot row, every field in one order (an object literal of fixed shape: a spread of a
 * shared base made each of a 100,000-item programme's rows a slow copy).
 */
function snapshotRow(date: Day, kind: ItemKind, id: string, name: string, f: Partial<SnapshotRow>): SnapshotRow {
  return {
    date,
    kind,
    id,
    name,
    workstream: f.workstream ?? "",
    finishNow: f.finishNow ?? null,
    baseline: f.baseline ?? null,
    rag: f.rag ?? null,
    float: f.float ?? null,
    score: f.score ?? null,
    status: f.status ?? "",
    source: f.source ?? "",
  };
}

/** This report's snapshot of the plan: per item its finish now, baseline, RAG and float; per risk its score and status. */
export function planSnapshotNow(
  p: Programme,
  rag: RagResult,
  schedule: ScheduleResult,
  risks: RiskResult[],
  commentary: CommentaryResult,
  asOf: Day,
): SnapshotRow[] {
  const wsOf = workstreamFinder(p);
  const from = sourceFinder(p);
  const floatOf = (id: string) => schedule.nodes.get(id)?.totalFloat ?? null;
  const rows: SnapshotRow[] = rag.workstreams.map((w) =>
    snapshotRow(asOf, "Workstream", "", w.name, { workstream: w.name, rag: w.overall?.rag ?? null }),
  );
  for (const x of p.projects) {
    const s = known(rag.projects, x.id, "project status");
    rows.push(
      snapshotRow(asOf, "Project", x.id, x.name, {
        workstream: x.workstream,
        finishNow: s.finishNow,
        baseline: s.baseline,
        rag: s.overall.rag,
        float: floatOf(x.id),
        status: s.done ? "Done" : "Open",
        source: from.item(x.id),
      }),
    );
  }
  for (const m of p.milestones) {
    const s = known(rag.milestones, m.id, "milestone status");
    rows.push(
      snapshotRow(asOf, "Milestone", m.id, m.name, {
        workstream: wsOf(m.project),
        finishNow: s.finishNow,
        baseline: s.baseline,
        rag: s.rating.rag,
        float: floatOf(m.id),
        status: s.done ? "Done" : "Open",
        source: from.item(m.id),
      }),
    );
  }
  p.risks.forEach((r, k) =>
    rows.push(
      snapshotRow(asOf, "Risk", r.id, r.title, {
        workstream: wsOf(r.project),
        score: risks[k].score,
        status: risks[k].open ? "Open" : "Closed",
        source: from.sheet(r.src.sheet),
      }),
    ),
  );
  for (const d of commentary.decisions)
    rows.push(
      snapshotRow(asOf, "Decision", d.about, d.text, {
        workstream: d.workstream,
        finishNow: d.date,
        status: "Requested",
      }),
    );
  return rows;
}

const keyOf = (r: SnapshotRow) =>
  `${r.kind}|${r.kind === "Workstream" ? r.name : r.kind === "Decision" ? `${r.id}|${r.name}` : r.id.toUpperCase()}|${r.source}`;
const ref = (r: SnapshotRow): ItemRef => ({
  kind: r.kind as ItemKind,
  id: r.id,
  name: r.name,
  workstream: r.workstream,
});

/** The latest snapshot date before the as-of date, or null. */
export function previousSnapshotDate(snapshots: readonly SnapshotRow[], asOf: Day): Day | null {
  return previousReportDate(snapshots, asOf);
}

/** What moved between the last snapshot before the as-of date and this report's. */
export function movementSince(snapshots: readonly SnapshotRow[], now: SnapshotRow[], asOf: Day): Movement {
  const since = previousSnapshotDate(snapshots, asOf);
  const out: Movement = {
    since,
    now,
    moved: [],
    completed: [],
    added: [],
    removed: [],
    risks: [],
    rag: [],
    decisions: [],
  };
  if (since === null) return out;
  const before = new Map(snapshots.filter((r) => r.date === since).map((r) => [keyOf(r), r]));
  // A kind the last snapshot did not keep in full (a bounded sheet): a row missing from it is not known, so not new.
  const partial = omittedKinds(snapshots, since);
  const seen = new Set<string>();
  for (const r of now) {
    const k = keyOf(r);
    const b = before.get(k);
    seen.add(k);
    if (!b && mayBeOmitted(partial, r)) continue;
    if (r.kind === "Project" || r.kind === "Milestone") itemMoves(out, b, r);
    else if (r.kind === "Risk") riskMoves(out, b, r);
    else if (r.kind === "Workstream" && b && b.rag !== r.rag) out.rag.push({ ...ref(r), from: b.rag, to: r.rag });
  }
  for (const [k, b] of before) {
    if (seen.has(k)) continue;
    if (b.kind === "Project" || b.kind === "Milestone") out.removed.push(ref(b));
    else if (b.kind === "Risk" && b.status === "Open")
      out.risks.push({ ...ref(b), from: b.score, to: null, how: "removed" });
    else if (b.kind === "Decision") out.decisions.push(ref(b));
  }
  out.moved.sort((x, y) => Math.abs(y.days) - Math.abs(x.days) || x.id.localeCompare(y.id));
  const order = { opened: 0, "re-scored": 1, closed: 2, removed: 3 };
  out.risks.sort((x, y) => order[x.how] - order[y.how] || (y.to ?? y.from ?? 0) - (x.to ?? x.from ?? 0));
  return out;
}

function itemMoves(out: Movement, b: SnapshotRow | undefined, r: SnapshotRow): void {
  if (!b) return void out.added.push(ref(r));
  if (r.status === "Done" && b.status !== "Done") out.completed.push(ref(r));
  else if (r.status !== "Done" && b.finishNow !== null && r.finishNow !== null && b.finishNow !== r.finishNow)
    out.moved.push({ ...ref(r), from: b.finishNow, to: r.finishNow, days: r.finishNow - b.finishNow });
  if (r.kind === "Project" && b.rag !== r.rag) out.rag.push({ ...ref(r), from: b.rag, to: r.rag });
}

function riskMoves(out: Movement, b: SnapshotRow | undefined, r: SnapshotRow): void {
  const wasOpen = b?.status === "Open";
  if (r.status === "Open" && !wasOpen) out.risks.push({ ...ref(r), from: null, to: r.score, how: "opened" });
  else if (r.status !== "Open" && wasOpen) out.risks.push({ ...ref(r), from: b!.score, to: r.score, how: "closed" });
  else if (r.status === "Open" && b && b.score !== r.score)
    out.risks.push({ ...ref(r), from: b.score, to: r.score, how: "re-scored" });
}

/** Whether anything moved at all. */
export function nothingMoved(m: Movement): boolean {
  return (
    !m.moved.length &&
    !m.completed.length &&
    !m.added.length &&
    !m.removed.length &&
    !m.risks.length &&
    !m.rag.length &&
    !m.decisions.length
  );
}
