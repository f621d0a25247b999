import { a1 } from "../primitives/cell";
import type { Settings } from "../programme/entities";
import { SETTING_SPECS, type SettingSpec } from "../workbook/schema";

/**
 * Saving settings edited in the pane: which cells to write. Existing settings are updated in
 * place; new ones are appended under the last row of the Settings sheet; with no Settings
 * sheet, one is created. Pure: the host only writes what this says.
 */
export type SettingValue = string | number;

export interface SettingsWrite {
  /** Create the Settings sheet first (with a Setting/Value header). */
  createSheet: string | null;
  cells: { sheet: string; cell: string; value: SettingValue }[];
}

export function settingsWrites(
  current: Settings,
  wanted: Partial<Record<SettingSpec["key"], SettingValue>>,
  settingsSheet: { name: string; lastRow: number } | null,
): SettingsWrite {
  const cells: SettingsWrite["cells"] = [];
  const sheet = settingsSheet?.name ?? "Settings";
  let next = settingsSheet ? settingsSheet.lastRow + 1 : 1; // 0-based row after the last used; row 0 is the header of a new sheet
  for (const spec of SETTING_SPECS) {
    if (!(spec.key in wanted)) continue;
    const value = wanted[spec.key]!;
    const at = current.cells[spec.key];
    if (at && settingsSheet && at.sheet === settingsSheet.name) {
      cells.push({ sheet: at.sheet, cell: at.cell, value });
    } else {
      cells.push({ sheet, cell: a1(next, 0), value: spec.label });
      cells.push({ sheet, cell: a1(next, 1), value });
      next++;
    }
  }
  return { createSheet: settingsSheet ? null : sheet, cells };
}

/**
 * A Column map row (Column map | sheet | header as written | field) under the last row of the
 * Settings sheet, or on a new one: how the pane's Workbook view saves "this header means that field",
 * so every co-author's copy of the tool reads the sheet the same way.
 */
export function columnMapWrites(
  settingsSheet: { name: string; lastRow: number } | null,
  map: { sheet: string; header: string; field: string },
): SettingsWrite {
  const sheet = settingsSheet?.name ?? "Settings";
  const row = settingsSheet ? settingsSheet.lastRow + 1 : 1;
  const values = ["Column map", map.sheet, map.header, map.field];
  return {
    createSheet: settingsSheet ? null : sheet,
    cells: values.map((value, c) => ({ sheet, cell: a1(row, c), value })),
  };
}

/** The settings as the pane edits them (numbers and the rule), from the model. */
export function editableSettings(s: Settings): Record<string, SettingValue> {
  return {
    programmeName: s.programmeName,
    amberSlipDays: s.amberSlipDays,
    redSlipDays: s.redSlipDays,
    amberCostPercent: s.amberCostPercent,
    redCostPercent: s.redCostPercent,
    riskEscalationScore: s.riskEscalationScore,
    reviewStalenessDays: s.reviewStalenessDays,
    competencyScaleMax: s.competencyScaleMax,
    rollUp: s.rollUp,
    reportingPeriod: { monthly: "Monthly", "four-weekly": "Four-weekly", quarterly: "Quarterly" }[s.reportingPeriod],
    calendar: s.calendar === "working" ? "Working days" : "Calendar days",
    riskMatrix: { auto: "Auto", "5x5": "5x5", "3x3": "3x3" }[s.riskMatrix],
    classification: s.classification,
  };
}
