import { collation, engine, office, plan } from "../../bench/suites";
import { table } from "../../bench/table";
import { syntheticProgramme } from "../../bench/generate";

/** A small smoke run of the benchmark: it runs and reports the documented fields (no timing asserted). */
describe("npm run bench (smoke)", () => {
  it("generates a deterministic synthetic programme with 1.5 links per item", () => {
    const a = syntheticProgramme(2000);
    expect(a.ids).toHaveLength(2000);
    expect(a.links.length / 2000).toBeGreaterThan(1.3);
    expect(a.links.length / 2000).toBeLessThan(1.7);
    expect(JSON.stringify(syntheticProgramme(2000).links)).toBe(JSON.stringify(a.links));
  });

  it("reports each suite's fields", async () => {
    const rows = [...(await engine([300])), ...(await plan([300])), ...(await office([300]))];
    expect(rows[0]).toEqual({
      suite: "engine",
      size: 300,
      ours_ms: expect.any(Number),
      peer_ms: expect.any(Number),
      ratio: expect.any(Number),
      per_item_us: expect.any(Number),
      peak_mb: expect.any(Number),
    });
    expect(rows[1]).toEqual({ suite: "plan", size: 300, ms: expect.any(Number) });
    expect(rows[2]).toMatchObject({
      suite: "office",
      rows: 300,
      read_syncs: 3,
      write_syncs: expect.any(Number),
      max_request_bytes: expect.any(Number),
    });
    expect(rows[2].max_request_bytes as number).toBeLessThan(5 * 1024 * 1024);
    expect(table(rows)).toContain("engine");
  }, 120_000);

  it("reports the collation suite's fields, for IDs distinct and all colliding", async () => {
    const rows = await collation(3, 40);
    expect(rows.map((r) => r.ids)).toEqual(["distinct", "all colliding"]);
    for (const r of rows)
      expect(r).toEqual({
        suite: "collation",
        sources: 3,
        items_each: 40,
        ids: r.ids,
        ours_ms: expect.any(Number),
        one_workbook_ms: expect.any(Number),
        ratio: expect.any(Number),
      });
  }, 120_000);
});
