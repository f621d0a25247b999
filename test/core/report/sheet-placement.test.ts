import { reportInsertionIndex } from "../../../src/core/report/sheet-placement";

/** Where the report's sheets go, as both hosts place them (positions are tab positions before the report). */
describe("reportInsertionIndex", () => {
  it("puts a first report first", () => {
    expect(reportInsertionIndex([0, 1, 2], [], [])).toBe(0);
  });

  it("puts a new report where the sheets it replaces were", () => {
    // Tabs: Projects(0), old Board(1), old Exceptions(2), Notes(3): the new sheets go before Notes.
    expect(reportInsertionIndex([0, 3], [1, 2], [])).toBe(1);
  });

  it("puts sheets of another scope just after the report's other sheets", () => {
    // Tabs: Projects(0), Board(1, out of scope, stays), Notes(2).
    expect(reportInsertionIndex([0, 1, 2], [], [1])).toBe(2);
  });
});
