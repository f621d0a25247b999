import * as fs from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";

/**
 * Writing the command line's output files safely: only regular files; never over the input; an
 * existing file only with --force, and never a read-only one; never through a link; through a
 * temporary file beside the destination that is renamed over it only when complete, and removed on
 * any failure and on Ctrl-C or a kill. Every refusal is one plain line naming the path.
 */
export class OutputError extends Error {}

/** The file-system calls writeFileSafely makes (a parameter, so tests can fail each one). */
export interface FileIo {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  unlinkSync: typeof fs.unlinkSync;
}

const NODE_IO: FileIo = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

/** True when two paths name one file (so a report never overwrites its input, through a link or not). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Checks an output path before any work is done: its extension, its folder, and what is there now.
 * `extensions` lists the accepted ones (".xlsx", or ".xlsm" for a macro-enabled input).
 */
export function checkOutputPath(path: string, opts: { force: boolean; extensions: string[]; input?: string }): void {
  const ext = extname(path).toLowerCase();
  if (!opts.extensions.includes(ext)) throw new OutputError(`${path} does not end in ${opts.extensions.join(" or ")}: the report is an Excel workbook, so give the file that extension`);
  if (opts.input && sameFile(opts.input, path)) throw new OutputError(`the report would overwrite its input ${opts.input}: choose another file with -o`);
  const folder = dirname(resolve(path));
  let dir: fs.Stats;
  try {
    dir = fs.statSync(folder);
  } catch {
    throw new OutputError(`the folder ${folder} does not exist: create it, or choose another place for ${basename(path)}`);
  }
  if (!dir.isDirectory()) throw new OutputError(`${folder} is not a folder, so ${basename(path)} cannot be written in it`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new OutputError(`cannot write to the folder ${folder}: choose a folder you can write to`);
  }
  let here: fs.Stats;
  try {
    here = fs.lstatSync(path);
  } catch {
    return; // nothing there: fine
  }
  if (here.isSymbolicLink()) throw new OutputError(`${path} is a link: give the path of an ordinary file instead`);
  if (here.isDirectory()) throw new OutputError(`${path} is a folder: give a file name, such as ${join(path, "report.xlsx")}`);
  if (!here.isFile()) throw new OutputError(`${path} is not an ordinary file (a device or a pipe), so nothing is written to it`);
  if (!opts.force) throw new OutputError(`${path} already exists: add --force to replace it, or choose another name`);
  try {
    fs.accessSync(path, fs.constants.W_OK);
  } catch {
    throw new OutputError(`${path} is read-only: it is left as it is. Make it writable, or choose another name`);
  }
}

/** Temporary files being written now, removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanup = (signal: NodeJS.Signals, code: number) => {
    let removed = 0;
    for (const tmp of pending) {
      try {
        fs.unlinkSync(tmp);
        removed++;
      } catch {
        /* already gone */
      }
    }
    pending.clear();
    process.stderr.write(`\npmo-highlights: stopped (${signal})${removed ? "; the unfinished file was removed and nothing was written" : ""}.\n`);
    process.exit(code);
  };
  process.on("SIGINT", () => cleanup("SIGINT", 130));
  process.on("SIGTERM", () => cleanup("SIGTERM", 143));
}

/**
 * Writes bytes to a file without ever leaving a half-written file at the destination: a temporary
 * file beside it (created new, never through a link), flushed, then renamed over. Any failure (a
 * full disk, a lost network drive) or an interrupt removes the temporary file and leaves the
 * destination as it was.
 */
export async function writeFileSafely(path: string, data: Uint8Array, io: FileIo = NODE_IO): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  installSignalCleanup();
  const removeTmp = () => {
    pending.delete(tmp);
    try {
      io.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  };
  let fd: number;
  try {
    fd = io.openSync(tmp, "wx", 0o644);
  } catch (e) {
    throw new OutputError(`cannot write ${path}: ${plainErrno(e)}`);
  }
  pending.add(tmp);
  try {
    // In chunks, yielding between them, so Ctrl-C or a kill is handled (and the file removed) mid-write.
    const CHUNK = 4 * 1024 * 1024;
    let off = 0;
    while (off < data.length) {
      off += io.writeSync(fd, data, off, Math.min(CHUNK, data.length - off));
      if (off < data.length) await new Promise((r) => setImmediate(r));
    }
    io.fsyncSync(fd);
  } catch (e) {
    try {
      io.closeSync(fd);
    } catch {
      /* closing a failed file may fail too */
    }
    removeTmp();
    throw new OutputError(`cannot write ${path}: ${plainErrno(e)}; nothing was written`);
  }
  try {
    io.closeSync(fd);
    io.renameSync(tmp, path);
    pending.delete(tmp);
  } catch (e) {
    removeTmp();
    throw new OutputError(`cannot write ${path}: ${plainErrno(e)}; nothing was written`);
  }
}

/** An operating-system error in words, without the code printed twice. */
export function plainErrno(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOENT: "the folder does not exist",
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the disk is read-only",
    EISDIR: "it is a folder",
    EEXIST: "a temporary file of that name is in the way",
    EIO: "the disk reported an error",
  };
  if (code && words[code]) return words[code];
  const msg = (e as Error)?.message ?? String(e);
  return msg.replace(/^[A-Z]+: /, "").split("\n")[0];
}
