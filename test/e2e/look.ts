import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** Where the end-to-end tests' screenshots go (looked at by a person: they are not compared). */
export const SHOTS = join(__dirname, "..", "..", "test-output", "screenshots");

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it stands. Injected through the DevTools
 * protocol (page.evaluate), so the page's Content-Security-Policy stays as shipped.
 * Library artefacts allowed, each for its reason:
 * - aria-hidden-focus on Fluent UI's tabster "dummy" elements (<i tabindex="0" aria-hidden="true"
 *   data-tabster-dummy>): tabster puts them around focus groups to catch Tab and move focus on at
 *   once, so no user rests on them; they are Fluent's, not ours (microsoft/tabster, Fluent UI v9).
 *   Only nodes carrying data-tabster-dummy are allowed; any other aria-hidden-focus fails.
 */
const ALLOWED = (id: string, html: string) => id === "aria-hidden-focus" && /\bdata-tabster-dummy\b/.test(html);

export async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: string[]; html: string }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
  });
  return result.violations
    .map((v) => ({
      id: v.id,
      nodes: v.nodes.filter((n) => !ALLOWED(v.id, n.html)).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)}`),
    }))
    .filter((v) => v.nodes.length > 0);
}

/**
 * Screenshots of the page at 320 px (the pane's default width) and 800 px, with axe-core run at
 * each: any violation fails, naming the width.
 */
export async function look(page: Page, name: string, widths = [320, 800]): Promise<void> {
  const found: Record<number, { id: string; nodes: string[] }[]> = {};
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150); // let the layout (and Fluent's overflow measurement) settle
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    const v = await axeViolations(page);
    if (v.length) found[width] = v;
  }
  await page.setViewportSize({ width: 320, height: 900 });
  expect(found).toEqual({});
}
