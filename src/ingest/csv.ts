import type { CellValue } from "../model/cell";
import type { SheetSnapshot } from "../model/snapshot";

/**
 * A CSV file as one sheet (RFC 4180: quoted fields with doubled quotes, line breaks inside quotes,
 * CRLF or LF). The separator is the one the header line uses most outside quotes: comma,
 * semicolon (Excel's in locales whose decimal mark is a comma) or tab. Whole numbers and decimals
 * become numbers, as Excel opens them — except those with a leading zero (an ID such as 007 stays
 * text); everything else stays text for the typed readers (dates, money, percentages).
 */
export function parseCsv(text: string, sheetName: string): SheetSnapshot {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = separatorOf(body);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(cellOf(field, wasQuoted));
    field = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (row.some((v) => v !== null)) rows.push(row);
    else rows.push([]);
    row = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || row.length) endRow();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return { name: sheetName, top: 0, left: 0, rows };
}

function separatorOf(text: string): string {
  const line = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  let best = ",";
  let most = -1;
  for (const sep of [",", ";", "\t"]) {
    let n = 0;
    let q = false;
    for (const ch of line) {
      if (ch === '"') q = !q;
      else if (!q && ch === sep) n++;
    }
    if (n > most) {
      most = n;
      best = sep;
    }
  }
  return best;
}

function cellOf(raw: string, quoted: boolean): CellValue {
  if (!quoted && raw.trim() === "") return null;
  if (quoted) return raw;
  const t = raw.trim();
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  return raw;
}

/** A sheet name from a file name: its base, without the extension, within Excel's rules for names. */
export function sheetNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const clean = base.replace(/[\\/?*[\]:]/g, "-").trim() || "Data";
  return [...clean].slice(0, 31).join("");
}
