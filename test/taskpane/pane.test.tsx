/** @jest-environment jsdom */
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { Pane } from "../../src/taskpane/Pane";
import { OpenFile } from "../../src/taskpane/App";
import { excelService } from "../../src/taskpane/services/excel-service";
import { checkWorkbook, fileService } from "../../src/taskpane/services/file-service";
import { writeNewWorkbook } from "../../src/hosts/xlsx/new-workbook";
import { inlineFileJobs } from "../../src/taskpane/worker/file-client";
import { detectHost, watchForExcel } from "../../src/taskpane/host";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { FakeExcel, cellsOf } from "../support/fake-excel";
import { deps, reportSheets, sampleFake } from "../support/office";
import { renderUi } from "../support/render";
import { SAMPLE_PATH } from "../support/sample";
import { projectTemplate, projectWizard, smartsheet } from "../support/imports";

// Results render as a React transition (in slices), and a shared machine runs the checks slowly:
// wait for them up to 15 s rather than the library's 1 s.
configure({ asyncUtilTimeout: 15_000 });

describe("the pane in Excel (against the fake Excel)", () => {
  it("runs the checks, goes to a finding's cell, and writes the report", async () => {
    const fake = await sampleFake();
    const before = cellsOf(fake.sheet("Projects"));
    renderUi(<Pane service={excelService(deps(fake))} />);
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => expect(screen.getByText(/South Staffordshire PCT.*as of 31 Jan 2010/)).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Go to Risk Log F5" }));
    await waitFor(() => expect(fake.selection).toEqual({ sheet: "Risk Log", address: "F5" }));
    fireEvent.click(screen.getByRole("tab", { name: "Report" }));
    expect((screen.getByLabelText("As of") as HTMLInputElement).value).toBe("31 Jan 2010"); // the Settings sheet's date
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    await waitFor(() => expect(screen.getByText(/Wrote 12 sheets/)).toBeTruthy());
    expect(reportSheets(fake).map((s) => s.name)).toContain("Board Report");
    const seen = fake.requests.length;
    fireEvent.click(screen.getByRole("button", { name: "Board Report" }));
    await waitFor(() => expect(fake.requests.slice(seen).some((r) => r.ops.includes("worksheet.activate"))).toBe(true));
    expect(cellsOf(fake.sheet("Projects"))).toEqual(before);
  });

  it("lists the input sheets, adds the missing ones as tables with drop-downs, never touching existing sheets", async () => {
    const snap = await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH)));
    snap.sheets = snap.sheets.filter((s) => !["Issues", "Benefits", "Governance"].includes(s.name));
    snap.tables = snap.tables.filter((t) => t.sheet !== "Issues");
    const fake = FakeExcel.fromSnapshot(snap);
    const projects = cellsOf(fake.sheet("Projects"));
    renderUi(<Pane service={excelService(deps(fake, { "1.8": true }))} initialTab="workbook" />);
    expect(screen.getByText(/Run the checks to see which sheets were found/)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of 31 Jan 2010/));
    fireEvent.click(screen.getByRole("tab", { name: "Workbook" }));
    const list = screen.getByRole("region", { name: "Input sheets" });
    expect(within(list).getByText(/Risks: /).textContent).toContain("Risk Log, 10 rows");
    expect(
      screen.getByText(
        "Not in this workbook (each is optional; its checks are skipped): Issues, Assumptions, Dependencies Log, Benefits, Governance.",
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add the missing sheets" }));
    await waitFor(() =>
      expect(screen.getByText(/Added Issues, Assumptions, Dependencies Log, Benefits, Governance/)).toBeTruthy(),
    );
    const issues = fake.sheet("Issues");
    expect(fake.state.tables.find((t) => t.sheet === issues)?.name).toBe("Issues");
    expect(issues.validations.map((v) => v.rule)).toContainEqual({
      list: { inCellDropDown: true, source: "Open,Closed" },
    });
    expect(cellsOf(fake.sheet("Projects"))).toEqual(projects);
  });

  it("saves settings to the Settings sheet", async () => {
    const fake = await sampleFake();
    renderUi(<Pane service={excelService(deps(fake))} />);
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of 31 Jan 2010/));
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText("Red slip days"), { target: { value: "45" } });
    fireEvent.click(screen.getByRole("button", { name: "Save to the Settings sheet" }));
    await waitFor(() => expect(screen.getByText(/Settings saved to the Settings sheet/)).toBeTruthy());
    const s = fake.sheet("Settings");
    expect(s.cells.get(4)!.get(1)!.v).toBe(45); // B5: "Red slip days" row of the sample
    // Away and back: the saved value shows, not the one the last check read (saving again must not undo it).
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    expect(screen.getByText(/Settings were saved after these results/)).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect((screen.getByLabelText("Red slip days") as HTMLInputElement).value).toBe("45");
    fireEvent.click(screen.getByRole("button", { name: "Run the checks again" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Checks done/));
    expect(screen.getByRole("tab", { name: "Check" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByText(/Settings were saved after these results/)).toBeNull();
  });

  it("shows Excel's failure in words", async () => {
    const fake = await sampleFake();
    fake.state.protectedStructure = true;
    renderUi(<Pane service={excelService(deps(fake))} initialTab="report" />);
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/protected.*Nothing was changed/));
  });

  it("puts Excel's own code and message on a details line of its own, after the plain words", async () => {
    const fake = await sampleFake();
    fake.faults.push({ when: (op) => op === "worksheets.add", code: "GeneralException" });
    renderUi(<Pane service={excelService(deps(fake))} initialTab="report" />);
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert.textContent).toMatch(/Details: GeneralException/));
    const details = [...alert.querySelectorAll("span")].find((e) =>
      /^Details: GeneralException/.test(e.textContent ?? ""),
    );
    expect(details).toBeTruthy();
    expect(alert.textContent!.indexOf("Details:")).toBeGreaterThan(20); // the plain explanation comes first
  });
});

const sampleSource = () => ({
  name: "sample-programme.xlsx",
  read: async () => new Uint8Array(readFileSync(SAMPLE_PATH)),
});

describe("the pane in a browser, on a file", () => {
  it("checks the file and offers the report as a download", async () => {
    const urls = { create: jest.fn(() => "blob:report") };
    renderUi(<Pane service={fileService(sampleSource(), inlineFileJobs(), urls)} />);
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of 31 Jan 2010/));
    expect(screen.queryByRole("button", { name: /Go to/ })).toBeNull(); // no cells to select outside Excel
    fireEvent.click(screen.getByRole("tab", { name: "Report" }));
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    await waitFor(() =>
      expect(screen.getByRole("link", { name: "Download sample-programme - report.xlsx" })).toBeTruthy(),
    );
    expect(urls.create).toHaveBeenCalledTimes(1);
  });
});

describe("browser mode follows the file", () => {
  const other = () =>
    writeNewWorkbook({
      sheets: [
        {
          name: "Settings",
          rows: [
            ["Setting", "Value"],
            ["Programme name", "Fixed Plan"],
          ],
        },
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Finish"],
            ["P1", "One", "W", "2010-03-31"],
          ],
        },
      ],
    });

  it("reads the file again on every run, so a fix made since shows", async () => {
    const versions = [new Uint8Array(readFileSync(SAMPLE_PATH)), await other()];
    let reads = 0;
    renderUi(
      <Pane
        service={fileService(
          { name: "plan.xlsx", read: async () => versions[Math.min(reads++, 1)] },
          inlineFileJobs(),
          { create: () => "blob:x" },
        )}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/South Staffordshire PCT.*as of/));
    fireEvent.click(screen.getByRole("button", { name: "Run the checks again" }));
    await waitFor(() => screen.getByText(/Fixed Plan, as of/));
    expect(reads).toBe(2);
  });

  it("says plainly when the file cannot be read again, and how to go on", async () => {
    let first = true;
    const read = async () => {
      if (first) return ((first = false), new Uint8Array(readFileSync(SAMPLE_PATH)));
      throw new Error("NotReadableError");
    };
    renderUi(
      <Pane
        service={fileService({ name: "plan.xlsx", read }, inlineFileJobs(), { create: () => "blob:x" })}
        onOpenAnother={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of 31 Jan 2010/));
    fireEvent.click(screen.getByRole("button", { name: "Run the checks again" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(
        /plan\.xlsx could not be read again.*Open another workbook/,
      ),
    );
    expect(screen.getByRole("button", { name: "Open another workbook" })).toBeTruthy();
  });

  it("refuses a file that is not a workbook at once, by name", async () => {
    const readme = { name: "README.md", read: async () => new TextEncoder().encode("# PMO Highlights\n") };
    await expect(checkWorkbook(readme)).rejects.toThrow(/^README\.md cannot be opened: it is not an Excel workbook/);
    await expect(
      checkWorkbook({ name: "plan.xlsx", read: async () => new Uint8Array(readFileSync(SAMPLE_PATH)) }),
    ).resolves.toBeUndefined();
  });

  it("shows what a finding's cell holds, with its row and the header, and moves focus to the results", async () => {
    renderUi(<Pane service={fileService(sampleSource(), inlineFileJobs(), { create: () => "blob:x" })} />);
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of 31 Jan 2010/));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/as of 31 Jan 2010/));
    expect(screen.getByRole("status").textContent).toMatch(/^Checks done: \d+ errors?, \d+ warnings?, \d+ info\.$/);
    const projects = screen.getByRole("region", { name: /^Projects: \d+ findings/ });
    const show = within(projects).getAllByRole("button", { name: /^Show what Projects [A-Z]+\d+ holds$/ })[0];
    const cell = /Projects ([A-Z]+\d+)/.exec(show.getAttribute("aria-label")!)![1];
    fireEvent.click(show);
    expect(show.getAttribute("aria-expanded")).toBe("true");
    const table = await within(projects).findByRole("table", {
      name: new RegExp(`^Projects row \\d+, around ${cell}$`),
    }); // asked of the file's worker
    const snapshot = await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH)));
    const sheet = snapshot.sheets.find((x) => x.name === "Projects")!;
    const at = /([A-Z]+)(\d+)/.exec(cell)!;
    const col = at[1].charCodeAt(0) - 65;
    const value = sheet.rows[Number(at[2]) - 1]?.[col];
    const target = table.querySelector('[aria-current="true"]')!;
    // Text as it is; numbers as their column shows them (dates as dates: test/taskpane/cell-preview.test.ts).
    if (typeof value !== "number")
      expect(target.textContent).toBe(value === null || value === undefined ? "" : String(value));
    expect(within(table).getAllByText(String(sheet.rows[0][col])).length).toBeGreaterThan(0); // the header row, same column
  });
});

describe("finding the host", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });
  it("is Excel when Office.js is ready in Excel", async () => {
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: (cb: (i: { host: string }) => void) => cb({ host: "Excel" }),
    };
    expect(await detectHost()).toBe("excel");
  });
  it("is a browser when Office.js is missing, or says it is outside Office (host null)", async () => {
    expect(await detectHost()).toBe("browser");
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: (cb: (i: { host: null }) => void) => cb({ host: null }),
    };
    expect(await detectHost()).toBe("browser");
  });
  it("is a browser at once when the page was not opened by Office, however Office.js behaves", async () => {
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: () => new Promise(() => undefined),
    }; // a CDN that hangs
    const started = Date.now();
    expect(await detectHost(false)).toBe("browser");
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("waits for Office however slowly it starts inside Office, with no timeout", async () => {
    let ready!: (i: { host: string }) => void;
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: (cb: (i: { host: string }) => void) => (ready = cb),
    };
    let answer: string | null = null;
    void detectHost(true).then((h) => (answer = h));
    await new Promise((r) => setTimeout(r, 1700)); // longer than the old 1.5 s guess
    expect(answer).toBeNull();
    ready({ host: "Excel" });
    await new Promise((r) => setTimeout(r, 0));
    expect(answer).toBe("excel");
  });
  it("becomes Excel if Office.js, loaded in the background, reports Excel after all", async () => {
    let seen = false;
    const stop = watchForExcel(() => (seen = true), 1000, 10);
    await new Promise((r) => setTimeout(r, 30));
    (globalThis as { Office?: unknown }).Office = {
      HostType: { Excel: "Excel" },
      onReady: (cb: (i: { host: string }) => void) => cb({ host: "Excel" }),
    };
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(seen).toBe(true);
  });
});

describe("settings edited in the browser", () => {
  it("are used for the session's checks without changing the file", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PATH));
    const copy = bytes.slice();
    const service = fileService({ name: "sample-programme.xlsx", read: async () => bytes }, inlineFileJobs(), {
      create: () => "blob:x",
    });
    const before = await service.check({}, () => undefined);
    expect(await service.saveSettings({ ...before.settings, riskEscalationScore: 20 })).toBe("session");
    const after = await service.check({}, () => undefined);
    expect(after.settings.riskEscalationScore).toBe(20);
    expect(after.json.diagnostics.filter((d) => d.code === "risk-escalation").length).toBeLessThan(
      before.json.diagnostics.filter((d) => d.code === "risk-escalation").length,
    );
    expect(bytes).toEqual(copy);
  });
});

describe("a column the reader does not know", () => {
  it("is mapped from the Workbook view, and the checks read it from then on", async () => {
    const data = await writeNewWorkbook({
      sheets: [
        {
          name: "Projects",
          rows: [
            ["ID", "Name", "Workstream", "Finish", "Accountable"],
            ["P1", "One", "W", "2010-03-31", "Jo Bloggs"],
          ],
        },
      ],
    });
    renderUi(
      <Pane
        service={fileService({ name: "plan.xlsx", read: async () => data }, inlineFileJobs(), {
          create: () => "blob:x",
        })}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of/));
    expect(screen.getAllByText(/have no Lead column/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("tab", { name: "Workbook" }));
    const mapper = screen.getByRole("region", { name: "Columns not read" });
    fireEvent.click(within(mapper).getByRole("combobox", { name: /Projects: “Accountable”/ }));
    fireEvent.click(screen.getByRole("option", { name: "Lead" }));
    await waitFor(() =>
      expect(screen.getByText(/“Accountable” on Projects is now read as Lead for this session/)).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    await waitFor(() => expect(screen.queryAllByText(/have no Lead column/)).toHaveLength(0));
  });
});

describe("a column map saved in Excel", () => {
  it("is a Column map row under the Settings sheet's last row, read back by the checks", async () => {
    const fake = await sampleFake();
    const service = excelService(deps(fake));
    expect(await service.mapColumn({ sheet: "Projects", header: "Notes", field: "Lead" })).toBe("saved");
    const cells = cellsOf(fake.sheet("Settings"));
    const at = Object.keys(cells).find((k) => cells[k].v === "Column map")!;
    const row = Number(at.slice(1));
    expect(["A", "B", "C", "D"].map((c) => cells[`${c}${row}`]?.v)).toEqual([
      "Column map",
      "Projects",
      "Notes",
      "Lead",
    ]);
    expect(Object.keys(cells).filter((k) => Number(/\d+$/.exec(k)![0]) > row)).toEqual([]); // under the last row
    const again = await service.check({}, () => undefined);
    expect(again.json.diagnostics.filter((d) => d.code === "unknown-setting" || d.code === "bad-value")).toEqual([]);
  });
});

describe("plans from other tools, in the browser", () => {
  it.each([
    ["a Microsoft Project Excel template", projectTemplate, /Microsoft Project/],
    ["a Project Export Wizard workbook", projectWizard, /Microsoft Project/],
    ["a Smartsheet export", smartsheet, /Smartsheet/],
  ])("%s is recognised, checked and reported", async (_, make, tool) => {
    const data = await make();
    await expect(checkWorkbook({ name: "plan.xlsx", read: async () => data })).resolves.toBeUndefined();
    renderUi(
      <Pane
        service={fileService({ name: "plan.xlsx", read: async () => data }, inlineFileJobs(), {
          create: () => "blob:x",
        })}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    await waitFor(() => screen.getByText(/as of/));
    expect(screen.getAllByText(tool).length).toBeGreaterThan(0); // the "recognised as" note
    fireEvent.click(screen.getByRole("tab", { name: "Report" }));
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    await waitFor(() => expect(screen.getByRole("link", { name: "Download plan - report.xlsx" })).toBeTruthy());
  });
});

describe("choosing a file in the browser", () => {
  const click = jest.spyOn(HTMLInputElement.prototype, "click").mockImplementation(() => undefined);
  afterEach(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    click.mockClear();
  });

  it("falls back to the file input where the page may not use the picker, and does nothing when the user cancels", async () => {
    const picker = jest.fn(async () => {
      throw Object.assign(new Error("not allowed"), { name: "SecurityError" });
    });
    (window as { showOpenFilePicker?: unknown }).showOpenFilePicker = picker;
    const { unmount } = renderUi(<OpenFile onOpen={() => undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Open a workbook…" }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    unmount();
    click.mockClear();
    picker.mockImplementation(async () => {
      throw Object.assign(new Error("closed"), { name: "AbortError" });
    });
    renderUi(<OpenFile onOpen={() => undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Open a workbook…" }));
    await waitFor(() => expect(picker).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(click).not.toHaveBeenCalled();
  });
});
