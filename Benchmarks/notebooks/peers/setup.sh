#!/usr/bin/env bash
# Copied from /work/shared/bench/peers/setup.sh (the project's peer-benchmark kit, measured before
# the project started; see Benchmarks/notebooks/README.md). Changes from the original, all so that
# it serves only Benchmarks/notebooks/bench_notebooks.py:
#   - copies only the two lessons kept here (day03_cnn.md, trivial.md), not the other kit scripts;
#   - skips gen_markdown.py (the Markdown corpus belongs to `make bench-markdown`);
#   - installs cmark with apt only when the `cmark` CLI is missing.
# Installs the peer tools (Jupyter nbconvert, nbclient, jupytext, papermill, the cmark CLI) in a
# writable work folder, with the equivalent Day 03 lesson, converted and executed once.
# Usage: setup.sh [WORKDIR]   (default: ./.build-peers; keep it out of git)
set -eu
src=$(cd "$(dirname "$0")" && pwd)
work=${1:-$PWD/.build-peers}
mkdir -p "$work"
cp "$src"/day03_cnn.md "$src"/trivial.md "$work"/
cd "$work"
if ! command -v cmark >/dev/null; then
  timeout 300 apt-get update >/dev/null
  timeout 300 apt-get install -y cmark >/dev/null                 # 0.30.2-6
fi
timeout 60 python3 -m venv --system-site-packages .venv            # reuses the system numpy/scipy
timeout 600 .venv/bin/pip install -q jupytext==1.19.6 nbconvert==7.17.2 nbclient==0.11.0 \
    ipykernel==7.4.0 matplotlib==3.11.2 papermill==2.7.0
export PATH="$PWD/.venv/bin:$PATH"
timeout 60 jupytext --to ipynb day03_cnn.md -o day03_cnn.ipynb
timeout 60 jupytext --to ipynb trivial.md -o trivial.ipynb
timeout 300 jupyter nbconvert --to notebook --execute day03_cnn.ipynb --output day03_cnn.executed.ipynb
echo "peer tools ready in $work"
