/**
 * ST_Xstring text (ECMA-376 Part 1, 22.9.2.19): Excel's `_xHHHH_` escapes for the code units XML
 * cannot carry, decoded on reading and written on writing, so cell text makes the round trip.
 */
import { isForbiddenUnit } from "../xml/chars";
import { decodeCore } from "../xml/decode";
import { escapeXmlText } from "../xml/encode";

// In Unicode mode a paired surrogate is one code point, so this class matches lone ones only.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

function hexUnit(s: string, i: number): number {
  let v = 0;
  for (let k = i; k < i + 4; k++) {
    const d = s.charCodeAt(k);
    if (d >= 48 && d <= 57) v = v * 16 + d - 48;
    else if (d >= 65 && d <= 70) v = v * 16 + d - 55;
    else if (d >= 97 && d <= 102) v = v * 16 + d - 87;
    else return -1;
  }
  return v;
}

function replaceLoneSurrogates(s: string, problems: string[] | undefined): string {
  return s.replace(LONE_SURROGATES, (m) => {
    const hex = m.charCodeAt(0).toString(16).toUpperCase();
    problems?.push(
      `lone surrogate U+${hex} (half of a UTF-16 pair, for example from an _x${hex}_ escape) is not a character; it was replaced by U+FFFD`,
    );
    return "\uFFFD";
  });
}

/**
 * Applies Excel's escapes for ST_Xstring text (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): `_x`
 * followed by exactly four hex digits and `_` stands for that UTF-16 code unit. Escapes are
 * decoded left to right without re-reading decoded text, so `_x005F_` (an escaped underscore)
 * in `_x005F_x0041_` yields the literal text `_x0041_`. Afterwards any lone surrogate (a high
 * surrogate without a following low one, or a low one without a preceding high one) becomes
 * U+FFFD with a message in `problems`. Escapes of two halves that pair up (`_xD83D__xDE00_`)
 * make the astral character. Never throws.
 */
export function decodeOoxmlEscapes(s: string, problems?: string[]): string {
  let i = s.indexOf("_x");
  if (i < 0) return LONE_SURROGATE.test(s) ? replaceLoneSurrogates(s, problems) : s;
  let out = "";
  let last = 0;
  while (i >= 0) {
    if (s.charCodeAt(i + 6) === 95) {
      const unit = hexUnit(s, i + 2);
      if (unit >= 0) {
        out += s.slice(last, i) + String.fromCharCode(unit);
        last = i + 7;
        i = s.indexOf("_x", last);
        continue;
      }
    }
    i = s.indexOf("_x", i + 1);
  }
  out += s.slice(last);
  return LONE_SURROGATE.test(out) ? replaceLoneSurrogates(out, problems) : out;
}

/** Decoding used by the fast readers: skips work when the markers are absent. */
export function decodeValue(raw: string, ooxml: boolean, problems: string[]): string {
  let s = raw;
  if (s.indexOf("&") >= 0 || s.indexOf("\r") >= 0) s = decodeCore(s, false, problems);
  if (ooxml && s.indexOf("_x") >= 0) s = decodeOoxmlEscapes(s, problems);
  return s;
}

const HEX = "0123456789ABCDEF";
function unitEscape(c: number): string {
  return "_x" + HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15] + "_";
}

/**
 * Makes text safe for a worksheet or shared-string `<t>` / `<v>` element such that Excel
 * decodes it back to the original (ECMA-376 Part 1, 22.9.2.19 ST_Xstring):
 * - each code unit XML 1.0 forbids (section 2.2: U+0000-U+0008, U+000B, U+000C,
 *   U+000E-U+001F, U+FFFE, U+FFFF) is written `_xHHHH_` with uppercase hex;
 * - an underscore that would otherwise be read as the start of an escape is written
 *   `_x005F_`: one that starts a literal `_xHHHH_` already in the text, and also one that
 *   starts `_xHHHH` followed by a character this function escapes (whose `_x...` output
 *   would complete the pattern);
 * - a lone surrogate becomes U+FFFD and adds a message to `problems`.
 * Tab, LF and CR are kept. The result is not yet XML-escaped: pass it to `escapeXmlText`.
 * `decodeOoxmlEscapes(encodeOoxmlText(s).text) === s` for every s without lone surrogates.
 */
export function encodeOoxmlText(s: string): { text: string; changed: boolean; problems: string[] } {
  const problems: string[] = [];
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 || c < 0x20 || c >= 0xd800) break;
  }
  if (i === n) return { text: s, changed: false, problems };
  let out = s.slice(0, i);
  let last = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 95) {
      if (s.charCodeAt(i + 1) === 120 && hexUnit(s, i + 2) >= 0) {
        const after = s.charCodeAt(i + 6);
        if (after === 95 || (i + 6 < n && isForbiddenUnit(after))) rep = "_x005F_";
      }
    } else if (isForbiddenUnit(c)) rep = unitEscape(c);
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
      else {
        rep = "\uFFFD";
        problems.push(
          `lone surrogate U+${c.toString(16).toUpperCase()} at position ${i} is not a character; it was replaced by U+FFFD`,
        );
      }
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  const text = out + s.slice(last);
  return { text, changed: text !== s, problems };
}

/**
 * Cell text (a `<t>`, a chart cache's `<c:v>`): ST_Xstring's `_xHHHH_` escapes for what XML cannot
 * hold, `_x005F_` before a literal escape, then XML escaping, so Excel reads back exactly `s`.
 */
export function xstringXml(s: string): string {
  return escapeXmlText(encodeOoxmlText(s).text);
}
