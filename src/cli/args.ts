import { parseIsoDay, type Day } from "../model/dates";

export class UsageError extends Error {}

export interface CliArgs {
  command: "check" | "report" | "template" | "demo" | "help";
  input?: string;
  output?: string;
  asOf?: Day;
  json: boolean;
  quiet: boolean;
}

export const USAGE = `Usage:
  pmo-highlights check <workbook.xlsx> [--as-of YYYY-MM-DD] [--json] [--quiet]
  pmo-highlights report <in.xlsx> -o <out.xlsx> [--as-of YYYY-MM-DD] [--quiet]
  pmo-highlights template -o <file.xlsx>
  pmo-highlights demo [-o <out.xlsx>]

Exit codes: 0 no errors (or report written), 1 the workbook has errors, 2 cannot run (bad arguments or unreadable file).`;

/** Parses the command line; throws UsageError with a one-line reason. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = { command: "help", json: false, quiet: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${t} needs a value`);
      return v;
    };
    if (t === "--json") a.json = true;
    else if (t === "--quiet" || t === "-q") a.quiet = true;
    else if (t === "-o" || t === "--output" || t === "--out") a.output = value();
    else if (t === "--as-of" || t.startsWith("--as-of=")) {
      const v = t.includes("=") ? t.slice(t.indexOf("=") + 1) : value();
      const d = parseIsoDay(v);
      if (d === null) throw new UsageError(`--as-of "${v}" is not a date: write it as YYYY-MM-DD, e.g. 2010-01-31`);
      a.asOf = d;
    } else if (t === "-h" || t === "--help") a.command = "help";
    else if (t.startsWith("-")) throw new UsageError(`unknown option ${t}`);
    else rest.push(t);
  }
  const cmd = rest.shift();
  if (cmd === undefined) return a;
  if (!["check", "report", "template", "demo", "help"].includes(cmd)) throw new UsageError(`unknown command "${cmd}" (use check, report, template or demo)`);
  a.command = cmd as CliArgs["command"];
  if (a.command === "check" || a.command === "report") {
    a.input = rest.shift();
    if (!a.input) throw new UsageError(`${a.command} needs a workbook: pmo-highlights ${a.command} <workbook.xlsx>`);
  }
  if ((a.command === "report" || a.command === "template") && !a.output) throw new UsageError(`${a.command} needs an output file: -o <file.xlsx>`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return a;
}
