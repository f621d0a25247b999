import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The pane needs no eval: its pages' Content-Security-Policy has no 'unsafe-eval' (so the browser
 * would refuse any), and our own code calls neither eval nor new Function. (The end-to-end test
 * runs the built pane under that policy and fails on any console error.)
 */
const ROOT = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe("no eval", () => {
  it("our source calls neither eval nor new Function", () => {
    for (const f of files(join(ROOT, "src"))) {
      const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect({ f, evalUsed: /(^|[^\w.$])eval\s*\(|new\s+Function\s*\(/.test(code) }).toEqual({ f, evalUsed: false });
    }
  });

  it.each(["src/taskpane/taskpane.html", "src/commands/commands.html", "src/commands/notice.html"])(
    "%s forbids eval and foreign connections in its Content-Security-Policy",
    (page) => {
      const html = readFileSync(join(ROOT, page), "utf8");
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).not.toMatch(/connect-src[^;]*(https?:|\*)/);
    },
  );

  it("the manifest asks only for ReadWriteDocument", () => {
    const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect([...xml.matchAll(/<Permissions>([^<]+)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
  });
});

describe("production dependencies", () => {
  it("are the few the product needs (no SheetJS with its known advisories, nothing that runs at install)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      "@fluentui/react-components",
      "fflate",
      "react",
      "react-dom",
    ]);
  });
});
