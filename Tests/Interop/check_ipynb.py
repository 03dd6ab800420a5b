"""Checks exported notebooks with Jupyter's own tools.

For each .ipynb given: nbformat reads it and validates it against the nbformat 4.5 schema, and
nbformat writes it back to the same bytes (the export is in Jupyter's canonical form). Then
`jupyter nbconvert --to html` (no execution) converts them all into OUT_DIR.
Prints one line per notebook, `ok NAME` or `FAIL NAME: reason`; exits 1 on any failure.

usage: check_ipynb.py OUT_DIR NOTEBOOK.ipynb...
"""
import os
import subprocess
import sys

import nbformat


def main():
    out_dir, paths = sys.argv[1], sys.argv[2:]
    failed = False
    for path in paths:
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            nb = nbformat.reads(text, as_version=4)
            nbformat.validate(nb)
            if (nb.nbformat, nb.nbformat_minor) != (4, 5):
                raise ValueError(f"nbformat {nb.nbformat}.{nb.nbformat_minor}, not 4.5")
            again = nbformat.writes(nb) + "\n"
            if again != text:
                raise ValueError("nbformat writes it differently (not canonical)")
            print(f"ok {name}")
        except Exception as error:  # report every notebook, then fail
            failed = True
            print(f"FAIL {name}: {type(error).__name__}: {str(error)[:500]}")
    jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
    result = subprocess.run([jupyter, "nbconvert", "--to", "html", "--output-dir", out_dir, *paths],
                            capture_output=True, text=True)
    if result.returncode != 0:
        failed = True
        print(f"FAIL nbconvert: {result.stderr[-2000:]}")
    else:
        print("ok nbconvert")
    sys.exit(1 if failed else 0)


main()
