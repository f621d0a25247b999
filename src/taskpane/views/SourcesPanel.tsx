import { Body1, Button, Caption1, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useRef, useState, type RefObject } from "react";
import { contributedWords } from "../../core/collation/collate";
import type { KeptSource, SourceSummary } from "../../core/primitives/provenance";
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

/** A row of the Sources sheet not chosen this session: what it was, and how to include it. */
function keptText(k: KeptSource): string {
  const was = [k.workstream, k.lastRead ? `${k.rows} rows, last read ${k.lastRead}` : "never read"].filter(Boolean);
  return `${was.join(": ")}. Not chosen in this session, so not in the report: choose it again to include it`;
}

/** The files listed: the Sources sheet's rows, then the files chosen since that it does not list. */
function listed(sources: SourceFiles, result: CheckResult): { file: string; chosen: boolean; kept?: KeptSource }[] {
  const chosen = new Set(sources.names().map((n) => n.toLowerCase()));
  const kept = result.keptSources ?? [];
  const onSheet = new Set(kept.map((k) => k.file.toLowerCase()));
  return [
    ...kept.map((k) => ({ file: k.file, chosen: chosen.has(k.file.toLowerCase()), kept: k })),
    ...sources
      .names()
      .filter((n) => !onSheet.has(n.toLowerCase()))
      .map((file) => ({ file, chosen: true })),
  ];
}

/** The file input behind "Add or refresh sources…": several at once; a file of a listed name refreshes it. */
function SourcesInput({ input, onFiles }: { input: RefObject<HTMLInputElement | null>; onFiles: (f: File[]) => void }) {
  return (
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
        if (files.length) onFiles(files);
      }}
    />
  );
}

/**
 * The workstream sources (docs/collation.md): the files collated with this workbook, each with its
 * workstream, what it contributed and when it was last read. The Sources sheet an earlier report
 * left lists them with the workbook (in Excel, where the report is written into it); a file chosen
 * again refreshes its row. Choosing files adds them (a file of the same name is replaced: a
 * refresh); every check and report reads them again. The files stay on this machine: they are read
 * in this pane, like the workbook, and only the report is written.
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
  const [, setNames] = useState(sources.names());
  const byFile = new Map((result.collation ?? []).map((s) => [s.file, s]));
  const rows = listed(sources, result);
  const changed = () => {
    setNames(sources.names());
    onChanged();
  };
  return (
    <section aria-label="Workstream sources" className={styles.root}>
      <h2 className={styles.heading}>Workstream sources</h2>
      <Caption1>
        Workbooks, Project or Smartsheet exports and CSV files from the workstreams, checked and reported with this
        workbook as one programme. Their rows keep their file on every finding; the report lists them on its Sources
        sheet.
      </Caption1>
      {rows.length > 0 && (
        <ul className={styles.list} aria-label="Sources">
          {rows.map((r) => (
            <li key={r.file} className={styles.row}>
              <Body1>
                {r.file} — {r.chosen ? summaryText(byFile.get(r.file), result.takenAt) : keptText(r.kept!)}
              </Body1>
              {r.chosen && (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`Remove ${r.file}`}
                  onClick={() => {
                    sources.remove(r.file);
                    changed();
                  }}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <SourcesInput
        input={input}
        onFiles={(files) => {
          sources.add(files.map((f) => ({ name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) })));
          changed();
        }}
      />
      <div>
        <Button onClick={() => input.current?.click()}>
          {rows.length ? "Add or refresh sources…" : "Add workstream sources…"}
        </Button>
      </div>
    </section>
  );
}
