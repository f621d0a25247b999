#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { analyseWorkbook, type Analysis } from "../checks/analyse";
import { toJson } from "../checks/summary";
import { writeNewWorkbook } from "../hosts/xlsx/new-workbook";
import type { CellOut } from "../hosts/xlsx/sheet-xml";
import { readWorkbook, XlsxReadError } from "../hosts/xlsx/read";
import { writeTemplate } from "../hosts/xlsx/template";
import { checkOutputPath, OutputError, writeFileSafely } from "../hosts/xlsx/write-file";
import { writeReport } from "../hosts/xlsx/write-report";
import { useDeflateCodec } from "../hosts/xlsx/zip";
import { parseCsv, sheetNameFromFile } from "../ingest/csv";
import { decodeWindows1252 } from "../ingest/windows-1252";
import { countBySeverity } from "../model/diagnostic";
import type { WorkbookSnapshot } from "../model/snapshot";
import { buildReportPlan } from "../report/build";
import { commandHelp, parseArgs, UsageError, USAGE, type CliArgs } from "./args";
import { formatReport, summaryLine } from "./format";
import { Progress } from "./progress";
import { hasSources, runCollated, type CliHost } from "./sources";
import { toSarif } from "./sarif";
import { zlibCodec } from "./zlib-codec";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

const ROOT = join(__dirname, "..", "..");
export const SAMPLE = join(ROOT, "examples", "sample-programme.xlsx");

/** Runs the command line; returns the exit code (never throws). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  useDeflateCodec(zlibCodec); // Node's native DEFLATE: the pane's fflate is plain JavaScript
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pmo-highlights: ${e.message}. pmo-highlights --help lists the commands.`);
      return 2;
    }
    throw e;
  }
  try {
    switch (args.command) {
      case "help":
        io.out(args.helpFor ? commandHelp(args.helpFor) : USAGE);
        return 0;
      case "version":
        io.out(version());
        return 0;
      case "template": {
        checkOutputPath(args.output!, { force: args.force, extensions: [".xlsx"] });
        await writeFileSafely(args.output!, await writeTemplate(new Date().getFullYear()));
        if (!args.quiet) io.out(`Wrote the blank programme workbook to ${args.output}`);
        return 0;
      }
      case "check":
        if (hasSources(args)) return await runCollated("check", args, io, HOST);
        return await check(args, io);
      case "report":
        if (hasSources(args)) return await runCollated("report", args, io, HOST);
        return await report(args.input!, args.output!, args, io);
      case "demo": {
        const out = args.output ?? resolve("sample-report.xlsx");
        checkOutputPath(out, { force: args.force, extensions: [".xlsx"], input: SAMPLE });
        io.out(`Checking the bundled sample, South Staffordshire PCT's OD Plan (${SAMPLE}).`);
        await check({ ...args, input: SAMPLE, quiet: false, format: "text" }, { ...io, out: (s) => io.out(s.split("\n").slice(0, 12).join("\n") + "\n") });
        return await report(SAMPLE, out, { ...args, quiet: false }, io, true);
      }
    }
  } catch (e) {
    return fail(e, args, io);
  }
}

function version(): string {
  try {
    return `pmo-highlights ${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}`;
  } catch {
    return "pmo-highlights";
  }
}

interface Input {
  kind: "xlsx" | "xlsm" | "csv";
  /** The workbook's bytes (for a CSV: a new workbook holding its data as one sheet). */
  data: () => Promise<Uint8Array>;
  snapshot: WorkbookSnapshot;
}

/** Reads an .xlsx, .xlsm or .csv file into a snapshot (a CSV is one sheet named after the file). */
async function load(file: string, progress: Progress): Promise<Input> {
  const bytes = loadFile(file);
  const ext = extname(file).toLowerCase();
  progress.stage("Reading");
  if (ext === ".csv") {
    const sheet = parseCsv(decodeText(bytes), sheetNameFromFile(file));
    const snapshot: WorkbookSnapshot = { sheets: [sheet], tables: [], date1904: false };
    return { kind: "csv", snapshot, data: () => writeNewWorkbook({ sheets: [{ name: sheet.name, rows: sheet.rows as CellOut[][] }], title: basename(file) }) };
  }
  const snapshot = await readWorkbook(bytes, { onSheet: (name, i, n) => progress.step(`Reading ${name}`, i, n) });
  return { kind: ext === ".xlsm" ? "xlsm" : "xlsx", snapshot, data: async () => bytes };
}

/** A CSV file's text: UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel saves it. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

async function check(args: CliArgs, io: Io): Promise<number> {
  const progress = new Progress(io.err, args.quiet || args.format !== "text");
  const file = args.input!;
  const input = await load(file, progress);
  progress.stage("Checking");
  const analysis = analyseWorkbook(input.snapshot, { asOf: args.asOf });
  progress.done();
  if (args.format === "json") io.out(JSON.stringify(toJson(analysis), null, 2));
  else if (args.format === "sarif") io.out(JSON.stringify(toSarif(analysis, file, version()), null, 2));
  else if (args.quiet) io.out(summaryLine(analysis, basename(file), io.color));
  else io.out(formatReport(analysis, basename(file), io.color));
  return exitCode(analysis);
}

const exitCode = (a: Analysis) => (a.diagnostics.some((d) => d.severity === "error") ? 1 : 0);

async function report(inputFile: string, output: string, args: CliArgs, io: Io, demo = false): Promise<number> {
  const ext = extname(inputFile).toLowerCase();
  if (!demo) checkOutputPath(output, { force: args.force, extensions: ext === ".xlsm" ? [".xlsm"] : [".xlsx"], input: inputFile });
  const progress = new Progress(io.err, args.quiet);
  const input = await load(inputFile, progress);
  progress.stage("Checking");
  const analysis = analyseWorkbook(input.snapshot, { asOf: args.asOf });
  progress.stage("Planning the report");
  const plan = buildReportPlan(analysis);
  progress.stage("Writing");
  const result = await writeReport(await input.data(), plan);
  await writeFileSafely(output, result.data);
  progress.done();
  if (args.quiet) return 0;
  const n = countBySeverity(analysis.diagnostics);
  io.out(`Wrote the report to ${output}`);
  if (input.kind === "csv") io.out(`  the CSV's data is the sheet "${input.snapshot.sheets[0].name}"`);
  io.out(`  sheets: ${result.sheets.map((s) => s.name).join(", ")}`);
  if (result.replaced.length) io.out(`  replaced the report sheets of the earlier run: ${result.replaced.join(", ")}`);
  for (const r of result.renamed) io.out(`  a sheet of yours is called "${r.wanted}", so the report's is "${r.name}"`);
  for (const k of result.kept) io.out(`  kept "${k}": it carries the report's mark but was copied or edited, so it is yours now`);
  io.out(`  findings: ${n.error} errors, ${n.warning} warnings, ${n.info} info (listed on the Exceptions sheet)`);
  return 0;
}

export class CliFailure extends Error {}

/** Collation (sources.ts) reads its files as check and report do. */
const HOST: CliHost = { load, version, fail: (m) => new CliFailure(m) };

function loadFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder, not a file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new CliFailure(`cannot read ${file}: ${why}`);
  }
}

function fail(e: unknown, args: CliArgs, io: Io): number {
  if (e instanceof CliFailure || e instanceof OutputError) io.err(`pmo-highlights: ${e.message}`);
  else if (e instanceof XlsxReadError) io.err(`pmo-highlights: cannot read ${args.input ?? "the workbook"}: ${e.message}.`);
  else io.err(`pmo-highlights: ${((e as Error)?.message ?? String(e)).split("\n")[0]}`);
  return 2;
}

/** The process entry point (bin/pmo-highlights.js and npm run cli). */
export function cliMain(): void {
  // A closed pipe (pmo-highlights check big.xlsx | head -1) ends the run quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const io: Io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n"), color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cliMain();
