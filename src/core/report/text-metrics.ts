/**
 * How wide text is in the report's font, measured: the advance widths of Calibri (the report's
 * font, Excel's default), in thousandths of an em, read from Carlito's hmtx table — Carlito is the
 * metric-compatible substitute for Calibri (same advance widths, made for exactly this; Debian's
 * fonts-crosextra-carlito, which LibreOffice uses for Calibri). Characters not listed take the
 * width of a lowercase "n". The layout wraps each cell's text on these widths to give every
 * written row the height its text needs.
 */
const CHARS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a3\u2013\u2014\u2019\u2018\u201c\u201d\u00d7\u2022\u2192\u2191\u2193\u00b7\u00e9\u00e8\u00e0\u2026";
const REGULAR = [
  226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507,
  507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855,
  646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525,
  498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314,
  460, 314, 498, 507, 498, 905, 250, 250, 418, 418, 498, 498, 905, 905, 905, 252, 498, 498, 479, 690,
];
const BOLD = [
  226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507,
  507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874,
  659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537,
  503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344,
  475, 344, 498, 507, 498, 905, 258, 258, 435, 435, 498, 498, 905, 905, 905, 268, 503, 503, 494, 711,
];

const index = new Map<number, number>();
for (let i = 0; i < CHARS.length; i++) index.set(CHARS.charCodeAt(i), i);

/** Where "n" is in the tables: the width of a character not in them. */
const N_INDEX = CHARS.indexOf("n");

/** The width of text in points at a font size, regular or bold. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  const fallback = table[N_INDEX];
  let units = 0;
  for (let i = 0; i < text.length; i++) units += table[index.get(text.charCodeAt(i)) ?? -1] ?? fallback;
  return (units / 1000) * sizePt;
}

/**
 * Lines a text takes in a cell this many points wide, wrapped as a spreadsheet wraps it: at spaces,
 * a word longer than the line broken where it overflows, each line break in the text kept.
 */
export function wrappedLines(text: string, widthPt: number, sizePt: number, bold = false): number {
  const space = textWidth(" ", sizePt, bold);
  let lines = 0;
  for (const para of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of para.split(" ")) {
      let w = textWidth(word, sizePt, bold);
      const need = used === 0 ? w : used + space + w;
      if (need <= widthPt) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line runs onto as many lines as it fills.
      while (w > widthPt) {
        lines++;
        w -= widthPt;
      }
      used = w;
    }
  }
  return lines;
}
