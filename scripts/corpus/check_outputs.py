#!/usr/bin/env python3
"""Second half of the corpus run (run.ts): checks every report copy with tools that are not ours.

- the zip opens and every entry's CRC is right (Python's zipfile);
- every XML part is well-formed with namespaces (expat: unbound prefixes, repeated attributes);
- every part of the user's is in the copy byte for byte, except the parts the writer is
  documented to edit (docs/xlsx-host.md): the workbook part, its relationships, the content
  types, the styles, and tabSelected on the sheet that was active;
- with --lo LIST, LibreOffice opens the input and the copy of each listed file, and every sheet of
  the input shows the same cells in the copy.
Prints a summary table and exits 1 on any problem.
"""
import json, os, re, subprocess, sys, zipfile
import xml.parsers.expat

EDITED = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"}


def rel_targets(original, rels, base, kind):
    """Targets of the relationships of one type in a .rels part, as part names."""
    data = original.get(rels)
    if data is None:
        return []
    out = []
    for m in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", data):
        t = re.search(rb'\sType="([^"]*)"', m.group(0))
        g = re.search(rb'\sTarget="([^"]*)"', m.group(0))
        if t and g and t.group(1).decode("utf-8", "replace").endswith("/" + kind):
            target = g.group(1).decode("utf-8", "replace")
            out.append(norm(os.path.normpath(os.path.join(base, target)).replace(os.sep, "/") if not target.startswith("/") else target))
    return out


def edited_parts(original):
    """The parts the writer edits (docs/xlsx-host.md), wherever this package keeps them: the
    workbook part named by _rels/.rels (SheetJS's wtf_path.xlsx keeps it in wtf/), its
    relationships, its styles and the content types."""
    edited = {e.lower() for e in EDITED}
    for wb in rel_targets(original, "_rels/.rels", "", "officeDocument"):
        folder, name = os.path.split(wb)
        rels = (folder + "/" if folder else "") + "_rels/" + name + ".rels"
        edited |= {wb.lower(), rels.lower()}
        edited |= {s.lower() for s in rel_targets(original, rels, folder, "styles")}
    return edited


def well_formed(data):
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    try:
        p.Parse(data, True)
        return None
    except xml.parsers.expat.ExpatError as e:
        return str(e)


def norm(name):
    return name.replace("\\", "/").lstrip("/")


def check(o):
    problems = []
    try:
        out = zipfile.ZipFile(o["output"])
        bad = out.testzip()
        if bad:
            problems.append("CRC wrong in " + bad)
    except Exception as e:
        return ["copy is not a zip: %s" % e]
    try:
        src = zipfile.ZipFile(o["file"])
        original = {norm(i.filename): src.read(i.filename) for i in src.infolist()}
    except Exception:
        src, original = None, {}  # an input Python cannot open (the reader tolerated it)
    for info in out.infolist():
        n = info.filename
        # Parts copied unchanged are the user's (some carry a DTD expat declines to expand); the rest are ours.
        if (n.endswith(".xml") or n.endswith(".rels")) and original.get(norm(n)) != out.read(n):
            err = well_formed(out.read(n))
            if err:
                problems.append("%s not well-formed: %s" % (n, err))
    if src is None:
        return problems
    names = {norm(i.filename).lower(): i.filename for i in out.infolist()}
    edited = edited_parts(original)
    for info in src.infolist():
        n = norm(info.filename)
        if n.endswith("/") or n.lower() in edited or ".." in n:
            continue
        match = names.get(n.lower())
        if match is None:
            problems.append("user part missing: " + n)
            continue
        a, b = src.read(info.filename), out.read(match)
        if a != b:
            a2 = re.sub(rb'\stabSelected="[^"]*"', b"", a)
            b2 = re.sub(rb'\stabSelected="[^"]*"', b"", b)
            if a2 != b2:
                problems.append("user part changed: " + n)
    return problems


def lo_same(pairs):
    """LibreOffice's view of each input and its copy (lo_same.py, one LibreOffice for all)."""
    args = ["/usr/bin/python3", os.path.join(os.path.dirname(os.path.abspath(__file__)), "lo_same.py")]
    for a, b in pairs:
        args += [a, b]
    r = subprocess.run(args, capture_output=True, timeout=1800)
    return json.loads(r.stdout or b"{}")


def main():
    outcomes = json.load(open(sys.argv[1]))
    curated = []
    if "--lo" in sys.argv:
        lst = sys.argv[sys.argv.index("--lo") + 1]
        root = os.path.dirname(os.path.abspath(lst))
        curated = [os.path.join(root, l.split("\t")[0].strip()) for l in open(lst) if l.strip() and not l.startswith("#")]
    failures = 0
    by = {}
    for o in outcomes:
        corpus = os.path.basename(os.path.dirname(o["file"]))
        s = by.setdefault(corpus, {"files": 0, "read": 0, "read refused": 0, "written": 0, "report refused": 0,
                                   "crash": 0, "input changed": 0, "bad output": 0, "unreadable cells": 0})
        s["files"] += 1
        s["read" if o["read"] == "ok" else "read refused" if o["read"] == "refused" else "crash"] += 1
        if o["report"] == "written":
            s["written"] += 1
        elif o["report"] == "refused":
            s["report refused"] += 1
            print("REFUSED %s: %s" % (o["file"], o.get("message")))
        elif o["report"] == "crash":
            s["crash"] += 1
        if o["read"] == "refused":
            print("READ REFUSED %s: %s" % (o["file"], o.get("message")))
        if o["read"] == "crash" or o["report"] == "crash":
            failures += 1
            print("CRASH %s: %s" % (o["file"], o.get("message")))
        if not o["inputUnchanged"]:
            s["input changed"] += 1
            failures += 1
        s["unreadable cells"] += o["unreadableCells"]
        if o.get("output"):
            p = check(o)
            if p:
                s["bad output"] += 1
                failures += 1
                print("BAD OUTPUT %s:\n  %s" % (o["file"], "\n  ".join(p[:5])))
    lo = {"tried": 0, "input opens": 0, "copy opens": 0, "same": 0}
    pairs = []
    for f in curated:
        o = next((x for x in outcomes if os.path.abspath(x["file"]) == os.path.abspath(f)), None)
        if o and o.get("output"):
            pairs.append((o["file"], o["output"]))
    seen = lo_same(pairs) if pairs else {}
    for a, _ in pairs:
        r = seen.get(a, {"opens": [False, False], "differs": []})
        lo["tried"] += 1
        lo["input opens"] += r["opens"][0]
        lo["copy opens"] += r["opens"][1]
        if not r["opens"][0]:
            print("LIBREOFFICE does not open the input either: " + a)
        if r["opens"][0] and not r["opens"][1]:
            failures += 1
            print("LIBREOFFICE opens the input but not the copy: " + a)
        elif r["differs"]:
            failures += 1
            print("LIBREOFFICE shows different cells in the copy: %s (sheets %s)" % (a, ", ".join(r["differs"])))
        elif r["opens"][1]:
            lo["same"] += 1
    cols = ["files", "read", "read refused", "written", "report refused", "crash", "input changed", "bad output", "unreadable cells"]
    print("| corpus | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for k, s in sorted(by.items()):
        print("| %s | %s |" % (k, " | ".join(str(s[c]) for c in cols)))
    if curated:
        print("LibreOffice, curated list: %(tried)d tried, input opens %(input opens)d, copy opens %(copy opens)d, user's sheets the same %(same)d" % lo)
    print("%d problems" % failures)
    sys.exit(1 if failures else 0)


main()
