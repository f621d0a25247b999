import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

/** The core is plain TypeScript: no Office.js, no file system, no DOM. Hosts only translate. */
const SRC = join(__dirname, "..", "src");
const CORE = join(SRC, "core");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const coreFolders = readdirSync(CORE).filter((d) => statSync(join(CORE, d)).isDirectory());

describe("architecture", () => {
  it.each(coreFolders)("src/core/%s uses no Office.js, no Node modules, no DOM and no host", (dir) => {
    for (const f of files(join(CORE, dir))) {
      const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect({ f, office: /\b(Office|Excel)\.\w/.test(code) }).toEqual({ f, office: false });
      expect({ f, node: /from "(node:|fs|path|os|child_process)/.test(code) }).toEqual({ f, node: false });
      expect({ f, dom: /\b(document|window|localStorage)\./.test(code) }).toEqual({ f, dom: false });
      expect({ f, host: /from "(\.\.\/)+(hosts|taskpane|commands|cli)\//.test(code) }).toEqual({ f, host: false });
    }
  });
});

/**
 * The import graph, as TypeScript itself resolves it:
 *   core/primitives → the concepts (core/<concept>/) → core/analysis → core/collation → the report
 *   (core/report/ and each concept's report sections: its files that lay out with core/report) →
 *   core/pipeline.ts → hosts → faces (taskpane, commands, cli).
 * Nothing imports upward. A concept may import primitives and other concepts' rule files, never a report
 * section; the two hosts (the file host: xlsx and mspdi; the Office host) never import each other, and a
 * face never imports another face, except the ribbon's commands using the pane's analysis worker.
 */
const LEVEL = { primitives: 0, concept: 1, analysis: 2, collation: 2.5, report: 3, pipeline: 3.5, hosts: 4, faces: 5 };
const FACES = new Set(["taskpane", "commands", "cli"]);
const ALLOWED_ACROSS = [/^commands\/.* -> taskpane\/worker\//];
/** The file host reads .xlsx packages and Project's XML (MSPDI) alike: one host in two folders. */
const FILE_HOST = new Set(["xlsx", "mspdi"]);
/**
 * A concept's report sections (its board-section.ts, history-sheet.ts…) are the concept files that import
 * core/report/ themselves: they sit in the report's layer, above every rule.
 */
const SECTIONS = new Set<string>();
const CONCEPT_FILE = /^core\/(?!primitives\/|analysis\/|collation\/|report\/)[^/]+\/./;

function findSections(edges: string[]): void {
  for (const e of edges) {
    const [from, to] = e.split(" -> ");
    if (CONCEPT_FILE.test(from) && to.startsWith("core/report/")) SECTIONS.add(from);
  }
}

/** The area a file belongs to (a folder, or a concept's sections) and its layer. */
function place(path: string): { area: string; level: number | undefined } {
  const parts = path.split("/");
  const [top, next] = parts;
  if (top === "hosts") return { area: FILE_HOST.has(next) ? "hosts/file" : `hosts/${next}`, level: LEVEL.hosts };
  if (FACES.has(top)) return { area: top, level: LEVEL.faces };
  if (top !== "core") return { area: top, level: undefined };
  if (parts.length === 2) return { area: "core/" + next, level: next === "pipeline.ts" ? LEVEL.pipeline : undefined };
  if (next === "primitives") return { area: "core/primitives", level: LEVEL.primitives };
  if (next === "analysis" || next === "collation" || next === "report")
    return { area: `core/${next}`, level: LEVEL[next] };
  if (SECTIONS.has(path)) return { area: `core/${next}/sections`, level: LEVEL.report };
  return { area: `core/${next}`, level: LEVEL.concept };
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
  const [a, b] = edge.split(" -> ").map(place);
  if (a.area === b.area || ALLOWED_ACROSS.some((r) => r.test(edge))) return false;
  const [la, lb] = [a.level ?? NaN, b.level ?? NaN];
  if (la === LEVEL.concept && lb === LEVEL.concept) return false; // concepts read each other's rules
  const sideways = la === lb && (la === LEVEL.hosts || la === LEVEL.faces);
  return !(lb <= la) || sideways;
}

const edges = importEdges();
findSections(edges);

describe("import graph", () => {
  it("resolves the tree's own imports (the check is not vacuous)", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.startsWith("core/analysis/") && / -> core\/schedule\//.test(e))).toBe(true);
  });

  it("places every file of src/ in a layer", () => {
    expect(
      files(SRC)
        .map((f) => relative(SRC, f).split(sep).join("/"))
        .filter((f) => place(f).level === undefined),
    ).toEqual([]);
  });

  it("has no import upward or across hosts and faces", () => {
    expect(edges.filter(upward)).toEqual([]);
  });

  it("flags an upward import (the rule can fail)", () => {
    expect(upward("core/primitives/dates.ts -> core/workbook/values.ts")).toBe(true);
    expect(SECTIONS.has("core/risks/board-section.ts")).toBe(true);
    expect(SECTIONS.has("core/rag/rag.ts")).toBe(false);
    expect(upward("core/risks/bands.ts -> core/risks/board-section.ts")).toBe(true);
    expect(upward("core/workbook/read-programme.ts -> core/history/snapshot-sheet.ts")).toBe(true);
    expect(upward("core/schedule/critical-path.ts -> core/report/plan.ts")).toBe(true);
    expect(upward("core/rag/rag.ts -> core/analysis/analyse.ts")).toBe(true);
    expect(upward("core/report/board.ts -> core/pipeline.ts")).toBe(true);
    expect(upward("hosts/office/run.ts -> hosts/xlsx/read.ts")).toBe(true);
    expect(upward("core/report/build.ts -> hosts/xlsx/read.ts")).toBe(true);
    expect(upward("cli/main.ts -> taskpane/App.tsx")).toBe(true);
    expect(upward("core/report/board.ts -> core/rag/rag.ts")).toBe(false);
    expect(upward("core/risks/board-section.ts -> core/report/layout.ts")).toBe(false);
    expect(upward("core/rag/rag.ts -> core/schedule/critical-path.ts")).toBe(false);
    expect(upward("hosts/office/run.ts -> core/pipeline.ts")).toBe(false);
    expect(upward("commands/commands.ts -> taskpane/worker/client.ts")).toBe(false);
  });
});
