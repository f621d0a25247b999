import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "../../src/cli/args";
import { listSources } from "../../src/cli/sources";
import { cli } from "../support/cli";

const EXAMPLES = join(__dirname, "../../examples/collation");
const io = { out: () => undefined, err: () => undefined, color: false };

describe("collation on the command line", () => {
  it("reads --source greedily (a shell-expanded pattern), repeatably, and --sources and --strict", () => {
    const a = parseArgs([
      "report",
      "p.xlsx",
      "--source",
      "a.xlsx",
      "plans/b.csv",
      "plans/c.csv",
      "--source=d.xlsx",
      "--sources",
      "dir",
      "--strict",
      "-o",
      "out.xlsx",
    ]);
    expect([a.input, a.sources, a.sourceDirs, a.strict, a.output]).toEqual([
      "p.xlsx",
      ["a.xlsx", "plans/b.csv", "plans/c.csv", "d.xlsx"],
      ["dir"],
      true,
      "out.xlsx",
    ]);
    expect(parseArgs(["check", "p.xlsx"]).sources).toBeUndefined();
  });

  it("takes every workbook and CSV of a folder in name order, not Excel's lock files, and expands a pattern left to it", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-sources-"));
    for (const f of ["b.xlsx", "a.csv", "~$b.xlsx", "notes.txt", ".hidden.xlsx", "c.XLSM"])
      writeFileSync(join(dir, f), "x");
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "a.csv"), "x");
    const listed = listSources(
      {
        command: "check",
        format: "text",
        quiet: false,
        force: false,
        overwriteReadOnly: false,
        strict: false,
        sourceDirs: [dir],
        sources: [join(dir, "sub", "*.csv"), join(dir, "nowhere", "*.csv")],
      },
      io,
    );
    expect(listed.map((f) => [f.name, !!f.path, f.error ?? ""])).toEqual([
      // two files called a.csv: each is named by its path
      [expect.stringMatching(/sub\/a\.csv$/), true, ""],
      [expect.stringMatching(/nowhere\/\*\.csv$/), false, "no such folder"],
      [expect.stringMatching(/pmo-sources-\w+\/a\.csv$/), true, ""],
      ["b.xlsx", true, ""],
      ["c.XLSM", true, ""],
    ]);
  });

  it("stops with --strict when a source cannot be read, writing nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-strict-"));
    const out = join(dir, "pack.xlsx");
    const r = await cli(
      "report",
      join(EXAMPLES, "programme.xlsx"),
      "--source",
      join(EXAMPLES, "sources/estates.xlsx"),
      join(dir, "gone.xlsx"),
      "--strict",
      "-o",
      out,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--strict: gone\.xlsx could not be read \(no such file\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("never writes the pack over a source, and never reads the programme workbook as its own source", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-over-"));
    copyFileSync(join(EXAMPLES, "sources/estates.xlsx"), join(dir, "estates.xlsx"));
    copyFileSync(join(EXAMPLES, "programme.xlsx"), join(dir, "programme.xlsx"));
    const over = await cli(
      "report",
      join(dir, "programme.xlsx"),
      "--sources",
      dir,
      "-o",
      join(dir, "estates.xlsx"),
      "--force",
    );
    expect(over.code).toBe(2);
    expect(over.err).toContain("is one of the sources");
    const check = await cli("check", join(dir, "programme.xlsx"), "--sources", dir, "--format", "json");
    // Only Estates is here: the programme's Dependencies row naming Workforce's and Community Hubs' items cannot be resolved.
    expect(check.code).toBe(1);
    const json = JSON.parse(check.out);
    const errors = json.diagnostics.filter((d: { severity: string }) => d.severity === "error");
    expect(errors.map((d: { code: string; sheet: string; cell: string }) => [d.code, d.sheet, d.cell])).toEqual([
      ["unknown-reference", "Dependencies", "A2"],
    ]);
    expect(errors[0].message).toMatch(
      /not the ID of any project or milestone in the programme workbook or in estates\.xlsx/,
    );
    expect(json.collation.map((s: { file: string; workstream: string }) => [s.file, s.workstream])).toEqual([
      ["estates.xlsx", "Estates"],
    ]);
  });
});

describe("check --format sarif with sources", () => {
  it("puts each source's findings in its own file, at its own sheet and cell", async () => {
    const r = await cli(
      "check",
      join(EXAMPLES, "programme.xlsx"),
      "--sources",
      join(EXAMPLES, "sources"),
      "--format",
      "sarif",
    );
    const run = JSON.parse(r.out).runs[0];
    expect(run.artifacts.map((x: { location: { uri: string } }) => x.location.uri.split("/").pop())).toEqual([
      "programme.xlsx",
      "community-hubs.xlsx",
      "digital.xlsx",
      "estates.xlsx",
      "urgent-care.csv",
      "workforce.xlsx",
    ]);
    const push = run.results.find(
      (x: { ruleId: string; properties?: { item: string } }) =>
        x.ruleId === "slippage-impact" && x.properties?.item === "D01",
    );
    expect(push.locations[0].physicalLocation.artifactLocation).toMatchObject({
      index: 2,
      uri: expect.stringMatching(/sources\/digital\.xlsx$/),
    });
    expect(push.locations[0].logicalLocations[0]).toMatchObject({ fullyQualifiedName: "'Projects'!F2", kind: "cell" });
  });
});
