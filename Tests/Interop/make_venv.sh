#!/usr/bin/env bash
# Creates (or reuses) the venv of the interoperability tests: VENV (default .build/interop-venv)
# with the pinned packages of requirements.txt beside this script, from PyPI. Reinstalls when the
# requirements change. Prints the venv's python.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-.build/interop-venv}"
if ! cmp -s "$here/requirements.txt" "$venv/requirements.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
  cp "$here/requirements.txt" "$venv/requirements.txt"
fi
echo "$venv/bin/python"
