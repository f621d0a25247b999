/** @jest-environment jsdom */
import { CODE_NAMES } from "../../src/core/primitives/diagnostic";
import { fireEvent, screen, within } from "@testing-library/react";
import { CheckView, PAGE } from "../../src/taskpane/views/CheckView";
import type { AnalysisJson } from "../../src/core/analysis/summary";
import { renderUi } from "../support/render";
import { manyFindings, sampleJson } from "../support/pane-data";

let json: AnalysisJson;
beforeAll(async () => {
  json = await sampleJson();
});

const base = { json: null, takenAt: null, durationMs: null, progress: null, error: null, onRun: () => undefined };

describe("the Check view", () => {
  it("empty: says what the checks do and offers to run them", () => {
    const onRun = jest.fn();
    renderUi(<CheckView {...base} onRun={onRun} />);
    expect(screen.getByText(/Nothing in your sheets is changed/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
    expect(onRun).toHaveBeenCalled();
  });

  it("loading: shows the stage and how far it is, and disables the button (still focusable, so focus is not lost)", () => {
    renderUi(<CheckView {...base} progress={{ stage: "Reading", done: 2, total: 10 }} />);
    expect(screen.getByText("Reading (2 of 10)…")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Run the checks" }).getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByRole("progressbar")).toBeTruthy();
  });

  it("error: says what happened in an alert", () => {
    renderUi(<CheckView {...base} error="Excel is busy. Wait a moment and try again." />);
    expect(screen.getByRole("alert").textContent).toContain("Excel is busy");
  });

  it("results: counts, RAG by workstream as words, findings by sheet, and click-through to the cell", () => {
    const onGoTo = jest.fn();
    renderUi(
      <CheckView {...base} json={json} takenAt={new Date(2010, 0, 31, 9, 30)} durationMs={1234} onGoTo={onGoTo} />,
    );
    expect(screen.getByText(/Checked at 09:30 in 1.2 s/)).toBeTruthy();
    expect(screen.getByText(`${json.counts.warning} warnings`)).toBeTruthy();
    const ws = screen.getByRole("list", { name: "RAG by workstream" });
    expect(
      within(ws)
        .getAllByLabelText(/RAG (Red|Amber|Green|Blue)/)
        .map((b) => b.textContent),
    ).toEqual(json.workstreams.map((w) => w.rag));
    const risk = screen.getByRole("region", { name: /Risk Log: \d+ findings/ });
    fireEvent.click(within(risk).getByRole("button", { name: "Go to Risk Log F5" }));
    expect(onGoTo).toHaveBeenCalledWith("Risk Log", "F5");
  });

  it("filters by severity and by code", () => {
    renderUi(<CheckView {...base} json={json} />);
    const before = screen.getAllByRole("listitem").length;
    fireEvent.click(screen.getByRole("combobox", { name: "Code" }));
    fireEvent.click(screen.getByRole("option", { name: `${CODE_NAMES["risk-escalation"]} (risk-escalation)` })); // the plain name, the code beside it
    const regions = screen.getAllByRole("region", { name: /findings/ });
    expect(regions).toHaveLength(1);
    expect(within(regions[0]).getAllByRole("listitem")).toHaveLength(
      json.diagnostics.filter((d) => d.code === "risk-escalation").length,
    );
    fireEvent.click(screen.getByRole("combobox", { name: "Severity" }));
    fireEvent.click(screen.getByRole("option", { name: "Errors" }));
    expect(screen.getByText("No findings match the filters.")).toBeTruthy();
    expect(before).toBeGreaterThan(10);
  });

  it("large results: shows the first findings of each sheet and more on request", () => {
    const big = manyFindings(json, 5000);
    renderUi(<CheckView {...base} json={big} />);
    const region = screen.getByRole("region", { name: "Projects: 2500 findings" });
    expect(within(region).getAllByRole("listitem")).toHaveLength(PAGE);
    fireEvent.click(within(region).getByRole("button", { name: /Show more/ }));
    expect(within(region).getAllByRole("listitem")).toHaveLength(PAGE * 5);
  });
});
