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
    const r = await cli("report", input, "-o", out, "--quiet");
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
    expect(r.err.split("\n")[0]).toMatch(/ENOENT/);
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
