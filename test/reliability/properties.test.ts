import { asDay } from "../../src/core/primitives/dates";
import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analysis/analyse";
import { toJson } from "../../src/core/analysis/summary";
import { SHEETS } from "../../src/core/workbook/schema";
import { a1, type CellValue } from "../../src/core/primitives/cell";
import type { WorkbookSnapshot } from "../../src/core/primitives/snapshot";
import { buildReportPlan } from "../../src/core/report/build";

/**
 * Property-based tests over generated workbook snapshots. CI runs FC_RUNS cases (default 1,000)
 * of the main property; `FC_RUNS=10000 npx jest test/reliability` is the longer run.
 */
const RUNS = Number(process.env.FC_RUNS ?? 1000);
const AS_OF = asDay(14640);

const errors = fc.constantFrom<CellValue>(
  { error: "#REF!" },
  { error: "#N/A" },
  { error: "#VALUE!" },
  { error: "#DIV/0!" },
);
const nastyText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\t",
    "   \n ",
    "TBC",
    "n/a",
    "-",
    "=1+1",
    "+44 1234",
    "@SUM(A1)",
    "£1,200",
    "(1,200)",
    "45%",
    "31/02/2009",
    "31/12/9999",
    "01/01/0001",
    "2009-04-01",
    "Red",
    "amber",
    "Complete",
    "P1",
    "P2FS+3d",
    "M1SS-2w",
    "3 - Possible",
    "Almost certain",
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);
const numbers = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -1, 0.5, 2.5, 60, 2958466, 1e308),
);
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: nastyText },
  { weight: 2, arbitrary: numbers },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errors },
);

const LABELS = SHEETS.flatMap((s) => s.fields.flatMap((f) => [f.label, ...(f.aliases ?? []).slice(0, 2)]));
const header = fc.oneof(
  fc.constantFrom(...LABELS),
  fc.constantFrom(...LABELS).map((l) => l.toUpperCase().replace(/ /g, "_")),
  fc.string({ maxLength: 12 }),
);
const sheetName = fc.oneof(
  fc.constantFrom(...SHEETS.flatMap((s) => [s.title, ...s.aliases.slice(0, 2)]), "Settings", "settings", "RISK LOG"),
  fc.string({ minLength: 1, maxLength: 20 }),
);

const sheet = fc.record({
  name: sheetName,
  titleRows: fc.integer({ min: 0, max: 3 }),
  headers: fc.array(header, { minLength: 0, maxLength: 16 }),
  rows: fc.array(fc.array(anyCell, { maxLength: 18 }), { maxLength: 25 }),
});

function toSnapshot(
  sheets: { name: string; titleRows: number; headers: string[]; rows: CellValue[][] }[],
  date1904: boolean,
): WorkbookSnapshot {
  const used = new Set<string>();
  return {
    sheets: sheets
      .filter((s) => !used.has(s.name) && used.add(s.name))
      .map((s) => ({
        name: s.name,
        top: 0,
        left: 0,
        rows: [
          ...Array.from({ length: s.titleRows }, (): CellValue[] => ["Programme plan", null]),
          s.headers,
          ...s.rows,
        ],
      })),
    tables: [],
    date1904,
  };
}

describe("any workbook", () => {
  it(`never throws, names real sheets and cells, and gives the same result twice (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 7 }), fc.boolean(), (sheets, date1904) => {
        const snap = toSnapshot(sheets, date1904);
        const a = analyseWorkbook(snap, { asOf: AS_OF });
        const plan = buildReportPlan(a);
        const names = new Set(snap.sheets.map((s) => s.name));
        for (const d of a.diagnostics) {
          if (d.sheet && !names.has(d.sheet)) return false;
          if (d.cell && !/^[A-Z]{1,3}\d+$/.test(d.cell)) return false;
          if (!d.message || d.message.length < 10) return false;
        }
        const again = analyseWorkbook(snap, { asOf: AS_OF });
        return (
          JSON.stringify(toJson(again)) === JSON.stringify(toJson(a)) &&
          JSON.stringify(buildReportPlan(again)) === JSON.stringify(plan)
        );
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});

// A valid programme, to corrupt or to surround with junk.
const validProjects = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(
      fc.record({
        ws: fc.integer({ min: 0, max: 3 }),
        start: fc.integer({ min: 39000, max: 41000 }),
        dur: fc.integer({ min: 0, max: 400 }),
        slip: fc.integer({ min: -20, max: 90 }),
        budget: fc.integer({ min: 1, max: 500_000 }),
        over: fc.integer({ min: -10, max: 30 }),
        rag: fc.constantFrom("Red", "Amber", "Green", "Blue", null),
        dep: fc.option(fc.nat(), { nil: undefined }),
      }),
      { minLength: n, maxLength: n },
    ),
  ),
);

const HEAD = [
  "ID",
  "Name",
  "Workstream",
  "Lead",
  "Start",
  "Finish",
  "Baseline Finish",
  "Budget",
  "Forecast Cost",
  "% Complete",
  "Reported RAG",
  "Depends On",
];
type P = {
  ws: number;
  start: number;
  dur: number;
  slip: number;
  budget: number;
  over: number;
  rag: string | null;
  dep?: number;
};
function projectRows(ps: P[]): CellValue[][] {
  return ps.map((p, i) => [
    `P${i}`,
    `Project ${i}`,
    `WS${p.ws}`,
    "Lead",
    p.start,
    p.start + p.dur + p.slip,
    p.start + p.dur,
    p.budget,
    Math.round((p.budget * (100 + p.over)) / 100),
    0.5,
    p.rag,
    p.dep !== undefined && i > 0 ? `P${p.dep % i}` : null,
  ]);
}

/** Typed columns (index in HEAD) and values that column can never read. */
const UNREADABLE: Record<number, fc.Arbitrary<CellValue>> = {
  4: fc.constantFrom<CellValue>("not a date", "31/02/2009", true, { error: "#REF!" }, -5),
  5: fc.constantFrom<CellValue>("next spring", "2009-13-01", false, { error: "#N/A" }, 3_000_000),
  6: fc.constantFrom<CellValue>("soon", { error: "#VALUE!" }),
  7: fc.constantFrom<CellValue>("lots", "1.2.3", { error: "#DIV/0!" }, true),
  8: fc.constantFrom<CellValue>("unknown", { error: "#N/A" }),
  9: fc.constantFrom<CellValue>("half", 250, -3, { error: "#REF!" }),
  10: fc.constantFrom<CellValue>("Purple", "GREENISH", 7, { error: "#N/A" }),
};

describe("unreadable cells", () => {
  it(`each yields exactly one diagnostic, at its own cell (${Math.max(100, RUNS / 2)} cases)`, () => {
    fc.assert(
      fc.property(
        validProjects,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(4, 5, 6, 7, 8, 9, 10), fc.nat()), { minLength: 1, maxLength: 12 }),
        ([n, ps], hits) => {
          const rows = projectRows(ps);
          const bad = new Map<string, CellValue>();
          for (const [r, c, k] of hits) {
            const row = r % n;
            const values = UNREADABLE[c] as fc.Arbitrary<CellValue> & { constantFromValues?: CellValue[] };
            const v = fc.sample(values, { numRuns: 1, seed: k })[0];
            rows[row][c] = v;
            bad.set(a1(row + 1, c), v);
          }
          const a = analyseWorkbook(
            { sheets: [{ name: "Projects", top: 0, left: 0, rows: [HEAD, ...rows] }], tables: [], date1904: false },
            { asOf: AS_OF },
          );
          const found = a.diagnostics
            .filter(
              (d) => d.sheet === "Projects" && ["bad-date", "bad-number", "bad-value", "out-of-range"].includes(d.code),
            )
            .map((d) => d.cell);
          return found.length === bad.size && new Set(found).size === found.length && found.every((c) => bad.has(c));
        },
      ),
      { numRuns: Math.max(100, RUNS / 2) },
    );
  }, 600_000);
});

describe("the valid part of a workbook", () => {
  it(`is analysed the same whatever junk surrounds it (${Math.max(100, RUNS / 2)} cases)`, () => {
    const junkRow = fc.array(anyCell, { maxLength: 14 }).map((r) => [null, ...r.slice(1)] as CellValue[]); // no ID: never an entity
    fc.assert(
      fc.property(
        validProjects,
        fc.array(fc.tuple(fc.nat(), junkRow), { maxLength: 8 }),
        fc.array(sheet, { maxLength: 3 }),
        ([, ps], junk, extra) => {
          const rows = projectRows(ps);
          const base: WorkbookSnapshot = {
            sheets: [{ name: "Projects", top: 0, left: 0, rows: [HEAD, ...rows] }],
            tables: [],
            date1904: false,
          };
          const mixed = [...rows];
          for (const [at, r] of junk) mixed.splice(at % (mixed.length + 1), 0, r);
          const others = extra.map((s, i) => ({
            name: `Notes ${i} ${s.name}`.slice(0, 31),
            top: 0,
            left: 0,
            rows: [s.headers, ...s.rows],
          }));
          const variant: WorkbookSnapshot = {
            sheets: [{ name: "Projects", top: 0, left: 0, rows: [HEAD, ...mixed] }, ...others],
            tables: [],
            date1904: false,
          };
          const pick = (s: WorkbookSnapshot) => {
            const j = toJson(analyseWorkbook(s, { asOf: AS_OF }));
            // Row numbers move with the junk rows inserted; everything else must not.
            return JSON.stringify({
              p: j.projects.map(({ row: _row, ...rest }) => rest),
              w: j.workstreams,
              c: j.criticalPath,
              o: j.overall,
            });
          };
          return pick(base) === pick(variant);
        },
      ),
      { numRuns: Math.max(100, RUNS / 2) },
    );
  }, 600_000);
});

describe("a big messy sheet", () => {
  it("of 10,000+ rows is read without throwing", () => {
    fc.assert(
      fc.property(
        fc.array(anyCell, { minLength: 14, maxLength: 14 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (template, seed) => {
          const rows: CellValue[][] = [HEAD];
          for (let i = 0; i < 10_500; i++)
            rows.push(
              i % 7 === 0
                ? template
                : [
                    `P${i}`,
                    `Project ${i}`,
                    `WS${(i * seed) % 5}`,
                    null,
                    39000 + (i % 400),
                    39500 + (i % 400),
                    null,
                    i,
                    i + (seed % 50),
                    null,
                    "Green",
                    i > 1 && i % 3 ? `P${i - 1}` : null,
                  ],
            );
          const a = analyseWorkbook(
            { sheets: [{ name: "Projects", top: 0, left: 0, rows }], tables: [], date1904: false },
            { asOf: AS_OF },
          );
          return a.programme.projects.length >= 9000;
        },
      ),
      { numRuns: 3 },
    );
  }, 600_000);
});
