/**
 * Our schedule held against Microsoft Project's own, on MSPDI files Project saved (docs/importing.md,
 * "Held against Project's own schedule"). Each file is read through the tool's reader
 * (src/hosts/mspdi) and the core; for its open tasks (not 100% complete, not summaries) it prints:
 *  - dates: the share whose early start and early finish fall on Project's Start and Finish days
 *    (and, for a plan with times, to the minute);
 *  - critical: the share of Project's tasks with TotalSlack ≤ 0 that we call critical (recall), and
 *    the share of ours critical that Project gives TotalSlack ≤ 0 (precision);
 *  - slips: `slippage-impact` and `date-conflict` findings per 100 open tasks (Project's own dates
 *    show no push, so every one is a disagreement);
 *  - linked: of the open tasks that have predecessors, are not started, not manual and As Soon As
 *    Possible without a constraint date (Project starts each at the latest its links allow), the
 *    share whose early start a link gives exactly. The entered start is a "no earlier than", so the
 *    dates columns agree unless the network pushes; this one shows the network alone reproduces Project's.
 *   npm run parity -- FILE.xml ... | DIR   (add --list to print each disagreeing task)
 *   npm run parity -- DIR --as csv|template   (the same plans written as the Export Wizard's CSV or
 *     the "Excel template" export, scripts/project-forms.ts, and read back as a user's file is)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { analyseWorkbook, type Analysis } from "../src/core/analysis/analyse";
import { readCsvFile } from "../src/core/workbook/csv";
import type { WorkbookSnapshot } from "../src/core/primitives/snapshot";
import { readWorkbook } from "../src/hosts/xlsx/read";
import { asTemplateXlsx, asWizardCsv } from "./project-forms";
import { isMspdi, readMspdi } from "../src/hosts/mspdi/read";
import type { CellValue } from "../src/core/primitives/cell";
import { parseDateText } from "../src/core/primitives/dates";

export interface Parity {
  file: string;
  open: number;
  /** Open tasks whose early start and finish fall on Project's Start and Finish days / to the minute. */
  datesDay: number;
  datesMinute: number | null;
  projectCritical: number;
  oursCritical: number;
  both: number;
  slips: number;
  conflicts: number;
  /** Linked, unstarted, unconstrained open tasks, and those whose early start a link gives. */
  linked: number;
  linkDriven: number;
  disagreements: string[];
}

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Project's Total_Slack text ("-1.5d", "0d") as a number of days; null when absent. */
function slackDays(v: CellValue): number | null {
  if (v === null || v === "") return null;
  const n = parseFloat(String(v));
  return Number.isFinite(n) ? n : null;
}

/** The forms a Project plan reaches the tool in: its XML, the Export Wizard's CSV, the "Excel template" export. */
export type PlanForm = "xml" | "csv" | "template";

/** The plan as the tool reads it in `form`: the XML itself, or written in that form (scripts/project-forms.ts) and read back as a user's file is. */
export async function planAs(xml: string, form: PlanForm, name = "plan"): Promise<WorkbookSnapshot> {
  const snap = readMspdi(xml);
  if (form === "xml") return snap;
  if (form === "csv") return readCsvFile(asWizardCsv(snap.sheets[0]), `${name}.csv`);
  return readWorkbook(await asTemplateXlsx(snap.sheets[0]));
}

/** Our schedule of the plan read in `form`, held against Project's own in its XML. */
export async function parityAs(file: string, xml: string, form: PlanForm): Promise<Parity> {
  return compare(file, readMspdi(xml), analyseWorkbook(await planAs(xml, form, basename(file, ".xml")), {}));
}

export function parity(file: string, xml: string): Parity {
  const snap = readMspdi(xml);
  return compare(file, snap, analyseWorkbook(snap, {}));
}

function compare(file: string, snap: WorkbookSnapshot, a: Analysis): Parity {
  const sheet = snap.sheets[0];
  const header = sheet.rows[0] as string[];
  const col = (name: string) => header.indexOf(name);
  const byId = new Map(sheet.rows.slice(1).map((r) => [String(r[col("ID")]), r]));
  const out: Parity = {
    file,
    open: 0,
    datesDay: 0,
    datesMinute: a.schedule.resolution === "minute" ? 0 : null,
    projectCritical: 0,
    oursCritical: 0,
    both: 0,
    slips: a.diagnostics.filter((d) => d.code === "slippage-impact").length,
    conflicts: a.diagnostics.filter((d) => d.code === "date-conflict").length,
    linked: 0,
    linkDriven: 0,
    disagreements: [],
  };
  const hasPreds = new Set(a.programme.links.map((l) => l.to));
  const item = new Map<string, { actualStart?: number | null; manual?: boolean }>(
    [...a.programme.projects, ...a.programme.milestones].map((x) => [x.id, x]),
  );
  for (const [id, n] of a.schedule.nodes) {
    const r = byId.get(id);
    if (!r || n.done || !n.computable) continue;
    out.open++;
    const start = String(r[col("Start_Date")] ?? "");
    const finish = String(r[col("Finish_Date")] ?? "");
    const dayOk = n.earlyStart === parseDateText(start) && n.earlyFinish === parseDateText(finish);
    if (dayOk) out.datesDay++;
    const ours = n.times ? `${clock(n.times.earlyStart)}–${clock(n.times.earlyFinish)}` : "";
    const minuteOk = dayOk && n.times !== null && `${start.slice(11, 16)}–${finish.slice(11, 16)}` === ours;
    if (minuteOk && out.datesMinute !== null) out.datesMinute++;
    const slack = slackDays(r[col("Total_Slack")]);
    const pc = slack !== null && slack <= 0;
    if (pc) out.projectCritical++;
    if (n.critical && slack !== null) out.oursCritical++;
    if (pc && n.critical) out.both++;
    const x = item.get(id);
    if (hasPreds.has(id) && (!n.constraint || n.constraint.type === "ASAP") && x?.actualStart == null && !x?.manual) {
      out.linked++;
      if (n.drivers.length) out.linkDriven++;
      else out.disagreements.push(`  ${id}: no link gives its start (${start})`);
    }
    if (!dayOk || (out.datesMinute !== null && !minuteOk) || (slack !== null && pc !== n.critical))
      out.disagreements.push(
        `  ${id} ${String(r[col("Task_Name")] ?? "").slice(0, 30)}: ours ${n.earlyStart}..${n.earlyFinish} ${ours} float ${n.totalFloat}; Project ${start}–${finish} slack ${r[col("Total_Slack")]}`,
      );
  }
  return out;
}

const pct = (a: number, b: number) => (b === 0 ? "–" : `${Math.round((1000 * a) / b) / 10}%`);

export function parityLine(p: Parity): string {
  return [
    basename(p.file).padEnd(58),
    String(p.open).padStart(5),
    pct(p.datesDay, p.open).padStart(7),
    (p.datesMinute === null ? "days" : pct(p.datesMinute, p.open)).padStart(7),
    pct(p.both, p.projectCritical).padStart(7),
    pct(p.both, p.oursCritical).padStart(7),
    (p.open ? ((100 * p.slips) / p.open).toFixed(1) : "–").padStart(6),
    (p.open ? ((100 * p.conflicts) / p.open).toFixed(1) : "–").padStart(6),
    pct(p.linkDriven, p.linked).padStart(7),
  ].join(" ");
}

function files(args: string[]): string[] {
  return args.flatMap((f) =>
    statSync(f).isDirectory()
      ? readdirSync(f)
          .filter((x) => /\.xml$/i.test(x))
          .sort()
          .map((x) => join(f, x))
      : [f],
  );
}

async function main(argv: string[]): Promise<void> {
  const list = argv.includes("--list");
  const asAt = argv.indexOf("--as");
  const form = (asAt >= 0 ? argv[asAt + 1] : "xml") as PlanForm;
  if (!["xml", "csv", "template"].includes(form)) throw new Error(`--as takes xml, csv or template, not ${form}`);
  const all = files(argv.filter((a, i) => a !== "--list" && (asAt < 0 || (i !== asAt && i !== asAt + 1))));
  console.log(
    `Read as: ${form === "xml" ? "Project's XML" : form === "csv" ? "the Export Wizard's CSV" : 'the "Excel template" export'}`,
  );
  console.log(`${"file".padEnd(58)}  open  dates@d dates@m recall  precis slip% confl%  linked`);
  const total: Parity = {
    file: "all",
    open: 0,
    datesDay: 0,
    datesMinute: 0,
    projectCritical: 0,
    oursCritical: 0,
    both: 0,
    slips: 0,
    conflicts: 0,
    linked: 0,
    linkDriven: 0,
    disagreements: [],
  };
  for (const f of all) {
    const xml = readFileSync(f, "utf8").replace(/^\uFEFF/, "");
    if (!isMspdi(xml)) continue;
    let p: Parity;
    try {
      p = await parityAs(f, xml, form);
    } catch (e) {
      console.log(`${basename(f)}: not read (${(e as Error).message})`);
      continue;
    }
    if (p.open === 0) continue;
    console.log(parityLine(p));
    if (list && p.disagreements.length) console.log(p.disagreements.join("\n"));
    for (const k of [
      "open",
      "datesDay",
      "projectCritical",
      "oursCritical",
      "both",
      "slips",
      "conflicts",
      "linked",
      "linkDriven",
    ] as const)
      total[k] += p[k];
    total.datesMinute! += p.datesMinute ?? p.datesDay;
  }
  console.log(parityLine(total));
}

if (require.main === module) void main(process.argv.slice(2));
