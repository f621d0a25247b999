import { toJson } from "../../core/analysis/summary";
import type { Analysis } from "../../core/analysis/analyse";
import { keptSourcesAfter } from "../../core/collation/kept";
import { formatDay, parseIsoDay, type Day } from "../../core/primitives/dates";
import { editableSettings } from "../../core/report/settings-plan";
import { missingTemplateSheets } from "../../core/workbook/template";
import type { CheckResult } from "./types";

export function toCheckResult(analysis: Analysis, started: number): CheckResult {
  const json = toJson(analysis);
  const kinds = analysis.programme.sources.map((s) => s.kind);
  return {
    json,
    missing: missingTemplateSheets(kinds, kinds.includes("settings"), new Date().getFullYear()),
    settings: editableSettings(analysis.programme.settings),
    reportingDate:
      analysis.programme.settings.reportingDate === null ? null : formatDay(analysis.programme.settings.reportingDate),
    takenAt: new Date(),
    durationMs: Math.round(performance.now() - started),
    collation: analysis.programme.collation?.sources,
    keptSources: keptSourcesAfter(analysis.programme),
  };
}

export function asOfDay(asOf?: string): Day | null {
  return asOf ? parseIsoDay(asOf) : null;
}
