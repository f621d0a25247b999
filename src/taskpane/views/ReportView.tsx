import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useState, type Ref } from "react";
import { formatDay, formatDayLong, parseDateText, parseIsoDay } from "../../core/primitives/dates";
import type { ReportOptions, ReportResult } from "../services/types";
import { Note } from "./Note";
import { ProgressNote, type ProgressState } from "./ProgressNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  /** Fluent's inputs are at least 250 px wide; the pane at 200% zoom is 160 CSS px. */
  control: { minWidth: 0, maxWidth: "100%" },
  /** A focus ring that stands out on the success bar's green (WCAG 2.4.7, 3:1 against its background). */
  focusable: {
    ":focus-visible": {
      outline: `2px solid ${tokens.colorNeutralForeground1}`,
      outlineOffset: "2px",
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

const OUTPUTS: [keyof ReportOptions["include"], string][] = [
  ["board", "Board report"],
  ["highlights", "A highlight report per workstream"],
  ["exceptions", "Exceptions (every finding, linked to its cell)"],
  ["history", "RAG history (for next time's trend)"],
  ["charts", "Charts on the board report"],
];

export interface ReportViewProps {
  defaultAsOf: string;
  progress: ProgressState | null;
  error: string | null;
  result: ReportResult | null;
  mode: "excel" | "file";
  onGenerate: (o: ReportOptions) => void;
  onOpenSheet?: (name: string) => void;
  /** Focus goes here when the report is written. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A date typed the British way ("31 Jan 2010", "31/01/2010") or as ISO; null when it is not one. */
export function readAsOf(text: string): string | null {
  const d = parseDateText(text, "dmy");
  return d === null ? null : formatDay(d);
}

/** What was written: the sheets (links to them in Excel), renamed and skipped parts, notes and the download. */
function Written({
  result,
  onOpenSheet,
  headingRef,
}: {
  result: ReportResult;
  onOpenSheet?: (name: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
          Wrote {result.sheets.length} sheets:
        </h2>
        <ul className={styles.list}>
          {result.sheets.map((s) => (
            <li key={s.key}>
              {onOpenSheet ? (
                <Link as="button" onClick={() => onOpenSheet(s.name)}>
                  {s.name}
                </Link>
              ) : (
                s.name
              )}
            </li>
          ))}
        </ul>
        {result.renamed.map((r) => (
          <div key={r.name}>
            A sheet of yours is called “{r.wanted}”, so the report's is “{r.name}”.
          </div>
        ))}
        {!!result.skipped?.length && (
          <div>
            Excel did not accept these, so they are left out (generate again to retry): {result.skipped.join("; ")}.
          </div>
        )}
        {result.notes?.map((n) => (
          <div key={n}>{n}</div>
        ))}
        {result.download && (
          <Link href={result.download.url} download={result.download.name} className={styles.focusable}>
            Download {result.download.name}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Which outputs to write: a check box each (charts only with the board report). */
function Outputs({
  include,
  setInclude,
}: {
  include: ReportOptions["include"];
  setInclude: (i: ReportOptions["include"]) => void;
}) {
  return (
    <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
      <legend>
        <Body1>Write</Body1>
      </legend>
      {OUTPUTS.map(([k, label]) => (
        <Checkbox
          key={k}
          label={label}
          checked={include[k]}
          disabled={k === "charts" && !include.board}
          onChange={(_, d) => setInclude({ ...include, [k]: !!d.checked })}
        />
      ))}
    </fieldset>
  );
}

export function ReportView({
  defaultAsOf,
  progress,
  error,
  result,
  mode,
  onGenerate,
  onOpenSheet,
  headingRef,
}: ReportViewProps) {
  const styles = useStyles();
  const initial = parseIsoDay(defaultAsOf);
  const [asOfText, setAsOfText] = useState(initial === null ? defaultAsOf : formatDayLong(initial));
  const asOf = readAsOf(asOfText);
  const [include, setInclude] = useState<ReportOptions["include"]>({
    board: true,
    highlights: true,
    exceptions: true,
    history: true,
    charts: true,
  });
  const none = !include.board && !include.highlights && !include.exceptions && !include.history;
  return (
    <section className={styles.root} aria-label="Report">
      <Field
        label="As of"
        hint="A date such as 31 Jan 2010 or 31/01/2010: the Settings sheet's reporting date, or today."
        validationState={asOf ? "none" : "error"}
        validationMessage={asOf ? undefined : "Type a date such as 31 Jan 2010."}
      >
        <Input className={styles.control} value={asOfText} onChange={(_, d) => setAsOfText(d.value)} />
      </Field>
      <Outputs include={include} setInclude={setInclude} />
      <Button
        appearance="primary"
        disabled={none || !asOf}
        disabledFocusable={!!progress}
        onClick={() => asOf && !progress && onGenerate({ asOf, include })}
      >
        Generate the report
      </Button>
      <Caption1>
        {mode === "excel"
          ? "An earlier report's sheets are replaced; a report sheet you copied or typed in is kept as yours. Your own sheets are never changed."
          : "The report is added to a copy of the file, for you to download. Your file is not changed."}
      </Caption1>
      {progress && <ProgressNote p={progress} />}
      {error && <Note intent="error" text={error} alert />}
      {result && <Written result={result} onOpenSheet={onOpenSheet} headingRef={headingRef} />}
    </section>
  );
}
