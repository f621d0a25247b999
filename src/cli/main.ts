#!/usr/bin/env node
import { countOf } from "../core/primitives/text";
import { readFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { analyseWorkbook, buildReportPlan } from "../core/pipeline";
import type { Analysis } from "../core/analysis/analyse";
import { toJson } from "../core/analysis/summary";
import { writeNewWorkbook } from "../hosts/xlsx/new-workbook";
import type { CellOut } from "../hosts/xlsx/sheet-xml";
import { openFile, readWorkbook, XlsxReadError } from "../hosts/xlsx/read";
import { MspdiReadError } from "../hosts/mspdi/read";
import { writeTemplate } from "../hosts/xlsx/template";
import { checkOutputPath, OutputError, writeFileSafely, writeFileStreamed } from "../hosts/xlsx/write-file";
import { writeReportTo } from "../hosts/xlsx/write-report";
import { useStreamDeflate } from "../hosts/xlsx/part-stream";
import { useDeflateCodec } from "../hosts/xlsx/zip";
import { CsvLimitError, readCsvFile } from "../core/workbook/csv";
import { countBySeverity } from "../core/primitives/diagnostic";
import type { WorkbookSnapshot } from "../core/primitives/snapshot";
import { commandHelp, parseArgs, UsageError, USAGE, type CliArgs } from "./args";
import { BUDGET, BudgetError, checkReportCells, checkReportSize, readInput } from "./budget";
import { formatReport, safeJson, summaryLine, visible } from "./format";
import { Progress } from "./progress";
import { hasSources, runCollated, type CliHost } from "./sources";
import { toSarif } from "./sarif";
import { zlibCodec, zlibStream } from "./zlib-codec";

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
  useStreamDeflate(zlibStream);
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
        checkOutputPath(args.output!, { force: args.force, extensions: [".xlsx"], readOnly: args.overwriteReadOnly });
        await writeFileSafely(
          args.output!,
          await writeTemplate(new Date().getFullYear()),
          undefined,
          writeOptions(args),
        );
        if (!args.quiet) io.out(`Wrote the blank programme workbook to ${visible(args.output!)}`);
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
        checkOutputPath(out, {
          force: args.force,
          extensions: [".xlsx"],
          input: SAMPLE,
          readOnly: args.overwriteReadOnly,
        });
        io.out(`Checking the bundled sample, South Staffordshire PCT's OD Plan (${SAMPLE}).`);
        await check(
          { ...args, input: SAMPLE, quiet: false, format: "text" },
          { ...io, out: (s) => io.out(s.split("\n").slice(0, 12).join("\n") + "\n") },
        );
        return await report(SAMPLE, out, { ...args, quiet: false }, io, true);
      }
    }
  } catch (e) {
    return fail(e, args, io);
  }
}

/** Exclusive unless --force: a file that appears at the output while the report runs is never replaced. */
const writeOptions = (args: CliArgs) => ({ force: args.force, readOnly: args.overwriteReadOnly });

function version(): string {
  try {
    return `pmo-highlights ${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}`;
  } catch {
    return "pmo-highlights";
  }
}

interface Input {
  kind: "xlsx" | "xlsm" | "csv" | "mspdi";
  /** The workbook's bytes (for a CSV: a new workbook holding its data as one sheet). */
  data: () => Promise<Uint8Array>;
  snapshot: WorkbookSnapshot;
}

/** Reads an .xlsx, .xlsm, .csv or Project .xml file into a snapshot (a CSV is one sheet named after the file; Project's XML becomes a Task_Table, Holidays and Settings). */
async function load(file: string, progress: Progress): Promise<Input> {
  const ext = extname(file).toLowerCase();
  const bytes = readInput(
    file,
    ext === ".csv" ? BUDGET.csvBytes : BUDGET.workbookBytes,
    (why) => new CliFailure(`cannot read ${file}: ${why}`),
  );
  progress.stage("Reading");
  if (ext === ".csv") {
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = readCsvFile(bytes, file, { maxCells: BUDGET.cells });
    } catch (e) {
      if (e instanceof CsvLimitError)
        throw new CliFailure(
          `cannot read ${file}: ${e.message}, more than this tool reads. Split the file, then run again.`,
        );
      throw e;
    }
    const sheet = snapshot.sheets[0];
    return {
      kind: "csv",
      snapshot,
      data: () =>
        writeNewWorkbook({ sheets: [{ name: sheet.name, rows: sheet.rows as CellOut[][] }], title: basename(file) }),
    };
  }
  if (ext === ".xml") {
    const snapshot = await openFile(file, bytes);
    return {
      kind: "mspdi",
      snapshot,
      data: () =>
        writeNewWorkbook({
          sheets: snapshot.sheets.map((s) => ({ name: s.name, rows: s.rows as CellOut[][] })),
          title: basename(file),
        }),
    };
  }
  const snapshot = await readWorkbook(bytes, {
    onSheet: (name, i, n) => progress.step(`Reading ${visible(name)}`, i, n),
  });
  return { kind: ext === ".xlsm" ? "xlsm" : "xlsx", snapshot, data: async () => bytes };
}

/** The analysis of an input (a CSV's encoding is named by the core, from the snapshot). */
function analyse(input: Input, args: CliArgs): Analysis {
  return analyseWorkbook(input.snapshot, { asOf: args.asOf });
}

async function check(args: CliArgs, io: Io): Promise<number> {
  const progress = new Progress(io.err, args.quiet || args.format !== "text");
  const file = args.input!;
  const input = await load(file, progress);
  progress.stage("Checking");
  const analysis = analyse(input, args);
  progress.done();
  if (args.format === "json") io.out(safeJson(toJson(analysis)));
  else if (args.format === "sarif") io.out(safeJson(toSarif(analysis, file, version())));
  else if (args.quiet) io.out(summaryLine(analysis, basename(file), io.color));
  else io.out(formatReport(analysis, basename(file), io.color));
  return exitCode(analysis);
}

const exitCode = (a: Analysis) => (a.diagnostics.some((d) => d.severity === "error") ? 1 : 0);

async function report(inputFile: string, output: string, args: CliArgs, io: Io, demo = false): Promise<number> {
  const ext = extname(inputFile).toLowerCase();
  if (!demo)
    checkOutputPath(output, {
      force: args.force,
      extensions: ext === ".xlsm" ? [".xlsm"] : [".xlsx"],
      input: inputFile,
      readOnly: args.overwriteReadOnly,
    });
  const progress = new Progress(io.err, args.quiet);
  const input = await load(inputFile, progress);
  checkReportCells(input.snapshot);
  progress.stage("Checking");
  const analysis = analyse(input, args);
  checkReportSize(analysis);
  progress.stage("Planning the report");
  const plan = buildReportPlan(analysis);
  progress.stage("Writing");
  const SIGNED =
    "the workbook is digitally signed, and adding the report changes signed parts, so the copy's signature is no longer valid";
  const data = await input.data();
  // Streamed into the temporary file as it is made; put in place only once read back and checked.
  const result = await writeFileStreamed(
    output,
    async (sink) => {
      const info = await writeReportTo(data, plan, sink);
      if (info.signed && args.strict)
        throw new CliFailure(
          `no report written for ${inputFile}: ${SIGNED} (--strict). Run without --strict to write it unsigned, then sign the copy again if it must be signed.`,
        );
      return info;
    },
    undefined,
    writeOptions(args),
  );
  progress.done();
  if (result.signed)
    io.err(
      `pmo-highlights: warning: ${SIGNED}: Excel will show it as invalid. Sign the copy again if it must be signed.`,
    );
  if (args.quiet) return 0;
  const n = countBySeverity(analysis.diagnostics);
  // Every name below may come from the workbook (sheet names) or the shell: shown escaped.
  const v = visible;
  io.out(`Wrote the report to ${v(output)}`);
  if (input.kind === "csv") io.out(`  the CSV's data is the sheet "${v(input.snapshot.sheets[0].name)}"`);
  if (input.kind === "mspdi")
    io.out(
      `  the plan's tasks are the sheet "${v(input.snapshot.sheets[0].name)}" (${input.snapshot.sheets.map((x) => v(x.name)).join(", ")})`,
    );
  io.out(`  sheets: ${result.sheets.map((s) => v(s.name)).join(", ")}`);
  if (result.replaced.length)
    io.out(`  replaced the report sheets of the earlier run: ${result.replaced.map(v).join(", ")}`);
  for (const r of result.renamed)
    io.out(`  a sheet of yours is called "${v(r.wanted)}", so the report's is "${v(r.name)}"`);
  for (const k of result.keptSheets)
    io.out(
      `  kept "${v(k.to)}"${k.to !== k.from ? ` (was "${v(k.from)}")` : ""}: a report sheet you copied or typed in is yours, so it is never replaced; it is moved after the report, out of the pack's print order`,
    );
  io.out(
    `  findings: ${countOf(n.error, "error")}, ${countOf(n.warning, "warning")}, ${n.info} info (listed on the Exceptions sheet)`,
  );
  return 0;
}

export class CliFailure extends Error {}

/** Collation (sources.ts) reads its files as check and report do. */
const HOST: CliHost = { load, version, fail: (m) => new CliFailure(m) };

/** One line on stderr; whatever came from the workbook or a path in it is escaped (format.ts's visible). */
function fail(e: unknown, args: CliArgs, io: Io): number {
  let line: string;
  if (e instanceof CliFailure || e instanceof OutputError) line = e.message;
  else if (e instanceof BudgetError) line = `no report written for ${args.input ?? "the workbook"}: ${e.message}.`;
  else if (e instanceof MspdiReadError) line = `cannot read ${args.input ?? "the plan"}: ${e.message}.`;
  else if (e instanceof XlsxReadError) line = `cannot read ${args.input ?? "the workbook"}: ${e.message}.`;
  else line = ((e as Error)?.message ?? String(e)).split("\n")[0];
  io.err(`pmo-highlights: ${visible(line)}`);
  return 2;
}

/** The process entry point (bin/pmo-highlights.js and npm run cli). */
export function cliMain(): void {
  // A closed pipe (pmo-highlights check big.xlsx | head -1) ends the run quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const io: Io = {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  };
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cliMain();
