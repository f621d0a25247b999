/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { readSources } from "../../src/taskpane/worker/file-job";
import { sourceFiles } from "../../src/taskpane/services/source-files";
import type { CheckResult } from "../../src/taskpane/services/types";
import { SourcesPanel } from "../../src/taskpane/views/SourcesPanel";
import { renderUi } from "../support/render";

const result = {
  takenAt: new Date(2026, 2, 16, 15, 26),
  collation: [
    {
      file: "digital.xlsx",
      workstream: "Digital",
      qualifier: "Digital",
      rows: 6,
      contributed: { projects: 3, risks: 2 },
      crossLinks: 1,
      qualifiedIds: [],
      errors: 0,
      warnings: 3,
    },
    {
      file: "broken.xlsx",
      workstream: "",
      qualifier: "",
      rows: 0,
      contributed: {},
      crossLinks: 0,
      qualifiedIds: [],
      errors: 1,
      warnings: 0,
      unreadable: "it is not a workbook",
    },
  ],
} as unknown as CheckResult;

describe("the Workbook view's workstream sources", () => {
  it("lists each chosen file with its workstream, what it contributed and when it was read, or why it was left out", () => {
    const sources = sourceFiles();
    sources.add([
      { name: "digital.xlsx", read: async () => new Uint8Array() },
      { name: "broken.xlsx", read: async () => new Uint8Array() },
      { name: "new.csv", read: async () => new Uint8Array() },
    ]);
    renderUi(<SourcesPanel sources={sources} result={result} onChanged={() => undefined} />);
    expect(screen.getByText(/^digital\.xlsx — Digital: 3 projects, 2 risks from 6 rows, read 15:26$/)).toBeTruthy();
    expect(screen.getByText(/^broken\.xlsx — not read \(it is not a workbook\); left out of the report$/)).toBeTruthy();
    expect(screen.getByText(/^new\.csv — not read yet: run the checks$/)).toBeTruthy();
  });

  it("removes a source and checks again; choosing files adds them (a file of the same name is replaced)", () => {
    const sources = sourceFiles();
    sources.add([{ name: "digital.xlsx", read: async () => new Uint8Array() }]);
    const onChanged = jest.fn();
    renderUi(<SourcesPanel sources={sources} result={result} onChanged={onChanged} />);
    fireEvent.change(screen.getByTestId("sources-input"), {
      target: { files: [new File(["x"], "digital.xlsx"), new File(["y"], "estates.xlsx")] },
    });
    expect(sources.names()).toEqual(["digital.xlsx", "estates.xlsx"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove digital.xlsx" }));
    expect(sources.names()).toEqual(["estates.xlsx"]);
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it("reads each source with the file host (in the file worker), naming one that cannot be read instead of failing", async () => {
    const sources = sourceFiles();
    sources.add([
      {
        name: "plan.csv",
        read: async () =>
          Uint8Array.from([...Buffer.from("ID,Name,Finish\r\nP1,Caf"), 0xe9, 0x96, ...Buffer.from("x,2026-01-05\r\n")]),
      },
      { name: "broken.xlsx", read: async () => Uint8Array.from([1, 2, 3]) },
      { name: "gone.xlsx", read: async () => Promise.reject(new Error("the file was moved")) },
    ]);
    const read = await readSources(await sources.read());
    expect(read[0].snapshot!.sheets[0].rows[1]).toEqual(["P1", "Café–x", "2026-01-05"]);
    expect(read.slice(1).map((s) => [s.file, !!s.snapshot, s.error])).toEqual([
      ["broken.xlsx", false, expect.any(String)],
      ["gone.xlsx", false, "the file was moved"],
    ]);
  });
});
