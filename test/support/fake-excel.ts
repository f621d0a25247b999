/**
 * An in-memory Excel for testing the Office.js host without Excel. It implements the host's
 * narrow interfaces (src/hosts/office/excel-types.ts), which the compiler checks against
 * @types/office-js, and models the documented rules the host could break. Each rule names its
 * source (office-js-docs-pr page, API reference in @types/office-js, or OfficeDev/office-js issue);
 * rules marked ASSUMPTION are not documented and must be confirmed in real Excel
 * (docs/office-host.md, manual checklist).
 *
 *  - Proxies: reading a property that was not loaded, or loaded but not yet synced, throws
 *    PropertyNotLoaded; sets, method calls and loads are queued and run in queue order at sync()
 *    ("requests to load properties … get added to the queue of pending commands", docs
 *    develop/application-specific-api-model.md). Loads see the state left by the commands before them.
 *  - Request size: Excel on the web refuses requests and responses over 5 MB
 *    (docs concepts/resource-limits-and-performance-optimization.md). A request is counted as
 *    Office.js serialises it: each action, plus an object path for every proxy it touches
 *    (ClientRequestBase.buildRequestMessageBodyAndRequestFlags in office.js sends
 *    { Actions, ObjectPaths }).
 *  - Undo (docs excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs"): inside
 *    `mergeUndoGroup` (ExcelApi 1.20) a non-undoable API throws UndoNotSupported;
 *    `Worksheet.delete` is not undoable anywhere, `Worksheet.name`, `.visibility` and `.position`
 *    are not undoable on Windows and Mac (`platform`). Outside a group such a call clears the
 *    user's undo stack ("If you call an unsupported API … the user's undo stack is cleared"):
 *    recorded in `undoCleared`. ASSUMPTION: the error is raised at the offending action, with
 *    the actions before it applied.
 *  - ASSUMPTION (undocumented): a string written through `values` starting with = + - becomes a
 *    formula (the Range.values reference says so for + - =), and so does @ (not documented);
 *    a cell already formatted as Text ("@") keeps such a string as text (not documented for the
 *    API; the reference says only "Text format cells are treated as text even when a number is
 *    in the cell").
 *  - Tables (reference TableCollection.add): "The range object or source address determines the
 *    worksheet"; "If the address does not contain a sheet name, the currently-active sheet is
 *    used". A table may not overlap merged cells (docs testing/application-specific-api-error-handling.md,
 *    MergedRangeConflict) or another table.
 *  - Charts (reference ChartCollection.add, seriesBy): a chart gets one series per column of its
 *    source ("Columns"); `ChartFill.clear()` "Clears the fill color" — recorded as "cleared",
 *    not as no fill, since the reference does not say which (office-js #609, #4890).
 *  - Freeze panes on a hidden sheet throw GeneralException: conservative model of office-js
 *    #1463 (unfreeze on a hidden sheet threw) and the reference's "Sets the frozen cells in the
 *    active worksheet view" (panes are view state).
 *  - Sheet and table names unique (ItemAlreadyExists); sheet names at most 31 characters, without
 *    \ / ? * [ ] :, not starting or ending with ', and not "History" ("Be named "History". This is a
 *    reserved word Excel uses internally", Microsoft support "Rename a worksheet",
 *    support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9) (InvalidArgument: ASSUMPTION,
 *    the code); 2-D arrays the size of the range.
 *  - Focus (docs excel/excel-add-ins-troubleshooting.md, "API limitations when the active workbook
 *    switches"; office-js #2078, #6365): with `focusLost` on Windows or Mac (not the web: "This only
 *    applies to multiple Excel workbooks open on Windows or Mac"), WorksheetCollection.add,
 *    Worksheet.activate, Range.select and freeze panes throw GeneralException and Worksheet.delete
 *    throws InvalidSelection.
 *  - Chart properties per chart type (reference ChartSeries.gapWidth: "Only valid on bar and column
 *    charts … Throws an invalid argument exception on invalid charts"; ChartSeries.overlap "Applies
 *    only to 2-D bar and 2-D column charts", refused here with InvalidArgument: ASSUMPTION, the code)
 *    and per platform (office-js #1688: on iPad ChartAxis.position, minimum, maximum and
 *    reversePlotOrder were refused with InvalidArgument); `chartRefusals` adds others (#1729: axis
 *    minimum and maximum on Windows, markerStyle on the web, InvalidOperation).
 *  - Co-authoring: `coauthor` runs before each sync's commands, as a second session's changes
 *    merged in between syncs (docs excel/co-authoring-in-excel-add-ins.md: the add-in's JavaScript
 *    state is not synchronised, the workbook is); a `mergeRefused` fault is office-js #1813 ("Can't
 *    merge changes … reload": the add-in's changes are lost and the add-in closes): the workbook
 *    goes back to what it was when the run began and the runtime is dead.
 *  - A dead runtime (`kill` fault: a closed pane, a lost network, the ribbon's 5-minute limit, docs
 *    design/add-in-commands.md): that sync and every later one, in any run, fail until `revive()`,
 *    as a new pane would start; nothing gets to clean up.
 *  - ASSUMPTION (issue 26, item 11): setting a hyperlink's `textToDisplay` stores that text as the
 *    cell's value, so a number shown as a link reads back as its text.
 * It counts syncs, records every request with its payload size, and can fail any step with
 * any error code (commands before the failing one stay applied: ASSUMPTION, undocumented).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { a1, parseRange, quoteSheetName, rangeAddress } from "../../src/core/primitives/cell";
import type { WorkbookSnapshot } from "../../src/core/primitives/snapshot";
import type {
  LoadableLike,
  ChartAxisLike,
  ChartCollectionLike,
  ChartLike,
  ChartSeriesLike,
  ConditionalFormatCollectionLike,
  ConditionalFormatLike,
  ContextLike,
  NamedItemCollectionLike,
  NamedItemLike,
  PageLayoutLike,
  RangeFormatLike,
  RangeHyperlinkLike,
  RangeLike,
  TableCollectionLike,
  TableLike,
  WorkbookLike,
  WorksheetCollectionLike,
  WorksheetLike,
} from "../../src/hosts/office/excel-types";
import type { RunOptions } from "../../src/hosts/office/run";

export const LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

// ---------------------------------------------------------------- state

export interface CellState {
  v: string | number | boolean;
  formula?: string;
  fmt?: string;
}
export interface ChartState {
  name?: string;
  type: string;
  seriesBy: string;
  title: string;
  legend: { visible: boolean; position: string };
  /** fill: a colour, "cleared" after ChartFill.clear() (what Excel then draws is undocumented), or unset. */
  series: {
    name: string;
    values?: string;
    categories?: string;
    fill?: string;
    line?: string;
    lineStyle?: string;
    gapWidth?: number;
    overlap?: number;
    points: Record<number, string>;
  }[];
  axes: { value: Record<string, any>; category: Record<string, any> };
  position?: [string, string | undefined];
}
export interface SheetState {
  id: number;
  name: string;
  visibility: string;
  tabColor: string;
  cells: Map<number, Map<number, CellState>>;
  names: NameEntry[];
  charts: ChartState[];
  formats: { range: string; props: Record<string, any> }[];
  hyperlinks: Map<string, RangeHyperlinkLike>;
  merges: string[];
  conditional: { range: string; rule: any; format: Record<string, any> }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freezeRows: number;
  pageLayout: Record<string, any>;
  protectedSheet: boolean;
  validations: { range: string; rule: any }[];
}
export interface TableState {
  name: string;
  sheet: SheetState;
  range: string;
  style: string;
}
export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  date1904: boolean;
  protectedStructure: boolean;
  /** The active sheet (the first sheet when unset). */
  active?: SheetState;
  /** Workbook-scoped names. */
  names?: NameEntry[];
}
export interface NameEntry {
  name: string;
  formula: string;
  visible: boolean;
}

let nextSheetId = 1;
export function newSheet(name: string): SheetState {
  return {
    id: nextSheetId++,
    name,
    visibility: "Visible",
    tabColor: "",
    cells: new Map(),
    names: [],
    charts: [],
    formats: [],
    hyperlinks: new Map(),
    merges: [],
    conditional: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freezeRows: 0,
    pageLayout: {},
    protectedSheet: false,
    validations: [],
  };
}

export function cellOf(s: SheetState, r: number, c: number): CellState | undefined {
  return s.cells.get(r)?.get(c);
}

function setCell(s: SheetState, r: number, c: number, cell: CellState | undefined) {
  let row = s.cells.get(r);
  if (!row) s.cells.set(r, (row = new Map()));
  if (cell === undefined) row.delete(c);
  else row.set(c, cell);
}

/** A workbook state holding a snapshot's sheets (as values) and tables. */
export function stateFromSnapshot(snap: WorkbookSnapshot): WorkbookState {
  const sheets = snap.sheets.map((sh) => {
    const s = newSheet(sh.name);
    sh.rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === null || v === undefined) return;
        setCell(s, sh.top + r, sh.left + c, { v: typeof v === "object" ? v.error : v });
      }),
    );
    return s;
  });
  const tables = snap.tables.map((t) => ({
    name: t.name,
    sheet: sheets.find((s) => s.name === t.sheet)!,
    range: rangeAddress(t.range),
    style: "TableStyleMedium2",
  }));
  for (const r of snap.reportSheets ?? [])
    sheets
      .find((s) => s.name === r.sheet)
      ?.names.push({ name: "PMOHighlights.Report", formula: `="${r.key}"`, visible: false });
  return { sheets, tables, date1904: snap.date1904, protectedStructure: false, active: sheets[0], names: [] };
}

/** A copy of the whole workbook (shared references kept: a table's sheet stays that sheet). */
export function cloneState(s: WorkbookState): WorkbookState {
  return structuredClone(s);
}

/** A deep, comparable copy of a sheet's cells (for "input never changed" checks). */
export function cellsOf(s: SheetState): Record<string, CellState> {
  const out: Record<string, CellState> = {};
  for (const [r, row] of s.cells) for (const [c, cell] of row) out[a1(r, c)] = { ...cell };
  return out;
}

// ---------------------------------------------------------------- requests

export interface Fault {
  /** Fail the n-th sync (1-based) of the whole fake's life. */
  sync?: number;
  /** Or fail at the first command whose description matches. */
  when?: (op: string, detail: any) => boolean;
  code: string;
  /** Fail only once (then behave), as a passing conflict would. */
  once?: boolean;
  /** The runtime dies here (a closed pane): this sync and all later ones fail until `revive()`. With `applied`, after the commands ran (the answer lost). */
  kill?: boolean;
  applied?: boolean;
  /** office-js #1813: "Can't merge changes": the run's changes are lost (the workbook as the run found it) and the runtime is dead. */
  mergeRefused?: boolean;
  /** Excel's message (debugInfo.message), e.g. office-js #6501's "Operation failed because the data is not current on the server." */
  message?: string;
}

interface Command {
  op: string;
  detail: any;
  bytes: number;
  /** The object path of the proxy the action is on ("ws(Data)/range(0,0,1,1)/format/font"). */
  path: string;
  run: () => void;
}

export type Platform = "web" | "windows" | "mac" | "ipad";

/** What Windows and Mac refuse while another workbook has the focus (docs excel/excel-add-ins-troubleshooting.md). */
const FOCUS_REFUSED: Record<string, string> = {
  "worksheets.add": "GeneralException",
  "worksheet.activate": "GeneralException",
  "range.select": "GeneralException",
  freezeRows: "GeneralException",
  "worksheet.delete": "InvalidSelection",
};

/**
 * APIs the host uses that Excel cannot undo, by platform (docs excel/excel-add-ins-undo-capabilities.md,
 * "Unsupported APIs": Worksheet.delete "No | No"; Worksheet.name, .position, .visibility "Yes | No").
 */
export const NOT_UNDOABLE: Record<string, (p: Platform) => boolean> = {
  "worksheet.delete": () => true,
  "worksheet.name": (p) => p !== "web",
  "worksheet.visibility": (p) => p !== "web",
  "worksheet.position": (p) => p !== "web",
};

/** Bytes Office.js sends per action (its Id, ActionType, Name, ObjectPathId, ArgumentInfo) besides the arguments. */
const ACTION_BYTES = 70;
/** Bytes per object path (Id, ObjectPathType, Name, ParentObjectPathId, ArgumentInfo) besides its name and arguments. */
const PATH_BYTES = 80;

class PropertyNotLoaded extends FakeOfficeError {
  constructor(what: string, pending: boolean) {
    super(
      "PropertyNotLoaded",
      pending
        ? `${what} was loaded but context.sync() has not run since`
        : `${what} is read without load() and context.sync() first`,
    );
  }
}

/** Base of every proxy: tracks which properties were loaded and synced. */
abstract class Loadable {
  protected loaded = new Set<string>();
  protected pending = new Set<string>();
  constructor(readonly ctx: FakeContext) {}
  protected abstract describe(): string;
  /** Loads these properties at the next sync: `fetch` reads them from the state then. */
  protected queueLoad(props: string[], fetch: () => void) {
    for (const p of props) this.pending.add(p);
    this.ctx.queueLoad(fetch, () => {
      for (const p of props) {
        this.pending.delete(p);
        this.loaded.add(p);
      }
    });
  }
  protected check(prop: string) {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(`${this.describe()}.${prop}`, this.pending.has(prop));
  }
}

function parseProps(names?: string | string[]): string[] {
  const list = Array.isArray(names) ? names : (names ?? "").split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------- context

export class FakeExcel {
  syncs = 0;
  requests: { sync: number; bytes: number; responseBytes: number; ops: string[]; paths: number }[] = [];
  faults: Fault[] = [];
  runs: RunOptions[] = [];
  /** Simulates Excel on the web's payload limits (default on). */
  limits = true;
  /** The last cell selected through the API. */
  selection: { sheet: string; address: string } | null = null;
  /** Which client's undo rules apply. */
  platform: Platform = "web";
  /** Non-undoable calls made outside an undo group: each cleared the user's undo stack. */
  undoCleared: string[] = [];
  /** Another workbook has the focus (Windows and Mac only refuse for it). */
  focusLost = false;
  /** A second session's changes, merged in before each sync's commands run (sync number, state). */
  coauthor?: (sync: number, state: WorkbookState) => void;
  /** Chart properties this client refuses beyond the documented ones: (chart type, property) → an error code, or undefined. */
  chartRefusals: ((type: string, prop: string) => string | undefined)[] = [];
  /** The runtime is dead (a `kill` or `mergeRefused` fault): every sync fails until `revive()`. */
  dead = false;
  /** Proxies released with untrack(). */
  untracked = 0;
  constructor(public state: WorkbookState) {
    state.names ??= [];
  }

  /** A new runtime (a pane opened again). */
  revive(): void {
    this.dead = false;
  }

  static fromSnapshot(snap: WorkbookSnapshot): FakeExcel {
    return new FakeExcel(stateFromSnapshot(snap));
  }

  /** Excel.run: a fresh context, the batch, then the implicit final sync. */
  run = async <T>(options: RunOptions, batch: (ctx: ContextLike) => Promise<T>): Promise<T> => {
    this.runs.push({ ...options });
    const ctx = new FakeContext(this, options);
    ctx.startState = this.faults.some((f) => f.mergeRefused) ? cloneState(this.state) : undefined;
    const result = await batch(ctx);
    await ctx.sync();
    return result;
  };

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }
}

export class FakeContext implements ContextLike {
  private commands: Command[] = [];
  private loaded: (() => void)[] = [];
  readonly workbook: FakeWorkbook;
  constructor(
    readonly excel: FakeExcel,
    readonly options: RunOptions,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(op: string, detail: any, run: () => void, path: string = op) {
    const bytes = ACTION_BYTES + JSON.stringify(detail ?? null).length;
    this.commands.push({ op, detail, bytes, path, run });
  }

  /** A load is an action in the queue like any other: it reads the state the actions before it left. */
  queueLoad(fetch: () => void, done: () => void) {
    this.commands.push({ op: "load", detail: null, bytes: ACTION_BYTES, path: "load", run: fetch });
    this.loaded.push(done);
  }

  async sync(): Promise<void> {
    const fake = this.excel;
    fake.syncs++;
    const commands = this.commands;
    const loaded = this.loaded;
    this.commands = [];
    this.loaded = [];
    // Each action, and each object path (every prefix of a proxy's path) once per request.
    const paths = new Set<string>();
    let bytes = 0;
    for (const c of commands) {
      bytes += c.bytes;
      // Each prefix once; a path already sent has all its prefixes sent (so most commands cost one look-up).
      for (let end = c.path.length; end > 0; end = c.path.lastIndexOf("/", end - 1)) {
        const p = end === c.path.length ? c.path : c.path.slice(0, end);
        if (paths.has(p)) break;
        paths.add(p);
        bytes += PATH_BYTES + (end - c.path.lastIndexOf("/", end - 1) - 1);
      }
    }
    const record = { sync: fake.syncs, bytes, responseBytes: 0, ops: commands.map((c) => c.op), paths: paths.size };
    fake.requests.push(record);
    const fail = (f: Fault) => {
      if (f.once) fake.faults = fake.faults.filter((x) => x !== f);
      if (f.kill || f.mergeRefused) fake.dead = true;
      if (f.mergeRefused && this.startState) fake.state = this.startState;
      throw Object.assign(
        new FakeOfficeError(f.code, f.message ?? f.code),
        f.message ? { debugInfo: { code: f.code, message: f.message } } : {},
      );
    };
    if (fake.dead) throw new FakeOfficeError("RequestAborted", "the add-in's runtime has closed");
    const atSync = fake.faults.find((f) => f.sync === fake.syncs);
    if (atSync && !(atSync.kill && atSync.applied)) fail(atSync);
    fake.coauthor?.(fake.syncs, fake.state);
    if (fake.limits && bytes > LIMIT) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded");
    await Promise.resolve();
    const before = this.responseBytes;
    for (const c of commands) {
      const f = fake.faults.find((x) => x.when?.(c.op, c.detail));
      if (f) fail(f);
      const refusedForFocus =
        fake.focusLost && (fake.platform === "windows" || fake.platform === "mac") ? FOCUS_REFUSED[c.op] : undefined;
      if (refusedForFocus) throw new FakeOfficeError(refusedForFocus, "another workbook has the focus");
      if (NOT_UNDOABLE[c.op]?.(fake.platform)) {
        if (this.options.mergeUndoGroup)
          throw new FakeOfficeError("UndoNotSupported", `${c.op} cannot be undone on ${fake.platform}`);
        fake.undoCleared.push(c.op);
      }
      c.run();
    }
    // The loads' results are the response; they are readable once the whole request succeeded.
    const response = this.responseBytes - before;
    record.responseBytes = response;
    if (fake.limits && response > LIMIT) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded");
    if (atSync?.kill && atSync.applied) fail(atSync);
    for (const done of loaded) done();
  }

  /** The workbook as this run found it (kept only while a merge refusal is armed). */
  startState?: WorkbookState;

  /** Bytes of loaded values sent back (counted as each load is served). */
  responseBytes = 0;
}

// ---------------------------------------------------------------- objects

function colorOf(c: string) {
  return c.startsWith("#") ? c.toUpperCase() : c;
}

class FakeFormat implements RangeFormatLike {
  constructor(
    private readonly range: FakeRange,
    private readonly path = "",
  ) {}
  private set(prop: string, value: any) {
    const r = this.range;
    const path = `${r.path}/format${this.path ? `/${this.path.slice(0, -1).replace(/\./g, "/")}` : ""}`;
    r.ctx.queue(
      "format.set",
      { prop, value },
      () => {
        const s = r.resolveSheet();
        if (prop === "columnWidth") for (let c = r.col; c < r.col + r.cols; c++) s.columnWidths.set(c, value);
        else if (prop === "rowHeight") for (let k = r.row; k < r.row + r.rows; k++) s.rowHeights.set(k, value);
        else
          s.formats.push({
            range: r.addressOf(),
            props: { [this.path + prop]: typeof value === "string" ? colorOf(value) : value },
          });
      },
      path,
    );
  }
  get font(): any {
    const f = new FakeFormat(this.range, "font.");
    return new Proxy_({}, (p, v) => f.set(p, v));
  }
  get fill(): any {
    const f = new FakeFormat(this.range, "fill.");
    const target = { clear: () => f.set("clear", true) };
    return new globalThis.Proxy(target, {
      set: (_t, p, v) => {
        f.set(String(p), v);
        return true;
      },
      get: (t, p) => {
        if (p === "clear") return t.clear;
        if (p === "then") return undefined;
        throw new PropertyNotLoaded(String(p), false);
      },
    });
  }
  get borders(): any {
    return {
      getItem: (edge: string) => new Proxy_({}, (p, v) => new FakeFormat(this.range, `border.${edge}.`).set(p, v)),
    };
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v);
  }
  get wrapText(): boolean {
    throw new PropertyNotLoaded("format.wrapText", false);
  }
  get horizontalAlignment(): string {
    throw new PropertyNotLoaded("format.horizontalAlignment", false);
  }
  get verticalAlignment(): string {
    throw new PropertyNotLoaded("format.verticalAlignment", false);
  }
  get columnWidth(): number {
    throw new PropertyNotLoaded("format.columnWidth", false);
  }
  get rowHeight(): number {
    throw new PropertyNotLoaded("format.rowHeight", false);
  }
}

/** A write-only object whose property sets become queued commands. */

class Proxy_ {
  constructor(target: object, onSet: (prop: string, value: any) => void) {
    return new globalThis.Proxy(target, {
      set: (_t, p, v) => {
        onSet(String(p), v);
        return true;
      },
      get: (_t, p) => {
        if (p === "then") return undefined;
        throw new PropertyNotLoaded(String(p), false);
      },
    });
  }
}

let pathSeq = 0;

export class FakeRange extends Loadable implements RangeLike {
  /** Office.js gives every proxy its own object path, sent with the first request that uses it. */
  readonly path: string;
  private _values: any[][] | undefined;
  private _bounds: { row: number; col: number; rows: number; cols: number; isNull: boolean } | undefined;
  private _address = "";
  constructor(
    ctx: FakeContext,
    private readonly sheetRef: () => SheetState,
    public row: number,
    public col: number,
    public rows: number,
    public cols: number,
    private readonly resolver?: () => { row: number; col: number; rows: number; cols: number; isNull: boolean },
  ) {
    super(ctx);
    this.path = `ws/range${++pathSeq}(${row},${col},${rows},${cols})`;
  }
  protected describe() {
    return `Range(${this.addressOf()})`;
  }
  sheetState() {
    return this.sheetRef();
  }
  resolveSheet() {
    return this.sheetRef();
  }
  addressOf() {
    return `${this.rows ? rangeAddress({ top: this.row, left: this.col, bottom: this.row + this.rows - 1, right: this.col + this.cols - 1 }) : "?"}`;
  }
  private bounds() {
    if (this.resolver) {
      const b = this.resolver();
      this.row = b.row;
      this.col = b.col;
      this.rows = b.rows;
      this.cols = b.cols;
      this._bounds = b;
    }
  }
  load(names?: string | string[]): this {
    const props = parseProps(names);
    this.queueLoad([...props, "isNullObject"], () => {
      this.bounds();
      const s = this.sheetRef();
      this._address = `${quoteSheetName(s.name)}!${this.addressOf()}`;
      if (props.includes("values")) {
        if (this.rows * this.cols > 5_000_000) throw new FakeOfficeError("RangeExceedsLimit");
        const vals: any[][] = [];
        for (let r = 0; r < this.rows; r++) {
          const line: any[] = [];
          for (let c = 0; c < this.cols; c++) line.push(cellOf(s, this.row + r, this.col + c)?.v ?? "");
          vals.push(line);
        }
        this._values = vals;
        this.ctx.responseBytes += JSON.stringify(vals).length;
      } else this.ctx.responseBytes += 80;
    });
    return this;
  }
  get isNullObject(): boolean {
    this.check("isNullObject");
    return !!this._bounds?.isNull;
  }
  get address() {
    this.check("address");
    return this._address;
  }
  get rowIndex() {
    this.check("rowIndex");
    return this.row;
  }
  get columnIndex() {
    this.check("columnIndex");
    return this.col;
  }
  get rowCount() {
    this.check("rowCount");
    return this.rows;
  }
  get columnCount() {
    this.check("columnCount");
    return this.cols;
  }
  get values(): any[][] {
    this.check("values");
    return this._values!;
  }
  set values(v: any[][]) {
    if (v.length !== this.rows || v.some((r) => r.length !== this.cols))
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    this.ctx.queue(
      "range.values",
      { values: v },
      () => {
        const s = this.sheetRef();
        v.forEach((row, r) =>
          row.forEach((val, c) => {
            if (val === null) return; // null leaves the cell as it is
            const at = { r: this.row + r, c: this.col + c };
            const old = cellOf(s, at.r, at.c);
            if (val === "") return setCell(s, at.r, at.c, old?.fmt ? { v: "", fmt: old.fmt } : undefined);
            const text = typeof val === "string";
            // ASSUMPTION (see the header): = + - @ make a formula, unless the cell is already Text.
            if (text && old?.fmt !== "@" && /^[=+\-@]/.test(val) && val.length > 1)
              setCell(s, at.r, at.c, { v: "#FORMULA", formula: val, fmt: old?.fmt });
            else setCell(s, at.r, at.c, { v: val, fmt: old?.fmt });
          }),
        );
      },
      this.path,
    );
  }
  get numberFormat(): any[][] {
    throw new PropertyNotLoaded("numberFormat", false);
  }
  set numberFormat(v: any[][]) {
    if (v.length !== this.rows || v.some((r) => r.length !== this.cols)) throw new FakeOfficeError("InvalidArgument");
    this.ctx.queue(
      "range.numberFormat",
      { numberFormat: v },
      () => {
        const s = this.sheetRef();
        v.forEach((row, r) =>
          row.forEach((fmt, c) => {
            if (fmt === null) return;
            const old = cellOf(s, this.row + r, this.col + c);
            setCell(s, this.row + r, this.col + c, { v: old?.v ?? "", formula: old?.formula, fmt });
          }),
        );
      },
      this.path,
    );
  }
  get hyperlink(): RangeHyperlinkLike {
    throw new PropertyNotLoaded("hyperlink", false);
  }
  set hyperlink(h: RangeHyperlinkLike) {
    this.ctx.queue(
      "range.hyperlink",
      { ...h },
      () => {
        const s = this.sheetRef();
        s.hyperlinks.set(this.addressOf(), { ...h });
        // ASSUMPTION (header): textToDisplay becomes the cell's value, as text.
        if (h.textToDisplay !== undefined && h.textToDisplay !== "") {
          const old = cellOf(s, this.row, this.col);
          setCell(s, this.row, this.col, { v: h.textToDisplay, fmt: old?.fmt });
        }
      },
      this.path,
    );
  }
  get format(): RangeFormatLike {
    return new FakeFormat(this);
  }
  get conditionalFormats(): ConditionalFormatCollectionLike {
    return {
      add: (type: "CellValue"): ConditionalFormatLike => {
        const entry = { range: this.addressOf(), rule: undefined as any, format: {} as Record<string, any> };
        this.ctx.queue(
          "conditionalFormats.add",
          { type },
          () => this.sheetRef().conditional.push(entry),
          `${this.path}/conditionalFormats`,
        );
        const fmt = (part: string) =>
          new Proxy_({}, (p, v) => this.ctx.queue("cf.format", { part, p }, () => (entry.format[`${part}.${p}`] = v)));
        return {
          cellValue: {
            format: { fill: fmt("fill") as any, font: fmt("font") as any },
            set rule(r: any) {
              entry.rule = r;
            },
            get rule(): any {
              return entry.rule;
            },
          },
        };
      },
    };
  }
  /**
   * Range.merge(across?): "Set true to merge cells in each row of the specified range as separate
   * merged cells" (Excel.Range reference, ExcelApi 1.2: learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)).
   */
  merge(across = false): void {
    this.ctx.queue(
      "range.merge",
      { across },
      () => {
        const r = parseRange(this.addressOf())!;
        if (!across || r.top === r.bottom) this.sheetRef().merges.push(this.addressOf());
        else
          for (let row = r.top; row <= r.bottom; row++)
            this.sheetRef().merges.push(rangeAddress({ ...r, top: row, bottom: row }));
      },
      this.path,
    );
  }
  untrack(): this {
    this.ctx.excel.untracked++;
    return this;
  }
  select(): void {
    this.ctx.queue("range.select", { address: this.addressOf() }, () => {
      this.ctx.excel.selection = { sheet: this.sheetRef().name, address: this.addressOf() };
    });
  }
  get dataValidation() {
    const ctx = this.ctx;
    const at = () => ({ sheet: this.sheetRef(), address: this.addressOf() });
    return {
      set rule(rule: any) {
        ctx.queue("dataValidation.rule", { rule }, () => {
          const { sheet, address } = at();
          sheet.validations.push({ range: address, rule });
        });
      },
      get rule(): any {
        throw new PropertyNotLoaded("dataValidation.rule", false);
      },
    };
  }
}

/** A named item, bound to its entry (so deleting one of several in a batch removes the right ones). */
class FakeNamedItem extends Loadable implements NamedItemLike {
  constructor(
    ctx: FakeContext,
    private readonly holder: () => { names: NameEntry[] },
    private readonly entryOf: () => NameEntry,
  ) {
    super(ctx);
  }
  protected describe() {
    return "NamedItem";
  }
  private entry() {
    return this.entryOf();
  }
  load(names?: string | string[]): this {
    this.queueLoad(parseProps(names), () => void (this.ctx.responseBytes += 60));
    return this;
  }
  get name() {
    this.check("name");
    return this.entry().name;
  }
  get formula() {
    this.check("formula");
    return this.entry().formula;
  }
  get visible() {
    this.check("visible");
    return this.entry().visible;
  }
  set visible(v: boolean) {
    this.ctx.queue("name.visible", { v }, () => (this.entry().visible = v));
  }
  delete() {
    this.ctx.queue("name.delete", {}, () => {
      const h = this.holder();
      const e = this.entry();
      // Reference NamedItem.delete; a name already gone is ItemNotFound.
      if (!h.names.includes(e)) throw new FakeOfficeError("ItemNotFound");
      h.names = h.names.filter((x) => x !== e);
    });
  }
}

/** A sheet's names (Worksheet.names, ExcelApi 1.4) or the workbook's (Workbook.names). */
class FakeNames extends Loadable implements NamedItemCollectionLike {
  private _items: NamedItemLike[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly holder: () => { names: NameEntry[] },
  ) {
    super(ctx);
  }
  protected describe() {
    return "NamedItemCollection";
  }
  load(names?: string | string[]): this {
    const props = parseProps(names).map((p) => p.replace(/^items\//, ""));
    this.queueLoad(["items"], () => {
      const list = [...this.holder().names];
      this._items = list.map((e) => {
        const item = new FakeNamedItem(this.ctx, this.holder, () => e);
        (item as any).loaded = new Set(props);
        return item;
      });
      this.ctx.responseBytes += JSON.stringify(list).length;
    });
    return this;
  }
  get items() {
    this.check("items");
    return this._items!;
  }
  add(name: string, reference: string): NamedItemLike {
    const holder = this.holder;
    let entry: NameEntry | undefined;
    this.ctx.queue("names.add", { name, reference }, () => {
      const h = holder();
      if (h.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists");
      entry = { name, formula: reference, visible: true };
      h.names.push(entry);
    });
    return new FakeNamedItem(this.ctx, holder, () => entry!);
  }
}

class FakeTable extends Loadable implements TableLike {
  constructor(
    ctx: FakeContext,
    private readonly table: () => TableState,
  ) {
    super(ctx);
  }
  protected describe() {
    return "Table";
  }
  load(names?: string | string[]): this {
    this.queueLoad(parseProps(names), () => void (this.ctx.responseBytes += 60));
    return this;
  }
  get name() {
    this.check("name");
    return this.table().name;
  }
  set name(v: string) {
    this.ctx.queue("table.name", { v }, () => {
      if (this.ctx.excel.state.tables.some((t) => t !== this.table() && t.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists");
      this.table().name = v;
    });
  }
  get style() {
    this.check("style");
    return this.table().style;
  }
  set style(v: string) {
    this.ctx.queue("table.style", { v }, () => (this.table().style = v));
  }
  private _worksheet?: { name: string } & LoadableLike;
  get worksheet() {
    if (this._worksheet) return this._worksheet;
    const ctx = this.ctx;
    const t = this.table;
    const holder = new (class extends Loadable {
      protected describe() {
        return "Table.worksheet";
      }
      load(names?: string | string[]) {
        this.queueLoad(parseProps(names), () => void (ctx.responseBytes += 40));
        return this;
      }
      get name() {
        this.check("name");
        return t().sheet.name;
      }
    })(ctx);
    return (this._worksheet = holder);
  }
  getRange(): RangeLike {
    const t = this.table;
    const r = () => parseRange(t().range)!;
    return new FakeRange(
      this.ctx,
      () => t().sheet,
      0,
      0,
      0,
      0,
      () => ({
        row: r().top,
        col: r().left,
        rows: r().bottom - r().top + 1,
        cols: r().right - r().left + 1,
        isNull: false,
      }),
    );
  }
}

class FakeTables extends Loadable implements TableCollectionLike {
  private _items: TableLike[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly sheet?: () => SheetState,
  ) {
    super(ctx);
  }
  protected describe() {
    return "TableCollection";
  }
  private list() {
    const all = this.ctx.excel.state.tables;
    return this.sheet ? all.filter((t) => t.sheet === this.sheet!()) : all;
  }
  load(names?: string | string[]): this {
    const props = parseProps(names).map((p) => p.replace(/^items\//, ""));
    this.queueLoad(["items"], () => {
      this._items = this.list().map((t) => {
        const item = new FakeTable(this.ctx, () => t);
        (item as any).loaded = new Set(props);
        return item;
      });
      this.ctx.responseBytes += 60 * this._items.length;
    });
    return this;
  }
  get items() {
    this.check("items");
    return this._items!;
  }
  /**
   * Reference (TableCollection.add): "The range object or source address determines the worksheet
   * under which the table will be added"; "If the address does not contain a sheet name, the
   * currently-active sheet is used" — whichever sheet's `tables` is called. (The docs sample in
   * excel/excel-add-ins-tables.md suggests otherwise; the fake follows the reference, the stricter.)
   */
  add(address: RangeLike | string, hasHeaders: boolean): TableLike {
    let made: TableState | undefined;
    const range = typeof address === "string" ? undefined : (address as unknown as FakeRange);
    this.ctx.queue(
      "tables.add",
      { address: range ? null : address, hasHeaders },
      () => {
        const st = this.ctx.excel.state;
        let sheet: SheetState;
        let ref: string;
        if (range) {
          sheet = range.sheetState();
          ref = range.addressOf();
        } else {
          const text = address as string;
          const bang = text.lastIndexOf("!");
          if (bang >= 0) {
            const name = text
              .slice(0, bang)
              .replace(/^'(.*)'$/, "$1")
              .replace(/''/g, "'");
            const found = st.sheets.find((x) => x.name === name);
            if (!found) throw new FakeOfficeError("InvalidArgument");
            sheet = found;
            ref = text.slice(bang + 1);
          } else {
            sheet = st.active ?? st.sheets[0];
            ref = text;
          }
        }
        const r = parseRange(ref.replace(/\$/g, ""));
        if (!r) throw new FakeOfficeError("InvalidArgument");
        // "A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map."
        if (sheet.merges.some((m) => overlaps(parseRange(m)!, r))) throw new FakeOfficeError("MergedRangeConflict");
        if (st.tables.some((t) => t.sheet === sheet && overlaps(parseRange(t.range)!, r)))
          throw new FakeOfficeError("InvalidArgument"); // ASSUMPTION: the code
        made = { name: `Table${st.tables.length + 1}`, sheet, range: rangeAddress(r), style: "TableStyleMedium2" };
        st.tables.push(made);
      },
      range ? `${range.path}/tables.add` : "tables.add",
    );
    return new FakeTable(this.ctx, () => made!);
  }
}

function overlaps(
  a: { top: number; left: number; bottom: number; right: number },
  b: { top: number; left: number; bottom: number; right: number },
): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Chart types the reference's "bar and column charts" covers (ChartSeries.gapWidth, .overlap). */
const BAR_OR_COLUMN = /^(Bar|Column)(Clustered|Stacked|Stacked100)$/;

/**
 * Whether Excel refuses this chart property: by chart type (reference: gapWidth "Only valid on bar
 * and column charts … Throws an invalid argument exception on invalid charts"; overlap "Applies only
 * to 2-D bar and 2-D column charts"), by platform (office-js #1688: iPad refused axis position,
 * minimum, maximum and reversePlotOrder), or as a test says (`chartRefusals`).
 */
function chartRefusal(ctx: FakeContext, type: string, prop: string): string | undefined {
  if ((prop === "series.gapWidth" || prop === "series.overlap") && !BAR_OR_COLUMN.test(type)) return "InvalidArgument";
  if (ctx.excel.platform === "ipad" && /^axis\.(position|minimum|maximum|reversePlotOrder)$/.test(prop))
    return "InvalidArgument";
  for (const rule of ctx.excel.chartRefusals) {
    const code = rule(type, prop);
    if (code) return code;
  }
  return undefined;
}

/** Queues a chart command that Excel may refuse for this chart's type or this client. */
function queueChart(ctx: FakeContext, chart: () => ChartState, prop: string, detail: any, run: () => void): void {
  ctx.queue(prop, detail, () => {
    const code = chartRefusal(ctx, chart().type, prop);
    if (code) throw new FakeOfficeError(code, `${prop} on a ${chart().type} chart`);
    run();
  });
}

class FakeSeries implements ChartSeriesLike {
  constructor(
    private readonly ctx: FakeContext,
    private readonly series: () => ChartState["series"][number],
    private readonly chart: () => ChartState,
  ) {}
  set name(v: string) {
    this.ctx.queue("series.name", { v }, () => (this.series().name = v));
  }
  get name(): string {
    throw new PropertyNotLoaded("ChartSeries.name", false);
  }
  set gapWidth(v: number) {
    queueChart(this.ctx, this.chart, "series.gapWidth", { v }, () => (this.series().gapWidth = v));
  }
  get gapWidth(): number {
    throw new PropertyNotLoaded("ChartSeries.gapWidth", false);
  }
  set overlap(v: number) {
    queueChart(this.ctx, this.chart, "series.overlap", { v }, () => (this.series().overlap = v));
  }
  get overlap(): number {
    throw new PropertyNotLoaded("ChartSeries.overlap", false);
  }
  get format() {
    const fill = (set: (c: string) => void) => ({
      setSolidColor: (c: string) => this.ctx.queue("fill.setSolidColor", { c }, () => set(c)),
      // Reference: "Clears the fill color of a chart element" (whether that draws no fill is undocumented).
      clear: () => this.ctx.queue("fill.clear", {}, () => set("cleared")),
    });
    return {
      fill: fill((c) => (this.series().fill = c)),
      line: new Proxy_({}, (p, v) =>
        this.ctx.queue("line", { p, v }, () => {
          if (p === "lineStyle") this.series().lineStyle = v;
          else if (p === "color") this.series().line = v;
        }),
      ) as any,
    };
  }
  get points() {
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (c: string) => this.ctx.queue("point.fill", { i, c }, () => (this.series().points[i] = c)),
            clear: () => undefined,
          },
        },
      }),
    };
  }
  setValues(r: RangeLike) {
    this.ctx.queue(
      "series.setValues",
      { r: (r as unknown as FakeRange).addressOf() },
      () => (this.series().values = (r as unknown as FakeRange).addressOf()),
    );
  }
  setXAxisValues(r: RangeLike) {
    this.ctx.queue(
      "series.setXAxisValues",
      { r: (r as unknown as FakeRange).addressOf() },
      () => (this.series().categories = (r as unknown as FakeRange).addressOf()),
    );
  }
  delete() {
    this.ctx.queue("series.delete", {}, () => undefined);
  }
}

function axisProxy(ctx: FakeContext, target: () => Record<string, any>, chart: () => ChartState): ChartAxisLike {
  const methods: Record<string, unknown> = {
    // Reference ChartAxis.setPositionAt: "Sets the specified axis position where the other axis crosses."
    setPositionAt: (v: number) =>
      queueChart(ctx, chart, "axis.setPositionAt", { v }, () => {
        target().position = "Custom";
        target().positionAt = v;
      }),
    format: { line: new Proxy_({}, (p, v) => ctx.queue("axis.line", { p, v }, () => (target()[`line.${p}`] = v))) },
  };
  return new globalThis.Proxy(methods, {
    set: (_t, p, v) => {
      queueChart(ctx, chart, `axis.${String(p)}`, { p, v }, () => (target()[String(p)] = v));
      return true;
    },
    get: (t, p) => {
      if (typeof p === "string" && p in t) return t[p];
      if (p === "then") return undefined;
      throw new PropertyNotLoaded(String(p), false);
    },
  }) as any;
}

class FakeChart extends Loadable implements ChartLike {
  constructor(
    ctx: FakeContext,
    private readonly chart: () => ChartState,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected describe() {
    return "Chart";
  }
  load(names?: string | string[]): this {
    this.queueLoad(parseProps(names), () => void (this.ctx.responseBytes += 40));
    return this;
  }
  set name(v: string) {
    this.ctx.queue("chart.name", { v }, () => (this.chart().name = v));
  }
  get name(): string {
    this.check("name");
    return this.chart().name ?? "Chart";
  }
  delete(): void {
    this.ctx.queue("chart.delete", {}, () => {
      const sh = this.sheet();
      sh.charts = sh.charts.filter((c) => c !== this.chart());
    });
  }
  get title() {
    return new Proxy_({}, (p, v) => this.ctx.queue("chart.title", { v }, () => (this.chart().title = v))) as any;
  }
  get legend() {
    return new Proxy_({}, (p, v) =>
      this.ctx.queue("chart.legend", { p, v }, () => ((this.chart().legend as any)[p] = v)),
    ) as any;
  }
  get axes() {
    return {
      valueAxis: axisProxy(this.ctx, () => this.chart().axes.value, this.chart),
      categoryAxis: axisProxy(this.ctx, () => this.chart().axes.category, this.chart),
    };
  }
  get series() {
    return {
      getItemAt: (i: number) => new FakeSeries(this.ctx, () => this.chart().series[i], this.chart),
      add: (name?: string) => {
        let idx = -1;
        this.ctx.queue("series.add", { name }, () => {
          this.chart().series.push({ name: name ?? "", points: {} });
          idx = this.chart().series.length - 1;
        });
        return new FakeSeries(this.ctx, () => this.chart().series[idx], this.chart);
      },
    };
  }
  setPosition(start: RangeLike | string, end?: RangeLike | string) {
    this.ctx.queue(
      "chart.setPosition",
      { start, end },
      () => (this.chart().position = [String(start), end === undefined ? undefined : String(end)]),
    );
  }
}

class FakeCharts extends Loadable implements ChartCollectionLike {
  private _items: ChartLike[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected describe() {
    return "ChartCollection";
  }
  load(names?: string | string[]): this {
    const props = parseProps(names).map((p) => p.replace(/^items\//, ""));
    this.queueLoad(["items"], () => {
      this._items = [...this.sheet().charts].map((c) => {
        const item = new FakeChart(this.ctx, () => c, this.sheet);
        (item as any).loaded = new Set(props);
        return item;
      });
      this.ctx.responseBytes += 40 * this._items.length;
    });
    return this;
  }
  get items() {
    this.check("items");
    return this._items!;
  }
  add(type: string, source: RangeLike, seriesBy?: string): ChartLike {
    let made: ChartState | undefined;
    const src = source as unknown as FakeRange;
    this.ctx.queue(
      "charts.add",
      { type, seriesBy },
      () => {
        // One series per column of the source ("Columns"; "Auto" is columns on the web, a guess from
        // the data's shape on desktop — reference ChartSeriesBy), per row for "Rows".
        const byRows = seriesBy === "Rows";
        const n = byRows ? src.rows : src.cols;
        const series = Array.from({ length: n }, (_, i) => ({
          name: `Series${i + 1}`,
          values: rangeAddress(
            byRows
              ? { top: src.row + i, left: src.col, bottom: src.row + i, right: src.col + src.cols - 1 }
              : { top: src.row, left: src.col + i, bottom: src.row + src.rows - 1, right: src.col + i },
          ),
          points: {},
        }));
        made = {
          type,
          seriesBy: seriesBy ?? "Auto",
          title: "",
          legend: { visible: true, position: "Right" },
          series,
          axes: { value: {}, category: {} },
        };
        this.sheet().charts.push(made);
      },
      `${src.path}/charts.add`,
    );
    return new FakeChart(this.ctx, () => made!, this.sheet);
  }
}

class FakeWorksheet extends Loadable implements WorksheetLike {
  constructor(
    ctx: FakeContext,
    private readonly ref: () => SheetState,
  ) {
    super(ctx);
  }
  protected describe() {
    return `Worksheet`;
  }
  state() {
    return this.ref();
  }
  load(names?: string | string[]): this {
    this.queueLoad(parseProps(names), () => void (this.ctx.responseBytes += 50));
    return this;
  }
  get id() {
    this.check("id");
    return `{${this.ref().id}}`;
  }
  get name() {
    this.check("name");
    return this.ref().name;
  }
  set name(v: string) {
    this.ctx.queue("worksheet.name", { v }, () => {
      if (!validSheetName(v)) throw new FakeOfficeError("InvalidArgument");
      if (this.ctx.excel.state.sheets.some((s) => s !== this.ref() && s.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists");
      this.ref().name = v;
    });
  }
  get position() {
    this.check("position");
    return this.ctx.excel.state.sheets.indexOf(this.ref());
  }
  set position(v: number) {
    this.ctx.queue("worksheet.position", { v }, () => {
      const st = this.ctx.excel.state;
      const me = this.ref();
      if (v < 0 || v >= st.sheets.length) throw new FakeOfficeError("InvalidArgument");
      st.sheets = st.sheets.filter((x) => x !== me);
      st.sheets.splice(v, 0, me);
    });
  }
  get visibility() {
    this.check("visibility");
    return this.ref().visibility;
  }
  set visibility(v: string) {
    this.ctx.queue("worksheet.visibility", { v }, () => (this.ref().visibility = v));
  }
  get tabColor() {
    this.check("tabColor");
    return this.ref().tabColor;
  }
  set tabColor(v: string) {
    this.ctx.queue("worksheet.tabColor", { v }, () => (this.ref().tabColor = v));
  }
  // Navigation properties return the same proxy each time, as Office.js does.
  private _names?: FakeNames;
  private _tables?: FakeTables;
  get names() {
    return (this._names ??= new FakeNames(this.ctx, this.ref));
  }
  get tables() {
    return (this._tables ??= new FakeTables(this.ctx, this.ref));
  }
  get charts() {
    return new FakeCharts(this.ctx, this.ref);
  }
  get freezePanes() {
    return {
      freezeRows: (n?: number) =>
        this.ctx.queue("freezeRows", { n }, () => {
          // Panes are view state: "Sets the frozen cells in the active worksheet view" (reference);
          // office-js #1463: unfreeze() on a hidden sheet threw. Modelled conservatively for freezing.
          if (this.ref().visibility !== "Visible")
            throw new FakeOfficeError("GeneralException", "freeze panes on a hidden sheet");
          this.ref().freezeRows = n ?? 1;
        }),
    };
  }
  get pageLayout(): PageLayoutLike {
    const ctx = this.ctx;
    const ref = this.ref;
    const set = (p: string, v: any) => ctx.queue("pageLayout", { p, v }, () => (ref().pageLayout[p] = v));
    return {
      set orientation(v: string) {
        set("orientation", v);
      },
      get orientation() {
        return ref().pageLayout.orientation;
      },
      set zoom(v: any) {
        set("zoom", v);
      },
      get zoom() {
        return ref().pageLayout.zoom;
      },
      headersFooters: { defaultForAllPages: new Proxy_({}, (p, v) => set(`hf.${p}`, v)) as any },
      setPrintTitleRows: (rows: any) => set("printTitleRows", rows),
      setPrintArea: (area: any) => set("printArea", typeof area === "string" ? area : (area as FakeRange).addressOf()),
    };
  }
  get horizontalPageBreaks() {
    return {
      add: (at: any) =>
        this.ctx.queue("pageBreaks.add", {}, () => {
          const row = typeof at === "string" ? parseRange(at)!.top : (at as FakeRange).row;
          (this.ref().pageLayout.rowBreaks ??= []).push(row);
        }),
    };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeLike {
    if (rows < 1 || cols < 1) throw new FakeOfficeError("InvalidArgument");
    return new FakeRange(this.ctx, this.ref, row, col, rows, cols);
  }
  getRange(address?: string): RangeLike {
    const r = parseRange(address ?? "A1")!;
    return new FakeRange(this.ctx, this.ref, r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  }
  getUsedRangeOrNullObject(): RangeLike {
    const ref = this.ref;
    return new FakeRange(this.ctx, ref, 0, 0, 0, 0, () => {
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [r, row] of ref().cells)
        for (const [c, cell] of row) {
          if (cell.v === "" && !cell.formula) continue;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      return bottom < 0
        ? { row: 0, col: 0, rows: 0, cols: 0, isNull: true }
        : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1, isNull: false };
    });
  }
  activate() {
    this.ctx.queue("worksheet.activate", {}, () => {
      this.ctx.excel.state.active = this.ref();
    });
  }
  delete() {
    this.ctx.queue("worksheet.delete", { name: "?" }, () => {
      const st = this.ctx.excel.state;
      if (st.protectedStructure) throw new FakeOfficeError("AccessDenied");
      const me = this.ref();
      st.sheets = st.sheets.filter((s) => s !== me);
      st.tables = st.tables.filter((t) => t.sheet !== me);
      if (st.active === me) st.active = st.sheets.find((s) => s.visibility === "Visible");
    });
  }
}

/** Excel's sheet-name rule: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with ', not the reserved "History" (Microsoft support, "Rename a worksheet"). */
function validSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== "history"
  );
}

class FakeWorksheets extends Loadable implements WorksheetCollectionLike {
  private _items: WorksheetLike[] | undefined;
  protected describe() {
    return "WorksheetCollection";
  }
  load(names?: string | string[]): this {
    const props = parseProps(names).map((p) => p.replace(/^items\//, ""));
    this.queueLoad(["items"], () => {
      this._items = this.ctx.excel.state.sheets.map((s) => {
        const w = new FakeWorksheet(this.ctx, () => s);
        (w as any).loaded = new Set(props);
        return w;
      });
      this.ctx.responseBytes += 60 * this._items.length;
    });
    return this;
  }
  get items() {
    this.check("items");
    return this._items!;
  }
  add(name?: string): WorksheetLike {
    let made: SheetState | undefined;
    this.ctx.queue("worksheets.add", { name }, () => {
      const st = this.ctx.excel.state;
      if (st.protectedStructure) throw new FakeOfficeError("AccessDenied");
      if (name && st.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists");
      if (name && !validSheetName(name)) throw new FakeOfficeError("InvalidArgument");
      made = newSheet(name ?? `Sheet${st.sheets.length + 1}`);
      st.sheets.push(made);
    });
    return new FakeWorksheet(this.ctx, () => made!);
  }
  getItem(key: string): WorksheetLike {
    return new FakeWorksheet(this.ctx, () => {
      // Reference WorksheetCollection.getItem: "The name or ID of the worksheet".
      const s = this.ctx.excel.state.sheets.find((x) => x.name === key || `{${x.id}}` === key);
      if (!s) throw new FakeOfficeError("ItemNotFound");
      return s;
    });
  }
}

class FakeWorkbook implements WorkbookLike {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.names = new FakeNames(ctx, () => {
      const st = ctx.excel.state;
      st.names ??= [];
      return st as { names: NameEntry[] };
    });
  }
  get functions() {
    const ctx = this.ctx;
    return {
      date: (y: number, m: number, d: number) => {
        const result = new (class extends Loadable {
          private v = 0;
          protected describe() {
            return "FunctionResult";
          }
          load(names?: string | string[]) {
            this.queueLoad(parseProps(names), () => {
              // DATE(1904,1,2) is serial 1 in the 1904 system, 1462 in the 1900 system.
              const base = Date.UTC(y, m - 1, d);
              const days = Math.round((base - Date.UTC(1904, 0, 1)) / 86_400_000);
              this.v = ctx.excel.state.date1904 ? days : days + 1462;
              ctx.responseBytes += 20;
            });
            return this;
          }
          get value() {
            this.check("value");
            return this.v;
          }
        })(ctx);
        return result;
      },
    };
  }
  private _protection?: { protected: boolean } & LoadableLike;
  get protection() {
    if (this._protection) return this._protection;
    const ctx = this.ctx;
    return (this._protection = new (class extends Loadable {
      protected describe() {
        return "WorkbookProtection";
      }
      load(names?: string | string[]) {
        this.queueLoad(parseProps(names), () => void (ctx.responseBytes += 20));
        return this;
      }
      get protected() {
        this.check("protected");
        return ctx.excel.state.protectedStructure;
      }
    })(ctx));
  }
  get application() {
    return {
      suspendApiCalculationUntilNextSync: () => this.ctx.queue("suspendApiCalculation", {}, () => undefined),
      suspendScreenUpdatingUntilNextSync: () => this.ctx.queue("suspendScreenUpdating", {}, () => undefined),
    };
  }
}
