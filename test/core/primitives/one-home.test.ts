import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * One home per idea (CONTRIBUTING.md): an idea written a second time outside its home fails here,
 * where the repeat can be told from the source text. Each rule names the idea, a pattern that
 * writes it by hand, and the one file allowed to.
 */
interface Rule {
  idea: string;
  pattern: RegExp;
  home: string;
  /** Another file writing the same text for another idea, and that idea. */
  also?: { path: string; why: string };
}

const RULES: Rule[] = [
  {
    idea: "number text (wholeNumber, money, decimalNumber)",
    pattern: /\.toLocaleString\(/,
    home: "src/core/primitives/text.ts",
  },
  { idea: "money written with a £ by hand", pattern: /£\$\{/, home: "src/core/primitives/text.ts" },
  {
    idea: "a variance's sign written by hand (signedPercent)",
    pattern: /> 0 \? "\+" : ""/,
    home: "src/core/primitives/text.ts",
  },
  { idea: "the date number format", pattern: /["'`]dd mmm yyyy["'`]/, home: "src/core/primitives/number-formats.ts" },
  { idea: "the money number format", pattern: /"£"#,##0/, home: "src/core/primitives/number-formats.ts" },
  { idea: "a read's bytes per cell", pattern: /BYTES_PER_CELL\s*=/, home: "src/hosts/office/batching.ts" },
  {
    idea: "the risk matrix's words and colours",
    pattern: /"(Catastrophic|Almost certain|92D050)"|score >= (15|6)\b/,
    home: "src/core/risks/bands.ts",
  },
  {
    idea: "Excel's sheet-name rules",
    pattern: /\[\\\\\/\?\*\[\\\]:\]|MAX_SHEET_NAME\s*=|toLowerCase\(\) === "history"/,
    home: "src/core/primitives/sheet-name.ts",
  },
  {
    idea: "working days counted by hand",
    pattern: /weekday\([^)]*\)\s*(<|>=)\s*5/,
    home: "src/core/primitives/calendar.ts",
  },
  {
    idea: "overdue: a date before the as-of date",
    pattern: /\w\s*<\s*(a\.|ctx\.a\.)?asOf\b/,
    home: "src/core/status/slip.ts",
    also: { path: "src/core/programme/period.ts", why: "previousReportDate: the last report before the as-of date" },
  },
  {
    idea: "a status read as a phrase (done, closed, met, settled)",
    pattern: /\.replace\(\/\[\^a-z \]\/g, ""\)\s*\.replace\(\/\\s\+\/g, " "\)/,
    home: "src/core/status/done.ts",
  },
];

/** Where each rule's idea is written outside its home: `file: idea`. */
export function repeats(sources: { path: string; text: string }[], rules: Rule[] = RULES): string[] {
  const out: string[] = [];
  for (const { path, text } of sources) {
    const code = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"'`\\])\/\/.*$/gm, "$1"); // comments say what they like
    for (const r of rules)
      if (path !== r.home && path !== r.also?.path && r.pattern.test(code))
        out.push(`${path}: ${r.idea} (home: ${r.home})`);
  }
  return out;
}

const ROOT = join(__dirname, "../../..");
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("one home per idea", () => {
  it("each idea is written in its home only", () => {
    const sources = files(join(ROOT, "src")).map((p) => ({
      path: relative(ROOT, p).split(sep).join("/"),
      text: readFileSync(p, "utf8"),
    }));
    expect(sources.length).toBeGreaterThan(50);
    expect(repeats(sources)).toEqual([]);
  });

  it("every rule's home writes the idea (so a rule that matches nothing cannot pass unnoticed)", () => {
    for (const r of RULES) {
      const text = readFileSync(join(ROOT, r.home), "utf8");
      expect({ home: r.home, idea: r.idea, written: repeats([{ path: "elsewhere.ts", text }], [r]).length }).toEqual({
        home: r.home,
        idea: r.idea,
        written: 1,
      });
    }
  });

  // The guard itself can fail: each repeat below is one the code once had.
  it.each([
    ["src/core/report/exception-report.ts", 'const t = `£${Math.round(x).toLocaleString("en-GB")}`;', 2],
    ["src/core/rag/rag.ts", '`(${pct > 0 ? "+" : ""}${pct}%)`', 1],
    ["src/hosts/office/ops.ts", 'if (typeof c.v === "object") return fmt ?? "dd mmm yyyy";', 1],
    ["src/core/report/styles.ts", 'money: { numFmt: \'"£"#,##0;-"£"#,##0\' },', 1],
    ["src/hosts/office/read.ts", "export const BYTES_PER_CELL = 24;", 1],
    [
      "src/core/risks/board-section.ts",
      'const IMPACT_5 = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"];',
      1,
    ],
    ["src/core/risks/risks.ts", 'if (score >= 15) return "Extreme";', 1],
    ["src/core/workbook/csv.ts", 'const clean = base.replace(/[\\\\/?*[\\]:]/g, "-").trim() || "Data";', 1],
    ["src/core/imports/project-export.ts", "if (weekday(d) < 5) left--;", 1],
    ["src/core/raid/issues.ts", "const overdue = open && i.due !== null && i.due < asOf;", 1],
    ["src/core/report/board.ts", 'cell(d.date < a.asOf ? "Past its date" : d.text, "wrap"),', 1],
    [
      "src/core/raid/raid.ts",
      'const head = (s: string) => s.toLowerCase().replace(/[^a-z ]/g, "").replace(/\\s+/g, " ");',
      1,
    ],
  ])("finds a repeat in %s: %s", (path, text, n) => {
    expect(repeats([{ path, text }])).toHaveLength(n);
  });

  it("lets a home write its idea, and comments mention it", () => {
    expect(repeats([{ path: "src/core/primitives/text.ts", text: 'return n.toLocaleString("en-GB");' }])).toEqual([]);
    expect(
      repeats([{ path: "src/core/report/plan.ts", text: '/** e.g. "dd mmm yyyy" */\nconst x = 1; // "£"#,##0' }]),
    ).toEqual([]);
  });
});
