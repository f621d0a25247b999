import { Field, ProgressBar } from "@fluentui/react-components";

export interface ProgressState {
  stage: string;
  done: number;
  total: number;
}

/** Progress on long work: the stage in words and a bar (indeterminate until a total is known). */
export function ProgressNote({ p }: { p: ProgressState }) {
  const value = p.total > 1 ? Math.min(1, p.done / p.total) : undefined;
  return (
    <Field validationMessage={`${p.stage}…`} validationState="none">
      <ProgressBar value={value} aria-label={`${p.stage}`} />
    </Field>
  );
}
