import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";

/**
 * Main-thread long tasks, as the browser reports them: a PerformanceObserver for 'longtask' (Long
 * Tasks API: any task over 50 ms on the page's thread). The bar: none over 200 ms on a
 * 2,219-task plan and none over 500 ms on a 50,000-row file while it is opened, checked and
 * reported. Used by the end-to-end test (which fails past the bar) and by `npm run bench`.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __longTasks: number[];
      __longObserver?: PerformanceObserver;
      __progress: string[];
    };
    w.__longObserver?.disconnect();
    w.__longTasks = [];
    w.__progress = [];
    w.__longObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    w.__longObserver.observe({ type: "longtask" });
    // Every progress text shown, to see it move through the phases.
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="progressbar"]')) {
        const t = el.getAttribute("aria-valuetext");
        if (t && w.__progress[w.__progress.length - 1] !== t) w.__progress.push(t);
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuetext"],
    });
  });
}

/** The long tasks seen since watchLongTasks (ms, longest first), and the progress texts shown. */
export async function longTasks(page: Page): Promise<{ longest: number; count: number; progress: string[] }> {
  const { tasks, progress } = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __progress: string[] };
    return { tasks: [...w.__longTasks], progress: [...w.__progress] };
  });
  tasks.sort((a, b) => b - a);
  return { longest: Math.round(tasks[0] ?? 0), count: tasks.length, progress };
}

/**
 * Waits for the page to hold `css` (optionally with text matching `text`), polling cheaply: role
 * queries compute accessible names over the whole page and would be long tasks of their own.
 */
async function waitFor(page: Page, css: string, text: RegExp | null, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([c, t]) =>
      [...document.querySelectorAll(c as string)].some((e) => !t || new RegExp(t as string).test(e.textContent ?? "")),
    [css, text?.source ?? null],
    { timeout, polling: 500 },
  );
}

/** Clicks the first `css` element whose text matches, from the page (no role query). */
async function click(page: Page, css: string, text: RegExp): Promise<void> {
  await page.evaluate(
    ([c, t]) =>
      (
        [...document.querySelectorAll(c)].find((e) => new RegExp(t).test(e.textContent ?? "")) as
          HTMLElement | undefined
      )?.click(),
    [css, text.source],
  );
}

/**
 * In browser mode: opens `data` through the file input, runs the checks and generates the
 * report, watching long tasks throughout. Returns them, with the seconds each step took.
 */
export async function openCheckAndReport(
  page: Page,
  name: string,
  data: Uint8Array,
  timeout = 400_000,
): Promise<{ longest: number; count: number; progress: string[]; checkS: number; reportS: number }> {
  if ((await page.$("[data-testid=file-input]")) === null) await click(page, "button", /^Open another workbook$/);
  await waitFor(page, "[data-testid=file-input]", null, 30_000);
  await watchLongTasks(page);
  // From a path, so the browser reads the file itself (a buffer would be decoded by script in the page, a long task of the test's own).
  const path = join(mkdtempSync(join(tmpdir(), "pmo-pane-")), name);
  writeFileSync(path, data);
  await page.setInputFiles("[data-testid=file-input]", path);
  await waitFor(page, "main button", /^Run the checks$/, timeout);
  let started = Date.now();
  await click(page, "main button", /^Run the checks$/);
  await waitFor(page, "h2[tabindex]", /, as of /, timeout);
  const checkS = (Date.now() - started) / 1000;
  await click(page, "#tab-report", /Report/);
  await waitFor(page, "main button", /^Generate the report$/, 30_000);
  started = Date.now();
  await click(page, "main button", /^Generate the report$/);
  await waitFor(page, "a[download]", /report\.xlsx$/, timeout);
  const reportS = (Date.now() - started) / 1000;
  return { ...(await longTasks(page)), checkS, reportS };
}
