"""Screenshots of the trends view over a mixed archive from 1813 to 2022, in English and Chinese.

The archive is put together in a temporary folder from the ../shared samples (the 1813 Delpher
issue, the 1946 People's Daily, the 2022 seed) and two years of generated issues; the window
searches 人民 and compares 供热 and ``de``. Writes ``docs/reader-trends.png`` and
``docs/zh/trends.png`` (and, with ``--dark``, ``reader-trends-dark.png`` into ``--out``).

    .venv/bin/python -m benchmarks.screenshots_trends [--out docs] [--dark]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.screenshots import REPO, shown_window

SHARED = REPO.parent / "shared"
SAMPLES = ("samples/kb-delpher-didl-1813", "samples/rmrb-1946-05-15", "seed")


def mixed_archive(folder: Path) -> Path:
    """The samples and two generated years in one folder (the samples must be there)."""
    from tests.generator.generate import generate

    for name in SAMPLES:
        shutil.copytree(SHARED / name, folder / Path(name).name)
    generate(folder / "generated", issues=2 * 208, articles=2)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--dark", action="store_true", help="also a dark-palette shot")
    args = parser.parse_args(argv)
    if not all((SHARED / name).is_dir() for name in SAMPLES):
        print(f"the samples are not in {SHARED}", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="issue-reader-shots-")
    for kind in ("CACHE", "CONFIG", "STATE", "DATA"):
        os.environ[f"XDG_{kind}_HOME"] = os.path.join(home, kind.lower())
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reader.ui import i18n
    from reader.ui.core.colours import dark_palette

    with tempfile.TemporaryDirectory() as scratch:
        archive = mixed_archive(Path(scratch) / "mixed")
        app, window = shown_window(Path(scratch), "en")
        window.resize(1280, 860)
        window.open_path(str(archive))
        app.processEvents()
        window.search_panel.search("人民")
        window.trends.view.set_scale("per_thousand")
        window.action_set.trends.setChecked(True)
        window.resizeDocks([window.trends], [400], Qt.Orientation.Vertical)
        for query in ("供热", "de"):
            window.trends.view.add_query(query)

        def shot(path: Path) -> None:
            QTest.qWait(300)  # let layouts settle (a language switch relays the menu bar)
            path.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(path))
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)

        shot(args.out / "reader-trends.png")
        i18n.install(app, "zh_CN")
        shot(args.out / "zh" / "trends.png")
        i18n.install(app, "en")
        if args.dark:
            app.setPalette(dark_palette())
            shot(args.out / "reader-trends-dark.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
