import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkOutputPath, OutputError, writeFileSafely, type FileIo } from "../../../src/hosts/xlsx/write-file";

/** Faults injected at every step of writing the output file: the destination is never half-written. */
const STEPS: (keyof FileIo)[] = ["openSync", "writeSync", "fsyncSync", "closeSync", "renameSync"];

function failing(step: keyof FileIo, code: string): FileIo {
  const real: FileIo = {
    openSync: fs.openSync,
    writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    unlinkSync: fs.unlinkSync,
  };
  return {
    ...real,
    [step]: (...args: unknown[]) => {
      if (step === "closeSync") (real.closeSync as (fd: number) => void)(args[0] as number); // the file is closed, but the call reports a failure
      throw Object.assign(new Error(`${code}: injected`), { code });
    },
  };
}

describe("writing the output file", () => {
  it.each(
    STEPS.flatMap((s) => [
      [s, "ENOSPC"],
      [s, "EIO"],
    ]),
  )("a failure at %s (%s) leaves the destination as it was and no temporary file", async (step, code) => {
    const dir = mkdtempSync(join(tmpdir(), "pmo-wf-"));
    const existing = join(dir, "report.xlsx");
    writeFileSync(existing, "the previous report");
    await expect(
      writeFileSafely(existing, new Uint8Array(100_000).fill(7), failing(step as keyof FileIo, code)),
    ).rejects.toThrow(/^cannot write .*report\.xlsx: (the disk is full|the disk reported an error)/);
    expect(readFileSync(existing, "utf8")).toBe("the previous report");
    expect(readdirSync(dir)).toEqual(["report.xlsx"]);
    const fresh = join(dir, "new.xlsx");
    await expect(
      writeFileSafely(fresh, new Uint8Array(10), failing(step as keyof FileIo, code)),
    ).rejects.toBeInstanceOf(OutputError);
    expect(existsSync(fresh)).toBe(false);
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

describe("what may be written", () => {
  const dir = mkdtempSync(join(tmpdir(), "pmo-out-"));
  const refuse = (path: string, opts: Partial<{ force: boolean; input: string; extensions: string[] }> = {}) => {
    try {
      checkOutputPath(path, { force: false, extensions: [".xlsx"], ...opts });
      return "";
    } catch (e) {
      expect(e).toBeInstanceOf(OutputError);
      expect((e as Error).message.split("\n")).toHaveLength(1);
      return (e as Error).message;
    }
  };
  it("refuses an existing file unless --force, and a read-only one even then", () => {
    const f = join(dir, "mine.xlsx");
    writeFileSync(f, "the officer's workbook");
    expect(refuse(f)).toMatch(/already exists: add --force/);
    expect(refuse(f, { force: true })).toBe("");
    fs.chmodSync(f, 0o444);
    if (process.getuid?.() !== 0) expect(refuse(f, { force: true })).toMatch(/is read-only/);
    fs.chmodSync(f, 0o644);
  });
  it("refuses the input, a folder, a device, a link, a missing folder and a wrong extension", () => {
    const input = join(dir, "in.xlsx");
    writeFileSync(input, "x");
    expect(refuse(input, { force: true, input })).toMatch(/would overwrite its input/);
    const link = join(dir, "link.xlsx");
    fs.symlinkSync(input, link);
    expect(refuse(link, { force: true, input })).toMatch(/would overwrite its input/);
    expect(refuse(link, { force: true })).toMatch(/is a link/);
    const folder = join(dir, "adir.xlsx");
    fs.mkdirSync(folder);
    expect(refuse(folder, { force: true })).toMatch(/is a folder/);
    expect(refuse("/dev/null", { force: true, extensions: [""] })).toMatch(/not an ordinary file/);
    expect(refuse(join(dir, "nowhere", "r.xlsx"))).toMatch(/^the folder .*nowhere does not exist/);
    expect(refuse(join(dir, "r.txt"))).toMatch(/does not end in \.xlsx/);
    expect(refuse(join(dir, "r.xlsm"))).toMatch(/does not end in \.xlsx/);
    expect(refuse(join(dir, "r.xlsm"), { extensions: [".xlsm"] })).toBe("");
  });
});
