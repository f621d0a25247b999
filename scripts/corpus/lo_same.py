#!/usr/bin/python3
"""Opens each input and its report copy in LibreOffice (headless, through UNO) and says whether
every sheet of the input shows the same cells (values and formulas as text) in the copy.

    /usr/bin/python3 scripts/corpus/lo_same.py input.xlsx copy.xlsx [input2 copy2 ...]

Prints one JSON object: {input: {"opens": [in, copy], "differs": [sheet names]}}.
"""
import json, os, subprocess, sys, tempfile, time, uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p


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
    port = 2600 + os.getpid() % 500
    profile = tempfile.mkdtemp(prefix="lo-same-")
    proc = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
                             f"--accept=socket,host=127.0.0.1,port={port};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {}
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"); break
            except Exception:
                time.sleep(0.25)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for a, b in zip(paths[0::2], paths[1::2]):
            seen = []
            for path in (a, b):
                try:
                    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
                    seen.append(cells(doc) if doc else None)
                    if doc: doc.close(True)
                except Exception:
                    seen.append(None)
            before, after = seen
            differs = [] if before is None or after is None else [n for n in before if after.get(n) != before[n]]
            out[a] = {"opens": [before is not None, after is not None], "differs": differs}
    finally:
        proc.terminate()
        try: proc.wait(10)
        except Exception: proc.kill()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
