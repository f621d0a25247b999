import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { SETTING_SPECS } from "../../core/workbook/schema";
import { Note } from "./Note";
import type { SettingValue } from "../../core/report/settings-plan";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** Fluent's inputs are at least 250 px wide; the pane at 200% zoom is 160 CSS px. */
  control: { minWidth: 0, maxWidth: "100%" },
});

const NUMERIC = [
  "amberSlipDays",
  "redSlipDays",
  "amberCostPercent",
  "redCostPercent",
  "riskEscalationScore",
  "reviewStalenessDays",
  "competencyScaleMax",
];

/** Settings with a fixed set of values: each value and its label. */
const CHOICES: Record<string, [string, string][]> = {
  rollUp: [
    ["worst", "Worst member"],
    ["majority", "Most common rating"],
  ],
  reportingPeriod: [
    ["Monthly", "Monthly"],
    ["Four-weekly", "Four-weekly"],
    ["Quarterly", "Quarterly"],
  ],
  calendar: [
    ["Working days", "Working days"],
    ["Calendar days", "Calendar days"],
  ],
  riskMatrix: [
    ["Auto", "Auto"],
    ["5x5", "5×5 (NPSA)"],
    ["3x3", "3×3 (High/Medium/Low)"],
  ],
};

/** Edited elsewhere: the reporting date on the Report tab; the column map and date order in the workbook. */
const NOT_HERE = new Set(["reportingDate", "columnMap", "dateOrder"]);

/** Tolerances and thresholds, saved to the Settings sheet so every co-author sees the same rules. */
export interface SettingsViewProps {
  /** What is saved now: the last check's settings, or what was saved since. */
  values: Record<string, SettingValue> | null;
  mode: "excel" | "file";
  onSave: (v: Record<string, SettingValue>) => Promise<"saved" | "session">;
  /** Set once settings were saved after the last check (how): the results are from before the change. */
  saved?: "saved" | "session" | null;
  onRerun?: () => void;
}

/** Said after saving: where the settings went, and that the results shown are older than them. */
function savedWords(how: "saved" | "session"): string {
  return how === "saved"
    ? "Settings saved to the Settings sheet. Results are from before the change."
    : "Settings in use for this session (your file is not changed). Results are from before the change.";
}

/** A setting's draft text, for every setting the check read ("" never undefined: the inputs are controlled from the first render). */
const toDraft = (values: Record<string, SettingValue> | null): Record<string, string> =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));

/** What is wrong with each numeric setting's draft, by its key. */
function problemsOf(draft: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const k of NUMERIC) {
    const n = Number(draft[k]);
    if (draft[k] === "" || !Number.isFinite(n) || n < 0) problems[k] = "Enter a number, zero or more.";
  }
  if (!problems.amberSlipDays && !problems.redSlipDays && Number(draft.amberSlipDays) > Number(draft.redSlipDays))
    problems.redSlipDays = "Red must be at least amber.";
  if (
    !problems.amberCostPercent &&
    !problems.redCostPercent &&
    Number(draft.amberCostPercent) > Number(draft.redCostPercent)
  )
    problems.redCostPercent = "Red must be at least amber.";
  return problems;
}

/** One setting: a choice of its fixed values, or a text or number box with what is wrong with it. */
function SettingField({
  spec,
  value,
  problem,
  onChange,
}: {
  spec: (typeof SETTING_SPECS)[number];
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  if (CHOICES[spec.key])
    return (
      <Field label={spec.label} hint={spec.note}>
        <RadioGroup value={value} onChange={(_, d) => onChange(d.value)}>
          {CHOICES[spec.key].map(([v, label]) => (
            <Radio key={v} value={v} label={label} />
          ))}
        </RadioGroup>
      </Field>
    );
  return (
    <Field label={spec.label} hint={spec.note} validationMessage={problem} validationState={problem ? "error" : "none"}>
      <Input
        className={styles.control}
        type={NUMERIC.includes(spec.key) ? "number" : "text"}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}

/** Said once saved, with a re-run offered. */
function SavedBar({ how, onRerun }: { how: "saved" | "session"; onRerun?: () => void }) {
  return (
    <MessageBar intent="success">
      <MessageBarBody>{savedWords(how)}</MessageBarBody>
      {onRerun && (
        <MessageBarActions>
          <Button size="small" onClick={onRerun}>
            Run the checks again
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function SettingsView({ values, mode, onSave, saved = null, onRerun }: SettingsViewProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Record<string, string>>(() => toDraft(values));
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState<"saved" | "session" | null>(null);
  const how = justSaved ?? saved;
  useEffect(() => {
    if (values) setDraft(toDraft(values));
  }, [values]);
  if (!values) return <Body1>Run the checks first: the settings are read from the workbook.</Body1>;
  const problems = problemsOf(draft);
  const save = async () => {
    setBusy(true);
    setNote(null);
    setJustSaved(null);
    try {
      const out: Record<string, SettingValue> = {};
      for (const [k, v] of Object.entries(draft)) out[k] = NUMERIC.includes(k) ? Number(v) : v;
      setJustSaved(await onSave(out));
    } catch (e) {
      setNote({ intent: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.root} aria-label="Settings">
      {SETTING_SPECS.filter((s) => !NOT_HERE.has(s.key) && s.key in values).map((s) => (
        <SettingField
          key={s.key}
          spec={s}
          value={draft[s.key] ?? String(values[s.key] ?? "")}
          problem={problems[s.key]}
          onChange={(v) => setDraft({ ...draft, [s.key]: v })}
        />
      ))}
      <Button appearance="primary" disabled={busy || Object.keys(problems).length > 0} onClick={save}>
        {mode === "excel" ? "Save to the Settings sheet" : "Use these settings"}
      </Button>
      <Caption1>The reporting date is set on the Report tab or in the Settings sheet.</Caption1>
      {how && !note && <SavedBar how={how} onRerun={onRerun} />}
      {note && <Note intent={note.intent} text={note.text} />}
    </section>
  );
}
