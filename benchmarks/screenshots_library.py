"""Screenshots of the library (View › Library) for the README, in English and in Chinese.

Three archives on the shelf: the bundled seed issue (今日长子, 2022), the British Library's
Liverpool Standard of 1832 and the 人民日报 of 1946-05-15 from ``../shared/samples`` (read
where they are: the app writes nothing into an archive). One library search finds hits in all
three; the archive facet shows beside the years, and a hit of another archive is open.
Writes ``docs/reader-library.png`` and ``docs/zh/library.png``.

    .venv/bin/python -m benchmarks.screenshots_library [--query "人民 OR 长子 OR London"] [--out docs]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--query", default="人民 OR 长子 OR London")
    args = parser.parse_args(argv)
    archives = [
        (REPO / "sample_issues", "今日长子"),
        (SAMPLES / "bl-hmd-lsga-1832", "Liverpool Standard 1832"),
        (SAMPLES / "rmrb-1946-05-15", "人民日报 1946"),
    ]
    for path, _name in archives:
        if not path.is_dir():
            print(f"{path} is not there", file=sys.stderr)
            return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="issue-reader-shots-")
    for kind in ("CACHE", "CONFIG", "STATE", "DATA"):
        os.environ[f"XDG_{kind}_HOME"] = os.path.join(home, kind.lower())

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.screenshots import shown_window
    from reader.ui import i18n

    app, window = shown_window(Path(home), "en")
    window.resize(1600, 900)
    window.action_set.library.trigger()
    dock = window.library_dock
    for path, name in archives:
        entry = dock.add(str(path))  # indexed at once (the screenshot window runs jobs in line)
        assert entry is not None
        dock.keeper.rename(entry.archive_id, name)
    window.resizeDocks([dock], [270], Qt.Orientation.Horizontal)
    window.open_path(str(archives[0][0]))
    app.processEvents()
    window.splitter.setSizes([220, 600, 520])
    panel = window.search_panel
    panel.scope.set_library(True)
    panel.focus_field()
    panel.field.setText(args.query)
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    app.processEvents()
    # Open a hit of the Liverpool paper: its archive opens, then the article.
    london = dock.keeper.entries()[1].archive_id
    row = next(r for r in range(panel.model.rowCount()) if panel.model.hit(r).archive == london)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    QTest.keyClick(panel.view, Qt.Key.Key_Return)
    for _ in range(20):
        QTest.qWait(50)
    dock.list_select(london)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    for language, path in (("en", args.out / "reader-library.png"), ("zh_CN", None)):
        i18n.install(app, language)
        QTest.qWait(300)  # let layouts settle
        target = path or args.out / "zh" / "library.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(target))
        print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
