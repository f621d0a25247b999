import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { dayFromYmd } from "../../../src/core/primitives/dates";
import { buildReportPlan } from "../../../src/core/report/build";
import { pmoRaidLog, RISK_HEADERS } from "../../support/raid-template";
import { snap } from "../../support/snapshot";

const AS_OF = dayFromYmd(2026, 3, 20);
const HEADER_ROW = 7; // under the six-row document-control block

describe("a RAID log as PMOs keep it (test/support/raid-template.ts)", () => {
  const a = analyseWorkbook(snap(pmoRaidLog()), { asOf: AS_OF });

  it("scores the register on the matrix most of its rows use: one High/Medium row is a finding at its cells, the rest are scored", () => {
    expect(a.risks.map((r) => [r.id, r.matrix, r.score])).toEqual([
      ["R001", "5x5", 16],
      ["R002", "5x5", 25],
      ["R003", "5x5", 9],
      ["R004", "5x5", 8],
      ["R005", "5x5", null],
      ["R006", "5x5", 12],
      ["R007", "5x5", 2],
      ["R008", "5x5", 8],
      ["R009", "5x5", 2],
    ]);
    expect(a.risks.find((r) => r.id === "R002")!.escalate).toBe(true);
    const col = (h: string) => String.fromCharCode(65 + RISK_HEADERS.indexOf(h));
    const r005 = a.diagnostics.filter((d) => d.entity === "R005" && d.code === "bad-value");
    expect(r005.map((d) => d.cell).sort()).toEqual(
      [`${col("Likelihood")}${HEADER_ROW + 5}`, `${col("Impact")}${HEADER_ROW + 5}`].sort(),
    );
    expect(r005[0].message).toContain(
      "most of this register's rows use numbers or the NPSA words, so it is scored on the 5×5 matrix",
    );
    expect(a.diagnostics.some((d) => d.code === "risk-matrix")).toBe(false);
    expect(a.diagnostics.filter((d) => d.code === "rating-mismatch")).toEqual([]);
  });

  it("reads the Issues' Priority column, not the Impact text before it: the three HIGH issues are flagged", () => {
    expect(a.programme.issues.map((i) => i.priority)).toEqual(["HIGH", "HIGH", "HIGH", "MEDIUM", "LOW"]);
    expect(a.issues.filter((i) => i.open && i.priorityRank <= 2).map((i) => i.id)).toEqual(["I001", "I002", "I003"]);
    expect(a.diagnostics.filter((d) => d.code === "guessed-column")).toEqual([]);
  });

  it("does not read a risk's Category (Schedule, Technical) as its project", () => {
    expect(new Set(a.programme.risks.map((r) => r.project))).toEqual(new Set([""]));
    expect(a.diagnostics.filter((d) => d.code === "unknown-reference")).toEqual([]);
    // The board's decisions say where an escalated risk comes from: the programme, not "Technical".
    const plan = buildReportPlan(a);
    const text = JSON.stringify(plan);
    expect(text).not.toMatch(/"v":"(Technical|Schedule|Resource|Cost|Quality)","s":"wrap"/);
    expect(text).toMatch(/"v":"Programme","s":"wrap"/);
  });

  it("reads Response Actions as the mitigation", () => {
    expect(a.programme.risks.find((r) => r.id === "R002")!.mitigation).toBe("Interim manual process");
  });

  it("a log whose only Impact column holds descriptions reads it as Priority, with a note at its header", () => {
    const b = analyseWorkbook(
      snap(
        pmoRaidLog(["Issue ID", "Date Raised", "Description", "Impact", "Owner", "Target Resolution Date", "Status"]),
      ),
      { asOf: AS_OF },
    );
    const note = b.diagnostics.filter((d) => d.code === "guessed-column");
    expect(note).toEqual([expect.objectContaining({ severity: "info", sheet: "Issues", cell: `D${HEADER_ROW}` })]);
    expect(note[0].message).toContain(
      'The header "Impact" is read as Priority, but it holds descriptions (such as "Go-live cannot be confirmed to staff")',
    );
  });

  it("a 3×3 register with one NPSA row stays 3×3, the odd row a finding", () => {
    const rows = [
      ["ID", "Title", "Likelihood", "Impact"],
      ["R1", "a", "High", "High"],
      ["R2", "b", "Medium", "Low"],
      ["R3", "c", "Low", "Medium"],
      ["R4", "d", "Likely", "Major"],
    ];
    const c = analyseWorkbook(snap({ Risks: rows }), { asOf: AS_OF });
    expect(c.risks.map((r) => [r.id, r.matrix, r.score])).toEqual([
      ["R1", "3x3", 9],
      ["R2", "3x3", 2],
      ["R3", "3x3", 2],
      ["R4", "3x3", null],
    ]);
    expect(
      c.diagnostics
        .filter((d) => d.entity === "R4" && d.code === "bad-value")
        .map((d) => d.cell)
        .sort(),
    ).toEqual(["C5", "D5"]);
  });
});
