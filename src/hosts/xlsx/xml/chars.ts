/** Characters (XML 1.0 section 2.2) and the ASCII name tables the tokenizer scans with. */

/**
 * XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]. Everything else (C0 controls other than tab/LF/CR, surrogates,
 * U+FFFE, U+FFFF, beyond U+10FFFF) can appear neither literally nor as a character reference.
 */
export function isXmlChar(cp: number): boolean {
  return cp >= 0x20
    ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
    : cp === 0x9 || cp === 0xa || cp === 0xd;
}

/** A UTF-16 code unit XML forbids that OOXML writes as `_xHHHH_` (surrogates handled apart). */
export function isForbiddenUnit(c: number): boolean {
  return c < 0x20 ? c !== 0x9 && c !== 0xa && c !== 0xd : c === 0xfffe || c === 0xffff;
}

export function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

// Name scanning tables for ASCII: 0 = name character, 1 = ends the name, 2 = not allowed here.
export const ELEMENT_NAME = new Uint8Array(128).fill(2);
export const ATTR_NAME = new Uint8Array(128).fill(2);
for (let c = 0; c < 128; c++) {
  const nameChar =
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 45 ||
    c === 95 ||
    c === 58;
  if (nameChar) ELEMENT_NAME[c] = ATTR_NAME[c] = 0;
}
for (const c of [9, 10, 13, 32, 47, 62]) ELEMENT_NAME[c] = 1; // whitespace, '/', '>'
for (const c of [9, 10, 13, 32, 61]) ATTR_NAME[c] = 1; // whitespace, '='

export function isNameStart(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
}
