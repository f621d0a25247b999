import type { Analysis } from "../core/analysis/analyse";
import { formatDayLong } from "../core/primitives/dates";
import { countBySeverity, type Diagnostic } from "../core/primitives/diagnostic";
import type { Rag } from "../core/rag/scale";
import { slipRoots, slipRootSentence } from "../core/schedule/slip-roots";
import { itemLabels } from "../core/analysis/summary";

/**
 * Workbook text shown on a terminal with its control characters made visible (ESC as \x1b, a new
 * line as \n): a cell holding escape sequences could otherwise retitle the window, clear the
 * screen or fake a line of output.
 */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    if (ch === "\t") return "\\t";
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * JSON text (for --format json and sarif) with bidirectional controls (U+202A–U+202E, U+2066–U+2069,
 * marks), C1 controls and line separators written as \uXXXX escapes: the same values once parsed,
 * but no raw override that could reorder what a reviewer sees in a log or a diff.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function paint(color: boolean) {
  return (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
}

function ragText(r: Rag | null, color: boolean): string {
  if (!r) return "-";
  return paint(color)({ Red: "31;1", Amber: "33;1", Green: "32;1", Blue: "34;1" }[r], r.toUpperCase());
}

/** One line: the file, the counts by severity, the overall RAG (what --quiet prints). */
export function summaryLine(a: Analysis, file: string, color: boolean): string {
  const n = countBySeverity(a.diagnostics);
  const c = paint(color);
  return `${visible(file)}: ${c("31", `${n.error} error${n.error === 1 ? "" : "s"}`)}, ${c("33", `${n.warning} warning${n.warning === 1 ? "" : "s"}`)}, ${n.info} info; overall ${ragText(a.overall, color)} as of ${formatDayLong(a.asOf)}`;
}

/** Human output for `check`: a short summary, then the findings grouped by sheet. */
export function formatReport(a: Analysis, file: string, color: boolean): string {
  const c = paint(color);
  const n = countBySeverity(a.diagnostics);
  const lines: string[] = [];
  const p = a.programme;
  lines.push(`${visible(p.settings.programmeName)} — ${visible(file)}`);
  lines.push(
    `As of ${formatDayLong(a.asOf)} (${a.asOfSource === "option" ? "--as-of" : a.asOfSource === "settings" ? "Settings sheet" : "today"}) · ${a.period.label} · ${a.schedule.calendar.kind === "working" ? "working days" : "calendar days"}`,
  );
  const parts = [
    [p.projects.length, "projects"],
    [p.milestones.length, "milestones"],
    [p.links.length, "dependencies"],
    [p.risks.length, "risks"],
    [p.issues.length, "issues"],
    [p.assumptions.length, "assumptions"],
    [p.dependencyLog.length, "external dependencies"],
    [new Set(p.competencyScores.map((x) => x.id)).size, "competencies"],
  ].filter(([k]) => Number(k) > 0);
  lines.push(`Read ${parts.map(([k, w]) => `${k} ${w}`).join(", ") || "nothing this tool knows"}.`);
  lines.push(
    `Findings: ${c("31", `${n.error} error${n.error === 1 ? "" : "s"}`)}, ${c("33", `${n.warning} warning${n.warning === 1 ? "" : "s"}`)}, ${n.info} info.`,
  );
  lines.push("");
  if (a.rag.workstreams.length) {
    lines.push(`Overall: ${ragText(a.overall, color)}`);
    const wsWidth = Math.max(10, ...a.rag.workstreams.map((w) => visible(w.name).length));
    for (const w of a.rag.workstreams) {
      const rep = w.reported && w.reported !== w.overall?.rag ? `  (reported ${w.reported})` : "";
      lines.push(`  ${visible(w.name).padEnd(wsWidth)}  ${ragText(w.overall?.rag ?? null, color)}${rep}`);
    }
  }
  if (a.schedule.criticalPath.length) {
    const path = a.schedule.criticalPath;
    lines.push(
      `Critical path: ${criticalChains(a, path.slice(0, 30))}${path.length > 30 ? ` … (${path.length} items)` : ""}`,
    );
  }
  lines.push("");
  // A slip is one finding at its root; each pushed item stays in --format json and on the Exceptions sheet.
  const roots = slipRoots(a.schedule, a.rag);
  if (roots.length) {
    const labelOf = itemLabels(a);
    const pushed = roots.reduce((n, r) => n + r.pushed.length, 0);
    lines.push(
      c(
        "1",
        `Slips, by root cause (${roots.length}; ${pushed} pushed item${pushed === 1 ? "" : "s"} in all, each listed by --format json)`,
      ),
    );
    for (const r of roots.slice(0, 50)) lines.push(`  ${c("33", "warning")} ${visible(slipRootSentence(r, labelOf))}`);
    if (roots.length > 50) lines.push(`  … and ${roots.length - 50} more roots (--format json lists them all)`);
    lines.push("");
  }
  const bySheet = new Map<string, Diagnostic[]>();
  for (const d of a.diagnostics) {
    if (d.code === "slippage-impact") continue;
    const k = d.sheet || "(workbook)";
    const list = bySheet.get(k) ?? [];
    list.push(d);
    bySheet.set(k, list);
  }
  for (const [sheet, list] of bySheet) {
    lines.push(c("1", `${visible(sheet)} (${list.length})`));
    for (const d of list) {
      const sev =
        d.severity === "error"
          ? c("31", "error  ")
          : d.severity === "warning"
            ? c("33", "warning")
            : c("36", "info   ");
      lines.push(`  ${visible(d.cell || "-").padEnd(6)} ${sev} ${d.code}: ${visible(d.message)}`);
    }
    lines.push("");
  }
  if (!a.diagnostics.length) lines.push("No findings.");
  return lines.join("\n");
}

/**
 * The critical items as chains: each item follows the chain whose last item drives it through a
 * link ("1 → 2"); at a fork, the next branch starts again from the item it leaves ("1 → 2; 1 → 3");
 * an item driven by no critical item starts a chain of its own. Chains are separated by "; ", so
 * parallel tasks that merely share no float are never joined by an arrow. Chains are in the
 * order of their first item, items in early-start order.
 */
export function criticalChains(a: Analysis, path: readonly string[]): string {
  const chains: string[][] = [];
  const ending = new Map<string, string[]>();
  const placed = new Set<string>();
  for (const id of path) {
    const from = (a.schedule.nodes.get(id)?.drivers ?? []).map((l) => l.from);
    const chain = from.map((f) => ending.get(f)).find((c) => c !== undefined);
    if (chain) ending.delete(chain[chain.length - 1]);
    const fork = chain ? undefined : from.find((f) => placed.has(f));
    const into = chain ?? (chains.push(fork ? [fork] : []), chains[chains.length - 1]);
    into.push(id);
    ending.set(id, into);
    placed.add(id);
  }
  return chains.map((c) => c.map(visible).join(" → ")).join("; ");
}
