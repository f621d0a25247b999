import type { ContextLike } from "../../../src/hosts/office/excel-types";
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
    expect([0, 1, 2, 3].map((c) => s.cells.get(2)!.get(c)!.formula)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("enforces the 5 MB request limit and records payloads", async () => {
    const f = fake();
    await expect(
      f.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRangeByIndexes(0, 0, 60_000, 10).values = Array.from(
          { length: 60_000 },
          () => Array(10).fill("xxxxxxxxxx"),
        );
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(f.requests[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("rejects a 2-D array of the wrong shape and a duplicate sheet name", async () => {
    const f = fake();
    await f.run({}, async (ctx) => {
      expect(() => (ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [["one"]])).toThrow(
        /doesn't match/,
      );
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

  it("refuses what Excel cannot undo inside an undo group, by platform, and records undo stacks cleared outside one", async () => {
    const tryIn = async (
      platform: "web" | "windows" | "mac",
      change: (ws: import("../../../src/hosts/office/excel-types").WorksheetLike) => void,
    ) => {
      const f = fake();
      f.platform = platform;
      return f
        .run({ mergeUndoGroup: true }, async (ctx) => {
          change(ctx.workbook.worksheets.getItem("Data"));
          await ctx.sync();
        })
        .then(
          () => "ok",
          (e) => e.code,
        );
    };
    for (const p of ["windows", "mac"] as const) {
      expect(await tryIn(p, (ws) => (ws.name = "Other"))).toBe("UndoNotSupported");
      expect(await tryIn(p, (ws) => (ws.visibility = "Hidden"))).toBe("UndoNotSupported");
      expect(await tryIn(p, (ws) => (ws.position = 0))).toBe("UndoNotSupported");
    }
    expect(await tryIn("web", (ws) => (ws.name = "Other"))).toBe("ok");
    expect(await tryIn("web", (ws) => (ws.visibility = "Hidden"))).toBe("ok");
    for (const p of ["web", "windows", "mac"] as const)
      expect(await tryIn(p, (ws) => ws.delete())).toBe("UndoNotSupported");
    const f = fake();
    f.platform = "windows";
    await f.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").name = "Renamed";
      await ctx.sync();
    });
    expect(f.undoCleared).toEqual(["worksheet.name"]);
  });

  it("runs loads in queue order with the commands, counts object paths in the request, and makes a series per source column", async () => {
    const f = fake();
    await f.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const before = ws.getRange("A1");
      before.load("values");
      ws.getRange("A1").values = [["changed"]];
      const after = ws.getRange("A1");
      after.load("values");
      await ctx.sync();
      expect([before.values[0][0], after.values[0][0]]).toEqual(["hello", "changed"]);
      ws.getRange("A1:C3").values = [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ];
      ws.charts.add("ColumnClustered", ws.getRange("A1:C3"), "Columns");
      await ctx.sync();
    });
    expect(f.sheet("Data").charts[0].series.map((s) => s.values)).toEqual(["A1:A3", "B1:B3", "C1:C3"]);
    // One range written cell by cell costs more than the same values in one range: each proxy is an object path.
    const bytes = async (write: (ws: import("../../../src/hosts/office/excel-types").WorksheetLike) => void) => {
      const g = fake();
      await g.run({}, async (ctx) => {
        write(ctx.workbook.worksheets.getItem("Data"));
        await ctx.sync();
      });
      return g.requests[0].bytes;
    };
    const one = await bytes((ws) => (ws.getRangeByIndexes(0, 0, 1, 100).values = [Array(100).fill(1)]));
    const many = await bytes((ws) => {
      for (let c = 0; c < 100; c++) ws.getRangeByIndexes(0, c, 1, 1).values = [[1]];
    });
    expect(many).toBeGreaterThan(one + 100 * 80);
  });

  it("adds a table from a sheet-less address on the active sheet, from a Range on its own, never over merged cells", async () => {
    const f = fake();
    f.state.sheets.push(newSheet("Other"));
    f.state.active = f.sheet("Data");
    await f.run({}, async (ctx) => {
      const other = ctx.workbook.worksheets.getItem("Other");
      other.tables.add("A1:B2", true);
      other.tables.add(other.getRange("D1:E2"), true);
      await ctx.sync();
    });
    expect(f.state.tables.map((t) => [t.sheet.name, t.range])).toEqual([
      ["Data", "A1:B2"],
      ["Other", "D1:E2"],
    ]);
    await expect(
      f.run({}, async (ctx) => {
        const other = ctx.workbook.worksheets.getItem("Other");
        other.getRange("G1:H1").merge(false);
        other.tables.add(other.getRange("G1:H3"), true);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "MergedRangeConflict" });
  });

  it("refuses freezing panes on a hidden sheet and an invalid sheet name", async () => {
    const f = fake();
    await expect(
      f.run({}, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Data");
        ws.visibility = "Hidden";
        ws.freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    await expect(
      f.run({}, async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").name = "a/b";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("the fake Excel's rules from Microsoft's pages and the issue tracker", () => {
  const fake = () => {
    const s = newSheet("Data");
    s.cells.set(
      0,
      new Map([
        [0, { v: 1 }],
        [1, { v: 2 }],
      ]),
    );
    return new FakeExcel({ sheets: [s], tables: [], date1904: false, protectedStructure: false });
  };

  it('refuses the reserved sheet name "History" (Microsoft support, "Rename a worksheet")', async () => {
    const f = fake();
    await expect(
      f.run({}, async (ctx) => {
        ctx.workbook.worksheets.add("history");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it.each([
    ["windows", "GeneralException"],
    ["mac", "GeneralException"],
    ["web", null],
  ] as const)(
    "with another workbook in front on %s, adding a sheet throws %s (excel-add-ins-troubleshooting)",
    async (platform, code) => {
      const f = fake();
      f.platform = platform;
      f.focusLost = true;
      const run = f.run({}, async (ctx) => {
        ctx.workbook.worksheets.add("New");
        await ctx.sync();
      });
      if (code) await expect(run).rejects.toMatchObject({ code });
      else await expect(run).resolves.toBeUndefined();
      if (platform !== "web")
        await expect(
          f.run({}, async (ctx) => {
            ctx.workbook.worksheets.getItem("Data").delete();
            await ctx.sync();
          }),
        ).rejects.toMatchObject({ code: "InvalidSelection" });
    },
  );

  it("refuses gapWidth on a doughnut (reference ChartSeries.gapWidth) and axis position on iPad (office-js #1688)", async () => {
    const f = fake();
    const add = (
      type: string,
      set: (c: ReturnType<ReturnType<ContextLike["workbook"]["worksheets"]["getItem"]>["charts"]["add"]>) => void,
    ) =>
      f.run({}, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Data");
        set(ws.charts.add(type, ws.getRange("A1:B1"), "Columns"));
        await ctx.sync();
      });
    await expect(add("Doughnut", (c) => (c.series.getItemAt(0).gapWidth = 40))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(add("ColumnStacked", (c) => (c.series.getItemAt(0).gapWidth = 40))).resolves.toBeUndefined();
    f.platform = "ipad";
    await expect(add("BarStacked", (c) => (c.axes.categoryAxis.position = "Maximum"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  it("stores a link's textToDisplay as the cell's text (issue 26, item 11: an assumption)", async () => {
    const f = fake();
    await f.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").hyperlink = {
        documentReference: "Data!B1",
        textToDisplay: "1",
      };
      await ctx.sync();
    });
    expect(f.sheet("Data").cells.get(0)!.get(0)!.v).toBe("1");
  });

  it("merges a second session's changes between syncs, and a dead runtime fails every sync until revived", async () => {
    const f = fake();
    f.coauthor = (n, state) => void (n === 2 && state.sheets.push(newSheet("Theirs")));
    await f.run({}, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((w) => w.name)).toEqual(["Data"]);
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((w) => w.name)).toEqual(["Data", "Theirs"]);
    });
    f.faults = [{ sync: f.syncs + 1, code: "RequestAborted", kill: true }];
    await expect(f.run({}, async (ctx) => void (await ctx.sync()))).rejects.toMatchObject({ code: "RequestAborted" });
    await expect(f.run({}, async (ctx) => void (await ctx.sync()))).rejects.toMatchObject({ code: "RequestAborted" });
    f.revive();
    await expect(f.run({}, async (ctx) => void (await ctx.sync()))).resolves.toBeUndefined();
  });

  it("deletes the right names when several go in one batch", async () => {
    const f = fake();
    f.state.names = [
      { name: "A", formula: "=1", visible: true },
      { name: "B", formula: "=2", visible: true },
      { name: "C", formula: "=3", visible: true },
    ];
    await f.run({}, async (ctx) => {
      const names = ctx.workbook.names;
      names.load("items/name");
      await ctx.sync();
      names.items[0].delete();
      names.items[1].delete();
      await ctx.sync();
    });
    expect(f.state.names.map((n) => n.name)).toEqual(["C"]);
  });
});
