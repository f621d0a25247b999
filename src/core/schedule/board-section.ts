import { slipRoots, someIds, type SlipRoot } from "./slip-roots";
import { cellOf, linkText } from "../programme/entities";
import { known } from "../primitives/lookup";
import { capped, COLS, diagLink } from "../report/board";
import { finishCell, ragCell, slipCell } from "../report/cells";
import type { ReportContext } from "../report/context";
import type { SheetLayout } from "../report/layout";
import { cell, type PlanCell } from "../report/plan";

/**
 * The board's schedule sections: slips by root cause (one row per root, from src/core/schedule/slip-roots.ts;
 * every pushed item stays on the Exceptions sheet) and the critical path, in order, with what drives
 * each item, as `check` prints it.
 */
export function scheduleSections(L: SheetLayout, ctx: ReportContext): void {
  slipsByRoot(L, ctx);
  criticalPath(L, ctx);
}

function ratingOf(ctx: ReportContext, id: string) {
  const p = ctx.a.rag.projects.get(id);
  return p ? p.overall : ctx.a.rag.milestones.get(id)?.rating;
}

function sourceLink(ctx: ReportContext, id: string): PlanCell["link"] {
  const item = ctx.projectById.get(id.toUpperCase()) ?? ctx.milestoneById.get(id);
  return item ? { sheet: item.src.sheet, cell: cellOf(item.src, "id") ?? "A1" } : undefined;
}

function slipsByRoot(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (!a.programme.links.length) return;
  const roots = slipRoots(a.schedule, a.rag);
  L.section(`Slips by root cause: late items that push others (${roots.length})`);
  L.table(
    [
      "Root",
      "Name",
      "Own slip (days)",
      "Items pushed",
      "Up to (days)",
      "Milestones and critical items it moves",
      "RAG",
    ],
    capped(roots, "slips", L).map((r) => {
      const moved = [...new Set([...r.milestones, ...r.critical])];
      return [
        cell(r.root, "link", sourceLink(ctx, r.root)),
        cell(`${ctx.nameOf(r.root)}${across(ctx, r)}`, "wrap"),
        slipCell(r.rootSlipDays, r.root),
        cell(r.pushed.length, "number", diagLink(ctx.diagnosticFor("slippage-impact", r.pushed[0].id))),
        cell(r.worstDays, "number"),
        cell(moved.length ? someIds(moved, ctx.labelOf, 4) : "None", "wrap"),
        ragCell(ratingOf(ctx, r.root), r.root),
      ];
    }),
    "No item's slippage reaches another item.",
    { cols: COLS.dependencies },
  );
  if (roots.length) L.note("Each item pushed, with its root, is on the Exceptions sheet (slippage-impact).");
}

/** " (Estates workstream; pushes Digital)": a slip that reaches other workstreams names both. */
function across(ctx: ReportContext, r: SlipRoot): string {
  const own = ctx.workstreamOf(r.root);
  const others = [...new Set(r.pushed.map((p) => ctx.workstreamOf(p.id)))].filter((w): w is string => !!w && w !== own);
  return own && others.length ? ` (${own} workstream; pushes ${others.join(", ")})` : "";
}

function criticalPath(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  const path = a.schedule.criticalPath;
  if (!a.programme.links.length) return;
  L.section(`Critical path: open items with no float, in order (${path.length})`);
  const negative = path.filter((id) => (a.schedule.nodes.get(id)?.totalFloat ?? 0) < 0).length;
  L.table(
    ["#", "Item", "Start", "Finish now", "Float (days)", "Driven by", "RAG"],
    capped(path, "critical items", L).map((id, i) => {
      const n = known(a.schedule.nodes, id, "schedule node");
      const st = a.rag.projects.get(id) ?? a.rag.milestones.get(id);
      const drivers = n.drivers.map((l) => `${ctx.labelOf(l.from)} (${linkText(l)})`);
      return [
        cell(i + 1, "link", sourceLink(ctx, id)),
        cell(ctx.labelOf(id), "wrap"),
        cell({ day: n.earlyStart }, "date"),
        finishCell(st?.finishNow ?? n.earlyFinish, id),
        cell(n.totalFloat, n.totalFloat !== null && n.totalFloat < 0 ? "error" : "number"),
        cell(drivers.length ? drivers.join("; ") : "Its own dates", "wrap"),
        ragCell(ratingOf(ctx, id), id),
      ];
    }),
    "No open item is critical.",
    {
      cols: [
        [0, 0],
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 7],
        [8, 10],
        [11, 12],
      ],
    }, // dates need two of the board's narrow columns
  );
  if (negative)
    L.note(
      `${negative} of them ${negative === 1 ? "has" : "have"} negative float: ${negative === 1 ? "it cannot" : "they cannot"} meet a date set for ${negative === 1 ? "it" : "them"} without recovery.`,
    );
}
