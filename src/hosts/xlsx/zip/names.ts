/**
 * Entry names: CP437 unless flag bit 11 says UTF-8 (APPNOTE Appendix D), and the OPC canonical
 * part name two spellings of one part share (ECMA-376 Part 2, 6.2.2.3 and 9.1.1.1).
 */

/** Code page 437, bytes 0x80–0xFF (APPNOTE Appendix D). Bytes below 0x80 are ASCII. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐" +
  "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

export function decodeCp437(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  }
  return s;
}

export const utf8Decoder = new TextDecoder("utf-8");
export const utf8Encoder = new TextEncoder();

export function decodeName(bytes: Uint8Array, utf8: boolean): string {
  return utf8 ? utf8Decoder.decode(bytes) : decodeCp437(bytes);
}

export function decodeComment(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeCp437(bytes);
  }
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * The canonical form of a zip item name or part name, used to decide which entries are the
 * same part. Follows how Excel and ECMA-376 Part 2 resolve names: §9.1.1.1 maps a zip item
 * name to a part name by prefixing '/', and §6.2.2.3 compares part names as case-insensitive
 * ASCII strings. Readers also accept '\' separators and dot segments, so we do too:
 *  - backslashes become '/';
 *  - a leading '/' is dropped (the result has none);
 *  - '.' segments and empty segments ("a//b") are removed; '..' removes the previous segment
 *    (never climbing above the root, as in RFC 3986 remove_dot_segments);
 *  - ASCII letters are folded to lower case (non-ASCII letters are left alone, per §6.2.2.3);
 *  - a trailing '/' (a directory) is kept, so the folder "xl/" never equals a part "xl".
 * Percent-encoded characters are not decoded.
 */
export function canonicalPartName(name: string): string {
  // A name with a NUL is read by C libraries (Python's zipfile, minizip) up to the NUL: the same part.
  const nul = name.indexOf("\0");
  const s = (nul >= 0 ? name.slice(0, nul) : name).replace(/\\/g, "/");
  const out: string[] = [];
  for (const seg of s.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      out.pop();
      continue;
    }
    out.push(seg);
  }
  let c = out.join("/");
  if (s.endsWith("/") && c !== "") c += "/";
  return asciiLower(c);
}

/** A name written as a part name is: "/"-separated, no dot or empty segments, no leading "/". */
/** A Uint8Array from any realm (a page's frame, jsdom, a worker): instanceof alone would refuse those. */
export function isBytes(data: unknown): data is Uint8Array {
  return data instanceof Uint8Array || Object.prototype.toString.call(data) === "[object Uint8Array]";
}

export function isPlainName(name: string): boolean {
  return !/\\|(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\0/.test(name);
}

export function isDirectoryName(name: string): boolean {
  return name.endsWith("/") || name.endsWith("\\");
}
