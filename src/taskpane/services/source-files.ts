import { readAtText } from "../../core/primitives/provenance";
import type { SourceBytes } from "../worker/file-protocol";
import type { FileSource, SourceFiles } from "./types";

/**
 * The pane's workstream sources (Excel and browser mode): the files the officer chose, read again
 * on every check and report. Only their bytes are read here, each stamped with when; the file
 * worker reads each with the .xlsx file host (a CSV as the command line reads it), and the
 * analysis collates them (src/core/collation). A file that cannot be read is handed on with its reason,
 * to be named and left out, never to stop the run.
 */
export function sourceFiles(): SourceFiles & { read(): Promise<SourceBytes[]> } {
  const files = new Map<string, FileSource>();
  return {
    names: () => [...files.keys()],
    add(list) {
      for (const f of list) files.set(f.name, f);
    },
    remove(name) {
      files.delete(name);
    },
    async read() {
      const out: SourceBytes[] = [];
      for (const f of files.values()) {
        try {
          const bytes = (await f.read()).slice().buffer;
          out.push({ file: f.name, bytes, readAt: readAtText(new Date()) });
        } catch (e) {
          out.push({ file: f.name, error: (e as Error).message.replace(/\.$/, "") });
        }
      }
      return out;
    },
  };
}
