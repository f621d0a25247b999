import { Badge, Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { AnalysisJson } from "../checks/summary";
import { checkFile } from "./check-file";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

const RAG_COLOUR = { Red: "danger", Amber: "warning", Green: "success", Blue: "brand" } as const;

/** Opens a local .xlsx and runs the checks in the browser (the same core as the CLI). */
export function FileCheck() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ file: string; json: AnalysisJson } | null>(null);

  async function onFile(file: File) {
    setBusy(true);
    setError(null);
    try {
      setResult({ file: file.name, json: await checkFile(new Uint8Array(await file.arrayBuffer())) });
    } catch (e) {
      setError(`${file.name} could not be read: ${(e as Error).message}.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label="Check a workbook file">
      <input ref={input} type="file" accept=".xlsx" hidden aria-label="Workbook file" onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])} />
      <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
        Open a workbook…
      </Button>
      {busy && <Spinner size="tiny" label="Checking…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <div>
          <Body1 as="h2">
            {result.json.programme} — as of {result.json.asOf}
          </Body1>
          <div className={styles.row}>
            <Caption1>{result.file}:</Caption1>
            <Badge color="danger">{result.json.counts.error} errors</Badge>
            <Badge color="warning">{result.json.counts.warning} warnings</Badge>
            <Badge color="informative">{result.json.counts.info} info</Badge>
          </div>
          <ul className={styles.list} aria-label="Workstreams">
            {result.json.workstreams.map((w) => (
              <li key={w.name} className={styles.row}>
                {w.rag && <Badge color={RAG_COLOUR[w.rag]}>{w.rag}</Badge>}
                <Body1>{w.name}</Body1>
              </li>
            ))}
          </ul>
          <ul className={styles.list} aria-label="Findings">
            {result.json.diagnostics.map((d, i) => (
              <li key={i} className={styles.item}>
                <Caption1>
                  {d.severity} · {d.sheet}
                  {d.cell ? `!${d.cell}` : ""} · {d.code}
                </Caption1>
                <Body1 as="p">{d.message}</Body1>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
