import { parseIsoDay, type Day } from "../core/primitives/dates";

export class UsageError extends Error {}

export type Command = "check" | "report" | "template" | "demo";
export type Format = "text" | "json" | "sarif";

export interface CliArgs {
  command: Command | "help" | "version";
  /** The command whose help was asked for (`pmo-highlights report --help`). */
  helpFor?: Command;
  input?: string;
  output?: string;
  asOf?: Day;
  format: Format;
  quiet: boolean;
  force: boolean;
  /** Replace a read-only output file too (implies --force). */
  overwriteReadOnly: boolean;
  /** Refuse rather than write something incomplete: a copy that cannot keep the input's digital signature, or a pack that leaves out a source that cannot be read (exit 2). */
  strict: boolean;
  /** Workstream sources to collate with the programme workbook (src/cli/sources.ts): files, and folders of them. */
  sources?: string[];
  sourceDirs?: string[];
}

interface OptionHelp {
  flag: string;
  text: string;
}

const AS_OF: OptionHelp = {
  flag: "--as-of YYYY-MM-DD",
  text: "the date to report as of (default: the Settings sheet's Reporting date, else today)",
};
const QUIET: OptionHelp = { flag: "-q, --quiet", text: "no progress" };
const FORCE: OptionHelp = {
  flag: "--force",
  text: "replace the output file if it exists (never the input; a read-only one only with --overwrite-read-only); it keeps the old file's permissions",
};
const READ_ONLY: OptionHelp = {
  flag: "--overwrite-read-only",
  text: "with --force, replace the output file even if it is read-only",
};
const SOURCES: OptionHelp[] = [
  {
    flag: "--source <file> [<file>…]",
    text: "a workstream's workbook, Project or Smartsheet export, or CSV to collate with the programme workbook (repeatable; a pattern such as plans/*.csv is fine)",
  },
  { flag: "--sources <folder>", text: "every .xlsx, .xlsm and .csv file in a folder, as sources" },
];
const STRICT: OptionHelp = {
  flag: "--strict",
  text: "refuse rather than write something incomplete: a copy that loses the workbook's digital signature, or a pack without a source that cannot be read (exit 2)",
};

/** Each command: its synopsis, what it does, and a line per option. */
export const COMMANDS: Record<Command, { synopsis: string; does: string; options: OptionHelp[] }> = {
  check: {
    synopsis: "pmo-highlights check <workbook.xlsx|.xlsm|.csv|plan.xml> [options]",
    does: "Checks a programme workbook (or a CSV file) and prints the findings, each with its sheet and cell.",
    options: [
      AS_OF,
      {
        flag: "--format text|json|sarif",
        text: "text (the default) for people; json for scripts; sarif (SARIF 2.1.0) for CI systems and editors",
      },
      { flag: "--json", text: "the same as --format json" },
      { flag: "-q, --quiet", text: "print only the summary line" },
      ...SOURCES,
      STRICT,
    ],
  },
  report: {
    synopsis: "pmo-highlights report <workbook.xlsx|.xlsm|.csv|plan.xml> -o <report.xlsx> [options]",
    does: "Writes a copy of the workbook with the board report, highlight reports, exceptions and RAG history added. Never writes over its input.",
    options: [
      { flag: "-o, --output <file.xlsx>", text: "the file to write (.xlsx; .xlsm for a macro-enabled workbook)" },
      AS_OF,
      FORCE,
      READ_ONLY,
      STRICT,
      { flag: "-q, --quiet", text: "print nothing when the report is written" },
      ...SOURCES,
    ],
  },
  template: {
    synopsis: "pmo-highlights template -o <file.xlsx> [--force]",
    does: "Writes a blank programme workbook: every input sheet as an Excel table with drop-downs, and England and Wales bank holidays for this year and the next four.",
    options: [{ flag: "-o, --output <file.xlsx>", text: "the file to write" }, FORCE, READ_ONLY],
  },
  demo: {
    synopsis: "pmo-highlights demo [-o <report.xlsx>] [--force]",
    does: "Checks the bundled sample programme and writes its report (to sample-report.xlsx unless -o says otherwise).",
    options: [{ flag: "-o, --output <file.xlsx>", text: "the file to write" }, FORCE, READ_ONLY, QUIET],
  },
};

export const USAGE = `Usage: pmo-highlights <command> [options]

Commands:
${(Object.keys(COMMANDS) as Command[]).map((c) => `  ${c.padEnd(9)} ${COMMANDS[c].does}`).join("\n")}

Options for every command:
  -h, --help     help (pmo-highlights <command> --help for a command's options)
  --version      the version

Exit codes: 0 no errors (or the report written), 1 the workbook has errors, 2 cannot run (bad arguments, or a file that cannot be read or written).`;

export function commandHelp(c: Command): string {
  const h = COMMANDS[c];
  const width = Math.max(...h.options.map((o) => o.flag.length)) + 2;
  return `Usage: ${h.synopsis}\n\n${h.does}\n\nOptions:\n${h.options.map((o) => `  ${o.flag.padEnd(width)}${o.text}`).join("\n")}\n  ${"-h, --help".padEnd(width)}this help`;
}

/** Parses the command line; throws UsageError with a one-line reason. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = {
    command: "help",
    format: "text",
    quiet: false,
    force: false,
    overwriteReadOnly: false,
    strict: false,
  };
  const rest: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    const value = (): string => {
      const eq = t.indexOf("=");
      if (t.startsWith("--") && eq > 0) return t.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || (v.startsWith("-") && v !== "-")) throw new UsageError(`${t} needs a value`);
      return v;
    };
    const flag = t.startsWith("--") && t.includes("=") ? t.slice(0, t.indexOf("=")) : t;
    if (flag === "--json") a.format = "json";
    else if (flag === "--format") {
      const v = value();
      if (v !== "text" && v !== "json" && v !== "sarif")
        throw new UsageError(`--format "${v}" is not a format: use text, json or sarif`);
      a.format = v;
    } else if (flag === "--quiet" || flag === "-q") a.quiet = true;
    else if (flag === "--force" || flag === "-f") a.force = true;
    else if (flag === "--overwrite-read-only") a.force = a.overwriteReadOnly = true;
    else if (flag === "--strict") a.strict = true;
    else if (flag === "-o" || flag === "--output" || flag === "--out") a.output = value();
    else if (flag === "--source") {
      // Greedy, so that a shell-expanded plans/*.csv is every file it matched.
      (a.sources ??= []).push(value());
      while (!t.includes("=") && argv[i + 1] !== undefined && !argv[i + 1].startsWith("-")) a.sources.push(argv[++i]);
    } else if (flag === "--sources") (a.sourceDirs ??= []).push(value());
    else if (flag === "--as-of") {
      const v = value();
      const d = parseIsoDay(v);
      if (d === null) throw new UsageError(`--as-of "${v}" is not a date: write it as YYYY-MM-DD, e.g. 2010-01-31`);
      a.asOf = d;
    } else if (flag === "-h" || flag === "--help") help = true;
    else if (flag === "--version" || flag === "-v") a.command = "version";
    else if (t.startsWith("-") && t !== "-") throw new UsageError(`unknown option ${t}`);
    else rest.push(t);
  }
  if (a.command === "version") return a;
  const cmd = rest.shift();
  if (cmd === undefined || cmd === "help") {
    if (cmd === "help" && rest[0] && rest[0] in COMMANDS) return { ...a, command: "help", helpFor: rest[0] as Command };
    return { ...a, command: "help" };
  }
  if (!(cmd in COMMANDS)) throw new UsageError(`unknown command "${cmd}" (use check, report, template or demo)`);
  if (help) return { ...a, command: "help", helpFor: cmd as Command };
  a.command = cmd as Command;
  if (a.command === "check" || a.command === "report") {
    a.input = rest.shift();
    if (!a.input) throw new UsageError(`${a.command} needs a workbook: ${COMMANDS[a.command].synopsis}`);
  }
  if ((a.command === "report" || a.command === "template") && !a.output)
    throw new UsageError(`${a.command} needs an output file: -o <file.xlsx>`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  return a;
}
