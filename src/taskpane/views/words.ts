import { CODE_NAMES, type DiagnosticCode } from "../../core/primitives/diagnostic";

/** "3 errors, 1 warning, 5 info": the counts as a sentence reads them. */
export function countWords(c: { error: number; warning: number; info: number }): string {
  return `${c.error} ${c.error === 1 ? "error" : "errors"}, ${c.warning} ${c.warning === 1 ? "warning" : "warnings"}, ${c.info} info`;
}

/** A finding's code as a PMO officer reads it: "Overdue milestone (overdue-milestone)". */
export function codeLabel(code: string): string {
  const name = CODE_NAMES[code as DiagnosticCode];
  return name ? `${name} (${code})` : code;
}
