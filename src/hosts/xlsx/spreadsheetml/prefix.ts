/**
 * The prefix a part writes its SpreadsheetML elements with, for the readers' shortcuts, which
 * expect a row's cells (or a table's items) written with the same prefix as the row (or table).
 */
import { isWs } from "../xml/chars";
import { matches } from "./kinds";

/** The element-name prefix of a row or a table (with its colon; "" for none), matched by offset. */
export class Prefix {
  text = "";
  length = 0;
  private first = 0;

  /** Takes the prefix of the element name at [nameStart, colon) (colon -1: no prefix). */
  set(xml: string, nameStart: number, colon: number): void {
    this.text = colon < 0 ? "" : xml.slice(nameStart, colon + 1);
    this.length = this.text.length;
    this.first = this.text.charCodeAt(0);
  }

  /** Whether the prefix is at pos (always true without one). */
  at(xml: string, pos: number): boolean {
    const len = this.length;
    return (
      len === 0 ||
      (xml.charCodeAt(pos) === this.first &&
        (len === 2 ? xml.charCodeAt(pos + 1) === 58 : matches(xml, pos, this.text)))
    );
  }
}

/**
 * Whether `</` + prefix + a one- or two-letter name (character codes a, then b unless 0) + `>`
 * follows pos, after any whitespace: the offset after it, or -1.
 */
export function closeTag(xml: string, pos: number, p: Prefix, a: number, b = 0): number {
  let ch: number;
  while (isWs((ch = xml.charCodeAt(pos)))) pos++;
  if (ch !== 60 || xml.charCodeAt(pos + 1) !== 47 || !p.at(xml, pos + 2)) return -1;
  let k = pos + 2 + p.length;
  if (xml.charCodeAt(k) !== a) return -1;
  if (b !== 0 && xml.charCodeAt(++k) !== b) return -1;
  return xml.charCodeAt(k + 1) === 62 ? k + 2 : -1;
}
