import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The core is plain TypeScript: no Office.js, no file system, no DOM. Hosts only translate. */
const SRC = join(__dirname, "..", "src");
const CORE = ["model", "ingest", "checks", "report", "collation"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("architecture", () => {
  it.each(CORE)("src/%s uses no Office.js, no Node modules, no DOM and no host", (dir) => {
    for (const f of files(join(SRC, dir))) {
      const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect({ f, office: /\b(Office|Excel)\.\w/.test(code) }).toEqual({ f, office: false });
      expect({ f, node: /from "(node:|fs|path|os|child_process)/.test(code) }).toEqual({ f, node: false });
      expect({ f, dom: /\b(document|window|localStorage)\./.test(code) }).toEqual({ f, dom: false });
      expect({ f, host: /from "\.\.\/hosts|from "\.\.\/taskpane|from "\.\.\/cli/.test(code) }).toEqual({ f, host: false });
    }
  });
});
