import { FakeExcel, newSheet } from "../../support/fake-excel";

/** The fake must behave as Excel does where the host could go wrong. */
describe("the fake Excel", () => {
  const fake = () => {
    const s = newSheet("Data");
    s.cells.set(0, new Map([[0, { v: "hello" }]]));
    return new FakeExcel({ sheets: [s], tables: [], date1904: false, protectedStructure: false });
  };

  it("refuses a read before load, and before sync", async () => {
    const f = fake();
    await f.run({}, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      expect(() => r.values).toThrow(/without load\(\) and context.sync\(\)/);
      r.load("values");
      expect(() => r.values).toThrow(/context.sync\(\) has not run/);
      await ctx.sync();
      expect(r.values).toEqual([["hello"]]);
    });
    expect(f.syncs).toBe(2); // ours and Excel.run's final one
  });

  it("turns text starting with = + - @ into a formula unless the cell is formatted as text", async () => {
    const f = fake();
    await f.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("A2:D2").values = [["=1+1", "+44", "-5", "@x"]];
      const safe = ws.getRange("A3:D3");
      safe.numberFormat = [["@", "@", "@", "@"]];
      safe.values = [["=1+1", "+44", "-5", "@x"]];
      await ctx.sync();
    });
    const s = f.sheet("Data");
    expect([0, 1, 2, 3].map((c) => s.cells.get(1)!.get(c)!.formula)).toEqual(["=1+1", "+44", "-5", "@x"]);
    expect([0, 1, 2, 3].map((c) => s.cells.get(2)!.get(c)!.formula)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("enforces the 5 MB request limit and records payloads", async () => {
    const f = fake();
    await expect(
      f.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRangeByIndexes(0, 0, 60_000, 10).values = Array.from({ length: 60_000 }, () => Array(10).fill("xxxxxxxxxx"));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(f.requests[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("rejects a 2-D array of the wrong shape and a duplicate sheet name", async () => {
    const f = fake();
    await f.run({}, async (ctx) => {
      expect(() => (ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["one"]])).toThrow(/doesn't match/);
    });
    await expect(
      f.run({}, async (ctx) => {
        ctx.workbook.worksheets.add("data");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("fails a chosen step with a chosen code, keeping the commands before it", async () => {
    const f = fake();
    f.faults.push({ when: (op) => op === "worksheet.tabColor", code: "AccessDenied" });
    await expect(
      f.run({}, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Data");
        ws.getRange("B1").values = [["kept"]];
        ws.tabColor = "#FF0000";
        ws.getRange("C1").values = [["never"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(f.sheet("Data").cells.get(0)!.get(1)!.v).toBe("kept");
    expect(f.sheet("Data").cells.get(0)!.get(2)).toBeUndefined();
  });
});
