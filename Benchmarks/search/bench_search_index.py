"""The size of the site's search index for a book of 100 lessons (the budget: at most 1 MB).

Makes 100 lessons from the real ones in Notebooks/ (Benchmarks/book.py),
builds the site with the kernelbook binary, and prints the index's size, raw and gzipped, beside
the size of the pages and notebooks. Everything goes to .build/bench-search (kept out of git).

usage: python3 Benchmarks/search/bench_search_index.py [--lessons 100] [--kernelbook .build/debug/kernelbook]
"""
import argparse
import gzip
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from book import make_book  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--lessons", type=int, default=100)
parser.add_argument("--kernelbook", default=".build/debug/kernelbook")
args = parser.parse_args()

root = os.path.join(".build", "bench-search")
book = os.path.join(root, "Notebooks")
make_book(book, args.lessons)

site = os.path.join(root, "Site")
subprocess.run([args.kernelbook, "build", book, "-o", site], check=True, stderr=subprocess.DEVNULL)


def size(path):
    return os.path.getsize(os.path.join(site, path))


files = os.listdir(site)
index = os.path.join(site, "assets", "search-index.js")
with open(index, "rb") as f:
    raw = f.read()
entries = raw.count(b"\n[")
print(f"{'lessons':<28}{args.lessons:>12}")
print(f"{'index entries':<28}{entries:>12}")
print(f"{'search-index.js':<28}{len(raw):>12,} bytes  ({len(raw) / 1e6:.3f} MB, budget 1 MB)")
print(f"{'search-index.js gzipped':<28}{len(gzip.compress(raw, 9)):>12,} bytes")
print(f"{'search.js':<28}{size('assets/search.js'):>12,} bytes")
print(f"{'pages (.html)':<28}{sum(size(f) for f in files if f.endswith('.html')):>12,} bytes")
print(f"{'notebooks (.ipynb)':<28}{sum(size(f) for f in files if f.endswith('.ipynb')):>12,} bytes")
