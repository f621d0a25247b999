import type { CellValue } from "../../src/core/primitives/cell";
import { dayFromYmd, formatDay } from "../../src/core/primitives/dates";
import { snap } from "./snapshot";

const d = (y: number, m: number, dd: number) => formatDay(dayFromYmd(y, m, dd));

/**
 * A deliberately untidy workbook: a project pushed late by a slipped predecessor, a milestone
 * pushed past its forecast, a duplicate ID on a real project, an unscored risk and a cycle.
 */
export function untidyRows(): Record<string, CellValue[][]> {
  return {
    Projects: [
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
        "Reported RAG",
        "Depends On",
      ],
      [
        "U1",
        "Community hubs",
        "Alpha",
        "Ann",
        d(2010, 1, 4),
        d(2010, 3, 31),
        d(2010, 3, 31),
        100000,
        101000,
        0.5,
        "Green",
        "UM1",
      ],
      [
        "U1",
        "Real project with a duplicate ID",
        "Alpha",
        "Bob",
        d(2010, 1, 4),
        d(2010, 6, 30),
        d(2010, 6, 30),
        50000,
        50000,
        0.4,
        "Green",
        null,
      ],
      [
        "U3",
        "Cycle one",
        "Beta",
        "Cat",
        d(2010, 1, 4),
        d(2010, 6, 30),
        d(2010, 6, 30),
        10000,
        10000,
        0.1,
        "Green",
        "U4",
      ],
      [
        "U4",
        "Cycle two",
        "Beta",
        "Cat",
        d(2010, 1, 4),
        d(2010, 6, 30),
        d(2010, 6, 30),
        10000,
        10000,
        0.1,
        "Green",
        "U3",
      ],
      [
        "U5",
        "Waits on the late milestone",
        "Beta",
        "Dan",
        d(2010, 4, 1),
        d(2010, 5, 28),
        d(2010, 5, 28),
        20000,
        20500,
        0,
        "Green",
        "UM2",
      ],
    ],
    Milestones: [
      ["ID", "Project", "Milestone", "Baseline Date", "Forecast Date", "Actual Date", "Depends On"],
      ["UM1", "U1", "Design signed off", d(2010, 1, 29), d(2010, 5, 31), null, null],
      ["UM2", "U5", "Funding agreed", d(2010, 3, 31), d(2010, 3, 31), null, "U1"],
    ],
    Risks: [
      ["ID", "Title", "Project", "Owner", "Likelihood", "Impact", "Mitigation", "Status"],
      ["R1", "Likelihood typed as six", "U1", "Ann", 6, 4, "Watch", "Open"],
      ["R2", "Funding withdrawn", "U5", "Dan", 4, 5, "Second funder", "Open"],
    ],
    Settings: [["Reporting date", d(2010, 2, 28)]],
  };
}

/** The untidy workbook as a snapshot. */
export function untidy() {
  return snap(untidyRows());
}
