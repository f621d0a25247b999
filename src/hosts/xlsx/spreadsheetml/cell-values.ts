/** Attribute values of cells and rows read straight from the part, without allocating. */

/** Parses an unsigned decimal integer in xml[s, e); -1 when it is not one (or is huge). */
export function parseUint(xml: string, s: number, e: number): number {
  if (s === e) return -1;
  let v = 0;
  for (let j = s; j < e; j++) {
    const c = xml.charCodeAt(j);
    if (c < 48 || c > 57 || v > 1e9) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/** Interned ST_CellType value (ECMA-376 Part 1, 18.18.11), or null for anything else. */
export function cellTypeAt(xml: string, s: number, e: number): string | null {
  const len = e - s;
  if (len === 1) {
    switch (xml.charCodeAt(s)) {
      case 110:
        return "n";
      case 115:
        return "s";
      case 98:
        return "b";
      case 101:
        return "e";
      case 100:
        return "d";
    }
    return null;
  }
  if (len === 3 && xml.startsWith("str", s)) return "str";
  if (len === 9 && xml.startsWith("inlineStr", s)) return "inlineStr";
  return null;
}

/** Whether t is one of the ST_CellType values (cellTypeAt gives only these). */
export function isCellType(t: string): boolean {
  return t === "n" || t === "s" || t === "str" || t === "inlineStr" || t === "b" || t === "e" || t === "d";
}

/** Whether values of a cell type are text (ST_Xstring escapes apply) rather than numbers. */
export function isTextType(t: string): boolean {
  return t === "str" || t === "inlineStr" || t === "e" || t === "d" || (t !== "n" && t !== "s" && t !== "b");
}
