import { asDay } from "../../../src/core/primitives/dates";
import { analyseWorkbook } from "../../../src/core/analysis/analyse";
import { toJson } from "../../../src/core/analysis/summary";
import { readSnapshot } from "../../../src/hosts/office/read";
import { FakeExcel, LIMIT } from "../../support/fake-excel";
import { bigSnapshot, sampleFake, sampleSnapshot } from "../../support/office";

describe("reading the open workbook", () => {
  it("gives the core what the file host gives it, in three syncs", async () => {
    const fake = await sampleFake();
    const { snapshot, stats } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(stats.syncs).toBe(3);
    const fromFile = await sampleSnapshot();
    const opts = { asOf: asDay(14640) };
    expect(toJson(analyseWorkbook(snapshot, opts))).toEqual(toJson(analyseWorkbook(fromFile, opts)));
    expect(snapshot.tables.map((t) => t.name).sort()).toEqual(fromFile.tables.map((t) => t.name).sort());
  });

  it("reads only the sheets the checks use", async () => {
    const fake = await sampleFake();
    fake.state.sheets.push({ ...fake.state.sheets[0], id: 999, name: "My scratch notes" });
    const { snapshot } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(snapshot.sheets.map((s) => s.name)).not.toContain("My scratch notes");
  });

  it.each([1_000, 10_000])("reads %i rows in three syncs", async (n) => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(n));
    const { snapshot, stats } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(stats.syncs).toBe(3);
    expect(snapshot.sheets[0].rows).toHaveLength(n + 1);
    expect(Math.max(...fake.requests.map((r) => r.responseBytes))).toBeLessThan(LIMIT);
  });

  it("reads 100,000 rows in as few more syncs as the 5 MB response limit requires", async () => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(100_000));
    const { snapshot, stats } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(snapshot.sheets[0].rows).toHaveLength(100_001);
    expect(snapshot.sheets[0].rows[100_000][0]).toBe("P99999");
    const responses = fake.requests.map((r) => r.responseBytes);
    expect(Math.max(...responses)).toBeLessThan(LIMIT);
    const cellsPerSync = 4_000_000 / 24;
    expect(stats.syncs).toBeLessThanOrEqual(2 + Math.ceil((100_001 * 14) / cellsPerSync) + 1);
  });

  it("splits a block and tries again when long texts make a response too large", async () => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(12_000, "x".repeat(400)));
    const { snapshot } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(snapshot.sheets[0].rows).toHaveLength(12_001);
    expect(snapshot.sheets[0].rows[12_000][13]).toBe("x".repeat(400));
    const failed = fake.requests.filter((r) => r.responseBytes > LIMIT);
    expect(failed.length).toBeGreaterThan(0); // it did hit the limit
    expect(fake.requests[fake.requests.length - 1].responseBytes).toBeLessThan(LIMIT);
  });

  it("explains a workbook beyond what is sensible to read in Excel", async () => {
    const fake = FakeExcel.fromSnapshot(bigSnapshot(1_000));
    await expect(fake.run({}, (ctx) => readSnapshot(ctx, { maxCells: 5_000 }))).rejects.toThrow(
      /Projects, has 1,001 rows × 14 columns/,
    );
  });

  it("detects the 1904 date system and reads dates by it", async () => {
    const snap = bigSnapshot(3);
    snap.date1904 = true;
    snap.sheets[0].rows[1][4] = 39904 - 1462; // 1 Apr 2009 in the 1904 system
    snap.sheets[0].rows[1][5] = 40268 - 1462; // 31 Mar 2010
    const fake = FakeExcel.fromSnapshot(snap);
    const { snapshot } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(snapshot.date1904).toBe(true);
    const json = toJson(analyseWorkbook(snapshot, { asOf: asDay(14000) }));
    expect(json.projects[0].earlyFinish).toBe("2010-03-31");
  });

  it("reads error cells as errors and empty cells as blank", async () => {
    const snap = bigSnapshot(2);
    snap.sheets[0].rows[1][7] = { error: "#REF!" };
    const fake = FakeExcel.fromSnapshot(snap);
    const { snapshot } = await fake.run({}, (ctx) => readSnapshot(ctx));
    expect(snapshot.sheets[0].rows[1][7]).toEqual({ error: "#REF!" });
    expect(snapshot.sheets[0].rows[1][12]).toBeNull();
  });
});
