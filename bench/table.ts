import type { Row } from "./suites";

/** The results as one plain-text table per suite. */
export function table(rows: Row[]): string {
  const lines: string[] = [];
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(String(r.suite), [...(groups.get(String(r.suite)) ?? []), r]);
  for (const [suite, rs] of groups) {
    const keys = Object.keys(rs[0]).filter((k) => k !== "suite");
    lines.push(`\n${suite}`);
    const width = (k: string) => Math.max(k.length, ...rs.map((r) => String(r[k]).length)) + 2;
    lines.push(keys.map((k) => k.padStart(width(k))).join(""));
    for (const r of rs) lines.push(keys.map((k) => String(r[k]).padStart(width(k))).join(""));
  }
  return lines.join("\n");
}
