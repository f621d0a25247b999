import * as fs from "node:fs";
import { basename, dirname, join } from "node:path";

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

/**
 * Writes bytes to a file without ever leaving a half-written file at the destination:
 * a temporary file beside it, flushed, checked by the caller's `verify`, then renamed over.
 * Any failure (a full disk, a lost network drive) removes the temporary file and leaves the
 * destination as it was.
 */
export async function writeFileSafely(path: string, data: Uint8Array, verify?: (data: Uint8Array) => Promise<void>, io: FileIo = NODE_IO): Promise<void> {
  if (verify) await verify(data);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const removeTmp = () => {
    try {
      io.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  };
  const fd = io.openSync(tmp, "w");
  try {
    let off = 0;
    while (off < data.length) off += io.writeSync(fd, data, off, data.length - off);
    io.fsyncSync(fd);
  } catch (e) {
    try {
      io.closeSync(fd);
    } catch {
      /* closing a failed file may fail too */
    }
    removeTmp();
    throw e;
  }
  try {
    io.closeSync(fd);
    io.renameSync(tmp, path);
  } catch (e) {
    removeTmp();
    throw e;
  }
}
