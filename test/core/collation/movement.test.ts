import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Analysis } from "../../../src/core/analysis/analyse";
import { analyseCollation } from "../../../src/core/collation/analyse";
import type { SourceInput } from "../../../src/core/collation/part";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { writeReport } from "../../../src/hosts/xlsx/write-report";
import { readCsvFile } from "../../../src/core/workbook/csv";
import { readPlanSnapshots } from "../../../src/core/history/read-snapshots";
import { parseA1 } from "../../../src/core/primitives/cell";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { cellOf } from "../../../src/core/programme/entities";
import { buildReportPlan } from "../../../src/core/report/build";

const ROOT = join(__dirname, "../../../examples/collation");
const FILES = ["community-hubs.xlsx", "digital.xlsx", "estates.xlsx", "urgent-care.csv", "workforce.xlsx"];
const D1 = dayFromYmd(2026, 3, 2);
const D2 = dayFromYmd(2026, 3, 30);

async function sources(): Promise<SourceInput[]> {
  return Promise.all(
    FILES.map(async (file) => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, "sources", file)));
      return { file, snapshot: file.endsWith(".csv") ? readCsvFile(bytes, file) : await readWorkbook(bytes) };
    }),
  );
}

/** Moves a source's project finish a month later, in that source's own snapshot. */
function moveFinish(a: Analysis, inputs: SourceInput[], id: string): { file: string; from: number } {
  const p = a.programme.projects.find((x) => x.id === id)!;
  const file = a.programme.collation!.itemSource[id];
  const snapshot = inputs.find((s) => s.file === file)!.snapshot!;
  const sheet = snapshot.sheets.find((s) => p.src.sheet.endsWith(`› ${s.name}`))!;
  const { row, col } = parseA1(cellOf(p.src, "finish")!)!;
  (sheet.rows[row - sheet.top] ??= [])[col - sheet.left] = "2026-12-31";
  return { file, from: a.rag.projects.get(id)!.finishNow! };
}

describe("what moved since the last report, across collated sources", () => {
  let a1: Analysis;
  let a2: Analysis;
  let kept: ReturnType<typeof readPlanSnapshots>;
  let moved: { file: string; from: number };
  const ID = "Estates:P04";

  beforeAll(async () => {
    const programme = new Uint8Array(readFileSync(join(ROOT, "programme.xlsx")));
    a1 = analyseCollation(await readWorkbook(programme), await sources(), { asOf: D1 });
    const out1 = (await writeReport(programme, buildReportPlan(a1))).data;
    const inputs = await sources();
    moved = moveFinish(a1, inputs, ID);
    a2 = analyseCollation(await readWorkbook(out1), inputs, { asOf: D2 });
    kept = readPlanSnapshots(await readWorkbook((await writeReport(out1, buildReportPlan(a2))).data));
  });

  it("records on the Plan Snapshots sheet the file each item and risk came from", () => {
    const first = kept.filter((r) => r.date === D1);
    expect(first).toEqual(a1.movement.now);
    const items = first.filter((r) => r.kind === "Project" || r.kind === "Milestone");
    expect(items.length).toBeGreaterThan(5);
    for (const r of items) expect([r.id, r.source]).toEqual([r.id, a1.programme.collation!.itemSource[r.id]]);
    expect(first.find((r) => r.id === ID)!.source).toBe("estates.xlsx");
    const risks = first.filter((r) => r.kind === "Risk");
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.every((r) => FILES.includes(r.source))).toBe(true);
  });

  it("finds the item that moved in its source, and nothing added or removed in the others", () => {
    expect(a2.movement.since).toBe(D1);
    expect(moved.file).toBe("estates.xlsx");
    expect(a2.movement.moved.map((m) => [m.id, m.from, m.to])).toContainEqual([
      ID,
      moved.from,
      dayFromYmd(2026, 12, 31),
    ]);
    expect(a2.movement.added).toEqual([]);
    expect(a2.movement.removed).toEqual([]);
  });
});
