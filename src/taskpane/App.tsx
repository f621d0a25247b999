import { Body1, Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { detectHost, type HostKind } from "./host";
import { Pane } from "./Pane";
import type { WorkbookService } from "./services/types";
import { workerAnalyser } from "./worker/client";

const useStyles = makeStyles({
  start: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

export function App() {
  const [host, setHost] = useState<HostKind>("detecting");
  const [service, setService] = useState<WorkbookService | null>(null);
  useEffect(() => {
    detectHost().then(async (h) => {
      setHost(h);
      if (h === "excel") {
        const { excelService } = await import(/* webpackChunkName: "excel-host" */ "./services/excel-service");
        setService(excelService());
      }
    });
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      {host === "detecting" && <Spinner label="Starting…" />}
      {service ? <Pane service={service} /> : host === "browser" ? <OpenFile onOpen={setService} /> : null}
    </FluentProvider>
  );
}

/** Outside Excel: open a workbook file (or the sample) and use the same checks in the browser. */
export function OpenFile({ onOpen }: { onOpen: (s: WorkbookService) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async (name: string, bytes: () => Promise<ArrayBuffer>) => {
    setBusy(true);
    setError(null);
    try {
      // The .xlsx host loads only on this path, in its own chunk.
      const { fileService } = await import(/* webpackChunkName: "file-host" */ "./services/file-service");
      onOpen(fileService(name, new Uint8Array(await bytes()), workerAnalyser()));
    } catch (e) {
      setError(`${name} could not be opened: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className={styles.start}>
      <Title3 as="h1">PMO Highlights</Title3>
      <Body1>Check a programme workbook and write its board report. This page is not running inside Excel, so it works on a file from this computer: nothing leaves your machine.</Body1>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label="Workbook file"
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void open(f.name, () => f.arrayBuffer());
        }}
      />
      <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
        Open a workbook…
      </Button>
      <Button onClick={() => open("sample-programme.xlsx", async () => (await fetch("sample-programme.xlsx")).arrayBuffer())} disabled={busy}>
        Try the sample programme
      </Button>
      <Caption1>In Excel, open the add-in from the Home tab to check the open workbook.</Caption1>
      {busy && <Spinner size="tiny" label="Opening…" />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
