/**
 * Escaping text for XML element content and attribute values (XML 1.0 sections 2.2, 2.11, 3.3.3),
 * so every output is well-formed whatever the input.
 */

function escapeCore(s: string, attr: boolean): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || c === 13 || c < 0x20 || c >= 0xd800 || (attr && c === 34)) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  let last = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 34 && attr) rep = "&quot;";
    else if (c === 13) rep = "&#13;";
    else if (c === 10) rep = attr ? "&#10;" : undefined;
    else if (c === 9) rep = attr ? "&#9;" : undefined;
    else if (c < 0x20 || c === 0xfffe || c === 0xffff) rep = "\uFFFD";
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = "\uFFFD";
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

/**
 * Escapes text for element content: `&`, `<`, `>`, and CR as `&#13;` (a literal CR would be
 * turned into LF by every XML reader, XML 1.0 section 2.11). Characters XML cannot carry at
 * all (section 2.2) and lone surrogates become U+FFFD so the output is always well-formed;
 * use `encodeOoxmlText` first to keep them in spreadsheet text.
 */
export function escapeXmlText(s: string): string {
  return escapeCore(s, false);
}

/**
 * Escapes text for a double-quoted attribute value: `&`, `<`, `>`, `"`, and tab, LF and CR
 * as `&#9;`, `&#10;`, `&#13;` so they survive attribute-value normalisation (XML 1.0 section
 * 3.3.3). Characters XML cannot carry and lone surrogates become U+FFFD.
 */
export function escapeXmlAttr(s: string): string {
  return escapeCore(s, true);
}

/** An attribute value, or element content that is not cell text (forbidden characters become U+FFFD). */
export function escapeXml(s: string): string {
  return escapeXmlAttr(s);
}
