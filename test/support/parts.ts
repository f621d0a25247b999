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

/**
 * The user's sheet part unchanged but for its "selected tab" flag, which the report writer clears
 * on the sheet the workbook used to open on (so the board report opens alone, not grouped).
 */
export function sameButUnselected(before: Uint8Array, after: Uint8Array): boolean {
  if (equalBytes(before, after)) return true;
  const was = Buffer.from(before).toString("utf8");
  return (
    Buffer.from(after).toString("utf8") ===
      was.replace(/(<(?:\w+:)?sheetView\b[^>]*?\btabSelected=")(?:1|true)"/, '$10"') &&
    /tabSelected="(1|true)"/.test(was)
  );
}
