#!/usr/bin/env bash
# Build the standalone Issue Reader, dist/issue-reader/ (PyInstaller, one folder), from this tree.
# Needs the bundle extra: .venv/bin/pip install -e ".[bundle]". DISTPATH and WORKPATH move the
# output and PyInstaller's work folder (default dist/ and build/pyinstaller/); PYTHON picks the
# interpreter (default .venv/bin/python). See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
dist=${DISTPATH:-dist}
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "${WORKPATH:-build/pyinstaller}" packaging/issue-reader.spec
# This Python build carries debug info in libpython and its extension modules (17 MB): only
# that goes. A full strip (PyInstaller's strip=True) breaks numpy's patched OpenBLAS.
if command -v strip >/dev/null; then
  find "$dist/issue-reader/_internal" -maxdepth 1 -name 'libpython3*.so*' -print0 |
    xargs -0 -r strip --strip-debug
  find "$dist/issue-reader/_internal" -path '*/lib-dynload/*.so' -print0 |
    xargs -0 -r strip --strip-debug
fi
echo "built $dist/issue-reader ($(du -sh "$dist/issue-reader" | cut -f1))"
