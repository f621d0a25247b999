import { cellOf } from "../programme/entities";
import { PLACE_SEPARATOR } from "../primitives/provenance";
import type { RiskResult } from "./risks";
import { escalationScore, riskBand, RISK_MATRIX } from "./bands";
import type { RiskMatrixKind } from "../programme/entities";
import { capped, COLS } from "../report/board";
import { scoreCell, trendCell } from "../report/cells";
import { riskOf, type ReportContext } from "../report/context";
import { known } from "../primitives/lookup";
import { columnPoints, type SheetLayout } from "../report/layout";
import { cell, type PlanCell } from "../report/plan";
import { bandStyle } from "../report/styles";

/** The board's risk section: top risks (with residual score and trend) and a heat map per matrix in use. */
export function risksSection(L: SheetLayout, ctx: ReportContext): void {
  const a = ctx.a;
  if (!a.programme.risks.length) return;
  const s = a.programme.settings;
  const matrices = [...new Set(a.risks.map((r) => r.matrix))] as RiskMatrixKind[];
  const top = a.risks.filter((r) => r.escalate).sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
  const thresholds = matrices.map((m) => `${escalationScore(m, s)} or more on the ${RISK_MATRIX[m].name}`).join("; ");
  L.section(`Top risks (open, scoring ${thresholds})`);
  L.table(
    ["ID", "Risk and mitigation", "Owner", "Score", "Band", "Residual", "Trend", "Last score", "Project"],
    capped(top, "escalated risks", L).map((r) => riskRow(ctx, r)),
    "No open risk is at or above the escalation score.",
    { cols: COLS.risks },
  );
  for (const m of matrices) heatMap(L, ctx, m);
  const unscored = a.risks.filter((r) => r.score === null);
  if (unscored.length)
    L.note(
      `Not on the heat map: ${unscored.map((r) => r.id).join(", ")} ${unscored.length === 1 ? "has" : "have"} no readable score (see Data quality).`,
    );
}

function riskRow(ctx: ReportContext, r: RiskResult): PlanCell[] {
  const risk = riskOf(ctx, r.id);
  const t = known(ctx.a.trends.risks, r.id, "risk trend");
  return [
    cell(r.id, "link", { sheet: risk.src.sheet, cell: cellOf(risk.src, "id") ?? "A1" }),
    cell(`${risk.title}\nMitigation: ${risk.mitigation || "none recorded"}`, "wrap"),
    cell(risk.owner || "None", risk.owner ? "wrap" : "error"),
    scoreCell(r.score, r.id),
    { ...cell(r.band, bandStyle(r.band, r.matrix, true)), about: { item: r.id, field: "band" } },
    cell(r.residualScore === null ? "–" : `${r.residualScore} ${r.residualBand}`, "text"),
    trendCell(t.trend, r.id),
    cell(t.lastScore, "number"),
    cell(risk.project || "Programme", "wrap"),
  ];
}

/** " (registers: estates.xlsx, workforce.xlsx)": which files' registers a collated programme's heat map holds. */
function registersOf(ctx: ReportContext, open: { id: string }[]): string {
  if (!ctx.a.programme.collation) return "";
  const files = new Set(
    open
      .map((r) => riskOf(ctx, r.id).src.sheet)
      .map((s) => (s.includes(PLACE_SEPARATOR) ? s.slice(0, s.indexOf(PLACE_SEPARATOR)) : "the programme workbook")),
  );
  return files.size ? ` (registers: ${[...files].join(", ")})` : "";
}

/** Likelihood down, impact across, open risks counted in each cell in the matrix's colours; square cells (columns D on). */
function heatMap(L: SheetLayout, ctx: ReportContext, matrix: RiskMatrixKind): void {
  const n = RISK_MATRIX[matrix].points;
  const open = ctx.a.risks.filter((r) => r.open && r.score !== null && r.matrix === matrix);
  L.section(`Risk heat map: open risks on the ${RISK_MATRIX[matrix].name}${registersOf(ctx, open)}`);
  const at = new Map<string, string[]>();
  for (const r of open) {
    const risk = riskOf(ctx, r.id);
    const k = `${risk.likelihood}|${risk.impact}`;
    const ids = at.get(k);
    if (ids) ids.push(r.id);
    else at.set(k, [r.id]);
  }
  const { likelihood, impact } = RISK_MATRIX[matrix];
  const square = columnPoints(L.widths[3]);
  L.keep(square * n + 40);
  for (let l = n; l >= 1; l--) {
    const row: PlanCell[] = [cell(null), cell(null), cell(`Likelihood ${l}: ${likelihood[l - 1]}`, "heat-axis-right")];
    for (let i = 1; i <= n; i++) {
      const ids = at.get(`${l}|${i}`) ?? [];
      row.push(cell(ids.length ? `${ids.length}: ${ids.join(", ")}` : "", bandStyle(riskBand(l * i, matrix), matrix)));
    }
    L.put([row], 0, { height: square });
  }
  L.put(
    [
      [
        cell(null),
        cell(null),
        cell("Impact →", "heat-axis-right"),
        ...impact.map((w, i) => cell(`${i + 1}\n${w}`, "heat-axis")),
      ],
    ],
    0,
    { height: 30 },
  );
  L.note(`Bands: ${RISK_MATRIX[matrix].bands.map((b) => `${b.scores} ${b.band}`).join(", ")} (likelihood × impact).`);
}
