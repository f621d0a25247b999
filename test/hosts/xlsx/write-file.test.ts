import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileSafely, type FileIo } from "../../../src/hosts/xlsx/write-file";

/** Faults injected at every step of writing the output file: the destination is never half-written. */
const STEPS: (keyof FileIo)[] = ["openSync", "writeSync", "fsyncSync", "closeSync", "renameSync"];

function failing(step: keyof FileIo, code: string): FileIo {
  const real: FileIo = { openSync: fs.openSync, writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l), fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync, unlinkSync: fs.unlinkSync };
  return {
    ...real,
    [step]: (...args: unknown[]) => {
      if (step === "closeSync") (real.closeSync as (fd: number) => void)(args[0] as number); // the file is closed, but the call reports a failure
      throw Object.assign(new Error(`${code}: injected`), { code });
    },
  };
}

describe("writing the output file", () => {
  it.each(STEPS.flatMap((s) => [[s, "ENOSPC"], [s, "EIO"]]))("a failure at %s (%s) leaves the destination as it was and no temporary file", async (step, code) => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-wf-"));
    const existing = join(dir, "report.xlsx");
    writeFileSync(existing, "the previous report");
    await expect(writeFileSafely(existing, new Uint8Array(100_000).fill(7), undefined, failing(step as keyof FileIo, code))).rejects.toMatchObject({ code });
    expect(readFileSync(existing, "utf8")).toBe("the previous report");
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
    const fresh = join(dir, "new.xlsx");
    await expect(writeFileSafely(fresh, new Uint8Array(10), undefined, failing(step as keyof FileIo, code))).rejects.toBeTruthy();
    expect(existsSync(fresh)).toBe(false);
  });

  it("does not write at all when verification fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-wf-"));
    const target = join(dir, "report.xlsx");
    await expect(writeFileSafely(target, new Uint8Array(10), async () => Promise.reject(new Error("the report sheet is missing")))).rejects.toThrow("missing");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes the whole file when nothing fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-wf-"));
    const target = join(dir, "report.xlsx");
    const data = new Uint8Array(1_000_000).map((_, i) => i % 251);
    await writeFileSafely(target, data);
    expect(new Uint8Array(readFileSync(target))).toEqual(data);
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
  });
});
