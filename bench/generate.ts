import type { CellValue } from "../src/core/primitives/cell";
import type { WorkbookSnapshot } from "../src/core/primitives/snapshot";

/**
 * Synthetic programmes for the benchmarks: `items` projects and milestones (a quarter projects),
 * 1.5 dependency links per item of all four types with lags, always to earlier items (so the
 * network is a DAG, as a real plan is), risks and competency scores in proportion.
 * Deterministic: the same size gives the same workbook.
 */
export interface Synthetic {
  snapshot: WorkbookSnapshot;
  ids: string[];
  links: [string, string][];
}

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const BASE = 39904; // 1 Apr 2009

/** `prefix` starts every project, milestone and risk ID ("S3." → S3.P0), for programmes collated from many such files. */
export function syntheticProgramme(items: number, prefix = ""): Synthetic {
  const rand = rng(items);
  const nProjects = Math.max(1, Math.floor(items / 4));
  const nMilestones = items - nProjects;
  const types = ["FS", "SS", "FF", "SF"];
  const ids: string[] = [];
  const links: [string, string][] = [];
  const deps = new Map<number, string[]>();
  for (let i = 0; i < items; i++) ids.push(i < nProjects ? `${prefix}P${i}` : `${prefix}M${i - nProjects}`);
  // 1.5 links per item on average, each to an earlier item.
  for (let i = 1; i < items; i++) {
    const count = rand() < 0.5 ? 1 : 2;
    for (let k = 0; k < count; k++) {
      const j = Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 50)));
      const t = types[Math.floor(rand() * 4)];
      const lag = Math.floor(rand() * 10) - 2;
      const list = deps.get(i) ?? [];
      list.push(`${ids[j]}${t}${lag >= 0 ? "+" : ""}${lag}d`);
      deps.set(i, list);
      links.push([ids[j], ids[i]]);
    }
  }
  const projects: CellValue[][] = [
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
      "Competencies",
    ],
  ];
  for (let i = 0; i < nProjects; i++) {
    const start = BASE + Math.floor(rand() * 200);
    const finish = start + 30 + Math.floor(rand() * 300);
    projects.push([
      ids[i],
      `Project ${i}`,
      `Workstream ${i % 12}`,
      `Lead ${i % 40}`,
      start,
      finish,
      finish - Math.floor(rand() * 40),
      100000,
      100000 + Math.floor(rand() * 20000),
      rand(),
      "In progress",
      ["Green", "Amber", "Red"][i % 3],
      deps.get(i)?.join(", ") ?? null,
      `C${(i % 10) + 1}`,
    ]);
  }
  const milestones: CellValue[][] = [
    ["ID", "Project", "Milestone", "Baseline Date", "Forecast Date", "Actual Date", "Status", "Owner", "Depends On"],
  ];
  for (let m = 0; m < nMilestones; m++) {
    const i = nProjects + m;
    const baseline = BASE + 60 + Math.floor(rand() * 500);
    const done = rand() < 0.3;
    milestones.push([
      ids[i],
      ids[m % nProjects],
      `Milestone ${m}`,
      baseline,
      baseline + Math.floor(rand() * 60) - 10,
      done ? baseline : null,
      done ? "Complete" : "In progress",
      `Owner ${m % 50}`,
      deps.get(i)?.join(", ") ?? null,
    ]);
  }
  const risks: CellValue[][] = [
    ["ID", "Title", "Project", "Owner", "Likelihood", "Impact", "Mitigation", "Status", "Last Reviewed"],
  ];
  for (let r = 0; r < Math.max(1, Math.floor(items / 10)); r++)
    risks.push([
      `${prefix}R${r}`,
      `Risk ${r}`,
      ids[r % nProjects],
      r % 7 ? `Owner ${r % 30}` : null,
      1 + (r % 5),
      1 + ((r * 3) % 5),
      r % 5 ? "Plan" : null,
      "Open",
      BASE + 200 + (r % 300),
    ]);
  const comps: CellValue[][] = [["ID", "Competency", "Assessment", "Date", "Score", "Target", "Target Date"]];
  for (let c = 1; c <= 10; c++)
    for (const [a, d] of [
      ["Self", BASE - 150],
      ["Panel", BASE - 100],
      ["Self", BASE + 200],
    ] as const)
      comps.push([`C${c}`, `Competency ${c}`, a, d, 1 + (c % 3), 3, BASE + 700]);
  const snapshot: WorkbookSnapshot = {
    sheets: [
      { name: "Projects", top: 0, left: 0, rows: projects },
      { name: "Milestones", top: 0, left: 0, rows: milestones },
      { name: "Risks", top: 0, left: 0, rows: risks },
      { name: "Competencies", top: 0, left: 0, rows: comps },
      { name: "Settings", top: 0, left: 0, rows: [["Reporting date", BASE + 300]] },
    ],
    tables: [],
    date1904: false,
  };
  return { snapshot, ids, links };
}

/** A plain table of `rows` rows × 12 columns (numbers, text, dates, a boolean, repeated text). */
export function wideRows(rows: number): CellValue[][] {
  const out: CellValue[][] = [
    [
      "ID",
      "Name",
      "Workstream",
      "Lead",
      "Start",
      "Finish",
      "Budget",
      "Forecast Cost",
      "Status",
      "Reported RAG",
      "Flag",
      "Notes",
    ],
  ];
  for (let i = 0; i < rows; i++)
    out.push([
      `P${i}`,
      `Project number ${i}`,
      `Workstream ${i % 12}`,
      `Lead ${i % 40}`,
      BASE + (i % 300),
      BASE + 300 + (i % 300),
      1000 + i,
      1100 + i,
      "In progress",
      ["Green", "Amber", "Red"][i % 3],
      i % 2 === 0,
      `Note for row ${i}`,
    ]);
  return out;
}

/**
 * The same kind of plan as Microsoft Project's Export Wizard writes it (Task_Table1): every date
 * with its time of day (Excel serials with a fraction), a third of the tasks hours long with hour
 * lags, a summary task over every 25 items (some linked to the one before), Start No Earlier Than
 * constraints on 3% and deadlines on 2% of the tasks: the schedule runs to the minute.
 * `ids` and `links` include the summaries and their links, for the graphlib peer.
 */
export function syntheticProjectExport(items: number): Synthetic {
  const rand = rng(items + 7);
  const nProjects = Math.max(1, Math.floor(items / 4));
  const types = ["FS", "SS", "FF", "SF"];
  const ids: string[] = [];
  const links: [string, string][] = [];
  const head = [
    "ID",
    "Task_Name",
    "Duration",
    "Outline_Level",
    "Predecessors",
    "Start_Date",
    "Finish_Date",
    "Baseline_Finish",
    "Actual_Finish",
    "Milestone",
    "Summary",
    "Constraint_Type",
    "Constraint_Date",
    "Deadline",
    "Resource_Names",
  ];
  const rows: CellValue[][] = [head];
  const hour = 1 / 24;
  for (let i = 0; i < items; i++) ids.push(`T${i}`);
  let summary = -1;
  for (let i = 0; i < items; i++) {
    if (i % 25 === 0) {
      summary++;
      const sid = `S${summary}`;
      ids.push(sid);
      const pred = summary > 0 && rand() < 0.2 ? `S${summary - 1}` : null;
      if (pred) links.push([pred, sid]);
      rows.push([sid, `Phase ${summary}`, null, 1, pred, null, null, null, null, "No", "Yes", null, null, null, null]);
    }
    const deps: string[] = [];
    const count = i === 0 ? 0 : rand() < 0.5 ? 1 : 2;
    for (let k = 0; k < count; k++) {
      const j = Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 50)));
      const t = types[Math.floor(rand() * 4)];
      const lag = Math.floor(rand() * 10) - 2;
      deps.push(`${ids[j]}${t}${lag >= 0 ? "+" : ""}${lag}${rand() < 0.4 ? "h" : "d"}`);
      links.push([ids[j], ids[i]]);
    }
    const day = BASE + Math.floor(rand() * 200);
    const milestone = i >= nProjects;
    const inHours = !milestone && i % 3 === 0;
    const hours = inHours ? 1 + Math.floor(rand() * 6) : 0;
    const start = day + (inHours ? 8 + Math.floor(rand() * 3) : 8) * hour;
    const finish = milestone
      ? day + 17 * hour
      : inHours
        ? start + hours * hour
        : day + 30 + Math.floor(rand() * 300) + 17 * hour;
    const done = milestone && rand() < 0.3;
    const r = rand();
    const constraint =
      r < 0.03 ? ["Start No Earlier Than", start + Math.floor(rand() * 5)] : ["As Soon As Possible", "NA"];
    const deadline = r > 0.98 ? Math.floor(finish) + 17 * hour - Math.floor(rand() * 10) : "NA";
    rows.push([
      ids[i],
      `Task ${i}`,
      milestone ? "0d" : inHours ? `${hours}h` : `${Math.round(finish - start)}d`,
      2,
      deps.join(",") || null,
      milestone ? finish : start,
      finish,
      Math.floor(finish) - Math.floor(rand() * 20),
      done ? finish : null,
      milestone ? "Yes" : "No",
      "No",
      constraint[0],
      constraint[1],
      deadline,
      `Lead ${i % 40}`,
    ]);
  }
  const base = syntheticProgramme(Math.max(10, Math.floor(items / 10)));
  const snapshot: WorkbookSnapshot = {
    sheets: [
      { name: "Task_Table1", top: 0, left: 0, rows },
      ...base.snapshot.sheets.filter((s) => s.name === "Risks" || s.name === "Settings"),
    ],
    tables: [],
    date1904: false,
  };
  return { snapshot, ids, links };
}
