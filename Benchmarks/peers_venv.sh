#!/usr/bin/env bash
# Makes the Python venv of the benchmarks' live peers (PyTorch CPU, ONNX Runtime and onnx, NumPy
# with its OpenBLAS) at $1 (default .build/bench-venv), or reuses it. Prints the venv's python.
#
# Which torch: the CPU-only build (torch-…+cpu, ~220 MiB resident after import) is the fair peer of
# a CPU library. It comes from a local wheel when one is given ($TORCH_WHEEL, or /opt/wheels/torch-*+cpu-*
# for this Python), else from PyTorch's own index (https://download.pytorch.org/whl/cpu) when that
# host answers. Only then does it fall back to PyPI's `torch`, which on Linux x86-64 is the CUDA build
# (it pulls nvidia-* wheels, ~3 GB, and its import maps cuBLAS and cuDNN); the benchmark tables
# print torch.__version__, so a "+cpu" missing from it shows which one ran.
set -euo pipefail
venv=${1:-.build/bench-venv}
python=${PYTHON:-python3}
if [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2
  pip=("$venv/bin/pip" install -q --disable-pip-version-check)
  tag=$("$venv/bin/python" -c 'import sys; print(f"cp{sys.version_info.major}{sys.version_info.minor}")')
  wheel=${TORCH_WHEEL:-$(ls /opt/wheels/torch-*+cpu-"$tag"-*.whl 2>/dev/null | sort -V | tail -1 || true)}
  if [ -n "$wheel" ]; then
    echo "peers: torch from $wheel" >&2
    "${pip[@]}" "$wheel" >&2
  elif curl -fsI --max-time 10 https://download.pytorch.org/whl/cpu/ >/dev/null 2>&1; then
    echo "peers: torch (CPU build) from download.pytorch.org" >&2
    "${pip[@]}" torch --index-url https://download.pytorch.org/whl/cpu >&2
  else
    echo "peers: no CPU-only torch wheel and download.pytorch.org unreachable: PyPI's torch (the CUDA build)" >&2
    "${pip[@]}" torch >&2
  fi
  "${pip[@]}" numpy onnx onnxruntime >&2
  touch "$venv/.complete"
fi
echo "$venv/bin/python"
