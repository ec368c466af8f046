"""Screenshots of the page view for the README: a Nordstern page with a German word's hits.

The archive is ``../shared/samples/open-oni-mnhi-nordstern-1878-01-03`` (read in place: the
app writes nothing into it). The search for ``Zeitung`` opens page 1, the page view shows the
scan (the page's PDF) beside the text with the hits filled, and F3 steps to the second hit.
Writes ``docs/reader-page.png`` and ``docs/zh/page.png``.

    .venv/bin/python -m benchmarks.screenshots_page [--query Zeitung] [--out docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NORDSTERN = REPO.parent / "shared" / "samples" / "open-oni-mnhi-nordstern-1878-01-03"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--query", default="Zeitung")
    parser.add_argument("--archive", type=Path, default=NORDSTERN)
    args = parser.parse_args(argv)
    if not args.archive.is_dir():
        print(f"no archive at {args.archive}", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.screenshots import shown_window
    from reader.ui.pages.pane import PagePane

    for language, name in (("en", "reader-page.png"), ("zh_CN", "zh/page.png")):
        with tempfile.TemporaryDirectory() as scratch:
            app, window = shown_window(Path(scratch), language)
            window.resize(1400, 900)
            window.open_path(str(args.archive))
            started = time.monotonic()
            while not window.search_panel.index_ready and time.monotonic() - started < 300:
                QTest.qWait(200)
            panel = window.search_panel
            panel.focus_field()
            panel.field.setText(args.query)
            QTest.keyClick(panel.field, Qt.Key.Key_Return)
            QTest.keyClick(panel.field, Qt.Key.Key_Down)
            QTest.keyClick(panel.view, Qt.Key.Key_Return)
            window.action_set.show_both.trigger()
            pane = window.findChild(PagePane, "page_pane")
            QTest.qWait(1500)  # laid out at its width, the first picture decoded
            pane.canvas.setFocus()
            for _ in range(3):  # closer: the hits are a word wide on a whole newspaper page
                window.action_set.zoom_in.trigger()
            window.action_set.next_match.trigger()
            QTest.qWait(
                8000
            )  # the sharp tiles come from worker threads (a PDF page: one at a time)
            pane.canvas.viewport().repaint()
            path = args.out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(path))
            print(path)
            window.close()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
