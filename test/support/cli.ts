import { run } from "../../src/cli/main";

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), color: false });
  return { code, out, err };
}
