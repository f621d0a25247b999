import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { buildPane, launch } from "../support/browser";
import { serve } from "../support/static-server";

/**
 * The built task pane in real headless Chromium, in its browser mode (no Office host): open the
 * sample, run the checks, see the findings, generate the report, and read the downloaded
 * workbook back. Screenshots of each view at 320 px and 800 px go to test-output/screenshots.
 */
const SHOTS = join(__dirname, "..", "..", "test-output", "screenshots");
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dist = buildPane();
  server = await serve(dist);
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.goto(`${server.url}/taskpane.html`);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shoot(name: string) {
  for (const width of [320, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 320, height: 900 });
}

describe("the task pane in a browser", () => {
  it("starts in browser mode and offers to open a file", async () => {
    await page.getByRole("button", { name: "Try the sample programme" }).waitFor({ timeout: 20_000 });
    expect(await page.getByText("nothing leaves your machine").count()).toBe(1);
    await shoot("start");
  });

  it("opens the sample and runs the checks, showing findings by sheet", async () => {
    await page.getByRole("button", { name: "Try the sample programme" }).click();
    await page.getByRole("button", { name: "Run the checks" }).click();
    await page.getByText(/as of 31 Jan 2010/).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("region", { name: /Risk Log: \d+ findings/ }).count()).toBe(1);
    expect(await page.getByText(/reported Green but the plan says Red/).count()).toBeGreaterThan(0);
    expect(requests.some((u) => u.endsWith("/analysis-worker.js"))).toBe(true); // the analysis ran in the worker
    await shoot("check");
  });

  it("shows the workbook's sheets and the settings", async () => {
    await page.getByRole("tab", { name: "Workbook" }).click();
    await page.getByText(/Links: Depends On column on Milestones, 9 links/).waitFor();
    expect(await page.getByText(/Not in this workbook \(each is optional; its checks are skipped\): Assumptions, Dependencies Log\./).count()).toBe(1);
    await shoot("workbook");
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Red slip days").waitFor();
    await shoot("settings");
  });

  it("can be used from the keyboard: arrow keys between tabs, Tab to the controls", async () => {
    await page.getByRole("tab", { name: "Settings" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "Report" }).getAttribute("aria-selected")).toBe("true");
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await page.evaluate(() => document.activeElement?.textContent ?? "")) === "Generate the report";
    }
    expect(reached).toBe(true);
  });

  it("generates the report and downloads a workbook that holds it", async () => {
    await page.getByRole("tab", { name: "Report" }).click();
    await page.getByRole("button", { name: "Generate the report" }).click();
    const link = page.getByRole("link", { name: /Download sample-programme - report.xlsx/ });
    await link.waitFor({ timeout: 60_000 });
    await shoot("report");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const path = join(SHOTS, "..", "downloaded-report.xlsx");
    await download.saveAs(path);
    const back = await readWorkbook(new Uint8Array(readFileSync(path)));
    expect(back.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Projects", "Board Report", "Exceptions", "RAG History"]));
    expect(back.reportSheets?.length).toBe(8);
  });

  it("makes no request outside its own origin, except Office.js from Microsoft's CDN", () => {
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
    expect(foreign.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"))).toEqual([]);
    expect(consoleErrors.filter((e) => !/appsforoffice|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  });
});
