"""The author's loop on a book of 100 lessons: builds through the cell cache, and `kernelbook serve`'s
time from saving a file to the open page receiving its reload event.

Makes 100 lessons from Notebooks/ (Benchmarks/book.py) in .build/bench-serve (kept out of git) and
times, with the given kernelbook binary (a release build by default):
  - a cold build (empty cell cache), a warm rebuild with nothing changed, a rebuild after a prose
    edit, and one after a one-cell edit (a statement added to the last cell of a Day 03 copy);
  - `kernelbook serve`: the time from writing a prose edit to the reload event arriving on the page's
    event stream, over --edits edits (median, p95).
Targets (issue 13): a prose edit reloads within 100 ms p95; a warm rebuild of 100 unchanged
notebooks under 1 s on 2 cores. mdBook's watcher waits ~2 s before it rebuilds (mdBook #2159).

usage: python3 Benchmarks/serve/bench_serve.py [--kernelbook .build/release/kernelbook] [--lessons 100] [--edits 20]
"""
import argparse
import http.client
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from book import make_book  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--kernelbook", default=".build/release/kernelbook")
parser.add_argument("--lessons", type=int, default=100)
parser.add_argument("--edits", type=int, default=20)
parser.add_argument("--runs", type=int, default=3)
args = parser.parse_args()

kernelbook = os.path.abspath(args.kernelbook)
root = os.path.abspath(os.path.join(".build", "bench-serve"))
shutil.rmtree(root, ignore_errors=True)
paths = make_book(os.path.join(root, "Notebooks"), args.lessons)
prose_lesson = paths[0]
cell_lesson = next(p for p in paths if "day03" in p)


def build():
    """Seconds for one `kernelbook build Notebooks -o Site` in the book's folder."""
    start = time.perf_counter()
    subprocess.run([kernelbook, "build", "Notebooks", "-o", "Site"], cwd=root, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def edit_prose(path, number):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\n\n(?!```)([A-Z][^\n]*)\n", lambda m: f"\n\n{m.group(1)} Edit {number}.\n", text, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def edit_last_cell(path, number):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    end = text.index("\n```", text.rindex("```swift") + 8)  # the fence that closes the last cell
    text = text[:end] + f"\nlet benchEdit{number} = {number}" + text[end:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def median_range(values, digits):
    m = statistics.median(values)
    return f"{m:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


rows = []
shutil.rmtree(os.path.join(root, ".kernelbook-cache"), ignore_errors=True)
cold = build()
rows.append(("cold build (empty cell cache)", f"{cold:.2f} s"))
warm = [build() for _ in range(args.runs)]
rows.append(("warm rebuild, nothing changed", f"{median_range(warm, 3)} s"))
prose = []
for run in range(args.runs):
    edit_prose(prose_lesson, 1000 + run)
    prose.append(build())
rows.append(("rebuild after a prose edit", f"{median_range(prose, 3)} s"))
cell = []
for run in range(args.runs):
    edit_last_cell(cell_lesson, run)
    cell.append(build())
rows.append(("rebuild after a one-cell edit", f"{median_range(cell, 3)} s"))

# serve: save → reload event on the page's stream.
server = subprocess.Popen([kernelbook, "serve", "Notebooks", "--port", "0"], cwd=root,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = server.stdout.readline()
port = int(re.search(r":([0-9]+)/", line).group(1))
events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
events.request("GET", "/__kernelbook/events")
stream = events.getresponse()
assert stream.readline().startswith(b": connected")
latencies = []
for number in range(args.edits):
    time.sleep(0.3)
    start = time.perf_counter()
    edit_prose(prose_lesson, 2000 + number)
    while not stream.readline().startswith(b"event: reload"):
        pass
    latencies.append((time.perf_counter() - start) * 1000)
server.terminate()
server.wait()
latencies.sort()
p95 = latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))]
rows.append((f"serve: save → reload event, prose edit ({args.edits} edits)",
             f"median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms"))
mdbook = shutil.which("mdbook")
rows.append(("mdBook serve: save → rebuild starts",
             "~2 s debounce (mdBook #2159)" + ("" if mdbook else "; mdbook is not installed here (not in Debian)")))

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"{args.lessons} lessons, {time.strftime('%Y-%m-%d')}, {cpu}, {os.cpu_count()} cores, "
      f"load {os.getloadavg()[0]:.2f}, {os.path.relpath(kernelbook)}\n")
print("| step | time |")
print("| --- | --- |")
for name, value in rows:
    print(f"| {name} | {value} |")
