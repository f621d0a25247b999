import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import JSZip from "jszip";
import { buildPane, launch } from "../support/browser";
import { serve } from "../support/static-server";
import { projectLikePlan, wideWorkbook } from "./big-plans";
import { longTasks, openCheckAndReport, watchLongTasks } from "./long-tasks";
import { look as lookAt, SHOTS } from "./look";

/**
 * The built task pane in real headless Chromium, in its browser mode (no Office host): open the
 * sample, run the checks, see the findings, generate the report, and read the downloaded
 * workbook back. Every view is checked by axe-core and photographed at 320 px and 800 px
 * (test-output/screenshots); focus is sampled after the first and later runs; main-thread long
 * tasks are measured on a 2,219-task plan and a 50,000-row file (made in big-plans.ts).
 */
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

/** Screenshots at 320 and 800 px with axe-core at each (look.ts). */
const look = (name: string, widths?: number[]) => lookAt(page, name, widths);

/** What has focus, sampled every 250 ms for `ms`: the text of each sample (the issue saw body at 0–3000 ms). */
async function focusSamples(ms = 3000): Promise<string[]> {
  const out: string[] = [];
  for (let t = 0; t <= ms; t += 250) {
    out.push(
      await page.evaluate(() =>
        document.activeElement === document.body ? "<body>" : (document.activeElement?.textContent ?? "").trim(),
      ),
    );
    await page.waitForTimeout(250);
  }
  return out;
}

/** A Word document's package (ECMA-376 Part 1 parts of a .docx), to be chosen under an .xlsx name. */
async function wordDocument(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/document.xml",
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("the task pane in a browser", () => {
  it("starts in browser mode with a first-run screen: what the workbook needs, the template, help and the logo", async () => {
    await page.getByRole("button", { name: "Try the sample programme" }).waitFor({ timeout: 20_000 });
    expect(await page.getByText("nothing leaves your machine").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "What the workbook needs" }).count()).toBe(1);
    expect(await page.getByText(/^Projects$/).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Get the blank template" }).count()).toBe(1);
    // The help link is relative to the pane, so it works wherever dist/ is deployed.
    const help = await page.getByRole("link", { name: /^Help: the workbook format/ }).getAttribute("href");
    expect(help).toBe("help.html");
    const r = await page.request.get(new URL(help!, page.url()).toString());
    expect(r.status()).toBe(200);
    expect(await r.text()).toMatch(/What the workbook needs/);
    expect(
      await page.evaluate(() => [...document.images].filter((i) => i.complete && i.naturalWidth > 0).length),
    ).toBeGreaterThan(0); // the logo
    await look("start");
  });

  it("opens the sample: focus to the workbook's name, and the live region says it opened", async () => {
    await page.getByRole("button", { name: "Try the sample programme" }).click();
    await page.getByRole("button", { name: "Run the checks" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "sample-programme.xlsx");
    expect(await page.getByRole("status").textContent()).toBe(
      "Opened sample-programme.xlsx. Run the checks to see its findings.",
    );
  });

  it("runs the checks, with focus on the results after the first run and after later ones", async () => {
    await page.getByRole("button", { name: "Run the checks" }).click();
    await page
      .getByText(/as of 31 Jan 2010/)
      .first()
      .waitFor({ timeout: 60_000 });
    const first = await focusSamples();
    expect(first.filter((t) => !/as of 31 Jan 2010/.test(t))).toEqual([]);
    expect(await page.getByRole("status").textContent()).toMatch(
      /^Checks done: \d+ errors?, \d+ warnings?, \d+ info\.$/,
    );
    await page.getByRole("button", { name: "Run the checks again" }).click();
    await page.waitForFunction(
      () =>
        /^Checks done/.test(document.querySelector('[role="status"]')?.textContent ?? "") &&
        !document.querySelector('[role="progressbar"]'),
    );
    const later = await focusSamples(1500);
    expect(later.filter((t) => !/as of 31 Jan 2010/.test(t))).toEqual([]);
    expect(await page.getByRole("region", { name: /Risk Log: \d+ findings/ }).count()).toBe(1);
    expect(await page.getByText(/reported Green but the plan says Red/).count()).toBeGreaterThan(0);
    expect(requests.some((u) => u.endsWith("/file-worker.js"))).toBe(true); // the file was read and checked in the worker
    await look("check");
  });

  it("shows what a finding's cell holds", async () => {
    const show = page.getByRole("button", { name: /^Show what Projects [A-Z]+\d+ holds$/ }).first();
    await show.click();
    await page
      .getByRole("table", { name: /^Projects row \d+, around [A-Z]+\d+$/ })
      .first()
      .waitFor();
    await look("cell-preview");
    await show.click();
  });

  it("keeps the cell references looking like links in forced colours (Windows high contrast)", async () => {
    await page.emulateMedia({ forcedColors: "active" });
    const style = await page
      .getByRole("button", { name: /^Show what Projects [A-Z]+\d+ holds$/ })
      .first()
      .evaluate((el) => {
        const probe = document.createElement("span");
        probe.style.color = "LinkText";
        document.body.appendChild(probe);
        const linkText = getComputedStyle(probe).color;
        probe.remove();
        const s = getComputedStyle(el);
        return { color: s.color, linkText, underline: s.textDecorationLine };
      });
    expect(style.underline).toContain("underline");
    expect(style.color).toBe(style.linkText);
    await page.screenshot({ path: join(SHOTS, "check-forced-colours-320.png"), fullPage: true });
    await page.emulateMedia({ forcedColors: "none" });
  });

  it("shows the workbook's sheets, and settings that show what was saved and offer to re-run", async () => {
    await page.getByRole("tab", { name: "Workbook" }).click();
    await page.getByText(/Links: Depends On column on Milestones, 9 links/).waitFor();
    expect(
      await page
        .getByText(/Not in this workbook \(each is optional; its checks are skipped\): Assumptions, Dependencies Log\./)
        .count(),
    ).toBe(1);
    await look("workbook");
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Red slip days").fill("45");
    await page.getByRole("button", { name: "Use these settings" }).click();
    await page.getByText(/Results are from before the change/).waitFor();
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("tab", { name: "Settings" }).click();
    expect(await page.getByLabel("Red slip days").inputValue()).toBe("45"); // what was saved, not what the last check read
    await look("settings");
    await page.getByRole("button", { name: "Run the checks again" }).click();
    await page.waitForFunction(() => /as of 31 Jan 2010/.test(document.activeElement?.textContent ?? ""), null, {
      timeout: 60_000,
    });
    expect(await page.getByRole("tab", { name: "Check" }).getAttribute("aria-selected")).toBe("true");
  });

  it("puts the tabs that do not fit into a menu at 200% zoom of a 320 px pane (160 CSS px)", async () => {
    await page.setViewportSize({ width: 160, height: 900 });
    const more = page.getByRole("tab", { name: /^More views \(\d\)$/ });
    await more.waitFor();
    const offScreen = await page.evaluate(
      () =>
        [...document.querySelectorAll('[role="tab"]')].filter((t) => {
          const r = t.getBoundingClientRect();
          return r.width > 0 && r.right > window.innerWidth;
        }).length,
    );
    expect(offScreen).toBe(0);
    await more.click();
    await page.getByRole("menuitem", { name: "Settings" }).click();
    await page.getByLabel("Red slip days").waitFor();
    expect(await page.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).toBe("true");
    await look("settings-zoomed", [160]);
    await page.setViewportSize({ width: 320, height: 900 });
  });

  it("can be used from the keyboard: arrow keys between tabs, Tab to the controls", async () => {
    // Zooming the pane past the narrow width and back swaps the tab row: the focused tab keeps the focus.
    await page.getByRole("tab", { name: "Settings" }).focus();
    for (const width of [160, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => window.innerWidth === w, width);
      await page.waitForTimeout(100); // the media query's change event, then React's render
      expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    }
    await page.getByRole("tab", { name: "Settings" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    // React selects the tab on its next render: wait for it (up to 5 s), then assert, so the check cannot race the render.
    const report = page.getByRole("tab", { name: "Report" });
    await page
      .waitForFunction(
        () => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === "Report",
        null,
        {
          timeout: 5_000,
        },
      )
      .catch(() => undefined);
    expect(await report.getAttribute("aria-selected")).toBe("true");
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
    await page.waitForFunction(() => /^Wrote \d+ sheets/.test(document.activeElement?.textContent ?? "")); // focus on the written-sheet list
    await look("report");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const path = join(SHOTS, "..", "downloaded-report.xlsx");
    await download.saveAs(path);
    const back = await readWorkbook(new Uint8Array(readFileSync(path)));
    expect(back.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Projects", "Board Report", "Exceptions", "RAG History"]),
    );
    expect(back.reportSheets?.length).toBe(12); // board, 5 highlight and 3 exception reports, exceptions, RAG history, plan snapshots
  });

  it("opens another workbook, and refuses what is not one in plain words: not a workbook, a Word document, an empty file", async () => {
    await page.getByRole("button", { name: "Open another workbook" }).click();
    await page.getByRole("button", { name: "Try the sample programme" }).waitFor();
    const refusal = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
      await page.setInputFiles('[data-testid="file-input"]', file);
      await page.waitForFunction(
        () => !!document.querySelector('[role="alert"]') && !/Opening/.test(document.body.textContent ?? ""),
      );
      return page.getByRole("alert").textContent();
    };
    expect(await refusal(join(__dirname, "..", "..", "README.md"))).toMatch(
      /^README\.md cannot be opened: it is not an Excel workbook/,
    );
    await look("not-a-workbook");
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    expect(await refusal({ name: "minutes.xlsx", mimeType: xlsx, buffer: await wordDocument() })).toMatch(
      /^minutes\.xlsx cannot be opened: it is a Word document, not an Excel workbook/,
    );
    expect(await refusal({ name: "empty.xlsx", mimeType: xlsx, buffer: Buffer.alloc(0) })).toMatch(
      /^empty\.xlsx is empty \(0 bytes\)/,
    );
    expect(await page.getByRole("alert").textContent()).not.toMatch(/postMessage|cloned|Failed to execute/);
  });

  it("sees a main-thread long task when there is one (the long-task bars below can fail)", async () => {
    await watchLongTasks(page);
    // One 300 ms task on the page's thread, run by the page's own event loop (a timer), as the pane's work would be.
    await page.evaluate(
      () =>
        new Promise<void>((done) =>
          setTimeout(() => {
            const until = performance.now() + 300;
            while (performance.now() < until);
            done();
          }, 0),
        ),
    );
    await page.waitForTimeout(200); // the observer reports after the task
    expect((await longTasks(page)).longest).toBeGreaterThanOrEqual(250);
  });

  it("never blocks the page over 200 ms on a 2,219-task Project plan, with progress through each phase", async () => {
    const { data, tasks } = await projectLikePlan();
    expect(tasks).toBe(2219);
    const run = await openCheckAndReport(page, "plan-2219.xlsx", data);
    console.log(
      `2,219-task plan: longest main-thread task ${run.longest} ms (${run.count} over 50 ms); checks ${run.checkS} s, report ${run.reportS} s`,
    );
    expect(run.longest).toBeLessThan(200);
    for (const phase of ["Reading", "Checking", "Planning", "Writing"])
      expect(run.progress.some((p) => p.includes(phase))).toBe(true);
    await page.getByRole("tab", { name: "Workbook" }).click();
    expect(await page.getByText(/^Projects \(tasks\): Task_Table, 2,219 rows$/).count()).toBe(1);
    await look("workbook-plan", [320]);
    await page.getByRole("button", { name: "Open another workbook" }).click();
  }, 900_000);

  it("never blocks the page over 500 ms on a 50,000-row file", async () => {
    const run = await openCheckAndReport(page, "wide-50000.xlsx", await wideWorkbook(50_000));
    console.log(
      `50,000-row file: longest main-thread task ${run.longest} ms (${run.count} over 50 ms); checks ${run.checkS} s, report ${run.reportS} s`,
    );
    expect(run.longest).toBeLessThan(500);
    await page.getByRole("button", { name: "Open another workbook" }).click();
  }, 900_000);

  it("serves a favicon", async () => {
    const r = await page.request.get(`${server.url}/favicon.ico`);
    expect(r.status()).toBe(200);
    expect([...(await r.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
  });

  it("is in browser mode while Microsoft's CDN has not answered (and never does)", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    let pending = 0;
    await context.route("https://appsforoffice.microsoft.com/**", () => void pending++); // hangs: never fulfilled
    const slow = await context.newPage();
    const started = Date.now();
    await slow.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
    await slow.getByRole("button", { name: "Try the sample programme" }).waitFor({ timeout: 15_000 });
    // Ready with office.js still outstanding: nothing waits on the CDN (it used to leave the page blank for 20 s).
    expect(pending).toBe(1);
    // Not a speed test (docs/performance.md has no figure for it); a guard far below the old 20-second stall.
    expect(Date.now() - started).toBeLessThan(10_000);
    await context.close();
  });

  it("makes no request outside its own origin, except Office.js from Microsoft's CDN", () => {
    const foreign = requests.filter(
      (u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"),
    );
    expect(foreign.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"))).toEqual(
      [],
    );
    expect(
      consoleErrors.filter(
        (e) => !/appsforoffice|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e),
      ),
    ).toEqual([]);
  });
});
