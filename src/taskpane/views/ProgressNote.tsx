import { Field, ProgressBar } from "@fluentui/react-components";

export interface ProgressState {
  stage: string;
  done: number;
  total: number;
  /** Which phase of how many (Reading, Checking, Planning, Writing), when known. */
  step?: number;
  steps?: number;
}

/** "Step 2 of 4: Checking…": the phase in words, and a bar that moves with each phase and each sheet read. */
export function progressWords(p: ProgressState): string {
  const within = p.total > 1 ? ` (${Math.min(p.done, p.total)} of ${p.total})` : "";
  return p.step && p.steps && p.steps > 1
    ? `Step ${p.step} of ${p.steps}: ${p.stage}${within}…`
    : `${p.stage}${within}…`;
}

/** Progress on long work: the phase in words and a bar across all phases (indeterminate until a phase is known). */
export function ProgressNote({ p }: { p: ProgressState }) {
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const value = p.step && p.steps ? Math.min(1, (p.step - 1 + part) / p.steps) : p.total > 1 ? part : undefined;
  return (
    <Field validationMessage={progressWords(p)} validationState="none">
      <ProgressBar value={value} aria-label={p.stage} aria-valuetext={progressWords(p)} />
    </Field>
  );
}
