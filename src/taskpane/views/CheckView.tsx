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
import type { AnalysisJson } from "../../checks/summary";
import { formatDayLong, parseIsoDay } from "../../model/dates";
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
  useEffect(() => {
    let live = true;
    preview(sheet, cell, source).then(
      (x) => live && setP(x),
      () => live && setP(null),
    );
    return () => void (live = false);
  }, [preview, sheet, cell, source?.kind, source?.headerCell]);
  return p === "waiting" ? <Caption1>Reading the cell…</Caption1> : <CellPreviewBox p={p} />;
}

export function CheckView({
  json,
  takenAt,
  durationMs,
  progress,
  error,
  onRun,
  onGoTo,
  preview,
  headingRef,
  stale,
  mode,
  templateDownload,
}: CheckViewProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const sourceOf = (sheet: string) => {
    const s = json?.sources.find((x) => x.sheet === sheet && x.headerCell);
    return s ? { kind: s.kind, headerCell: s.headerCell } : undefined;
  };
  const [severity, setSeverity] = useState<string>("all");
  const [code, setCode] = useState<string>("all");
  const [shown, setShown] = useState<Record<string, number>>({});
  const codes = useMemo(() => [...new Set((json?.diagnostics ?? []).map((d) => d.code))].sort(), [json]);
  const groups = useMemo(() => {
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
  }, [json, severity, code]);
  return (
    <section className={styles.root} aria-label="Checks">
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
      {json && (
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
          <div className={styles.filters}>
            <Field label="Severity" className={styles.filter}>
              <Dropdown
                className={styles.control}
                value={
                  severity === "all"
                    ? "All"
                    : severity === "error"
                      ? "Errors"
                      : severity === "warning"
                        ? "Warnings"
                        : "Info"
                }
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
          {code === "all" && (severity === "all" || severity === "warning") && !!json.slipRoots?.length && (
            <section aria-label={`Slips by root cause: ${json.slipRoots.length}`}>
              <h3 className={styles.groupHeading}>Slips, by root cause ({json.slipRoots.length})</h3>
              <ul className={styles.list}>
                {json.slipRoots.slice(0, PAGE).map((r) => (
                  <li key={r.root} className={`${styles.item} ${styles.warning}`}>
                    <Body1 as="p" block>
                      {r.sentence}
                    </Body1>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {groups.length === 0 && (
            <Body1>No findings{severity !== "all" || code !== "all" ? " match the filters" : ""}.</Body1>
          )}
          {groups.map(([sheet, list]) => {
            const limit = shown[sheet] ?? PAGE;
            return (
              <section key={sheet} aria-label={`${sheet.trim()}: ${list.length} findings`}>
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
                          {d.severity} · {codeLabel(d.code)} ·{" "}
                          {onGoTo && d.cell ? (
                            <Link
                              as="button"
                              className={styles.cellLink}
                              onClick={() => onGoTo(d.sheet, d.cell)}
                              aria-label={`Go to ${d.sheet.trim()} ${d.cell}`}
                            >
                              {d.cell}
                            </Link>
                          ) : preview && d.cell ? (
                            <Link
                              as="button"
                              className={styles.cellLink}
                              onClick={() => setOpen(open === key ? null : key)}
                              aria-expanded={open === key}
                              aria-label={`${open === key ? "Hide" : "Show"} what ${d.sheet.trim()} ${d.cell} holds`}
                            >
                              {d.cell}
                            </Link>
                          ) : (
                            d.cell || "—"
                          )}
                        </Caption1>
                        <Body1 as="p" block>
                          {d.message}
                        </Body1>
                        {open === key && preview && (
                          <PreviewOf preview={preview} sheet={d.sheet} cell={d.cell} source={sourceOf(d.sheet)} />
                        )}
                      </li>
                    );
                  })}
                </ul>
                {list.length > limit && (
                  <Button appearance="subtle" onClick={() => setShown({ ...shown, [sheet]: limit + PAGE * 4 })}>
                    Show more ({list.length - limit} more)
                  </Button>
                )}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
