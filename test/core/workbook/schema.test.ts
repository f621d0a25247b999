import { readFileSync } from "node:fs";
import { join } from "node:path";
import { headerIndex, headerKeys } from "../../../src/core/workbook/locate";
import { normaliseName } from "../../../src/core/workbook/normalise";
import { SETTING_SPECS, SHEETS } from "../../../src/core/workbook/schema";

describe("the workbook format", () => {
  it("never gives one header to two columns of the same sheet", () => {
    for (const spec of SHEETS) {
      const owner = new Map<string, string>();
      for (const f of spec.fields)
        for (const k of headerKeys(spec, f)) {
          const prev = owner.get(k);
          if (prev && prev !== f.key) throw new Error(`${spec.title}: "${k}" is claimed by ${prev} and ${f.key}`);
          owner.set(k, f.key);
        }
      expect(headerIndex(spec).size).toBe(owner.size);
    }
  });

  it("normalises headers: case, spaces, punctuation and units in brackets", () => {
    expect(normaliseName("Budget (£)")).toBe("budget");
    expect(normaliseName("Lag (days)")).toBe("lag");
    expect(normaliseName("% Complete")).toBe("percentcomplete");
    expect(normaliseName("Risk_Ref.")).toBe("riskref");
  });

  it("is documented: docs/workbook-format.md names every sheet, column and setting", () => {
    const doc = readFileSync(join(__dirname, "../../../docs/workbook-format.md"), "utf8");
    for (const spec of SHEETS) {
      expect(doc).toContain(`## ${spec.title}`);
      for (const f of spec.fields) expect(doc).toContain(f.label);
    }
    for (const s of SETTING_SPECS) expect(doc).toContain(s.label);
  });
});

describe("docs/workbook-format.md", () => {
  it("is what the schema generates (run `npm run docs` after changing the schema)", () => {
    const { workbookFormatDoc } = require("../../../src/core/workbook/format-doc");
    expect(readFileSync(join(__dirname, "../../../docs/workbook-format.md"), "utf8")).toBe(workbookFormatDoc());
  });
});
