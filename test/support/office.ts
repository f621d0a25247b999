import { readFileSync } from "node:fs";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { analyseInline } from "../../src/hosts/office/analyse-inline";
import type { HostDeps } from "../../src/hosts/office/run";
import type { WorkbookSnapshot } from "../../src/core/primitives/snapshot";
import { FakeExcel, type SheetState } from "./fake-excel";
import { NOW, SAMPLE_PATH } from "./sample";

export async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  return readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH)));
}

export async function sampleFake(): Promise<FakeExcel> {
  return FakeExcel.fromSnapshot(await sampleSnapshot());
}

export function deps(fake: FakeExcel, sets: Record<string, boolean> = {}): HostDeps {
  const supported: Record<string, boolean> = { "1.7": true, "1.9": true, "1.20": false, ...sets };
  return {
    run: fake.run,
    isSetSupported: (name, version) => name === "ExcelApi" && (supported[version] ?? Number(version) <= 1.9),
    analyse: analyseInline,
    sleep: async () => undefined,
    now: () => NOW,
  };
}

const analyses = new Map<string, ReturnType<typeof analyseInline>>();

/** As `deps`, with each distinct snapshot analysed once (the analysis is pure; tests that write many times share it). */
export function fastDeps(fake: FakeExcel, sets: Record<string, boolean> = {}): HostDeps {
  const d = deps(fake, sets);
  return {
    ...d,
    analyse: (snapshot, opts) => {
      const key = JSON.stringify([snapshot, opts.asOf, opts.include]);
      let out = analyses.get(key);
      if (!out) analyses.set(key, (out = analyseInline(snapshot, opts)));
      return out;
    },
  };
}

/** Every report sheet (carrying our marker) and every temporary sheet. */
export function reportSheets(fake: FakeExcel): SheetState[] {
  return fake.state.sheets.filter((s) => s.names.some((n) => n.name === "PMOHighlights.Report"));
}
export function tempSheets(fake: FakeExcel): SheetState[] {
  return fake.state.sheets.filter((s) => s.name.startsWith("PMO~"));
}

/** A big Projects sheet: n rows of 14 columns. */
export function bigSnapshot(n: number, text = ""): WorkbookSnapshot {
  const rows = [
    [
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
      "Status",
      "Reported RAG",
      "Depends On",
      "Notes",
    ] as (string | number | null)[],
  ];
  for (let i = 0; i < n; i++)
    rows.push([
      `P${i}`,
      `Project ${i}`,
      `WS${i % 7}`,
      "Lead",
      39904,
      40268 + (i % 300),
      40268,
      1000,
      1000 + (i % 200),
      0.5,
      "In progress",
      "Green",
      i > 0 && i % 3 === 0 ? `P${i - 1}` : null,
      text || null,
    ]);
  return { sheets: [{ name: "Projects", top: 0, left: 0, rows }], tables: [], date1904: false };
}
