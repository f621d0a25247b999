import { Button, Caption1, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { countWords } from "./views/words";
import { formatDay, today } from "../core/primitives/dates";
import type { CheckResult, Progress, ReportOptions, ReportResult, WorkbookService } from "./services/types";
import { plainError } from "./services/plain-errors";
import type { SettingValue } from "../core/report/settings-plan";
import { CheckView } from "./views/CheckView";
import type { ProgressState } from "./views/ProgressNote";
import { ReportView } from "./views/ReportView";
import { SettingsView } from "./views/SettingsView";
import { ViewTabs } from "./views/ViewTabs";
import { WorkbookView } from "./views/WorkbookView";
import { Logo } from "./views/Logo";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "0",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: "100%" },
  title: { ...typographyStyles.title3, margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  name: { margin: 0, overflowWrap: "anywhere", ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  /** Read by screen readers, not shown (the usual visually-hidden pattern). */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export type TabKey = "workbook" | "check" | "report" | "settings";

const TABS: { key: TabKey; name: string }[] = [
  { key: "workbook", name: "Workbook" },
  { key: "check", name: "Check" },
  { key: "report", name: "Report" },
  { key: "settings", name: "Settings" },
];

/** Where focus goes next: the workbook's name once opened, the results' heading, the list of written sheets. */
type FocusTarget = "opened" | "check" | "report";

/**
 * Focus to an element as it mounts or as results arrive: `request(target)` marks where focus
 * should go, and the element's ref callback (or the effect after the next commit, for an element
 * already shown) moves it there. A timer cannot: it may fire before the element exists.
 */
function useFocusOn() {
  const pending = useRef<FocusTarget | null>(null);
  const elements = useRef<Partial<Record<FocusTarget, HTMLElement>>>({});
  const [ticket, setTicket] = useState(0);
  const tryFocus = useCallback(() => {
    const t = pending.current;
    const el = t ? elements.current[t] : undefined;
    if (el && el.isConnected) {
      el.focus();
      pending.current = null;
    }
  }, []);
  useEffect(tryFocus, [ticket, tryFocus]);
  const refFor = useCallback(
    (t: FocusTarget) => (el: HTMLElement | null) => {
      if (el) elements.current[t] = el;
      else delete elements.current[t];
      if (el && pending.current === t) tryFocus();
    },
    [tryFocus],
  );
  const request = useCallback((t: FocusTarget) => {
    pending.current = t;
    setTicket((n) => n + 1);
  }, []);
  return { refFor, request };
}

const progressOf =
  (set: (p: ProgressState) => void, steps: string[]): Progress =>
  (stage, done, total) =>
    set({ stage, done, total, step: steps.indexOf(stage) + 1, steps: steps.length });

type Focus = ReturnType<typeof useFocusOn>;
type SavedSettings = { values: Record<string, SettingValue>; how: "saved" | "session" };

/** The checks: their result, progress and error, and the run (focus to the results if the Check tab is shown). */
function useCheckRun(
  service: WorkbookService,
  focus: Focus,
  setAnnounce: (s: string) => void,
  onDone: () => void,
  tab: TabKey,
) {
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checkProgress, setCheckProgress] = useState<ProgressState | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const tabNow = useRef(tab);
  tabNow.current = tab;
  const runCheck = async () => {
    setCheckError(null);
    setCheckProgress({ stage: "Reading", done: 0, total: 0, step: 1, steps: 2 });
    setAnnounce("Checking the workbook…");
    try {
      const result = await service.check({}, progressOf(setCheckProgress, ["Reading", "Checking"]));
      // A transition: React renders the results in slices, yielding to the page between them, so a
      // result with thousands of findings never holds the pane's thread (issue 26: no long task).
      startTransition(() => {
        setCheck(result);
        onDone();
        setAnnounce(`Checks done: ${countWords(result.json.counts)}.`);
        if (tabNow.current === "check") focus.request("check");
      });
    } catch (e) {
      setCheckError(plainError(e, "check the workbook"));
      setAnnounce("The checks could not run.");
    } finally {
      setCheckProgress(null);
    }
  };
  return { check, checkProgress, checkError, setCheckError, runCheck };
}

/** The report: its result, progress and error, and the run (focus to the written sheets). */
function useReportRun(service: WorkbookService, focus: Focus, setAnnounce: (s: string) => void) {
  const [report, setReport] = useState<ReportResult | null>(null);
  const [reportProgress, setReportProgress] = useState<ProgressState | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const generate = async (o: ReportOptions) => {
    setReportError(null);
    setReport(null);
    setReportProgress({ stage: "Reading", done: 0, total: 0, step: 1, steps: 4 });
    setAnnounce("Writing the report…");
    try {
      const result = await service.report(
        o,
        progressOf(setReportProgress, ["Reading", "Checking", "Planning", "Writing"]),
      );
      startTransition(() => {
        setReport(result);
        setAnnounce(`Report written: ${result.sheets.length} sheets.`);
        focus.request("report");
      });
    } catch (e) {
      setReportError(plainError(e, "write the report"));
      setAnnounce("The report could not be written.");
    } finally {
      setReportProgress(null);
    }
  };
  return { report, reportProgress, reportError, generate };
}

/** The title, the workbook's name (focus goes there once opened) and "Open another workbook". */
function PaneHeader({
  title,
  nameRef,
  onOpenAnother,
}: {
  title: string;
  nameRef: (el: HTMLElement | null) => void;
  onOpenAnother?: () => void;
}) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <Logo />
        <h1 className={styles.title}>PMO Highlights</h1>
      </div>
      <p className={styles.name} ref={nameRef} tabIndex={-1}>
        <Caption1>{title}</Caption1>
      </p>
      {onOpenAnother && (
        <Button size="small" onClick={onOpenAnother}>
          Open another workbook
        </Button>
      )}
    </header>
  );
}

/** The view of the selected tab. */
function TabPanel({
  tab,
  setTab,
  service,
  checkRun,
  reportRun,
  saved,
  saveSettings,
  goTo,
  refs,
}: {
  tab: TabKey;
  setTab: (t: TabKey) => void;
  service: WorkbookService;
  checkRun: ReturnType<typeof useCheckRun>;
  reportRun: ReturnType<typeof useReportRun>;
  saved: SavedSettings | null;
  saveSettings: (values: Record<string, SettingValue>) => Promise<"saved" | "session">;
  goTo?: (sheet: string, cell: string) => Promise<void>;
  refs: { check: (el: HTMLElement | null) => void; report: (el: HTMLElement | null) => void };
}) {
  const { check, checkProgress, checkError, runCheck } = checkRun;
  const { report, reportProgress, reportError, generate } = reportRun;
  return (
    <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
      {tab === "workbook" && <WorkbookView result={check} service={service} onChanged={runCheck} />}
      {tab === "check" && (
        <CheckView
          json={check?.json ?? null}
          takenAt={check?.takenAt ?? null}
          durationMs={check?.durationMs ?? null}
          progress={checkProgress}
          error={checkError}
          onRun={runCheck}
          onGoTo={goTo}
          preview={service.preview}
          headingRef={refs.check}
          stale={!!saved}
          mode={service.mode}
          templateDownload={service.templateDownload}
        />
      )}
      {tab === "report" && (
        <ReportView
          defaultAsOf={check?.reportingDate ?? formatDay(today())}
          progress={reportProgress}
          error={reportError}
          result={report}
          mode={service.mode}
          onGenerate={generate}
          onOpenSheet={service.activate ? (n) => void service.activate!(n) : undefined}
          headingRef={refs.report}
        />
      )}
      {tab === "settings" && (
        <SettingsView
          values={saved?.values ?? check?.settings ?? null}
          saved={saved?.how ?? null}
          mode={service.mode}
          onSave={saveSettings}
          onRerun={() => (setTab("check"), void runCheck())}
        />
      )}
    </div>
  );
}

/** The pane for one workbook: four views over one service. */
export function Pane({
  service,
  initialTab = "check",
  onOpenAnother,
  opened = false,
}: {
  service: WorkbookService;
  initialTab?: TabKey;
  onOpenAnother?: () => void;
  opened?: boolean;
}) {
  const styles = useStyles();
  const [announce, setAnnounce] = useState(
    opened ? `Opened ${service.title}. Run the checks to see its findings.` : "",
  );
  const focus = useFocusOn();
  const refs = useRef({
    opened: focus.refFor("opened"),
    check: focus.refFor("check"),
    report: focus.refFor("report"),
  }).current;
  const [tab, setTab] = useState<TabKey>(initialTab);
  /** Settings saved since the last check: what the Settings view shows, and that the results are older. */
  const [saved, setSaved] = useState<SavedSettings | null>(null);
  const checkRun = useCheckRun(service, focus, setAnnounce, () => setSaved(null), tab);
  const reportRun = useReportRun(service, focus, setAnnounce);
  const { setCheckError } = checkRun;
  const { request: requestFocus } = focus;
  useEffect(() => {
    if (opened) requestFocus("opened");
  }, [opened, requestFocus]);
  const saveSettings = async (values: Record<string, SettingValue>) => {
    const how = await service.saveSettings(values);
    setSaved({ values, how });
    setAnnounce("Settings saved. The results are from before the change: run the checks again.");
    return how;
  };
  const goTo = service.goTo
    ? async (sheet: string, cell: string) => {
        try {
          await service.goTo!(sheet, cell);
        } catch (e) {
          setCheckError(`Could not select ${sheet}!${cell}: ${plainError(e, "select the cell")}`);
        }
      }
    : undefined;

  return (
    <main className={styles.root}>
      <PaneHeader title={service.title} nameRef={refs.opened} onOpenAnother={onOpenAnother} />
      <div role="status" aria-live="polite" className={styles.hidden}>
        {announce}
      </div>
      <ViewTabs tabs={TABS} selected={tab} onSelect={setTab} label="Views" />
      <TabPanel
        tab={tab}
        setTab={setTab}
        service={service}
        checkRun={checkRun}
        reportRun={reportRun}
        saved={saved}
        saveSettings={saveSettings}
        goTo={goTo}
        refs={refs}
      />
    </main>
  );
}
