#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { basename } from "node:path";
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
        await writeFileSafely(args.output!, await writeTemplate());
        io.out(`Wrote the blank programme workbook to ${args.output}`);
        return 0;
      }
      case "check":
        return await check(args, io);
      default:
        io.err(`pmo-highlights: "${args.command}" is not available yet`);
        return 2;
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
