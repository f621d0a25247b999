import JSZip from "jszip";

/** Every part of a package, uncompressed. */
export async function parts(data: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("uint8array"));
  return out;
}

export async function text(data: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  return (await zip.file(part)?.async("string")) ?? "";
}

/** Opening tags of a part, count attributes left out (they are bumped by insertions). */
export function openingTags(xml: string): string[] {
  return [...xml.matchAll(/<[A-Za-z][^>]*>/g)].map((m) => m[0].replace(/\s+count="\d+"/, ""));
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
