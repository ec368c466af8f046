"""The README's Chinese screenshots: tree, search, calendar, file dialog, shortcuts, About, problems.

Run through ``python -m benchmarks.screenshots --chinese``, which sets the system locale first.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def chinese_set(out: Path, archive: Path, query: str) -> int:
    """Write the Chinese set into ``out``; returns the exit status."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QWidget

    from benchmarks.screenshots import shown_window
    from reader.ui import i18n
    from reader.ui.app.about import AboutDialog
    from reader.ui.app.shortcuts import ShortcutsDialog
    from reader.ui.browse.go_to_date import GoToDateDialog
    from tests.generator.generate import generate

    out.mkdir(parents=True, exist_ok=True)

    def save(widget: QWidget, name: str) -> None:
        QTest.qWait(300)  # let layouts settle
        path = out / name
        widget.grab().save(str(path))
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)

    with tempfile.TemporaryDirectory() as scratch:
        app, window = shown_window(Path(scratch), "zh_CN")

        # Three years of issues: the tree has years and months, the search a chart.
        generated = Path(scratch) / "今日长子"
        generate(generated, issues=3 * 208, articles=2)
        window.open_path(str(generated))
        app.processEvents()
        tree = window.tree
        tree.expand(tree.model().index(0, 0))
        year = tree.model().index(0, 0, tree.model().index(0, 0))
        tree.expand(year)
        tree.expand(tree.model().index(8, 0, year))
        save(window, "tree.png")

        panel = window.search_panel
        panel.focus_field()
        panel.field.setText(query)
        QTest.keyClick(panel.field, Qt.Key.Key_Return)
        years = sorted(k for k in panel.facets.buttons if k.isdigit())
        if years:
            panel.facets.buttons[years[-1]].click()  # one year: the chart shows its months
        QTest.keyClick(panel.field, Qt.Key.Key_Down)
        QTest.keyClick(panel.view, Qt.Key.Key_Return)
        save(window, "search.png")
        panel.browse()

        window.action_set.go_to_date.trigger()
        dialog = window.findChild(GoToDateDialog)
        if dialog is not None:
            QTest.qWaitForWindowExposed(dialog)
            save(dialog, "go-to-date.png")
            dialog.reject()

        files = QFileDialog(
            window, i18n.QCoreApplication.translate("MainWindow", "Open Issue File")
        )
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        files.setNameFilter(
            i18n.QCoreApplication.translate(
                "MainWindow",
                "Issues and archives (*.txt *.md *.xml *.html *.htm *.zip);;All files (*)",
            )
        )
        files.setDirectory(str(archive.parent))
        files.resize(760, 460)
        files.show()
        QTest.qWaitForWindowExposed(files)
        QTest.qWait(500)  # the folder is listed in the background
        save(files, "file-dialog.png")
        files.close()

        shortcuts = ShortcutsDialog(window.menus.all_actions(), window)
        shortcuts.show()
        QTest.qWaitForWindowExposed(shortcuts)
        save(shortcuts, "shortcuts.png")
        shortcuts.close()

        window.dialogs.show_about()
        about = window.findChild(AboutDialog)
        if about is not None:
            QTest.qWaitForWindowExposed(about)
            save(about, "about.png")
            about.close()

        # An archive with files that cannot be read: the Problems panel lists why, in Chinese.
        # Without its archive.toml, the seed's misread masthead (今日长孑) is a suggested alias.
        damaged = Path(scratch) / "待整理"
        shutil.copytree(archive, damaged)
        (damaged / "archive.toml").unlink(missing_ok=True)
        (damaged / "空白.txt").write_text("", encoding="utf-8")
        (damaged / "扫描件.bin").write_bytes(bytes(range(256)) * 4)
        (damaged / "损坏.xml").write_text("<mets><dmdSec>", encoding="utf-8")
        window.open_path(str(damaged))
        app.processEvents()
        window.problems_panel.want(True)
        # Room for the suggested alias above the unreadable files.
        window.resizeDocks([window.problems_panel], [300], Qt.Orientation.Vertical)
        app.processEvents()
        save(window, "problems.png")
        window.close()
    return 0
