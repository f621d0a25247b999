import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { readPlanSnapshots } from "../../src/core/history/read-snapshots";
import { readKeptSources } from "../../src/core/workbook/sources-sheet";
import type { SheetSnapshot } from "../../src/core/primitives/snapshot";
import { buildPane, launch } from "../support/browser";
import { serve } from "../support/static-server";
import { look, SHOTS } from "./look";

/**
 * Browser-mode collation end to end, in the built pane in headless Chromium: open the example
 * programme workbook, add the example workstream sources (and one broken file), run the checks
 * and the report, and read the downloaded pack back: every finding and item row names its source,
 * the Sources sheet lists the files, and the broken one is named and left out. axe-core and
 * screenshots at 320 and 800 px on the Workbook view and the report.
 */
const ROOT = join(__dirname, "../../examples/collation");
const SOURCES = ["community-hubs.xlsx", "digital.xlsx", "estates.xlsx", "urgent-care.csv", "workforce.xlsx"];
const BROKEN = "finance-tracker.xlsx";
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(buildPane());
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true })).newPage();
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.url}/taskpane.html`);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const texts = (s: SheetSnapshot) =>
  s.rows.filter(Boolean).map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))));

describe("collation in the pane's browser mode", () => {
  it("opens the programme workbook and adds the workstream sources, each listed with its workstream", async () => {
    await page.setInputFiles('[data-testid="file-input"]', join(ROOT, "programme.xlsx"));
    await page.getByRole("button", { name: "Run the checks" }).click();
    await page
      .getByText(/, as of /)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Workbook" }).click();
    await page.setInputFiles('[data-testid="sources-input"]', [
      ...SOURCES.map((f) => join(ROOT, "sources", f)),
      join(ROOT, "broken", BROKEN),
    ]);
    await page.getByRole("tab", { name: "Workbook" }).click();
    const list = page.getByRole("list", { name: "Sources" });
    await list.getByText(/^digital\.xlsx — Digital: 3 projects, 2 risks from 6 rows, read \d\d:\d\d/).waitFor({
      timeout: 60_000,
    });
    for (const f of SOURCES)
      expect(await list.getByText(new RegExp(`^${f.replace(".", "\\.")} — .+, read `)).count()).toBe(1);
    expect(
      await list
        .getByText(new RegExp(`^${BROKEN.replace(".", "\\.")} — not read \\(.+\\); left out of the report$`))
        .count(),
    ).toBe(1);
    await look(page, "collation-workbook");
  });

  it("reports into one pack whose every finding and item row names its source, with a Sources sheet", async () => {
    await page.getByRole("tab", { name: "Report" }).click();
    await page.getByRole("button", { name: "Generate the report" }).click();
    const link = page.getByRole("link", { name: /Download programme - report\.xlsx/ });
    await link.waitFor({ timeout: 120_000 });
    await look(page, "collation-report");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const path = join(SHOTS, "..", "collation-pack.xlsx");
    await download.saveAs(path);
    const pack = await readWorkbook(new Uint8Array(readFileSync(path)));
    const sheet = (name: string) => pack.sheets.find((s) => s.name === name)!;
    const files = [...SOURCES, BROKEN];
    const own = new Set(["Settings", "Workstreams", "Commentary", "Dependencies", "Holidays", ""]);
    // Every finding names the file (or the programme workbook's own sheet) it is about.
    const exceptions = texts(sheet("Exceptions"));
    const head = exceptions.findIndex((row) => row[0] === "Severity");
    expect(exceptions.length).toBeGreaterThan(head + 5);
    for (const row of exceptions.slice(head + 1))
      expect({
        row,
        named: own.has(row[2]) || files.some((f) => row[2] === f || row[2].startsWith(`${f} › `)),
      }).toEqual({ row, named: true });
    // Every project and milestone row the report keeps names its file.
    const items = readPlanSnapshots(pack).filter((r) => r.kind === "Project" || r.kind === "Milestone");
    expect(items.length).toBeGreaterThan(10);
    for (const r of items) expect({ id: r.id, named: SOURCES.includes(r.source) }).toEqual({ id: r.id, named: true });
    // Each highlight report's project rows name the file and cell they came from.
    const hr = texts(sheet("HR Digital"));
    const at = hr.findIndex((row) => row[0] === "ID" && row[1] === "Project");
    expect(hr.slice(at + 1, at + 4).map((row) => /\ndigital\.xlsx › .+![A-Z]+\d+$/.test(row[0]))).toEqual([
      true,
      true,
      true,
    ]);
    // The broken source is named on the board's Data quality, and the sources are kept on the Sources sheet.
    expect(texts(sheet("Board Report")).some((row) => row[0] === BROKEN && row[1] === "(not read)")).toBe(true);
    expect(readKeptSources(pack).map((k) => [k.file, !!k.lastRead])).toEqual([
      ...SOURCES.map((f) => [f, true]),
      [BROKEN, false],
    ]);
  });

  it("makes no request outside its own origin (nothing leaves the machine), except Office.js from Microsoft's CDN", () => {
    const foreign = requests.filter(
      (u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"),
    );
    expect(foreign.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"))).toEqual(
      [],
    );
  });
});
