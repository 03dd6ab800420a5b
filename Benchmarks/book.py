"""A book of N lessons made from the real ones in Notebooks/, for the benchmarks that need many.

Each copy gets its lesson number in its title and headings, so no two lessons are the same text
(nor index the same words); the cells are the lessons' own, so a copy of Day 03 trains as it does.
"""
import os
import re
import shutil


def make_book(folder, lessons, sources="Notebooks"):
    """Writes `lessons` lessons into `folder` (emptied first); returns their paths in order."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    names = sorted(f for f in os.listdir(sources) if f.endswith(".md"))
    paths = []
    for number in range(lessons):
        name = names[number % len(names)]
        with open(os.path.join(sources, name), encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"^(#{1,6}) (.*)$", lambda m: f"{m.group(1)} {m.group(2)} ({number + 1})", text, flags=re.M)
        path = os.path.join(folder, f"lesson{number + 1:03d}-{name}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return paths
