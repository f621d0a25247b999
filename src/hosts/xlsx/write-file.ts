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
  /** The exclusive step: a hard link of the finished file, which fails if the name is taken (default fs.linkSync). */
  linkSync?: typeof fs.linkSync;
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
export function checkOutputPath(
  path: string,
  opts: { force: boolean; extensions: string[]; input?: string; readOnly?: boolean },
): void {
  const ext = extname(path).toLowerCase();
  if (!opts.extensions.includes(ext))
    throw new OutputError(
      `${path} does not end in ${opts.extensions.join(" or ")}: the report is an Excel workbook, so give the file that extension`,
    );
  if (opts.input && sameFile(opts.input, path))
    throw new OutputError(`the report would overwrite its input ${opts.input}: choose another file with -o`);
  const folder = dirname(resolve(path));
  let dir: fs.Stats;
  try {
    dir = fs.statSync(folder);
  } catch {
    throw new OutputError(
      `the folder ${folder} does not exist: create it, or choose another place for ${basename(path)}`,
    );
  }
  if (!dir.isDirectory())
    throw new OutputError(`${folder} is not a folder, so ${basename(path)} cannot be written in it`);
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
  if (here.isDirectory())
    throw new OutputError(`${path} is a folder: give a file name, such as ${join(path, "report.xlsx")}`);
  if (!here.isFile())
    throw new OutputError(`${path} is not an ordinary file (a device or a pipe), so nothing is written to it`);
  if (!opts.force) throw new OutputError(`${path} already exists: add --force to replace it, or choose another name`);
  if (!opts.readOnly && isReadOnly(path, here))
    throw new OutputError(
      `${path} is read-only: it is left as it is. Make it writable, add --overwrite-read-only, or choose another name`,
    );
}

/** Read-only by its mode (no one may write it), or not writable by this user: so even root leaves a 0444 file alone. */
function isReadOnly(path: string, st: fs.Stats): boolean {
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(path, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** How writeFileSafely may treat a file already at the path. */
export interface WriteOptions {
  /** Replace a file that is there (--force); without it, a file that appears meanwhile is never replaced. Default true for callers that checked. */
  force?: boolean;
  /** Replace a read-only file too (--overwrite-read-only). */
  readOnly?: boolean;
}

/** Temporary files being written now, removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;
let tmpCount = 0;

/**
 * Every signal that ends the process by default and can be caught (POSIX; SIGKILL and SIGSTOP
 * cannot be): the temporary file is removed whichever arrives. SIGPIPE is ignored by Node, and
 * SIGUSR1 starts its debugger, so neither is taken over.
 */
const SIGNALS: [NodeJS.Signals, number][] = [
  ["SIGINT", 2],
  ["SIGTERM", 15],
  ["SIGHUP", 1],
  ["SIGQUIT", 3],
  ["SIGUSR2", 12],
  ["SIGALRM", 14],
  ["SIGVTALRM", 26],
  ["SIGXCPU", 24],
  ["SIGXFSZ", 25],
];

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
    process.stderr.write(
      `\npmo-highlights: stopped (${signal})${removed ? "; the unfinished file was removed and nothing was written" : ""}.\n`,
    );
    process.exit(code);
  };
  for (const [signal, n] of SIGNALS) {
    try {
      process.on(signal, () => cleanup(signal, 128 + n));
    } catch {
      /* not a signal on this system (Windows has few) */
    }
  }
}

/**
 * Writes bytes to a file without ever leaving a half-written file at the destination: a temporary
 * file beside it (created new, never through a link), flushed, then put in place. Without
 * `force` the last step is exclusive, a hard link that fails if the name has been taken meanwhile
 * (another run, another program), so nothing that appeared is replaced; with it, a rename over the
 * old file, which keeps its permissions (and its owner, where allowed) and is refused if it is
 * read-only unless `readOnly`. Any failure (a full disk, a lost network drive) or an interrupt
 * removes the temporary file and leaves the destination as it was.
 */
export async function writeFileSafely(
  path: string,
  data: Uint8Array,
  io: FileIo = NODE_IO,
  opts: WriteOptions = {},
): Promise<void> {
  await writeFileStreamed(
    path,
    async (sink) => {
      // In chunks, yielding between them, so Ctrl-C or a kill is handled (and the file removed) mid-write.
      const CHUNK = 4 * 1024 * 1024;
      for (let off = 0; off < data.length; off += CHUNK) {
        if (off) await new Promise((r) => setImmediate(r));
        sink.write(data.subarray(off, off + CHUNK));
      }
    },
    io,
    opts,
  );
}

/** Where a streamed output goes: the temporary file, written as the pieces come. */
export interface FileSink {
  write(chunk: Uint8Array): void;
  /** Flushes the temporary file and reads it back (the bytes to check before they are put in place). */
  written(): Uint8Array;
}

/** A failure of the file system while writing (as opposed to one of the producer's, passed on as it is). */
class IoFailure extends Error {
  constructor(readonly error: unknown) {
    super("I/O failure");
  }
}

/**
 * {@link writeFileSafely} for an output made piece by piece: `produce` writes to the temporary
 * file through the sink (a report streamed by writeReportTo), and only when it returns is the file
 * put in place, exclusively or with --force as above. If `produce` throws (a report that fails its
 * read-back, a refusal) the temporary file is removed and its error passed on; a failure of the
 * disk becomes a plain OutputError. Returns what `produce` returned.
 */
export async function writeFileStreamed<T>(
  path: string,
  produce: (sink: FileSink) => Promise<T>,
  io: FileIo = NODE_IO,
  opts: WriteOptions = {},
): Promise<T> {
  const force = opts.force ?? true;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${(++tmpCount).toString(36)}.tmp`);
  installSignalCleanup();
  const old = force ? existing(path, !!opts.readOnly) : null;
  let fd: number;
  try {
    fd = io.openSync(tmp, "wx", 0o644);
  } catch (e) {
    throw new OutputError(`cannot write ${path}: ${plainErrno(e)}`);
  }
  pending.add(tmp);
  const fail = (e: unknown, closed: boolean): never => {
    if (!closed)
      try {
        io.closeSync(fd);
      } catch {
        /* closing a failed file may fail too */
      }
    removeTemporary(tmp, io);
    if (e instanceof IoFailure)
      throw new OutputError(`cannot write ${path}: ${plainErrno(e.error)}; nothing was written`);
    throw e; // the producer's own refusal (or an OutputError of the last step), as it was
  };
  let result: T;
  try {
    if (old) keepMode(fd, old);
    const sink = fileSink(fd, tmp, io);
    result = await produce(sink);
    sink.flush();
  } catch (e) {
    return fail(e, false);
  }
  try {
    io.closeSync(fd);
    if (force) io.renameSync(tmp, path);
    else placeExclusively(tmp, path, io);
    pending.delete(tmp);
  } catch (e) {
    return fail(e instanceof OutputError ? e : new IoFailure(e), true);
  }
  return result;
}

/** The temporary file as a sink: every piece written whole, flushed once (when read back, or at the end). */
function fileSink(fd: number, tmp: string, io: FileIo): FileSink & { flush(): void } {
  let flushed = false;
  const guard = <R>(f: () => R): R => {
    try {
      return f();
    } catch (e) {
      throw new IoFailure(e);
    }
  };
  const flush = () => {
    if (!flushed) guard(() => io.fsyncSync(fd));
    flushed = true;
  };
  return {
    write(chunk) {
      flushed = false;
      guard(() => {
        for (let off = 0; off < chunk.length;) off += io.writeSync(fd, chunk, off, chunk.length - off);
      });
    },
    written() {
      flush();
      return guard(() => new Uint8Array(fs.readFileSync(tmp)));
    },
    flush,
  };
}

function removeTemporary(tmp: string, io: FileIo): void {
  pending.delete(tmp);
  try {
    io.unlinkSync(tmp);
  } catch {
    /* already gone */
  }
}

/** The file at the path now (to replace with --force), refused if it is read-only or not an ordinary file. */
function existing(path: string, readOnly: boolean): fs.Stats | null {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(path);
  } catch {
    return null;
  }
  if (!st.isFile())
    throw new OutputError(
      `${path} is not an ordinary file (a link, a folder, a device or a pipe), so nothing is written to it`,
    );
  if (!readOnly && isReadOnly(path, st))
    throw new OutputError(
      `${path} is read-only: it is left as it is. Make it writable, add --overwrite-read-only, or choose another name`,
    );
  return st;
}

/** The new file gets the old one's permissions (a 0600 report stays 0600) and, where allowed, its owner. */
function keepMode(fd: number, old: fs.Stats): void {
  fs.fchmodSync(fd, old.mode & 0o7777);
  try {
    fs.fchownSync(fd, old.uid, old.gid);
  } catch {
    /* only root may give a file away: it stays this user's */
  }
}

/** Puts the finished temporary file at the path only if nothing is there: link (fails if taken), then drop the temporary name. */
function placeExclusively(tmp: string, path: string, io: FileIo): void {
  try {
    (io.linkSync ?? fs.linkSync)(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST")
      throw new OutputError(
        `${path} appeared while the report was being written (another run or program made it): it is left as it is and nothing was written. Add --force to replace it, or choose another name`,
      );
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
    // A file system without hard links (FAT, some network shares): an exclusive create, then the bytes.
    fs.copyFileSync(tmp, path, fs.constants.COPYFILE_EXCL);
  }
  try {
    io.unlinkSync(tmp);
  } catch {
    /* the report is in place; a leftover temporary name is removed by the caller's cleanup */
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
