import { Button, Caption1, Tab, TabList, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { countWords } from "./views/words";
import { formatDay, today } from "../model/dates";
import type { CheckResult, Progress, ReportOptions, ReportResult, WorkbookService } from "./services/types";
import { CheckView } from "./views/CheckView";
import type { ProgressState } from "./views/ProgressNote";
import { ReportView } from "./views/ReportView";
import { SettingsView } from "./views/SettingsView";
import { WorkbookView } from "./views/WorkbookView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "0" },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  title: { ...typographyStyles.title3, margin: 0 },
  /** Read by screen readers, not shown (the usual visually-hidden pattern). */
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const TAB_NAMES: Record<TabKey, string> = { workbook: "Workbook", check: "Check", report: "Report", settings: "Settings" };

export type TabKey = "workbook" | "check" | "report" | "settings";

/** The pane for one workbook: four views over one service. */
export function Pane({ service, initialTab = "check", onOpenAnother }: { service: WorkbookService; initialTab?: TabKey; onOpenAnother?: () => void }) {
  const styles = useStyles();
  const [announce, setAnnounce] = useState("");
  /** Where focus goes when results arrive: the results' heading, the list of written sheets. */
  const checkHeading = useRef<HTMLHeadingElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const focusSoon = (ref: React.RefObject<HTMLElement | null>) => setTimeout(() => ref.current?.focus(), 0);
  const [tab, setTab] = useState<TabKey>(initialTab);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checkProgress, setCheckProgress] = useState<ProgressState | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [report, setReport] = useState<ReportResult | null>(null);
  const [reportProgress, setReportProgress] = useState<ProgressState | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);

  const progress =
    (set: (p: ProgressState) => void): Progress =>
    (stage, done, total) =>
      set({ stage, done, total });

  const runCheck = async () => {
    setCheckError(null);
    setCheckProgress({ stage: "Reading", done: 0, total: 0 });
    setAnnounce("Checking the workbook…");
    try {
      const result = await service.check({}, progress(setCheckProgress));
      setCheck(result);
      setAnnounce(`Checks done: ${countWords(result.json.counts)}.`);
      focusSoon(checkHeading);
    } catch (e) {
      setCheckError((e as Error).message);
      setAnnounce("The checks could not run.");
    } finally {
      setCheckProgress(null);
    }
  };
  const generate = async (o: ReportOptions) => {
    setReportError(null);
    setReport(null);
    setReportProgress({ stage: "Reading", done: 0, total: 0 });
    setAnnounce("Writing the report…");
    try {
      const result = await service.report(o, progress(setReportProgress));
      setReport(result);
      setAnnounce(`Report written: ${result.sheets.length} sheets.`);
      focusSoon(reportHeading);
    } catch (e) {
      setReportError((e as Error).message);
      setAnnounce("The report could not be written.");
    } finally {
      setReportProgress(null);
    }
  };
  const goTo = service.goTo
    ? async (sheet: string, cell: string) => {
        try {
          await service.goTo!(sheet, cell);
        } catch (e) {
          setCheckError(`Could not select ${sheet}!${cell}: ${(e as Error).message}`);
        }
      }
    : undefined;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>PMO Highlights</h1>
        <Caption1>{service.title}</Caption1>
        {onOpenAnother && (
          <Button size="small" onClick={onOpenAnother}>
            Open another workbook
          </Button>
        )}
      </header>
      <div role="status" aria-live="polite" className={styles.hidden}>
        {announce}
      </div>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)} size="small" aria-label="Views">
        {(Object.keys(TAB_NAMES) as TabKey[]).map((k) => (
          <Tab key={k} value={k} id={`tab-${k}`} aria-controls={`panel-${k}`}>
            {TAB_NAMES[k]}
          </Tab>
        ))}
      </TabList>
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
            headingRef={checkHeading}
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
            headingRef={reportHeading}
          />
        )}
        {tab === "settings" && <SettingsView values={check?.settings ?? null} mode={service.mode} onSave={(v) => service.saveSettings(v)} />}
      </div>
    </main>
  );
}
