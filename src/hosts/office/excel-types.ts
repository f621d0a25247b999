/**
 * The part of the Excel JavaScript API this host uses, as narrow interfaces. The host is written
 * against these, and the test fake implements them. The assertions at the end make the
 * compiler check that the real @types/office-js classes satisfy every one of them, so the host
 * and the fake cannot drift from the real API: a misspelt member or a wrong signature fails
 * `tsc` (npm run typecheck, and ts-jest in the tests).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface LoadableLike {
  load(propertyNames?: string | string[]): unknown;
}

export interface RangeFontLike {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  underline: string;
}
export interface RangeFillLike {
  color: string;
  clear(): void;
}
export interface RangeBorderLike {
  style: string;
  color: string;
}
export interface RangeBordersLike {
  getItem(
    index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal",
  ): RangeBorderLike;
}
export interface RangeFormatLike {
  font: RangeFontLike;
  fill: RangeFillLike;
  borders: RangeBordersLike;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  columnWidth: number;
  rowHeight: number;
}
export interface RangeHyperlinkLike {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}
export interface CellValueRuleLike {
  formula1: string;
  formula2?: string;
  operator: string;
}
export interface ConditionalFormatLike {
  cellValue: { format: { fill: RangeFillLike; font: { color: string; bold: boolean } }; rule: CellValueRuleLike };
}
export interface ConditionalFormatCollectionLike {
  add(type: "CellValue"): ConditionalFormatLike;
}
export interface RangeLike extends LoadableLike {
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: any[][];
  numberFormat: any[][];
  hyperlink: RangeHyperlinkLike;
  format: RangeFormatLike;
  conditionalFormats: ConditionalFormatCollectionLike;
  isNullObject: boolean;
  merge(across?: boolean): void;
  select(): void;
  /** Releases the proxy ("Untrack unneeded proxy objects", docs concepts/resource-limits-and-performance-optimization.md). */
  untrack(): RangeLike;
  dataValidation: { rule: any };
}

export interface NamedItemLike extends LoadableLike {
  name: string;
  formula: any;
  visible: boolean;
  delete(): void;
}
export interface NamedItemCollectionLike extends LoadableLike {
  items: NamedItemLike[];
  add(name: string, reference: string, comment?: string): NamedItemLike;
}

export interface TableLike extends LoadableLike {
  name: string;
  style: string;
  worksheet: { name: string } & LoadableLike;
  getRange(): RangeLike;
}
export interface TableCollectionLike extends LoadableLike {
  items: TableLike[];
  /** Given a Range (ExcelApi 1.3), the table is on the range's sheet; a sheet-less address means the active sheet. */
  add(address: RangeLike | string, hasHeaders: boolean): TableLike;
}

export interface ChartFillLike {
  setSolidColor(color: string): void;
  clear(): void;
}
export interface ChartLineLike {
  color: string;
  lineStyle: string;
  weight: number;
}
export interface ChartSeriesLike {
  name: string;
  /** ExcelApi 1.7; bar and column charts only. */
  gapWidth: number;
  /** ExcelApi 1.8; 2-D bar and column charts only. */
  overlap: number;
  format: { fill: ChartFillLike; line: ChartLineLike };
  points: { getItemAt(index: number): { format: { fill: ChartFillLike } } };
  setValues(sourceData: RangeLike): void;
  setXAxisValues(sourceData: RangeLike): void;
  delete(): void;
}
export interface ChartAxisLike {
  minimum: any;
  maximum: any;
  majorUnit: any;
  reversePlotOrder: boolean;
  /** ExcelApi 1.8. */
  numberFormat: string;
  /** Where the other axis crosses this one (ExcelApi 1.8). */
  position: string;
  /** The other axis crosses this one at a value (ExcelApi 1.8). */
  setPositionAt(value: number): void;
  tickLabelPosition: string;
  format: { line: ChartLineLike };
}
export interface ChartLike extends LoadableLike {
  name: string;
  delete(): void;
  title: { text: string };
  legend: { visible: boolean; position: string };
  axes: { valueAxis: ChartAxisLike; categoryAxis: ChartAxisLike };
  series: { getItemAt(index: number): ChartSeriesLike; add(name?: string, index?: number): ChartSeriesLike };
  setPosition(startCell: RangeLike | string, endCell?: RangeLike | string): void;
}
export interface ChartCollectionLike extends LoadableLike {
  items: ChartLike[];
  add(type: string, sourceData: RangeLike, seriesBy?: string): ChartLike;
}

export interface PageLayoutLike {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  firstPageNumber?: number | "";
  headersFooters: {
    defaultForAllPages: { leftHeader: string; rightHeader: string; leftFooter: string; centerFooter: string };
  };
  setPrintTitleRows(printTitleRows: RangeLike | string): void;
  /** ExcelApi 1.9. */
  setPrintArea(printArea: RangeLike | string | Excel.RangeAreas): void;
}

export interface WorksheetLike extends LoadableLike {
  /** Stable for the sheet's life, whatever its name (ExcelApi 1.1). */
  id: string;
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  names: NamedItemCollectionLike;
  tables: TableCollectionLike;
  charts: ChartCollectionLike;
  freezePanes: { freezeRows(count?: number): void };
  /** ExcelApi 1.9: manual page breaks, each before its range's top-left cell. */
  horizontalPageBreaks: { add(pageBreakRange: RangeLike | string): unknown };
  pageLayout: PageLayoutLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  getRange(address?: string): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
  delete(): void;
}
export interface WorksheetCollectionLike extends LoadableLike {
  items: WorksheetLike[];
  add(name?: string): WorksheetLike;
  getItem(key: string): WorksheetLike;
}

export interface WorkbookLike {
  worksheets: WorksheetCollectionLike;
  /** Workbook-scoped names (ExcelApi 1.1; `add` 1.4): where the run's lock lives (ownership.ts). */
  names: NamedItemCollectionLike;
  tables: TableCollectionLike;
  functions: { date(year: number, month: number, day: number): { value: any } & LoadableLike };
  protection: { protected: boolean } & LoadableLike;
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
}

export interface ContextLike {
  workbook: WorkbookLike;
  sync(): Promise<any>;
}

// ---- Drift guards: the real API must satisfy every interface above. ----
type Satisfies<Real extends Narrow, Narrow> = Real;
export type _Guards = [
  Satisfies<Excel.Range, RangeLike>,
  Satisfies<Excel.RangeFormat, RangeFormatLike>,
  Satisfies<Excel.NamedItem, NamedItemLike>,
  Satisfies<Excel.NamedItemCollection, NamedItemCollectionLike>,
  Satisfies<Excel.Table, TableLike>,
  Satisfies<Excel.TableCollection, TableCollectionLike>,
  Satisfies<Excel.ChartSeries, ChartSeriesLike>,
  Satisfies<Excel.ChartAxis, ChartAxisLike>,
  Satisfies<Excel.Chart, ChartLike>,
  Satisfies<Excel.ChartCollection, ChartCollectionLike>,
  Satisfies<Excel.PageLayout, PageLayoutLike>,
  Satisfies<Excel.Worksheet, WorksheetLike>,
  Satisfies<Excel.WorksheetCollection, WorksheetCollectionLike>,
  Satisfies<Excel.Workbook, WorkbookLike>,
  Satisfies<Excel.RequestContext, ContextLike>,
];
