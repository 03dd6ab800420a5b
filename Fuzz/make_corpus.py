#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus, Fuzz/Corpus/<target>/, from the lessons and the test fixtures.

markdown: every lesson and Markdown fixture; cells: every ```swift cell of them; interpreter: each
cell, and each lesson's cells in order;
options: the cells' leading //| lines; png and npy: the Datasets test fixtures. Run from anywhere;
it replaces the folders it writes.
"""
import pathlib
import re
import shutil

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "Fuzz" / "Corpus"
notebooks = sorted(root.glob("Notebooks/*.md")) + [root / "Tests/kernelbookTests/Fixtures/README.md"]
fixtures = root / "Tests/DatasetsTests/Fixtures"
cell = re.compile(r"^```swift[^\n]*\n(.*?)^```", re.S | re.M)


def write(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())


for target in ["markdown", "cells", "interpreter", "options", "png", "npy"]:
    shutil.rmtree(corpus / target, ignore_errors=True)
for path in notebooks:
    text = path.read_text()
    write("markdown", path.name, text)
    cells = cell.findall(text)
    for index, code in enumerate(cells):
        name = f"{path.stem}-{index:02}.swift"
        write("cells", name, code)
        options = "".join(line for line in code.splitlines(True) if line.lstrip().startswith("//|"))
        if options:
            write("options", name, options + "let x = 1\n")
    # The interpreter's seeds are the lesson's cells in order, one kernel for all (`// ---` splits).
    write("interpreter", f"{path.stem}.swift", "\n// ---\n".join(cells))
    for index, code in enumerate(cells):
        write("interpreter", f"{path.stem}-{index:02}.swift", code)
for kind in ["png", "npy"]:
    for path in sorted((fixtures / kind).iterdir()):
        write(kind, path.name, path.read_bytes())
