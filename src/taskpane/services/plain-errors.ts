/**
 * The browser's own failures in the user's words ("could not be cloned", "out of memory"): what
 * happened and what to do. The file worker's refusals of files that are not workbooks are in refusals.ts.
 */

/** True for the browser's "the data is too big to pass on" failures (structured clone, allocation). */
function outOfMemory(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? "";
  const text = String((e as Error | null)?.message ?? e);
  return (
    name === "DataCloneError" ||
    /could not be cloned|out of memory|allocation failed|Invalid array length|Invalid typed array length|Array buffer allocation/i.test(
      text,
    )
  );
}

/**
 * An error as the pane shows it: our own messages as they are; the browser's failures as what
 * happened and what to do, never "Failed to execute 'postMessage' on 'Worker'…".
 */
export function plainError(e: unknown, doing: string): string {
  if (outOfMemory(e))
    return `The workbook is too large for this pane to ${doing}: the browser ran out of memory. Close other tabs or windows and try again; if it still fails, move old rows to another workbook.`;
  const name = (e as { name?: string } | null)?.name ?? "";
  const text = String((e as Error | null)?.message ?? e);
  if (name === "NotReadableError" || name === "NotFoundError")
    return `The file could not be read: it may have been changed, moved or deleted. Choose "Open another workbook" and pick it again.`;
  if (!text.trim())
    return `The pane could not ${doing}: its checker stopped before it finished. Reload the pane and try again.`;
  if (/^Failed to execute|^Uncaught |is not a function|Cannot read propert|undefined is not/i.test(text))
    return `The pane could not ${doing} (${text}). Reload the pane and try again; if it fails again, tell whoever supports the add-in.`;
  return text;
}
