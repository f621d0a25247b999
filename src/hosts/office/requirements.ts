/* global Office */
import { EXCEL_VERSION_NOTE, HostError } from "./errors";

/**
 * Requirement sets (API reference tags). The manifest asks for ExcelApi 1.8: 1.7 for hyperlinks,
 * chart series, getRangeByIndexes, freeze panes and tab colours; 1.8 for the chart's axis number
 * format, crossing and series overlap — and 1.8 leaves out volume-licensed Office 2019, whose
 * Internet Explorer webview cannot run the pane. Checked at run time: 1.9 (page layout, print
 * area, page breaks, screen-updating suspension) and 1.20 (one undo group).
 */
export interface Capabilities {
  /** 1.9: print layout (orientation, fit to page, titles), screen-updating suspension. */
  pageLayout: boolean;
  /** 1.20: one undo step for a whole run. */
  mergeUndo: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function officeIsSetSupported(): IsSetSupported {
  return (name, version) =>
    typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(name, version);
}

export function capabilities(isSetSupported: IsSetSupported): Capabilities {
  if (!isSetSupported("ExcelApi", "1.8"))
    throw new HostError(
      "unsupported",
      `This version of Excel is too old for the add-in (it needs the ExcelApi 1.8 requirement set). It works in ${EXCEL_VERSION_NOTE}.`,
    );
  return { pageLayout: isSetSupported("ExcelApi", "1.9"), mergeUndo: isSetSupported("ExcelApi", "1.20") };
}

/** The client, for its undo rules: Office.context.platform (OfficeOnline, PC, Mac); anything else is "other". */
export function officePlatform(): "web" | "windows" | "mac" | "other" {
  const p = typeof Office !== "undefined" ? String(Office.context?.platform ?? "") : "";
  return p === "OfficeOnline" ? "web" : p === "PC" ? "windows" : p === "Mac" ? "mac" : "other";
}
