import { Caption1, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatDay, today } from "../model/dates";
import type { CheckResult, Progress, ReportOptions, ReportResult, WorkbookService } from "./services/types";
import { CheckView } from "./views/CheckView";
import type { ProgressState } from "./views/ProgressNote";
import { ReportView } from "./views/ReportView";
import { SettingsView } from "./views/SettingsView";
import { WorkbookView } from "./views/WorkbookView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "0" },
  header: { display: "flex", flexDirection: "column" },
});

export type TabKey = "workbook" | "check" | "report" | "settings";

/** The pane for one workbook: four views over one service. */
export function Pane({ service, initialTab = "check" }: { service: WorkbookService; initialTab?: TabKey }) {
  const styles = useStyles();
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
    try {
      setCheck(await service.check({}, progress(setCheckProgress)));
    } catch (e) {
      setCheckError((e as Error).message);
    } finally {
      setCheckProgress(null);
    }
  };
  const generate = async (o: ReportOptions) => {
    setReportError(null);
    setReport(null);
    setReportProgress({ stage: "Reading", done: 0, total: 0 });
    try {
      setReport(await service.report(o, progress(setReportProgress)));
    } catch (e) {
      setReportError((e as Error).message);
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
        <Title3 as="h1">PMO Highlights</Title3>
        <Caption1>{service.title}</Caption1>
      </header>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)} size="small" aria-label="Views">
        <Tab value="workbook">Workbook</Tab>
        <Tab value="check">Check</Tab>
        <Tab value="report">Report</Tab>
        <Tab value="settings">Settings</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab}>
        {tab === "workbook" && <WorkbookView result={check} service={service} onChanged={runCheck} />}
        {tab === "check" && <CheckView json={check?.json ?? null} takenAt={check?.takenAt ?? null} durationMs={check?.durationMs ?? null} progress={checkProgress} error={checkError} onRun={runCheck} onGoTo={goTo} />}
        {tab === "report" && (
          <ReportView
            defaultAsOf={check?.reportingDate ?? formatDay(today())}
            progress={reportProgress}
            error={reportError}
            result={report}
            mode={service.mode}
            onGenerate={generate}
            onOpenSheet={service.activate ? (n) => void service.activate!(n) : undefined}
          />
        )}
        {tab === "settings" && <SettingsView values={check?.settings ?? null} mode={service.mode} onSave={(v) => service.saveSettings(v)} />}
      </div>
    </main>
  );
}
