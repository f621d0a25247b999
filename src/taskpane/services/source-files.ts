import type { SourceInput } from "../../collation/part";
import { readWorkbook } from "../../hosts/xlsx/read";
import { parseCsv, sheetNameFromFile } from "../../ingest/csv";
import { decodeWindows1252 } from "../../ingest/windows-1252";
import type { FileSource, SourceFiles } from "./types";

/**
 * Browser mode's workstream sources: the files the officer chose, each read again by the .xlsx
 * file host on every check and report (a CSV as the command line reads it). A file that cannot be
 * read is handed on with its reason, to be named and left out (src/collation), never to stop the run.
 */
export function sourceFiles(): SourceFiles & { read(): Promise<SourceInput[]> } {
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
      const out: SourceInput[] = [];
      for (const f of files.values()) {
        try {
          const bytes = await f.read();
          if (/\.csv$/i.test(f.name)) out.push({ file: f.name, snapshot: { sheets: [parseCsv(decodeText(bytes), sheetNameFromFile(f.name))], tables: [], date1904: false } });
          else out.push({ file: f.name, snapshot: await readWorkbook(bytes) });
        } catch (e) {
          out.push({ file: f.name, error: (e as Error).message.replace(/\.$/, "") });
        }
      }
      return out;
    },
  };
}

/** UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel and Project save CSV. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
