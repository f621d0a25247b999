import { known } from "../../../src/core/primitives/lookup";

describe("known", () => {
  it("gives the value a map holds for a key", () => {
    expect(known(new Map([["P01", 3]]), "P01", "project status")).toBe(3);
  });
  it("keeps a falsy value (0, empty text) as held", () => {
    expect(known(new Map([["P01", 0]]), "P01", "count")).toBe(0);
    expect(known(new Map([["P01", ""]]), "P01", "name")).toBe("");
  });
  it("throws an internal error naming what was missing and its key", () => {
    expect(() => known(new Map<string, number>(), "M14", "milestone status")).toThrow(
      "Internal error: no milestone status for M14",
    );
  });
});
