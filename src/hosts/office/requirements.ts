/* global Office */
import { EXCEL_VERSION_NOTE, HostError } from "./errors";

/**
 * Requirement sets. The manifest asks for ExcelApi 1.7 (hyperlinks, chart series and axes,
 * getRangeByIndexes); later sets improve the result and are used only where present.
 */
export interface Capabilities {
  /** 1.9: print layout (orientation, fit to page, titles), screen-updating suspension. */
  pageLayout: boolean;
  /** 1.20: one undo step for a whole run. */
  mergeUndo: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function officeIsSetSupported(): IsSetSupported {
  return (name, version) => typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(name, version);
}

export function capabilities(isSetSupported: IsSetSupported): Capabilities {
  if (!isSetSupported("ExcelApi", "1.7")) throw new HostError("unsupported", `This version of Excel is too old for the add-in (it needs the ExcelApi 1.7 requirement set). It works in ${EXCEL_VERSION_NOTE}.`);
  return { pageLayout: isSetSupported("ExcelApi", "1.9"), mergeUndo: isSetSupported("ExcelApi", "1.20") };
}

/** The client, for its undo rules: Office.context.platform (OfficeOnline, PC, Mac); anything else is "other". */
export function officePlatform(): "web" | "windows" | "mac" | "other" {
  const p = typeof Office !== "undefined" ? String(Office.context?.platform ?? "") : "";
  return p === "OfficeOnline" ? "web" : p === "PC" ? "windows" : p === "Mac" ? "mac" : "other";
}
