import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  Option,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type Ref } from "react";
import type { AnalysisJson } from "../../core/analysis/summary";
import { formatDayLong, parseIsoDay } from "../../core/primitives/dates";
import type { CellPreview, WorkbookService } from "../services/types";
import { CellPreviewBox } from "./CellPreviewBox";
import { codeLabel } from "./words";
import { Note } from "./Note";
import { ProgressNote, type ProgressState } from "./ProgressNote";
import { RagBadge } from "./rag-badge";
import { WorkbookNeeds } from "./WorkbookNeeds";
import { TemplateOffer } from "./TemplateOffer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  filters: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  filter: { minWidth: 0, flexBasis: "120px", flexGrow: 1 },
  /** Fluent's drop-downs are at least 250 px wide; the pane at 200% zoom is 160 CSS px. */
  control: { minWidth: 0, maxWidth: "100%" },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  /**
   * A cell reference is a link that acts as a button: in forced colours (Windows high contrast)
   * it keeps the link's system colour and underline, so it still reads as something to follow.
   */
  cellLink: {
    "@media (forced-colors: active)": { color: "LinkText", textDecorationLine: "underline", forcedColorAdjust: "none" },
  },
  groupHeading: { ...typographyStyles.body1Strong, margin: 0 },
});

/** "2010-01-31" as the board reads it: "31 Jan 2010". */
const longDate = (iso: string) => {
  const d = parseIsoDay(iso);
  return d === null ? iso : formatDayLong(d);
};

/** How many findings a sheet's group shows before "Show more" (a workbook can have thousands). */
export const PAGE = 50;

type Diag = AnalysisJson["diagnostics"][number];

export interface CheckViewProps {
  json: AnalysisJson | null;
  takenAt: Date | null;
  durationMs: number | null;
  progress: ProgressState | null;
  error: string | null;
  onRun: () => void;
  onGoTo?: (sheet: string, cell: string) => void;
  /** Browser mode: the cell's value and row, shown under the finding. */
  preview?: WorkbookService["preview"];
  /** Focus goes here when results arrive. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Settings were saved since these results: they are from before the change. */
  stale?: boolean;
  mode?: "excel" | "file";
  /** Browser mode: the blank template, offered before any check. */
  templateDownload?: WorkbookService["templateDownload"];
}

/** The cell preview, asked for when shown (in the browser it comes from the file worker). */
function PreviewOf({
  preview,
  sheet,
  cell,
  source,
}: {
  preview: NonNullable<WorkbookService["preview"]>;
  sheet: string;
  cell: string;
  source?: { kind?: string; headerCell?: string };
}) {
  const [p, setP] = useState<CellPreview | null | "waiting">("waiting");
  // The source by its values, so that a new object with the same kind and header cell reads nothing again.
  const hasSource = source !== undefined;
  const kind = source?.kind;
  const headerCell = source?.headerCell;
  useEffect(() => {
    let live = true;
    preview(sheet, cell, hasSource ? { kind, headerCell } : undefined).then(
      (x) => live && setP(x),
      () => live && setP(null),
    );
    return () => void (live = false);
  }, [preview, sheet, cell, hasSource, kind, headerCell]);
  return p === "waiting" ? <Caption1>Reading the cell…</Caption1> : <CellPreviewBox p={p} />;
}

/** The run button, and when the results shown were taken. */
function RunBar({ json, takenAt, durationMs, progress, onRun }: CheckViewProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button appearance="primary" onClick={() => !progress && onRun()} disabledFocusable={!!progress}>
        {json ? "Run the checks again" : "Run the checks"}
      </Button>
      {takenAt && (
        <Caption1>
          Checked at {takenAt.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}
          {durationMs !== null ? ` in ${(durationMs / 1000).toFixed(1)} s` : ""}
        </Caption1>
      )}
    </div>
  );
}

/** The results' heading, the counts by severity, and RAG overall and by workstream. */
function Summary({ json, headingRef }: { json: AnalysisJson; headingRef?: Ref<HTMLHeadingElement> }) {
  const styles = useStyles();
  return (
    <>
      <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
        {json.programme}, as of {longDate(json.asOf)}
      </h2>
      <div className={styles.row} aria-label="Findings by severity">
        <Badge color="danger" appearance="tint">
          {json.counts.error} {json.counts.error === 1 ? "error" : "errors"}
        </Badge>
        <Badge color="warning" appearance="tint">
          {json.counts.warning} {json.counts.warning === 1 ? "warning" : "warnings"}
        </Badge>
        <Badge color="informative" appearance="tint">
          {json.counts.info} info
        </Badge>
      </div>
      <div className={styles.row}>
        <Body1>Overall</Body1> <RagBadge rag={json.overall} />
      </div>
      <ul className={styles.list} aria-label="RAG by workstream">
        {json.workstreams.map((w) => (
          <li key={w.name} className={styles.row}>
            <RagBadge rag={w.rag} />
            <Body1>{w.name}</Body1>
            {w.reported && w.reported !== w.rag && <Caption1>(reported {w.reported})</Caption1>}
          </li>
        ))}
      </ul>
    </>
  );
}

const SEVERITY_WORDS: Record<string, string> = { all: "All", error: "Errors", warning: "Warnings", info: "Info" };

/** The severity and code filters. */
function Filters({
  severity,
  setSeverity,
  code,
  setCode,
  codes,
}: {
  severity: string;
  setSeverity: (s: string) => void;
  code: string;
  setCode: (c: string) => void;
  codes: string[];
}) {
  const styles = useStyles();
  return (
    <div className={styles.filters}>
      <Field label="Severity" className={styles.filter}>
        <Dropdown
          className={styles.control}
          value={SEVERITY_WORDS[severity] ?? "Info"}
          selectedOptions={[severity]}
          onOptionSelect={(_, d) => setSeverity(d.optionValue ?? "all")}
        >
          <Option value="all">All</Option>
          <Option value="error">Errors</Option>
          <Option value="warning">Warnings</Option>
          <Option value="info">Info</Option>
        </Dropdown>
      </Field>
      <Field label="Code" className={styles.filter}>
        <Dropdown
          className={styles.control}
          value={code === "all" ? "All" : codeLabel(code)}
          selectedOptions={[code]}
          onOptionSelect={(_, d) => setCode(d.optionValue ?? "all")}
        >
          <Option value="all">All</Option>
          {codes.map((c) => (
            <Option key={c} value={c} text={codeLabel(c)}>
              {codeLabel(c)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}

/** Slips grouped by what caused them (the slippage-impact findings they stand for are left out of the groups). */
function SlipRoots({ roots }: { roots: NonNullable<AnalysisJson["slipRoots"]> }) {
  const styles = useStyles();
  return (
    <section aria-label={`Slips by root cause: ${roots.length}`}>
      <h3 className={styles.groupHeading}>Slips, by root cause ({roots.length})</h3>
      <ul className={styles.list}>
        {roots.slice(0, PAGE).map((r) => (
          <li key={r.root} className={`${styles.item} ${styles.warning}`}>
            <Body1 as="p" block>
              {r.sentence}
            </Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How a finding's cell is offered: a link to it (Excel), a link that shows what it holds (browser), or plain. */
interface CellActions {
  onGoTo?: (sheet: string, cell: string) => void;
  preview?: WorkbookService["preview"];
  open: string | null;
  setOpen: (key: string | null) => void;
  sourceOf: (sheet: string) => { kind?: string; headerCell?: string } | undefined;
}

function CellRef({ d, k, a }: { d: Diag; k: string; a: CellActions }) {
  const styles = useStyles();
  if (a.onGoTo && d.cell)
    return (
      <Link
        as="button"
        className={styles.cellLink}
        onClick={() => a.onGoTo!(d.sheet, d.cell)}
        aria-label={`Go to ${d.sheet.trim()} ${d.cell}`}
      >
        {d.cell}
      </Link>
    );
  if (a.preview && d.cell)
    return (
      <Link
        as="button"
        className={styles.cellLink}
        onClick={() => a.setOpen(a.open === k ? null : k)}
        aria-expanded={a.open === k}
        aria-label={`${a.open === k ? "Hide" : "Show"} what ${d.sheet.trim()} ${d.cell} holds`}
      >
        {d.cell}
      </Link>
    );
  return <>{d.cell || "—"}</>;
}

/** One sheet's findings, PAGE at a time. */
function FindingGroup({
  sheet,
  list,
  limit,
  onMore,
  a,
}: {
  sheet: string;
  list: Diag[];
  limit: number;
  onMore: () => void;
  a: CellActions;
}) {
  const styles = useStyles();
  return (
    <section aria-label={`${sheet.trim()}: ${list.length} findings`}>
      <h3 className={styles.groupHeading}>
        {sheet.trim()} ({list.length})
      </h3>
      <ul className={styles.list}>
        {list.slice(0, limit).map((d, i) => {
          const key = `${sheet}|${i}`;
          return (
            <li
              key={i}
              className={`${styles.item} ${d.severity === "error" ? styles.error : d.severity === "warning" ? styles.warning : ""}`}
            >
              <Caption1>
                {d.severity} · {codeLabel(d.code)} · <CellRef d={d} k={key} a={a} />
              </Caption1>
              <Body1 as="p" block>
                {d.message}
              </Body1>
              {a.open === key && a.preview && (
                <PreviewOf preview={a.preview} sheet={d.sheet} cell={d.cell} source={a.sourceOf(d.sheet)} />
              )}
            </li>
          );
        })}
      </ul>
      {list.length > limit && (
        <Button appearance="subtle" onClick={onMore}>
          Show more ({list.length - limit} more)
        </Button>
      )}
    </section>
  );
}

/** The findings grouped by sheet, after the filters (slippage-impact shown by root cause when there are roots). */
function groupFindings(json: AnalysisJson | null, severity: string, code: string): [string, Diag[]][] {
  const g = new Map<string, Diag[]>();
  for (const d of json?.diagnostics ?? []) {
    if (severity !== "all" && d.severity !== severity) continue;
    if (code !== "all" && d.code !== code) continue;
    if (code === "all" && d.code === "slippage-impact" && json?.slipRoots?.length) continue; // shown by root below
    const k = d.sheet || "Workbook";
    const list = g.get(k) ?? [];
    list.push(d);
    g.set(k, list);
  }
  return [...g.entries()];
}

/** What the results view keeps between runs: the filters, the open preview, how many of each group are shown. */
function useResultsState(json: AnalysisJson | null) {
  const [open, setOpen] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string>("all");
  const [code, setCode] = useState<string>("all");
  const [shown, setShown] = useState<Record<string, number>>({});
  const codes = useMemo(() => [...new Set((json?.diagnostics ?? []).map((d) => d.code))].sort(), [json]);
  const groups = useMemo(() => groupFindings(json, severity, code), [json, severity, code]);
  return { open, setOpen, severity, setSeverity, code, setCode, shown, setShown, codes, groups };
}

/** The results: summary, filters, slips by root cause and the findings by sheet. */
function Results({
  json,
  props,
  st,
}: {
  json: AnalysisJson;
  props: CheckViewProps;
  st: ReturnType<typeof useResultsState>;
}) {
  const { open, setOpen, severity, setSeverity, code, setCode, shown, setShown, codes, groups } = st;
  const sourceOf = (sheet: string) => {
    const s = json.sources.find((x) => x.sheet === sheet && x.headerCell);
    return s ? { kind: s.kind, headerCell: s.headerCell } : undefined;
  };
  const a: CellActions = { onGoTo: props.onGoTo, preview: props.preview, open, setOpen, sourceOf };
  return (
    <>
      <Summary json={json} headingRef={props.headingRef} />
      <Filters severity={severity} setSeverity={setSeverity} code={code} setCode={setCode} codes={codes} />
      {code === "all" && (severity === "all" || severity === "warning") && !!json.slipRoots?.length && (
        <SlipRoots roots={json.slipRoots} />
      )}
      {groups.length === 0 && (
        <Body1>No findings{severity !== "all" || code !== "all" ? " match the filters" : ""}.</Body1>
      )}
      {groups.map(([sheet, list]) => (
        <FindingGroup
          key={sheet}
          sheet={sheet}
          list={list}
          limit={shown[sheet] ?? PAGE}
          onMore={() => setShown({ ...shown, [sheet]: (shown[sheet] ?? PAGE) + PAGE * 4 })}
          a={a}
        />
      ))}
    </>
  );
}

export function CheckView(props: CheckViewProps) {
  const { json, progress, error, stale, mode, templateDownload } = props;
  const styles = useStyles();
  const st = useResultsState(json);
  return (
    <section className={styles.root} aria-label="Checks">
      <RunBar {...props} />
      {progress && <ProgressNote p={progress} />}
      {error && <Note intent="error" text={error} alert />}
      {stale && json && !progress && (
        <Note
          intent="warning"
          text="Settings were saved after these results: they are from before the change. Run the checks again to apply them."
        />
      )}
      {!json && !progress && (
        <>
          <Body1>
            Check the programme: data quality, dependencies, RAG, risks and competencies. Nothing in your sheets is
            changed.
          </Body1>
          <WorkbookNeeds />
          {mode === "file" && templateDownload && <TemplateOffer get={templateDownload} />}
        </>
      )}
      {json && <Results json={json} props={props} st={st} />}
    </section>
  );
}
