import { Body1, Button, Caption1, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ReportOptions, ReportResult } from "../services/types";
import { ProgressNote, type ProgressState } from "./ProgressNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
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
}

export function ReportView({ defaultAsOf, progress, error, result, mode, onGenerate, onOpenSheet }: ReportViewProps) {
  const styles = useStyles();
  const [asOf, setAsOf] = useState(defaultAsOf);
  const [include, setInclude] = useState<ReportOptions["include"]>({ board: true, highlights: true, exceptions: true, history: true, charts: true });
  const none = !include.board && !include.highlights && !include.exceptions && !include.history;
  return (
    <section className={styles.root} aria-label="Report">
      <Field label="As of" hint="The Settings sheet's reporting date, or today.">
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
        <legend>
          <Body1>Write</Body1>
        </legend>
        {OUTPUTS.map(([k, label]) => (
          <Checkbox key={k} label={label} checked={include[k]} disabled={k === "charts" && !include.board} onChange={(_, d) => setInclude({ ...include, [k]: !!d.checked })} />
        ))}
      </fieldset>
      <Button appearance="primary" disabled={!!progress || none || !asOf} onClick={() => onGenerate({ asOf, include })}>
        Generate the report
      </Button>
      <Caption1>{mode === "excel" ? "Report sheets are added at the end; an earlier report's sheets are replaced. Your own sheets are never changed." : "The report is added to a copy of the file, for you to download. Your file is not changed."}</Caption1>
      {progress && <ProgressNote p={progress} />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success">
          <MessageBarBody>
            <div>Wrote {result.sheets.length} sheets:</div>
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
              <div key={r.name}>A sheet of yours is called “{r.wanted}”, so the report's is “{r.name}”.</div>
            ))}
            {result.download && (
              <Link href={result.download.url} download={result.download.name}>
                Download {result.download.name}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
