/**
 * npm run bench -- [--only engine,plan,office,file,pane,cli,collation] [--sizes 1000,10000,100000] [--json]
 * Prints one table (or, with --json, one JSON object per line) and writes bench/results.json.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, collation, engine, file, office, pane, plan, type Row } from "./suites";
import { table } from "./table";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const only = new Set((arg("--only") ?? "engine,plan,office,file,pane,cli,collation").split(","));
  const sizes = (arg("--sizes") ?? "1000,10000,100000")
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
  const json = process.argv.includes("--json");
  const fileRows = Number(arg("--file-rows") ?? 50_000);
  const rows: Row[] = [];
  const emit = (r: Row[]) => {
    rows.push(...r);
    if (json) for (const x of r) process.stdout.write(JSON.stringify(x) + "\n");
    else process.stderr.write(`.. ${r.map((x) => x.suite).join(", ")} done\n`);
  };
  if (only.has("engine")) emit(await engine(sizes));
  if (only.has("plan")) emit(await plan(sizes.filter((s) => s <= 10_000)));
  if (only.has("office")) emit(await office(sizes));
  if (only.has("file")) emit(await file(fileRows));
  if (only.has("pane")) emit(await pane());
  if (only.has("cli")) emit(await cli());
  if (only.has("collation")) emit(await collation());
  const out = {
    machine: { node: process.version, cpus: require("node:os").cpus().length, platform: process.platform },
    when: new Date().toISOString(),
    rows,
  };
  writeFileSync(arg("--out") ?? join(__dirname, "results.json"), JSON.stringify(out, null, 2) + "\n");
  if (!json) console.log(table(rows));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
