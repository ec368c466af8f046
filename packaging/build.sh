#!/usr/bin/env bash
# Build the standalone Issue Reader, dist/issue-reader/ (PyInstaller, one folder), from this tree.
# Needs the bundle extra: .venv/bin/pip install -e ".[bundle]". Extra arguments go to PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$@" packaging/issue-reader.spec
# The Python build here carries debug info in libpython and its extension modules (17 MB).
# Only that goes: a full strip (PyInstaller's strip=True) breaks numpy's patched OpenBLAS.
if command -v strip >/dev/null; then
  find dist/issue-reader/_internal -maxdepth 1 -name 'libpython3*.so*' -print0 |
    xargs -0 -r strip --strip-debug
  find dist/issue-reader/_internal/python3* -path '*/lib-dynload/*.so' -print0 |
    xargs -0 -r strip --strip-debug
fi
echo "built dist/issue-reader ($(du -sh dist/issue-reader | cut -f1))"
