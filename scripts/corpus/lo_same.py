#!/usr/bin/python3
"""Opens each input and its report copy in LibreOffice (headless, through UNO) and says whether
every sheet of the input shows the same cells (values and formulas as text) in the copy.

    /usr/bin/python3 scripts/corpus/lo_same.py input.xlsx copy.xlsx [input2 copy2 ...]

Prints one JSON object: {input: {"opens": [in, copy], "differs": [sheet names]}}.
"""
import json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "support"))
from lo_inspect import libreoffice  # one way of starting LibreOffice for the tests and this script


def cells(doc):
    out = {}
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        cur = sh.createCursor(); cur.gotoEndOfUsedArea(False)
        end = cur.RangeAddress
        rows = min(end.EndRow, 5000); cols = min(end.EndColumn, 200)
        out[sh.Name] = sh.getCellRangeByPosition(0, 0, cols, rows).getFormulaArray()
    return out


def main(paths):
    out = {}
    with libreoffice(port_base=2600) as open_doc:
        for a, b in zip(paths[0::2], paths[1::2]):
            seen = []
            for path in (a, b):
                try:
                    doc = open_doc(path)
                    seen.append(cells(doc) if doc else None)
                    if doc: doc.close(True)
                except Exception:
                    seen.append(None)
            before, after = seen
            differs = [] if before is None or after is None else [n for n in before if after.get(n) != before[n]]
            out[a] = {"opens": [before is not None, after is not None], "differs": differs}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
