import { analyseCollation } from "../../../src/core/collation/analyse";
import { collate } from "../../../src/core/collation/collate";
import { cellOf } from "../../../src/core/programme/entities";
import { snap } from "../../support/snapshot";

const H = ["ID", "Name", "Workstream", "Start", "Finish", "Baseline Finish", "Depends On"];
const settings = (name: string) => [
  ["Setting", "Value"],
  ["Programme name", name],
  ["Reporting date", "2026-03-02"],
];
const programmeBook = () =>
  snap({
    Settings: settings("Transformation"),
    Commentary: [
      ["Period", "About", "Status summary"],
      ["2026-03-02", "Programme", "On track."],
    ],
  });

const estates = () =>
  snap({
    Settings: settings("Estates"),
    Projects: [
      H,
      ["P01", "Survey", "", "2026-01-05", "2026-02-27", "2026-02-27", ""],
      ["P04", "Refit", "", "2026-03-02", "2026-04-30", "2026-04-10", "P01"],
    ],
    Risks: [
      ["ID", "Title", "Likelihood", "Impact", "Owner", "Mitigation"],
      ["R01", "Asbestos", 3, 4, "Ann", "Survey first"],
    ],
  });
const digital = () =>
  snap({
    Projects: [
      H,
      ["P04", "Network", "Digital", "2026-03-02", "2026-04-10", "2026-04-10", ""],
      ["P05", "Go live", "Digital", "2026-05-01", "2026-05-15", "2026-05-15", "Estates:P04"],
    ],
    Risks: [
      ["ID", "Title", "Likelihood", "Impact", "Owner", "Mitigation"],
      ["R01", "Supplier late", 2, 3, "Bob", "Penalty clause"],
    ],
  });

describe("collating workstream sources into one programme", () => {
  it("makes each source a workstream, named from its own settings, its one Workstream value, else its file", () => {
    const { programme } = collate(programmeBook(), [
      { file: "estates.xlsx", snapshot: estates() },
      { file: "digital.xlsx", snapshot: digital() },
      {
        file: "plans/people plan.xlsx",
        snapshot: snap({ Projects: [H, ["X1", "Hire", "", "2026-01-05", "2026-02-27", "", ""]] }),
      },
    ]);
    expect(programme.projects.map((p) => [p.id, p.workstream])).toEqual([
      ["P01", "Estates"],
      ["Estates:P04", "Estates"],
      ["Digital:P04", "Digital"],
      ["P05", "Digital"],
      ["X1", "people plan"],
    ]);
    expect(programme.settings.programmeName).toBe("Transformation");
  });

  it("qualifies colliding IDs by workstream, keeps each row's file on its sheet, and links across sources", () => {
    const { programme, diagnostics } = collate(programmeBook(), [
      { file: "estates.xlsx", snapshot: estates() },
      { file: "digital.xlsx", snapshot: digital() },
    ]);
    expect(programme.risks.map((r) => r.id)).toEqual(["Estates:R01", "Digital:R01"]);
    const refit = programme.projects.find((p) => p.id === "Estates:P04")!;
    expect([refit.src.sheet, cellOf(refit.src, "id")]).toEqual(["estates.xlsx › Projects", "A3"]);
    expect(programme.links.map((l) => [l.from, l.to, l.sheet, l.cell])).toEqual([
      ["P01", "Estates:P04", "estates.xlsx › Projects", "G3"],
      ["Estates:P04", "P05", "digital.xlsx › Projects", "G3"],
    ]);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(programme.collation!.sources.map((s) => [s.file, s.workstream, s.crossLinks, s.qualifiedIds])).toEqual([
      ["estates.xlsx", "Estates", 0, ["Estates:P04", "Estates:R01"]],
      ["digital.xlsx", "Digital", 1, ["Digital:P04", "Digital:R01"]],
    ]);
    expect(programme.collation!.externalSheets).toContain("digital.xlsx › Risks");
  });

  it("reports a reference that matches two sources' items, or none, at its cell, naming the files", () => {
    const people = snap({
      Projects: [H, ["X1", "Hire", "People", "2026-01-05", "2026-02-27", "", "P04, Q9, Digital:P99"]],
    });
    const { diagnostics, programme } = collate(programmeBook(), [
      { file: "estates.xlsx", snapshot: estates() },
      { file: "digital.xlsx", snapshot: digital() },
      { file: "people.xlsx", snapshot: people },
    ]);
    const bad = diagnostics.filter((d) => d.code === "unknown-reference");
    expect(bad.map((d) => [d.sheet, d.cell])).toEqual([
      ["people.xlsx › Projects", "G2"],
      ["people.xlsx › Projects", "G2"],
      ["people.xlsx › Projects", "G2"],
    ]);
    expect(bad[0].message).toMatch(
      /matches two items: Estates:P04 in estates\.xlsx and Digital:P04 in digital\.xlsx\. Write Estates:P04 or Digital:P04/,
    );
    expect(bad[1].message).toMatch(
      /"Q9", which is not the ID of any project or milestone in people\.xlsx or in the programme workbook, estates\.xlsx, digital\.xlsx/,
    );
    expect(bad[2].message).toMatch(
      /names an item of digital\.xlsx \(Digital\), but digital\.xlsx has no project or milestone/,
    );
    expect(programme.links.filter((l) => l.to === "X1")).toEqual([]);
  });

  it("names a source that cannot be read and collates the rest", () => {
    const { diagnostics, programme } = collate(programmeBook(), [
      { file: "estates.xlsx", snapshot: estates() },
      { file: "broken.xlsx", error: "it is not a workbook (no ZIP signature)" },
    ]);
    const d = diagnostics.find((x) => x.code === "unreadable-source")!;
    expect([d.severity, d.sheet]).toEqual(["error", "broken.xlsx"]);
    expect(d.message).toMatch(/^broken\.xlsx could not be read \(it is not a workbook/);
    expect(programme.projects).toHaveLength(2);
    expect(programme.collation!.sources.map((s) => [s.file, s.unreadable ?? ""])).toEqual([
      ["estates.xlsx", ""],
      ["broken.xlsx", "it is not a workbook (no ZIP signature)"],
    ]);
  });

  it("runs one analysis: a slip in one workstream that pushes another names both", () => {
    const a = analyseCollation(programmeBook(), [
      { file: "estates.xlsx", snapshot: estates() },
      { file: "digital.xlsx", snapshot: digital() },
    ]);
    // Estates:P04 finishes 30 Apr against a baseline of 10 Apr; Digital's P05 waits for it but starts 1 May: not pushed.
    expect(a.rag.workstreams.map((w) => w.name).sort()).toEqual(["Digital", "Estates"]);
    const late = analyseCollation(programmeBook(), [
      { file: "estates.xlsx", snapshot: estates() },
      {
        file: "digital.xlsx",
        snapshot: snap({
          Projects: [H, ["P05", "Go live", "Digital", "2026-04-20", "2026-04-24", "2026-04-24", "Estates:P04"]],
        }),
      },
    ]);
    const push = late.diagnostics.find((d) => d.code === "slippage-impact" && d.entity === "P05")!;
    expect(push.sheet).toBe("digital.xlsx › Projects");
    expect(push.message).toMatch(
      /This crosses workstreams: P04 is in Estates \(estates\.xlsx\), P05 in Digital \(digital\.xlsx\)\./,
    );
    expect(late.programme.collation!.sources[0]).toMatchObject({ file: "estates.xlsx", errors: 0 });
  });
});
