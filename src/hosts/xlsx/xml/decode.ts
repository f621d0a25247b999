/**
 * Decoding XML text and attribute values: the five predefined entities (XML 1.0 section 4.6),
 * character references (section 4.1), end-of-line handling (section 2.11) and attribute-value
 * normalisation (section 3.3.3). Any other entity reference is kept as literal text and reported,
 * never expanded: entities a DOCTYPE declares cost nothing.
 */
import { ELEMENT_NAME, isNameStart, isXmlChar } from "./chars";

function isEntityNameChar(c: number): boolean {
  return c >= 128 || (c < 128 && ELEMENT_NAME[c] === 0);
}

// Replacement text of the reference referenceEnd just read (module-level: no allocation).
export let refText = "";

/**
 * Reads the reference starting with the '&' at i. When it is a predefined entity or a
 * character reference, sets refText (U+FFFD for a reference to a non-Char, XML 1.0 section
 * 2.2) and returns the offset of its ';'. Otherwise returns -1 (the '&' stays literal). Adds a
 * message to `problems` for everything but a valid reference. Reads each character at most
 * once more than the caller, so decoding stays linear.
 */
export function referenceEnd(raw: string, i: number, problems: string[] | undefined): number {
  const n = raw.length;
  let j = i + 1;
  if (raw.charCodeAt(j) === 35) {
    // Character reference: &#DDDD; or &#xHHHH; (XML 1.0 section 4.1).
    j++;
    const hex = raw.charCodeAt(j) === 120;
    if (hex) j++;
    const ds = j;
    let cp = 0;
    for (; j < n; j++) {
      const d = raw.charCodeAt(j);
      let v: number;
      if (d >= 48 && d <= 57) v = d - 48;
      else if (hex && d >= 97 && d <= 102) v = d - 87;
      else if (hex && d >= 65 && d <= 70) v = d - 55;
      else break;
      if (cp <= 0x10ffff) cp = cp * (hex ? 16 : 10) + v; // beyond stays beyond, without overflow
    }
    if (j > ds && raw.charCodeAt(j) === 59) {
      if (isXmlChar(cp)) refText = String.fromCodePoint(cp);
      else {
        refText = "\uFFFD";
        problems?.push(
          `character reference ${raw.slice(i, j + 1)} is not a valid character; it was replaced by U+FFFD`,
        );
      }
      return j;
    }
    problems?.push(
      `malformed character reference ${raw.slice(i, Math.min(j + 1, i + 24))}; it was kept as literal text`,
    );
    return -1;
  }
  if (j < n && isNameStart(raw.charCodeAt(j))) {
    for (j++; j < n && isEntityNameChar(raw.charCodeAt(j)); j++);
    if (raw.charCodeAt(j) === 59) {
      const len = j - i - 1;
      const c = raw.charCodeAt(i + 1);
      let rep: string | undefined;
      const c2 = raw.charCodeAt(i + 2);
      if (len === 2 && c2 === 116)
        rep = c === 108 ? "<" : c === 103 ? ">" : undefined; // lt gt
      else if (len === 3 && c === 97 && c2 === 109 && raw.charCodeAt(i + 3) === 112) rep = "&";
      else if (len === 4 && c === 113 && c2 === 117 && raw.charCodeAt(i + 3) === 111 && raw.charCodeAt(i + 4) === 116)
        rep = '"';
      else if (len === 4 && c === 97 && c2 === 112 && raw.charCodeAt(i + 3) === 111 && raw.charCodeAt(i + 4) === 115)
        rep = "'";
      if (rep !== undefined) {
        refText = rep;
        return j;
      }
      problems?.push(
        `entity &${raw.slice(i + 1, j)}; is not one of the five entities XML predefines; it was kept as literal text (entities declared in a DOCTYPE are never expanded)`,
      );
      return -1;
    }
    problems?.push(
      `"&" does not start an entity or character reference (no ";" after &${raw.slice(i + 1, Math.min(j, i + 24))}); it was kept as literal text`,
    );
    return -1;
  }
  problems?.push(`"&" does not start an entity or character reference; it was kept as literal text`);
  return -1;
}

/**
 * Shared decoder. XML 1.0 section 2.11: a literal CR LF pair or lone CR becomes LF. In
 * attribute mode also section 3.3.3: literal tab, LF and CR (after the above) become spaces.
 * Section 4.1 character references and section 4.6 predefined entities are replaced; all
 * other entity references are kept literally (and reported), never expanded.
 */
export function decodeCore(raw: string, attr: boolean, problems: string[] | undefined): string {
  const n = raw.length;
  let i = raw.indexOf("&");
  if (!attr && raw.indexOf("\r") < 0) {
    // Element text without CR: only references to replace, found with indexOf.
    if (i < 0) return raw;
    let out = "";
    let last = 0;
    while (i >= 0) {
      const j = referenceEnd(raw, i, problems);
      if (j >= 0) {
        out += raw.slice(last, i) + refText;
        last = j + 1;
        i = raw.indexOf("&", last);
      } else i = raw.indexOf("&", i + 1);
    }
    return out + raw.slice(last);
  }
  i = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c === 13 || (attr && (c === 10 || c === 9))) break;
  }
  if (i === n) return raw;
  let out = raw.slice(0, i);
  let last = i;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 13) {
      out += raw.slice(last, i) + (attr ? " " : "\n");
      if (raw.charCodeAt(i + 1) === 10) i++;
      last = i + 1;
    } else if (attr && (c === 10 || c === 9)) {
      out += raw.slice(last, i) + " ";
      last = i + 1;
    } else if (c === 38) {
      const j = referenceEnd(raw, i, problems);
      if (j >= 0) {
        out += raw.slice(last, i) + refText;
        last = j + 1;
        i = j;
      }
    }
  }
  return out + raw.slice(last);
}

/**
 * Decodes character data: the five predefined entities (XML 1.0 section 4.6), decimal and
 * hexadecimal character references (section 4.1), and end-of-line handling (section 2.11:
 * literal CR LF and lone CR become LF; `&#13;` stays CR). A reference to a code point that
 * is not an XML Char (section 2.2: 0, surrogates D800-DFFF, U+FFFE, U+FFFF, above U+10FFFF,
 * C0 controls other than tab/LF/CR) becomes U+FFFD. Any other `&name;` (including entities a
 * DOCTYPE declares) and any stray `&` are kept literally. Each such case adds a plain-words
 * message to `problems`. Never throws.
 */
export function decodeXmlText(raw: string, problems?: string[]): string {
  return decodeCore(raw, false, problems);
}

/**
 * Decodes an attribute value like `decodeXmlText` and also applies attribute-value
 * normalisation (XML 1.0 section 3.3.3): literal tab, LF and CR become spaces, while
 * `&#9;`, `&#10;` and `&#13;` keep their characters. Never throws.
 */
export function decodeXmlAttr(raw: string, problems?: string[]): string {
  return decodeCore(raw, true, problems);
}

/** End-of-line handling for CDATA content (XML 1.0 section 2.11 applies to all text). */
export function normalizeEol(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}
