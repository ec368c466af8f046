"""Screenshots for the README: the start page, the seed issue, a search for 供热, Chinese, dark.

Renders offscreen (no display needed; CJK text needs a CJK font such as fonts-noto-cjk) and
writes PNGs into ``docs/``: the start page of a first run, the seed issue, the search for 供热
in it, the same in Chinese and in a dark palette, and a search over three years of a generated
archive (facets and the hits chart at work). Settings and indexes go to a temporary folder,
never the user's.

With ``--chinese`` it writes the Chinese set into ``docs/zh/`` instead: the tree, a search, the
Go to Date calendar, Qt's file dialog, the shortcuts table and the Problems panel, the way a
Chinese desktop shows them (the system locale too: the file dialog's dates and sizes follow it).

    .venv/bin/python -m benchmarks.screenshots [--out docs] [--archive sample_issues]
    .venv/bin/python -m benchmarks.screenshots --chinese [--out docs/zh]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def shown_window(scratch: Path, language: str) -> tuple[Any, Any]:
    """The application and a shown 1280×800 window, its settings and index below ``scratch``."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.ui import i18n
    from reader.ui.app.window import MainWindow
    from reader.ui.core import settings
    from reader.ui.core.tasks import SyncExecutor

    settings.configure(scratch / "settings.ini")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, language)
    window = MainWindow(
        index_root=scratch / "index", executor=SyncExecutor(), index_in_process=False
    )
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    return app, window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--archive", type=Path, default=REPO / "sample_issues")
    parser.add_argument("--query", default="供热")
    parser.add_argument(
        "--years", type=int, default=3, help="years of generated issues to search (0: none)"
    )
    parser.add_argument("--chinese", action="store_true", help="the Chinese set, in docs/zh")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Per-user folders (indexes, catalogues, settings, logs) in a scratch folder, never the user's.
    home = tempfile.mkdtemp(prefix="issue-reader-shots-")
    for kind in ("CACHE", "CONFIG", "STATE", "DATA"):
        os.environ[f"XDG_{kind}_HOME"] = os.path.join(home, kind.lower())
    if args.chinese:
        # Qt reads the system locale once, from the environment: set it before Qt starts.
        os.environ["LANG"] = os.environ["LC_ALL"] = "zh_CN.UTF-8"
        from benchmarks.screenshots_zh import chinese_set

        return chinese_set(
            args.out if "--out" in (argv or sys.argv) else REPO / "docs" / "zh",
            args.archive,
            args.query,
        )

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reader.ui import i18n
    from reader.ui.app.window import MainWindow
    from reader.ui.core.colours import dark_palette
    from tests.generator.generate import generate

    def search_and_open(window: MainWindow, query: str, hit: int) -> None:
        """Search from the field by keyboard and open the ``hit``-th result (1 is the first)."""
        panel = window.search_panel
        panel.focus_field()
        panel.field.setText(query)
        QTest.keyClick(panel.field, Qt.Key.Key_Return)
        QTest.keyClick(panel.field, Qt.Key.Key_Down)
        for _ in range(hit - 1):
            QTest.keyClick(panel.view, Qt.Key.Key_Down)
        QTest.keyClick(panel.view, Qt.Key.Key_Return)

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        app, window = shown_window(Path(scratch), "en")

        def shot(name: str) -> None:
            QTest.qWait(300)  # let layouts settle (a language switch relays the menu bar)
            path = args.out / name
            window.grab().save(str(path))
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)

        shot("reader-start.png")  # a first run: nothing remembered, nothing given
        window.open_path(str(args.archive))
        app.processEvents()
        shot("reader-browse.png")

        if window.search_panel.index_ready:
            search_and_open(window, args.query, hit=1)
            QTest.keyClick(window.pane.browser, Qt.Key.Key_F3)
            shot("reader-search.png")
            light = app.palette()
            app.setPalette(dark_palette())  # as when the system switches to dark mode
            shot("reader-dark.png")
            app.setPalette(light)
        else:
            print("search is not available: no search screenshot", file=sys.stderr)

        i18n.install(app, "zh_CN")
        shot("reader-zh.png")
        i18n.install(app, "en")

        if args.years:
            generated = Path(scratch) / "generated"
            generate(generated, issues=args.years * 208, articles=2)
            window.open_path(str(generated))
            search_and_open(window, args.query, hit=2)
            shot("reader-search-years.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
