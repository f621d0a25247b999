import { readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { analyseCollation } from "../core/collation/analyse";
import { contributedWords } from "../core/collation/collate";
import type { SourceInput } from "../core/collation/part";
import { toJson } from "../core/analysis/summary";
import { checkOutputPath, writeFileStreamed } from "../hosts/xlsx/write-file";
import { writeReportTo } from "../hosts/xlsx/write-report";
import { countBySeverity, type Diagnostic } from "../core/primitives/diagnostic";
import { PLACE_SEPARATOR, readAtText, type SourceSummary } from "../core/primitives/provenance";
import type { WorkbookSnapshot } from "../core/primitives/snapshot";
import { buildReportPlan } from "../core/pipeline";
import type { CliArgs } from "./args";
import { formatReport, summaryLine, visible } from "./format";
import { Progress } from "./progress";
import { toSarif } from "./sarif";

/** What the command line's main lends collation: its file reader and its version line. */
export interface CliHost {
  load: (
    file: string,
    progress: Progress,
  ) => Promise<{ snapshot: WorkbookSnapshot; data: () => Promise<Uint8Array>; kind: string }>;
  version: () => string;
  fail: (message: string) => Error;
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

const READABLE = new Set([".xlsx", ".xlsm", ".csv"]);

export const hasSources = (a: CliArgs): boolean => !!(a.sources?.length || a.sourceDirs?.length);

/**
 * `check`/`report PROGRAMME.xlsx --source A.xlsx --source plans/*.csv --sources DIR`: the
 * programme workbook and its workstream sources collated into one analysis (src/core/collation). A
 * source that cannot be read is named and left out, never the whole run lost: exit 1 with the
 * pack written and the gap on its Data quality section — or, with --strict, exit 2 and no pack.
 */
export async function runCollated(command: "check" | "report", args: CliArgs, io: Io, host: CliHost): Promise<number> {
  const machine = command === "check" && args.format !== "text";
  const progress = new Progress(io.err, args.quiet || machine);
  const files = listSources(args, io);
  const programmeFile = args.input!;
  if (command === "report") {
    checkOutputPath(args.output!, {
      force: args.force,
      extensions: extname(programmeFile).toLowerCase() === ".xlsm" ? [".xlsm"] : [".xlsx"],
      input: programmeFile,
    });
    if (files.some((f) => f.path && resolve(f.path) === resolve(args.output!)))
      throw host.fail(`${args.output} is one of the sources: write the pack to another file`);
  }
  const main = await host.load(programmeFile, progress);
  const inputs: SourceInput[] = [];
  for (const f of files) {
    if (f.path && resolve(f.path) === resolve(programmeFile)) continue;
    if (!f.path) inputs.push({ file: f.name, error: f.error });
    else
      try {
        progress.stage(`Reading ${f.name}`);
        const { snapshot } = await host.load(f.path, progress);
        inputs.push({ file: f.name, snapshot, readAt: readAtText(new Date()) });
      } catch (e) {
        inputs.push({ file: f.name, error: reason(e, f.path) });
      }
  }
  const missing = inputs.filter((s) => s.error);
  if (args.strict && missing.length)
    throw host.fail(`--strict: ${missing.map((s) => `${s.file} could not be read (${s.error})`).join("; ")}`);
  progress.stage("Checking");
  const analysis = analyseCollation(main.snapshot, inputs, { asOf: args.asOf });
  const sources = analysis.programme.collation!.sources;
  const errors = analysis.diagnostics.some((d) => d.severity === "error");
  if (command === "check") {
    progress.done();
    if (args.format === "json") io.out(JSON.stringify({ ...toJson(analysis), collation: sources }, null, 2));
    else if (args.format === "sarif")
      io.out(
        JSON.stringify(perFile(toSarif(analysis, programmeFile, host.version()), analysis.diagnostics, files), null, 2),
      );
    else if (args.quiet) io.out(summaryLine(analysis, basename(programmeFile), io.color));
    else io.out(`${sourceLines(sources).join("\n")}\n\n${formatReport(analysis, basename(programmeFile), io.color)}`);
    return errors ? 1 : 0;
  }
  progress.stage("Planning the report");
  const plan = buildReportPlan(analysis);
  progress.stage("Writing");
  const data = await main.data();
  const result = await writeFileStreamed(args.output!, (sink) => writeReportTo(data, plan, sink));
  progress.done();
  if (!args.quiet) {
    const n = countBySeverity(analysis.diagnostics);
    io.out(`Wrote the collated report to ${args.output}`);
    for (const l of sourceLines(sources)) io.out(l);
    io.out(`  sheets: ${result.sheets.map((s) => s.name).join(", ")}`);
    if (result.replaced.length)
      io.out(`  replaced the report sheets of the earlier run: ${result.replaced.join(", ")}`);
    for (const r of result.renamed)
      io.out(`  a sheet of yours is called "${r.wanted}", so the report's is "${r.name}"`);
    io.out(`  findings: ${n.error} errors, ${n.warning} warnings, ${n.info} info (listed on the Exceptions sheet)`);
  }
  if (missing.length)
    io.err(
      `pmo-highlights: left out ${missing.map((s) => s.file).join(", ")}: could not be read (see the Board Report's Data quality section)`,
    );
  return missing.length ? 1 : 0;
}

type Sarif = ReturnType<typeof toSarif>;

/**
 * SARIF with each finding in its own file: a source's findings name the source as their artifact
 * and its plain sheet in their logical location ('Projects'!A3), so a CI system shows them per file.
 */
export function perFile(sarif: Sarif, diagnostics: readonly Diagnostic[], files: readonly Listed[]): Sarif {
  const run = sarif.runs[0];
  const artifacts = [
    ...run.artifacts,
    ...files.map((f) => ({ location: { uri: (f.path ?? f.name).replace(/\\/g, "/") } })),
  ];
  const results = run.results.map((r, i) => {
    const d = diagnostics[i];
    const k = files.findIndex((f) => d.sheet === f.name || d.sheet.startsWith(f.name + PLACE_SEPARATOR));
    if (k < 0) return r;
    const sheet = d.sheet.slice(files[k].name.length + PLACE_SEPARATOR.length);
    const fullyQualifiedName = sheet ? `'${sheet.replace(/'/g, "''")}'${d.cell ? `!${d.cell}` : ""}` : "(workbook)";
    const loc = r.locations[0].logicalLocations[0];
    return {
      ...r,
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: artifacts[k + 1].location.uri, index: k + 1 } },
          logicalLocations: [{ ...loc, fullyQualifiedName, kind: d.cell ? "cell" : "sheet" }],
        },
      ],
    };
  });
  return { ...sarif, runs: [{ ...run, artifacts, results }] };
}

/** One line per source: what it contributed, or why it was left out. */
export function sourceLines(sources: readonly SourceSummary[]): string[] {
  return [
    `Sources (${sources.length}):`,
    ...sources.map((s) => {
      if (s.unreadable) return `  ${visible(s.file)}: NOT READ (${visible(s.unreadable)}); left out of this report`;
      const links = s.crossLinks ? `, ${s.crossLinks} link${s.crossLinks === 1 ? "" : "s"} to other workstreams` : "";
      const ids = s.qualifiedIds.length
        ? `, ${s.qualifiedIds.length} ID${s.qualifiedIds.length === 1 ? "" : "s"} qualified (${s.qualifiedIds.slice(0, 3).join(", ")}${s.qualifiedIds.length > 3 ? "…" : ""})`
        : "";
      return `  ${visible(s.file)} → ${visible(s.workstream)}: ${contributedWords(s)} from ${s.rows} rows${links}${ids}; ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}`;
    }),
  ];
}

interface Listed {
  name: string;
  path?: string;
  error?: string;
}

/**
 * The sources named: each --source (a file, or a pattern such as plans/*.csv when the shell left
 * it unexpanded) and every workbook or CSV in each --sources folder (not Excel's ~$ lock files).
 * A file is named by its file name, or by its path where two share a name.
 */
export function listSources(args: CliArgs, io: Io): Listed[] {
  const out: { path?: string; error?: string; label: string }[] = [];
  for (const s of args.sources ?? []) {
    if (/[*?]/.test(basename(s))) {
      const found = matching(dirname(s), basename(s));
      if (found.error || !found.files.length)
        out.push({ label: s, error: found.error ?? "no file matches this pattern" });
      for (const f of found.files) out.push({ label: f, path: f });
    } else out.push({ label: s, path: s });
  }
  for (const d of args.sourceDirs ?? []) {
    const found = matching(d, "*");
    if (found.error) out.push({ label: d, error: found.error });
    else if (!found.files.length) io.err(`pmo-highlights: ${d} holds no .xlsx, .xlsm or .csv file`);
    for (const f of found.files) out.push({ label: f, path: f });
  }
  const seen = new Set<string>();
  const unique = out.filter((f) => !f.path || (!seen.has(resolve(f.path)) && !!seen.add(resolve(f.path))));
  const count = new Map<string, number>();
  for (const f of unique) count.set(basename(f.label), (count.get(basename(f.label)) ?? 0) + 1);
  const name = (f: (typeof unique)[number]) =>
    !f.path
      ? f.label
      : count.get(basename(f.label))! > 1
        ? relative(process.cwd(), f.label) || f.label
        : basename(f.label);
  return unique.map((f) => ({ name: name(f), path: f.path, error: f.error }));
}

function matching(dir: string, pattern: string): { files: string[]; error?: string } {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return { files: [], error: "it is not a folder" };
    names = readdirSync(dir);
  } catch (e) {
    return {
      files: [],
      error: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder" : (e as Error).message,
    };
  }
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return {
    files: names
      .filter((n) => re.test(n) && READABLE.has(extname(n).toLowerCase()) && !n.startsWith("~$") && !n.startsWith("."))
      .sort()
      .map((n) => join(dir, n)),
  };
}

/** A reader's failure in words, without the "cannot read <file>:" the source's name already says. */
function reason(e: unknown, file: string): string {
  const m = ((e as Error)?.message ?? String(e)).split("\n")[0];
  return m.replace(`cannot read ${file}: `, "").replace(/\.$/, "");
}
