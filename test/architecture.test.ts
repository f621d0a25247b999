import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

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
      expect({ f, host: /from "\.\.\/hosts|from "\.\.\/taskpane|from "\.\.\/cli/.test(code) }).toEqual({
        f,
        host: false,
      });
    }
  });
});

/**
 * The import graph, as TypeScript itself resolves it: model → ingest → checks → collation → report → hosts →
 * faces (taskpane, commands, cli), nothing upward; the two hosts never import each other and a face
 * never imports another face, except the ribbon's commands using the pane's analysis worker.
 */
const LAYER: Record<string, number> = {
  model: 0,
  ingest: 1,
  checks: 2,
  collation: 2.5,
  report: 3,
  hosts: 4,
  taskpane: 5,
  commands: 5,
  cli: 5,
};
const ALLOWED_ACROSS = [/^commands\/.* -> taskpane\/worker\//];
/** The file host reads .xlsx packages and Project's XML (MSPDI) alike: one host in two folders. */
const FILE_HOST = new Set(["xlsx", "mspdi"]);

function area(file: string): string {
  const [top, next] = relative(SRC, file).split(sep);
  if (top !== "hosts") return top;
  return FILE_HOST.has(next) ? "hosts/file" : `hosts/${next}`;
}

function importEdges(): string[] {
  const options = ts.parseJsonConfigFileContent(
    ts.readConfigFile(join(SRC, "..", "tsconfig.json"), ts.sys.readFile).config,
    ts.sys,
    join(SRC, ".."),
  ).options;
  const edges: string[] = [];
  for (const f of files(SRC)) {
    for (const imp of ts.preProcessFile(readFileSync(f, "utf8"), true, true).importedFiles) {
      const resolved = ts.resolveModuleName(imp.fileName, f, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || relative(SRC, resolved.resolvedFileName).startsWith(".."))
        continue;
      edges.push(
        `${relative(SRC, f).split(sep).join("/")} -> ${relative(SRC, resolved.resolvedFileName).split(sep).join("/")}`,
      );
    }
  }
  return edges;
}

function upward(edge: string): boolean {
  const [from, to] = edge.split(" -> ").map((p) => join(SRC, p));
  const [a, b] = [area(from), area(to)];
  if (a === b) return false;
  const [la, lb] = [LAYER[a.split("/")[0]], LAYER[b.split("/")[0]]];
  const sideways = la === lb && (la === 5 || la === 4);
  return (lb > la || sideways) && !ALLOWED_ACROSS.some((r) => r.test(edge));
}

describe("import graph", () => {
  const edges = importEdges();

  it("resolves the tree's own imports (the check is not vacuous)", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContain("checks/analyse.ts -> checks/schedule.ts");
  });

  it("places every folder of src/ in a layer", () => {
    expect(readdirSync(SRC).filter((d) => statSync(join(SRC, d)).isDirectory() && LAYER[d] === undefined)).toEqual([]);
  });

  it("has no import upward or across hosts and faces", () => {
    expect(edges.filter(upward)).toEqual([]);
  });

  it("flags an upward import (the rule can fail)", () => {
    expect(upward("model/dates.ts -> ingest/values.ts")).toBe(true);
    expect(upward("hosts/office/run.ts -> hosts/xlsx/read.ts")).toBe(true);
    expect(upward("cli/main.ts -> taskpane/App.tsx")).toBe(true);
    expect(upward("report/board.ts -> checks/rag.ts")).toBe(false);
  });
});
