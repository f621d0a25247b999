import type { Page } from "playwright-core";

/**
 * Main-thread long tasks, as the browser reports them: a PerformanceObserver for 'longtask' (Long
 * Tasks API: any task over 50 ms on the page's thread). The bar: none over 200 ms on a
 * 2,219-task plan and none over 500 ms on a 50,000-row file while it is opened, checked and
 * reported. Used by the end-to-end test (which fails past the bar) and by `npm run bench`.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __longObserver?: PerformanceObserver; __progress: string[] };
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
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuetext"] });
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
 * In browser mode: opens `data` through the file input, runs the checks and generates the
 * report, watching long tasks throughout. Returns them, with the seconds each step took.
 */
export async function openCheckAndReport(page: Page, name: string, data: Uint8Array, timeout = 400_000): Promise<{ longest: number; count: number; progress: string[]; checkS: number; reportS: number }> {
  await watchLongTasks(page);
  await page.setInputFiles('[data-testid="file-input"]', { name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(data) });
  await page.getByRole("button", { name: "Run the checks" }).waitFor({ timeout });
  let started = Date.now();
  await page.getByRole("button", { name: "Run the checks" }).click();
  await page.getByRole("heading", { level: 2, name: /, as of / }).waitFor({ timeout });
  const checkS = (Date.now() - started) / 1000;
  await page.getByRole("tab", { name: "Report" }).click();
  started = Date.now();
  await page.getByRole("button", { name: "Generate the report" }).click();
  await page.getByRole("link", { name: /^Download .* - report\.xlsx$/ }).waitFor({ timeout });
  const reportS = (Date.now() - started) / 1000;
  return { ...(await longTasks(page)), checkS, reportS };
}
