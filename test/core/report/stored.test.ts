import { textHash } from "../../../src/core/report/plan";
import { contentHash, cutUnits, storedText } from "../../../src/core/report/stored";

describe("text as a cell stores it", () => {
  it("cuts at 32,767 units with a visible mark, never splitting a surrogate pair", () => {
    const long = "a".repeat(32_760) + "😀".repeat(10);
    const t = storedText(long);
    expect(t.length).toBeLessThanOrEqual(32_767);
    expect(t.endsWith(" [...]")).toBe(true);
    expect(/[\uD800-\uDBFF]$/.test(t.slice(0, -6))).toBe(false);
    expect(cutUnits("ab😀", 3)).toBe("ab");
  });

  it("replaces a lone surrogate with U+FFFD and keeps pairs", () => {
    expect(storedText("a\uD800b😀\uDC00")).toBe("a\uFFFDb😀\uFFFD");
  });
});

describe("a sheet's content hash", () => {
  const rows = [["Board", null, 3], undefined, ["", true, { error: "#N/A" }]] as never;

  it("is FNV-1a of each filled cell's position, type and value, joined by U+0000", () => {
    expect(contentHash(rows)).toBe(textHash(["0,0:sBoard", "0,2:n3", "2,1:b1", "2,2:e#N/A"].join("\u0000")));
    expect(contentHash(rows, 4, 1)).toBe(textHash(["4,1:sBoard", "4,3:n3", "6,2:b1", "6,3:e#N/A"].join("\u0000")));
  });

  it("changes when a cell is typed in, and not for blank cells", () => {
    const typed = [["Board", "note", 3], undefined, ["", true, { error: "#N/A" }]] as never;
    expect(contentHash(typed)).not.toBe(contentHash(rows));
    expect(contentHash([["Board", null, 3, ""], [], ["", true, { error: "#N/A" }]] as never)).toBe(contentHash(rows));
  });
});
