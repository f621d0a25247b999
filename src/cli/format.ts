import type { Analysis } from "../checks/analyse";
import { formatDayLong } from "../model/dates";
import { countBySeverity, type Diagnostic } from "../model/diagnostic";
import type { Rag } from "../model/rag";

/** Human output for `check`: a short summary, then the findings grouped by sheet. */
export function formatReport(a: Analysis, file: string, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const ragText = (r: Rag | null) => {
    if (!r) return "-";
    const code = { Red: "31;1", Amber: "33;1", Green: "32;1", Blue: "34;1" }[r];
    return c(code, r.toUpperCase());
  };
  const n = countBySeverity(a.diagnostics);
  const lines: string[] = [];
  lines.push(`${a.programme.settings.programmeName} — ${file}`);
  lines.push(`As of ${formatDayLong(a.asOf)} (${a.asOfSource === "option" ? "--as-of" : a.asOfSource === "settings" ? "Settings sheet" : "today"})`);
  lines.push(
    `Read ${a.programme.projects.length} projects, ${a.programme.milestones.length} milestones, ${a.programme.links.length} dependencies, ${a.programme.risks.length} risks, ${
      new Set(a.programme.competencyScores.map((x) => x.id)).size
    } competencies.`,
  );
  lines.push(`Findings: ${c("31", `${n.error} error${n.error === 1 ? "" : "s"}`)}, ${c("33", `${n.warning} warning${n.warning === 1 ? "" : "s"}`)}, ${n.info} info.`);
  lines.push("");
  lines.push(`Overall: ${ragText(a.overall)}`);
  const wsWidth = Math.max(10, ...a.rag.workstreams.map((w) => w.name.length));
  for (const w of a.rag.workstreams) {
    const rep = w.reported && w.reported !== w.overall?.rag ? `  (reported ${w.reported})` : "";
    lines.push(`  ${w.name.padEnd(wsWidth)}  ${ragText(w.overall?.rag ?? null)}${rep}`);
  }
  if (a.schedule.criticalPath.length) lines.push(`Critical path: ${a.schedule.criticalPath.join(" → ")}`);
  lines.push("");
  const bySheet = new Map<string, Diagnostic[]>();
  for (const d of a.diagnostics) {
    const k = d.sheet || "(workbook)";
    const list = bySheet.get(k) ?? [];
    list.push(d);
    bySheet.set(k, list);
  }
  for (const [sheet, list] of bySheet) {
    lines.push(c("1", `${sheet} (${list.length})`));
    for (const d of list) {
      const sev = d.severity === "error" ? c("31", "error  ") : d.severity === "warning" ? c("33", "warning") : c("36", "info   ");
      lines.push(`  ${(d.cell || "-").padEnd(6)} ${sev} ${d.code}: ${d.message}`);
    }
    lines.push("");
  }
  if (!a.diagnostics.length) lines.push("No findings.");
  return lines.join("\n");
}
