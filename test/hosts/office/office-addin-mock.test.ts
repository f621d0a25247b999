import { OfficeMockObject } from "office-addin-mock";
import { detectDate1904 } from "../../../src/hosts/office/read";
import type { ContextLike } from "../../../src/hosts/office/excel-types";

/** Microsoft's own mocking library, used as its documentation shows (a seed object per case). */
function contextWith(dateSerial: number): ContextLike {
  const seed = {
    workbook: {
      functions: {
        probe: { value: dateSerial },
        // As in Microsoft's example, `this` is the mock object, whose members enforce load and sync.
        date: function (this: { probe: unknown }) {
          return this.probe;
        },
      },
    },
  };
  return new OfficeMockObject(seed) as unknown as ContextLike;
}

describe("the date-system probe, with office-addin-mock", () => {
  it("reads the 1904 system when DATE(1904,1,2) is 1", async () => {
    expect(await detectDate1904(contextWith(1))).toBe(true);
  });
  it("reads the 1900 system when DATE(1904,1,2) is 1462", async () => {
    expect(await detectDate1904(contextWith(1462))).toBe(false);
  });
  it("shows the mock's guard: a value read without load gives its error text, not a throw", async () => {
    const ctx = contextWith(1) as unknown as { workbook: { functions: { date: () => { value: unknown } } } };
    expect(ctx.workbook.functions.date().value).toBe("Error, property was not loaded");
  });
});
