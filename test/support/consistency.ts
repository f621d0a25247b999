import type { Analysis } from "../../src/core/analysis/analyse";
import { toleranceState, TOLERANCE_WORDS, type Rating } from "../../src/core/rag/rag";
import { dayCount } from "../../src/core/status/slip";
import { a1 } from "../../src/core/primitives/cell";
import { formatDayLong, type Day } from "../../src/core/primitives/dates";
import type { PlanCell, ReportPlan } from "../../src/core/report/plan";

/**
 * Reads every status cell of every report sheet back against the one status the analysis holds:
 * a RAG, a finish date, a slip, a tolerance state, a trend or a risk score shown anywhere must be
 * the same value everywhere. Returns the disagreements, each naming its sheet and cell.
 */
export function disagreements(a: Analysis, plan: ReportPlan): string[] {
  const out: string[] = [];
  const ws = (name: string) => a.rag.workstreams.find((w) => w.name === name);
  const rating = (item: string, field: "rag" | "schedule" | "cost"): Rating | null | undefined => {
    if (item === "Programme")
      return field === "rag" ? a.rag.overall : field === "schedule" ? a.rag.schedule : a.rag.cost;
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
      case "milestoneSlip": {
        const w = a.rag.projects.get(item)?.worstMilestone;
        return w ? `${w.label}: ${dayCount(w.slipDays)}` : "–";
      }
      case "dueDate":
        return (a.rag.projects.get(item) ?? a.rag.milestones.get(item))?.dueDate ?? null;
      case "overdueDays":
        return (a.rag.projects.get(item) ?? a.rag.milestones.get(item))?.overdueDays ?? null;
      case "tolerance": {
        const r = a.rag.projects.get(item)?.overall ?? rating(item, "rag");
        return r ? TOLERANCE_WORDS[toleranceState(r)] : null;
      }
      case "trend":
        return item === "Programme"
          ? a.trends.programme
          : item.startsWith("ws:")
            ? a.trends.workstreams.get(item.slice(3))
            : (a.trends.projects.get(item) ?? a.trends.risks.get(item)?.trend);
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
          const shown = c.v !== null && typeof c.v === "object" ? c.v.day : c.v;
          // A status with nothing to rate says so in words ("Not tracked"), never a blank or a colour.
          const got = ["rag", "schedule", "cost"].includes(c.about.field) && c.s === "muted" ? null : shown;
          const want = expected(c);
          if (got !== want)
            out.push(
              `${s.name}!${a1(b.row + r, b.col + k)} shows ${c.about.field} of ${c.about.item} as ${JSON.stringify(got)}, the analysis says ${JSON.stringify(want)}`,
            );
        }),
      );
  return out;
}

/** How many status cells a plan carries (so a walk that checked nothing fails). */
export function statusCells(plan: ReportPlan): number {
  let n = 0;
  for (const s of plan.sheets)
    for (const b of s.blocks) for (const row of b.cells) for (const c of row) if (c?.about) n++;
  return n;
}

/** Every text of every report sheet, with where it is. */
export function sheetTexts(plan: ReportPlan): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const s of plan.sheets)
    for (const b of s.blocks)
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => {
          if (typeof c?.v === "string" && c.v) out.push({ where: `${s.name}!${a1(b.row + r, b.col + k)}`, text: c.v });
        }),
      );
  return out;
}

/**
 * Reads every sentence of every sheet (and every finding's message) that says an item "was due
 * <date> … (<n> days overdue)" or "finishes <date>, <n> days after its baseline" back against the
 * item's one status: the due date, the days overdue and the slip must be the analysis's own.
 */
export function textDisagreements(a: Analysis, plan: ReportPlan): string[] {
  const out: string[] = [];
  const status = (id: string) => a.rag.projects.get(id) ?? a.rag.milestones.get(id);
  const day = (d: Day | null) => (d === null ? "none" : formatDayLong(d));
  const texts = [
    ...sheetTexts(plan),
    ...a.diagnostics.map((d) => ({ where: `finding ${d.code} at ${d.sheet}!${d.cell}`, text: d.message })),
  ];
  for (const { where, text } of texts) {
    for (const m of text.matchAll(
      /(?:Milestone )?\b([A-Za-z]+[-_]?\d+[A-Za-z0-9]*)\b(?: "[^"]*")? was due(?: to finish)?(?: on)? (\d{1,2} \w{3} \d{4})[^.;]*?\((\d+) days? overdue\)/g,
    )) {
      const st = status(m[1]);
      if (!st) continue;
      if (day(st.dueDate) !== m[2] || st.overdueDays !== Number(m[3]))
        out.push(
          `${where} says ${m[1]} was due ${m[2]}, ${m[3]} days overdue; the analysis says ${day(st.dueDate)}, ${st.overdueDays}`,
        );
    }
    for (const m of text.matchAll(
      /\b([A-Za-z]+[-_]?\d+[A-Za-z0-9]*)\b finishes (\d{1,2} \w{3} \d{4}), (\d+) days? after its (?:baseline|planned finish)/g,
    )) {
      const st = status(m[1]);
      if (!st) continue;
      if (day(st.finishNow) !== m[2] || st.slipDays !== Number(m[3]))
        out.push(
          `${where} says ${m[1]} finishes ${m[2]}, ${m[3]} days late; the analysis says ${day(st.finishNow)}, slip ${st.slipDays}`,
        );
    }
  }
  return out;
}

/** How many sentences the text walk could read (so a walk that read nothing fails). */
export function textClaims(a: Analysis, plan: ReportPlan): number {
  let n = 0;
  for (const { text } of [...sheetTexts(plan), ...a.diagnostics.map((d) => ({ text: d.message }))])
    n += (text.match(/days? overdue\)|days? after its/g) ?? []).length;
  return n;
}
