import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CODE_NAMES } from "../../../src/core/primitives/diagnostic";

/** docs/checks.md's table rows: `| \`code\` | Plain name | …`. */
function documented(): Map<string, string> {
  const md = readFileSync(join(__dirname, "../../../docs/checks.md"), "utf8");
  return new Map([...md.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+?) \|/gm)].map((m) => [m[1], m[2].trim()]));
}

describe("docs/checks.md and the codes the tool can report", () => {
  it("list the same codes, each with the same plain name", () => {
    const docs = documented();
    expect([...docs.keys()].sort()).toEqual(Object.keys(CODE_NAMES).sort());
    for (const [code, name] of Object.entries(CODE_NAMES)) expect([code, docs.get(code)]).toEqual([code, name]);
  });
});
