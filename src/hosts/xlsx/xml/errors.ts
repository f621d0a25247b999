/** The one error the XML layer throws: input that is not well-formed, with where. */

/** Thrown for input that is not well-formed XML. `offset` is a UTF-16 index into the input. */
export class XmlError extends Error {
  readonly offset: number;
  /** 1-based line of `offset` (0 when not known). */
  readonly line: number;
  /** 1-based column of `offset` in UTF-16 units (0 when not known). */
  readonly column: number;

  constructor(message: string, offset: number, line = 0, column = 0) {
    super(message);
    this.name = "XmlError";
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

/** Throws an XmlError at `offset`, with its line and column worked out from the text. */
export function fail(xml: string, offset: number, what: string): never {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf("\n"); i >= 0 && i < offset; i = xml.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = offset - lineStart + 1;
  throw new XmlError(`${what} (line ${line}, column ${column}, offset ${offset}).`, offset, line, column);
}
