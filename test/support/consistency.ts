import type { Analysis } from "../../src/checks/analyse";
import { toleranceState, TOLERANCE_WORDS, type Rating } from "../../src/checks/rag";
import { a1 } from "../../src/model/cell";
import type { PlanCell, ReportPlan } from "../../src/report/plan";

/**
 * Reads every status cell of every report sheet back against the one status the analysis holds:
 * a RAG, a finish date, a slip, a tolerance state, a trend or a risk score shown anywhere must be
 * the same value everywhere. Returns the disagreements, each naming its sheet and cell.
 */
export function disagreements(a: Analysis, plan: ReportPlan): string[] {
  const out: string[] = [];
  const ws = (name: string) => a.rag.workstreams.find((w) => w.name === name);
  const rating = (item: string, field: "rag" | "schedule" | "cost"): Rating | null | undefined => {
    if (item === "Programme") return field === "rag" ? a.rag.overall : field === "schedule" ? a.rag.schedule : a.rag.cost;
    if (item.startsWith("ws:")) {
      const w = ws(item.slice(3));
      return w && (field === "rag" ? w.overall : field === "schedule" ? w.schedule : w.cost);
    }
    const p = a.rag.projects.get(item);
    if (p) return field === "rag" ? p.overall : field === "schedule" ? p.schedule : p.cost;
    const m = a.rag.milestones.get(item);
    return m ? m.rating : undefined;
  };
  const expected = (c: PlanCell): unknown => {
    const { item, field } = c.about!;
    switch (field) {
      case "rag":
      case "schedule":
      case "cost":
        return rating(item, field)?.rag ?? null;
      case "finishNow": {
        const s = a.rag.projects.get(item) ?? a.rag.milestones.get(item);
        return s?.finishNow ?? null;
      }
      case "slip":
        return (a.rag.projects.get(item) ?? a.rag.milestones.get(item))?.slipDays ?? null;
      case "tolerance": {
        const r = a.rag.projects.get(item)?.overall ?? rating(item, "rag");
        return r ? TOLERANCE_WORDS[toleranceState(r)] : null;
      }
      case "trend":
        return item === "Programme" ? a.trends.programme : item.startsWith("ws:") ? a.trends.workstreams.get(item.slice(3)) : (a.trends.projects.get(item) ?? a.trends.risks.get(item)?.trend);
      case "score":
        return a.risks.find((r) => r.id === item)?.score ?? null;
      case "band":
        return a.risks.find((r) => r.id === item)?.band ?? null;
    }
  };
  for (const s of plan.sheets)
    for (const b of s.blocks)
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => {
          if (!c?.about) return;
          const got = c.v !== null && typeof c.v === "object" ? c.v.day : c.v;
          const want = expected(c);
          if (got !== want) out.push(`${s.name}!${a1(b.row + r, b.col + k)} shows ${c.about.field} of ${c.about.item} as ${JSON.stringify(got)}, the analysis says ${JSON.stringify(want)}`);
        }),
      );
  return out;
}

/** How many status cells a plan carries (so a walk that checked nothing fails). */
export function statusCells(plan: ReportPlan): number {
  let n = 0;
  for (const s of plan.sheets) for (const b of s.blocks) for (const row of b.cells) for (const c of row) if (c?.about) n++;
  return n;
}
