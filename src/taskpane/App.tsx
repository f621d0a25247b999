import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
  type Theme,
} from "@fluentui/react-components";
import { startTransition, useEffect, useRef, useState, type RefObject } from "react";
import { detectHost, watchForExcel, type HostKind } from "./host";
import { Pane } from "./Pane";
import { Note } from "./views/Note";
import type { FileSource, WorkbookService } from "./services/types";
import { workerFileJobs } from "./worker/file-client";
import { plainError } from "./services/plain-errors";
import { Logo } from "./views/Logo";
import { TemplateOffer } from "./views/TemplateOffer";
import { WorkbookNeeds } from "./views/WorkbookNeeds";
import { officeThemeColours, themeFor } from "./theme";

const useStyles = makeStyles({
  start: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  title: { ...typographyStyles.title3, margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  actions: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalS },
  /** The provider fills the pane, so a dark theme's background reaches the bottom. */
  provider: { minHeight: "100vh" },
});

export function App() {
  const [host, setHost] = useState<HostKind>("detecting");
  const styles = useStyles();
  const [service, setService] = useState<WorkbookService | null>(null);
  const [theme, setTheme] = useState<Theme>(() => themeFor(null));
  useEffect(() => {
    const inExcel = async () => {
      setHost("excel");
      setTheme(themeFor(officeThemeColours()));
      const { excelService } = await import(/* webpackChunkName: "excel-host" */ "./services/excel-service");
      setService(excelService());
    };
    let stop = () => undefined as void;
    void detectHost().then((h) => {
      if (h === "excel") {
        void inExcel();
        return;
      }
      setHost(h);
      // Office.js still loads in the background: should it report Excel after all, become the Excel pane (unless a file is open).
      stop = watchForExcel(() => setService((s) => (s ? s : (void inExcel(), s))));
    });
    return () => stop();
  }, []);
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      {host === "detecting" && <Spinner label="Starting…" />}
      {service ? (
        <Pane
          service={service}
          opened={host === "browser"}
          onOpenAnother={host === "browser" ? () => (service.dispose?.(), setService(null)) : undefined}
        />
      ) : host === "browser" ? (
        <OpenFile onOpen={setService} />
      ) : null}
    </FluentProvider>
  );
}

interface PickerWindow {
  showOpenFilePicker?: (o: unknown) => Promise<{ getFile(): Promise<File> }[]>;
}

/**
 * The File System Access API's picker, where the browser has it: its handle reads the file as it is
 * now, every time. "cancelled" when the user closed the picker; null when there is no picker or the
 * page may not use it (an insecure context, a frame without permission), so the file input is used.
 */
async function pickWithHandle(): Promise<FileSource | "cancelled" | null> {
  const picker = (window as PickerWindow).showOpenFilePicker;
  if (!picker) return null;
  let handles;
  try {
    handles = await picker({
      types: [
        {
          description: "Excel workbook",
          accept: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx", ".xlsm"] },
        },
      ],
      multiple: false,
    });
  } catch (e) {
    return (e as DOMException)?.name === "AbortError" ? "cancelled" : null;
  }
  const first = await handles[0].getFile();
  return { name: first.name, read: async () => new Uint8Array(await (await handles[0].getFile()).arrayBuffer()) };
}

/** Opening a file: read once in the file worker (refused by name if it is not a workbook), then its service handed on. */
function useOpen(onOpen: (s: WorkbookService) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async (source: FileSource) => {
    setBusy(true);
    setError(null);
    try {
      // The .xlsx host loads only on this path, in its own chunk.
      const { fileService, checkWorkbook } = await import(
        /* webpackChunkName: "file-host" */ "./services/file-service"
      );
      // The file is read in the worker: a file that is not a workbook is refused now, by name, not on Run.
      const jobs = workerFileJobs();
      try {
        await checkWorkbook(source, jobs);
      } catch (e) {
        jobs.dispose();
        throw e;
      }
      const opened = fileService(source, jobs);
      startTransition(() => onOpen(opened)); // the pane mounts in slices, never one long task
    } catch (e) {
      setError(plainError(e, "open the file"));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, open };
}

/** The hidden file input behind "Open a workbook…" where the File System Access API is not offered. */
function WorkbookInput({ input, onFile }: { input: RefObject<HTMLInputElement | null>; onFile: (f: File) => void }) {
  return (
    <input
      ref={input}
      type="file"
      accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      hidden
      aria-label="Workbook file"
      data-testid="file-input"
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = ""; // choosing the same file again still opens it
        if (f) onFile(f);
      }}
    />
  );
}

/** Outside Excel: open a workbook file (or the sample) and use the same checks in the browser. */
export function OpenFile({ onOpen }: { onOpen: (s: WorkbookService) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { error, busy, open } = useOpen(onOpen);
  useEffect(() => heading.current?.focus(), []);
  const choose = async () => {
    const handled = await pickWithHandle();
    if (handled === null) input.current?.click();
    else if (handled !== "cancelled") void open(handled);
  };
  return (
    <main className={styles.start}>
      <div className={styles.titleRow}>
        <Logo />
        <h1 ref={heading} tabIndex={-1} className={styles.title}>
          PMO Highlights
        </h1>
      </div>
      <Body1>
        Check a programme workbook and write its board report. This page is not running inside Excel, so it works on a
        file from this computer: nothing leaves your machine.
      </Body1>
      <WorkbookInput
        input={input}
        onFile={(f) => void open({ name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) })}
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void choose()} disabledFocusable={busy}>
          Open a workbook…
        </Button>
        <Button
          onClick={() =>
            void open({
              name: "sample-programme.xlsx",
              read: async () => new Uint8Array(await (await fetch("sample-programme.xlsx")).arrayBuffer()),
            })
          }
          disabledFocusable={busy}
        >
          Try the sample programme
        </Button>
      </div>
      {busy && <Spinner size="tiny" label="Opening…" />}
      {error && <Note intent="error" text={error} alert />}
      <WorkbookNeeds />
      <TemplateOffer
        get={async () =>
          (await import(/* webpackChunkName: "file-host" */ "./services/file-service")).templateDownload()
        }
      />
      <Caption1>In Excel, open the add-in from the Home tab to check the open workbook.</Caption1>
    </main>
  );
}
