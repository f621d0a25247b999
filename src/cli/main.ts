#!/usr/bin/env node
import { readFileSync, realpathSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { buildReportPlan } from "../report/build";
import { countBySeverity } from "../model/diagnostic";
import { writeReport } from "../hosts/xlsx/write-report";
import { analyseWorkbook } from "../checks/analyse";
import { toJson } from "../checks/summary";
import { readWorkbook, XlsxReadError } from "../hosts/xlsx/read";
import { writeTemplate } from "../hosts/xlsx/template";
import { writeFileSafely } from "../hosts/xlsx/write-file";
import { parseArgs, UsageError, USAGE, type CliArgs } from "./args";
import { formatReport } from "./format";
import { Progress } from "./progress";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

/** Runs the command line; returns the exit code (never throws). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pmo-highlights: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  try {
    switch (args.command) {
      case "help":
        io.out(USAGE);
        return 0;
      case "template": {
        await writeFileSafely(args.output!, await writeTemplate(new Date().getFullYear()));
        io.out(`Wrote the blank programme workbook to ${args.output}`);
        return 0;
      }
      case "check":
        return await check(args, io);
      case "report":
        return await report(args.input!, args.output!, args, io);
      case "demo": {
        const out = args.output ?? resolve("sample-report.xlsx");
        io.out(`Checking the bundled sample, South Staffordshire PCT's OD Plan (${SAMPLE}).`);
        await check({ ...args, input: SAMPLE, quiet: true, json: false }, { ...io, out: (s) => io.out(s.split("\n").slice(0, 12).join("\n") + "\n") });
        return await report(SAMPLE, out, { ...args, quiet: true }, io);
      }
    }
  } catch (e) {
    return fail(e, args, io);
  }
}

async function check(args: CliArgs, io: Io): Promise<number> {
  const progress = new Progress(io.err, args.quiet || args.json);
  const file = args.input!;
  const data = loadFile(file);
  progress.stage("Reading");
  const snapshot = await readWorkbook(data, { onSheet: (name, i, n) => progress.step(`Reading ${name}`, i, n) });
  progress.stage("Checking");
  const analysis = analyseWorkbook(snapshot, { asOf: args.asOf });
  progress.done();
  if (args.json) io.out(JSON.stringify(toJson(analysis), null, 2));
  else io.out(formatReport(analysis, basename(file), io.color));
  return analysis.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}

export const SAMPLE = join(__dirname, "..", "..", "examples", "sample-programme.xlsx");

/** True when two paths name one file (so a report never overwrites its input). */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

async function report(input: string, output: string, args: CliArgs, io: Io): Promise<number> {
  if (sameFile(input, output)) throw new CliFailure(`the report would overwrite its input ${input}: choose another file with -o`);
  const progress = new Progress(io.err, args.quiet);
  const data = loadFile(input);
  progress.stage("Reading");
  const snapshot = await readWorkbook(data, { onSheet: (name, i, n) => progress.step(`Reading ${name}`, i, n) });
  progress.stage("Checking");
  const analysis = analyseWorkbook(snapshot, { asOf: args.asOf });
  progress.stage("Planning the report");
  const plan = buildReportPlan(analysis);
  progress.stage("Writing");
  const result = await writeReport(data, plan);
  await writeFileSafely(output, result.data);
  progress.done();
  const n = countBySeverity(analysis.diagnostics);
  io.out(`Wrote the report to ${output}`);
  io.out(`  sheets: ${result.sheets.map((s) => s.name).join(", ")}`);
  if (result.replaced.length) io.out(`  replaced the report sheets of the earlier run: ${result.replaced.join(", ")}`);
  for (const r of result.renamed) io.out(`  a sheet of yours is called "${r.wanted}", so the report's is "${r.name}"`);
  io.out(`  findings: ${n.error} errors, ${n.warning} warnings, ${n.info} info (listed on the Exceptions sheet)`);
  return 0;
}

export class CliFailure extends Error {}

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
  if (e instanceof CliFailure) io.err(`pmo-highlights: ${e.message}`);
  else if (e instanceof XlsxReadError) io.err(`pmo-highlights: cannot read ${args.input}: ${e.message}.`);
  else {
    const code = (e as NodeJS.ErrnoException)?.code;
    const msg = (e as Error)?.message ?? String(e);
    io.err(`pmo-highlights: ${code ? `${code}: ` : ""}${msg.split("\n")[0]}`);
  }
  return 2;
}

/** The process entry point (npm run cli, and bin/pmo-highlights.js). */
export function cliMain(): void {
  const io: Io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n"), color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cliMain();
