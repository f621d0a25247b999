import { Body1, Button, Caption1, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { contributedWords } from "../../collation/collate";
import type { SourceSummary } from "../../model/provenance";
import type { CheckResult, SourceFiles } from "../services/types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS },
});

/** "Digital: 3 projects, 2 risks from 6 rows, read 14:05" — or why it was left out. */
function summaryText(s: SourceSummary | undefined, takenAt: Date): string {
  if (!s) return "not read yet: run the checks";
  if (s.unreadable) return `not read (${s.unreadable}); left out of the report`;
  const what = contributedWords(s);
  const at = takenAt.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return `${s.workstream}: ${what} from ${s.rows} rows, read ${at}${s.errors ? `; ${s.errors} error${s.errors === 1 ? "" : "s"}` : ""}`;
}

/**
 * Browser mode's workstream sources (docs/collation.md): the files collated with this workbook,
 * each with its workstream, what it contributed and when it was last read. Choosing files adds
 * them (a file of the same name is replaced: a refresh); every check and report reads them again.
 * The files stay on this machine: they are read in this page, like the workbook.
 */
export function SourcesPanel({
  sources,
  result,
  onChanged,
}: {
  sources: SourceFiles;
  result: CheckResult;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState(sources.names());
  const byFile = new Map((result.collation ?? []).map((s) => [s.file, s]));
  const changed = () => {
    setNames(sources.names());
    onChanged();
  };
  return (
    <section aria-label="Workstream sources" className={styles.root}>
      <h2 className={styles.heading}>Workstream sources</h2>
      <Caption1>
        Workbooks, Project or Smartsheet exports and CSV files from the workstreams, checked and reported with this
        workbook as one programme. Their rows keep their file on every finding.
      </Caption1>
      {names.length > 0 && (
        <ul className={styles.list} aria-label="Sources">
          {names.map((n) => (
            <li key={n} className={styles.row}>
              <Body1>
                {n} — {summaryText(byFile.get(n), result.takenAt)}
              </Body1>
              <Button
                size="small"
                appearance="subtle"
                aria-label={`Remove ${n}`}
                onClick={() => {
                  sources.remove(n);
                  changed();
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".xlsx,.xlsm,.csv"
        data-testid="sources-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (!files.length) return;
          sources.add(files.map((f) => ({ name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) })));
          changed();
        }}
      />
      <div>
        <Button onClick={() => input.current?.click()}>
          {names.length ? "Add or refresh sources…" : "Add workstream sources…"}
        </Button>
      </div>
    </section>
  );
}
