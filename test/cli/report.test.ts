import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { cli } from "../support/cli";
import { SAMPLE_PATH } from "../support/sample";

const dir = mkdtempSync(join(tmpdir(), "pmo-report-"));
const sha = (f: string) => createHash("sha1").update(readFileSync(f)).digest("hex");

describe("pmo-highlights report", () => {
  it("writes a copy with the report sheets and says what it wrote; the input is untouched", async () => {
    const input = join(dir, "programme.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = sha(input);
    const out = join(dir, "programme-report.xlsx");
    const r = await cli("report", input, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote the report to ${out}`);
    expect(r.out).toContain("sheets: Board Report, HR Working in Partnership");
    expect(r.out).toMatch(/findings: 0 errors, \d+ warnings/);
    expect(sha(input)).toBe(before);
    const back = await readWorkbook(readFileSync(out));
    expect(back.sheets.map((s) => s.name)).toContain("Board Report");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses to write over its input", async () => {
    const input = join(dir, "same.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = sha(input);
    const r = await cli("report", input, "-o", input);
    expect(r.code).toBe(2);
    expect(r.err).toContain("would overwrite its input");
    expect(sha(input)).toBe(before);
  });

  it("exits 2, writing nothing, when the input cannot be read", async () => {
    const out = join(dir, "never.xlsx");
    const r = await cli("report", join(dir, "missing.xlsx"), "-o", out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 with a reason when the output folder does not exist, leaving nothing behind", async () => {
    const r = await cli("report", SAMPLE_PATH, "-o", join(dir, "no", "such", "dir", "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^pmo-highlights: the folder \S+no\/such\/dir does not exist: create it, or choose another place for out\.xlsx\n$/,
    );
  });
});

describe("pmo-highlights demo", () => {
  it("checks the bundled sample, writes its report and says where", async () => {
    const out = join(dir, "demo.xlsx");
    const r = await cli("demo", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("South Staffordshire PCT");
    expect(r.out).toContain(`Wrote the report to ${out}`);
    expect(existsSync(out)).toBe(true);
  });
});

describe("safe writes", () => {
  it("never replaces an existing workbook without --force: template, demo and report alike", async () => {
    const mine = join(dir, "mywork.xlsx");
    copyFileSync(SAMPLE_PATH, mine);
    const before = sha(mine);
    for (const args of [
      ["template", "-o", mine],
      ["demo", "-o", mine],
      ["report", SAMPLE_PATH, "-o", mine],
    ]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`pmo-highlights: ${mine} already exists: add --force to replace it, or choose another name\n`);
      expect(sha(mine)).toBe(before);
    }
    const r = await cli("report", SAMPLE_PATH, "-o", mine, "--force", "--quiet");
    expect([r.code, r.out, r.err]).toEqual([0, "", ""]); // --quiet: nothing on success
    expect(sha(mine)).not.toBe(before);
  });
  it("checks the extension: a workbook is never written under another name", async () => {
    const r = await cli("report", SAMPLE_PATH, "-o", join(dir, "r.txt"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/r\.txt does not end in \.xlsx/);
    expect(existsSync(join(dir, "r.txt"))).toBe(false);
  });
});

describe("the command line's manners", () => {
  it("--version, --help with a line per command, and <command> --help with a line per option", async () => {
    expect((await cli("--version")).out).toMatch(/^pmo-highlights \d+\.\d+\.\d+\n$/);
    const help = (await cli("--help")).out;
    for (const c of ["check", "report", "template", "demo"]) expect(help).toMatch(new RegExp(`^  ${c} +\\S`, "m"));
    const r = (await cli("report", "--help")).out;
    for (const o of ["-o, --output", "--as-of", "--force", "-q, --quiet", "-h, --help"]) expect(r).toContain(o);
    const c = await cli("check", "--bogus");
    expect([c.code, c.err]).toEqual([
      2,
      "pmo-highlights: unknown option --bogus. pmo-highlights --help lists the commands.\n",
    ]);
  });
  it("check --quiet prints only the summary line", async () => {
    const r = await cli("check", SAMPLE_PATH, "--quiet");
    expect(r.out.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^sample-programme\.xlsx: 0 errors, \d+ warnings, \d+ info; overall RED as of 31 Jan 2010$/,
      ),
    ]);
  });
  it("check --format sarif writes SARIF 2.1.0 with each finding at its cell", async () => {
    const r = await cli("check", SAMPLE_PATH, "--format", "sarif");
    const s = JSON.parse(r.out);
    expect(s.version).toBe("2.1.0");
    const run = s.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain("rag-mismatch");
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === "risk-escalation");
    expect(res).toMatchObject({
      level: "warning",
      locations: [{ logicalLocations: [{ fullyQualifiedName: "'Risk Log'!F5", kind: "cell" }] }],
    });
    expect(run.results).toHaveLength(JSON.parse((await cli("check", SAMPLE_PATH, "--json")).out).diagnostics.length);
  });
});
