import { writeTemplate } from "../../hosts/xlsx/template";
import { inlineFileJobs, type FileJobs } from "../worker/file-client";
import { plainError } from "./plain-errors";
import { sourceFiles } from "./source-files";
import type { SessionEdits } from "./session-edits";
import { FileGoneError, type FileSource, type WorkbookService } from "./types";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A workbook file opened in the browser (no Office): the same checks and report through the
 * .xlsx host, in the file worker (`jobs`); the result is offered as a download. This thread only
 * reads the file's bytes and hands them over. Nothing leaves the machine.
 */
export function fileService(
  source: FileSource,
  jobs: FileJobs,
  urls: { create: (b: Blob) => string } = { create: (b) => URL.createObjectURL(b) },
): WorkbookService {
  const name = source.name;
  const edits: SessionEdits = { settings: {}, maps: [] };
  const sources = sourceFiles();
  /** The file as it is now on disk, read again each time. */
  const bytes = async (): Promise<Uint8Array> => {
    try {
      return await source.read();
    } catch (e) {
      throw new FileGoneError(
        `${name} could not be read again: it may have been changed, moved or deleted since you opened it. Choose "Open another workbook" and pick it again (${plainError(e, "read it")})`,
      );
    }
  };
  return {
    mode: "file",
    title: name,
    sources,
    preview: (sheet, cell, src) => jobs.preview(sheet, cell, src),
    async check(opts, progress) {
      progress("Reading", 0, 0);
      return jobs.check(name, await bytes(), edits, opts.asOf, progress, await sources.read());
    },
    async report(opts, progress) {
      progress("Reading", 0, 0);
      const out = await jobs.report(name, await bytes(), edits, opts, progress, await sources.read());
      const outName = name.replace(/\.xlsx$/i, "") + " - report.xlsx";
      return {
        sheets: out.sheets,
        renamed: out.renamed,
        download: { name: outName, url: urls.create(out.blob), bytes: out.blob.size },
      };
    },
    async mapColumn(map) {
      edits.maps.push(map);
      return "session";
    },
    async saveSettings(values) {
      edits.settings = { ...values } as SessionEdits["settings"];
      return "session";
    },
    templateDownload: () => templateDownload(urls),
    dispose: () => jobs.dispose(),
  };
}

/** The blank input workbook, to download (small: written on this thread). */
export async function templateDownload(
  urls: { create: (b: Blob) => string } = { create: (b) => URL.createObjectURL(b) },
): Promise<{ name: string; url: string }> {
  const bytes = await writeTemplate(new Date().getFullYear());
  return { name: "programme-template.xlsx", url: urls.create(new Blob([bytes as BlobPart], { type: XLSX_TYPE })) };
}

/**
 * Reads the file once as it is chosen (in the worker): a file that is not a workbook (a CSV, a
 * README, an old .xls, a Word document renamed, an empty file) is refused at once with its name
 * and what to do, instead of failing later on Run.
 */
export async function checkWorkbook(source: FileSource, jobs: FileJobs = inlineFileJobs()): Promise<void> {
  let data: Uint8Array;
  try {
    data = await source.read();
  } catch (e) {
    throw new Error(`${source.name} could not be read: ${plainError(e, "read it")}`);
  }
  await jobs.open(source.name, data);
}
