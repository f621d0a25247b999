#!/usr/bin/python3
"""Opens .xlsx files in LibreOffice (headless, through UNO) and prints, as JSON, what a real
client sees on each sheet: charts (title and type), images, pivot tables and named ranges.

    /usr/bin/python3 test/support/lo_inspect.py a.xlsx [b.xlsx ...]
"""
import contextlib, json, os, subprocess, sys, tempfile, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

@contextlib.contextmanager
def libreoffice(port_base=2100):
    """A headless LibreOffice of its own (a fresh profile), yielding a function that opens a file read-only."""
    port = port_base + os.getpid() % 500
    profile = tempfile.mkdtemp(prefix="lo-inspect-")
    proc = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
                             f"--accept=socket,host=127.0.0.1,port={port};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
        yield lambda path: desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    finally:
        proc.terminate()
        try: proc.wait(10)
        except Exception: proc.kill()

def main(paths):
    out = {}
    with libreoffice() as open_doc:
        for path in paths:
            doc = open_doc(path)
            sheets = {}
            for i in range(doc.Sheets.Count):
                sh = doc.Sheets.getByIndex(i)
                charts = []
                for name in sh.Charts.ElementNames:
                    emb = sh.Charts.getByName(name).EmbeddedObject
                    diagram = emb.Diagram
                    kind = diagram.DiagramType.split(".")[-1]
                    if getattr(diagram, "Stacked", False): kind += "/stacked"
                    if getattr(diagram, "Vertical", False): kind += "/horizontal"
                    title = emb.Title.String if emb.HasMainTitle else ""
                    charts.append({"title": title, "type": kind})
                images = sum(1 for k in range(sh.DrawPage.Count) if sh.DrawPage.getByIndex(k).ShapeType == "com.sun.star.drawing.GraphicObjectShape")
                pivots = list(sh.DataPilotTables.ElementNames)
                sheets[sh.Name] = {"charts": charts, "images": images, "pivots": pivots}
            out[path] = {"sheets": sheets, "names": list(doc.NamedRanges.ElementNames)}
            doc.close(True)
    print(json.dumps(out))

if __name__ == "__main__":
    main(sys.argv[1:])
