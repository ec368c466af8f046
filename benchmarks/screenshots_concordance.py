"""Screenshots of View › Concordance for the README, in English and in Chinese.

The archive is the seed issue (今日长子, 2022) beside the 人民日报 of 1946-05-15 from
``../shared/samples``, copied into a scratch folder (nothing is written into the samples);
the masthead misread 今日长孑 is accepted as 今日长子 for the scratch user, as a reader would.
Writes ``docs/reader-concordance.png`` and ``docs/zh/concordance.png``.

    .venv/bin/python -m benchmarks.screenshots_concordance [--query 人民] [--out docs]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--query", default="人民")
    parser.add_argument("--seed", type=Path, default=REPO / "sample_issues")
    parser.add_argument("--rmrb", type=Path, default=SHARED / "samples" / "rmrb-1946-05-15")
    args = parser.parse_args(argv)
    if not args.rmrb.is_dir():
        print(f"{args.rmrb} is not there", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="issue-reader-shots-")
    for kind in ("CACHE", "CONFIG", "STATE", "DATA"):
        os.environ[f"XDG_{kind}_HOME"] = os.path.join(home, kind.lower())
    archive = Path(home) / "报刊库"
    shutil.copytree(args.rmrb, archive / "人民日报")
    for issue in args.seed.glob("*.txt"):
        shutil.copy(issue, archive / issue.name)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.screenshots import shown_window
    from reader.cli import main as cli
    from reader.ui import i18n

    cli(["alias", str(archive), "今日长孑", "今日长子"])
    app, window = shown_window(Path(home), "en")
    window.open_path(str(archive))
    app.processEvents()
    panel = window.search_panel
    panel.focus_field()
    panel.field.setText(args.query)
    QTest.keyClick(panel.field, Qt.Key.Key_Return)
    window.action_set.concordance.trigger()
    window.resizeDocks([window.concordance], [360], Qt.Orientation.Vertical)
    view = window.concordance.view
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by the left context
    row = next((n for n, line in enumerate(view.model.lines) if line.date.year > 2000), 0)
    view.table.setCurrentIndex(view.model.index(row, 1))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    for language, path in (("en", args.out / "reader-concordance.png"), ("zh_CN", None)):
        i18n.install(app, language)
        QTest.qWait(300)  # let layouts settle
        target = path or args.out / "zh" / "concordance.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(target))
        print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
