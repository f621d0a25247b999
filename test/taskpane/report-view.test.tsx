/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { ReportView } from "../../src/taskpane/views/ReportView";
import { renderUi } from "../support/render";

const base = {
  defaultAsOf: "2010-01-31",
  progress: null,
  error: null,
  result: null,
  mode: "excel" as const,
  onGenerate: () => undefined,
};

describe("the Report view", () => {
  it("offers the as-of date and the outputs, and generates with them", () => {
    const onGenerate = jest.fn();
    renderUi(<ReportView {...base} onGenerate={onGenerate} />);
    expect((screen.getByLabelText("As of") as HTMLInputElement).value).toBe("31 Jan 2010");
    fireEvent.click(screen.getByRole("checkbox", { name: /RAG history/ }));
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    expect(onGenerate).toHaveBeenCalledWith({
      asOf: "2010-01-31",
      include: { board: true, highlights: true, exceptions: true, history: false, charts: true },
    });
  });

  it("reads the date the British way whatever the browser's locale, and says when it is not a date", () => {
    const onGenerate = jest.fn();
    renderUi(<ReportView {...base} onGenerate={onGenerate} />);
    const field = screen.getByLabelText("As of") as HTMLInputElement;
    fireEvent.change(field, { target: { value: "03/02/2010" } });
    fireEvent.click(screen.getByRole("button", { name: "Generate the report" }));
    expect(onGenerate).toHaveBeenLastCalledWith(expect.objectContaining({ asOf: "2010-02-03" })); // 3 February, not 2 March
    fireEvent.change(field, { target: { value: "next Tuesday" } });
    expect(screen.getByText("Type a date such as 31 Jan 2010.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Generate the report" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("cannot generate nothing", () => {
    renderUi(<ReportView {...base} />);
    for (const name of [/Board report/, /highlight report/, /Exceptions/, /RAG history/])
      fireEvent.click(screen.getByRole("checkbox", { name }));
    expect((screen.getByRole("button", { name: "Generate the report" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("loading and error states", () => {
    const { rerender } = renderUi(
      <ReportView {...base} progress={{ stage: "Writing", done: 3, total: 9, step: 4, steps: 4 }} />,
    );
    expect(screen.getByText("Step 4 of 4: Writing (3 of 9)…")).toBeTruthy();
    rerender(<ReportView {...base} error="Excel would not let the report be written: the workbook is protected." />);
    expect(screen.getByRole("alert").textContent).toContain("protected");
  });

  it("lists the sheets written, each a link that opens it; says when a name was taken", () => {
    const onOpenSheet = jest.fn();
    renderUi(
      <ReportView
        {...base}
        onOpenSheet={onOpenSheet}
        result={{
          sheets: [
            { key: "board", name: "Board Report" },
            { key: "exceptions", name: "Exceptions (2)" },
          ],
          renamed: [{ wanted: "Exceptions", name: "Exceptions (2)" }],
        }}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Board Report" }));
    expect(onOpenSheet).toHaveBeenCalledWith("Board Report");
    expect(screen.getByText(/A sheet of yours is called “Exceptions”/)).toBeTruthy();
  });

  it("offers the download in the browser", () => {
    renderUi(
      <ReportView
        {...base}
        mode="file"
        result={{
          sheets: [{ key: "board", name: "Board Report" }],
          renamed: [],
          download: { name: "x - report.xlsx", url: "blob:1", bytes: 10 },
        }}
      />,
    );
    expect(screen.getByRole("link", { name: "Download x - report.xlsx" }).getAttribute("href")).toBe("blob:1");
  });
});
