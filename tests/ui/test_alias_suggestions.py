"""The Problems panel suggests a publication alias; Accept makes one publication, Dismiss forgets it."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from reader.library import paths
from reader.library.misreads import Suggestion
from reader.model import ArchiveSettings
from reader.ui import i18n
from reader.ui.problems.suggestions import SuggestionRow
from tests.library.weekly import listing, write_weekly


def top_rows(window) -> list[str]:
    model = window.tree_model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def open_weekly(window, tmp_path):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 4 + ["今日长孑"])
    window.open_path(str(archive))
    return archive


def test_the_panel_suggests_the_alias_and_accept_applies_it(qtbot, window, tmp_path):
    archive = open_weekly(window, tmp_path)
    before = listing(archive)
    assert top_rows(window) == ["今日长子", "今日长孑"]
    panel = window.problems_panel
    (row,) = panel.suggestions.rows
    assert "今日长孑" in row.label.text() and "今日长子" in row.label.text()
    assert "长子" in row.label.text()
    # No unreadable files: the panel is only the suggestion, its pointer counts it.
    assert window.problems_button.isVisible()
    assert window.action_set.problems.isEnabled()
    window.problems_button.click()
    assert panel.isVisible() and panel.suggestions.isVisible()
    assert not panel.view.isVisible()

    qtbot.mouseClick(row.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert tomllib.loads(copied) == {"publication": "今日长子", "mastheads": ["今日长孑"]}

    qtbot.mouseClick(row.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: top_rows(window) == ["今日长子"])
    assert window.library is not None
    assert {issue.publication for issue in window.library.issues} == {"今日长子"}
    assert panel.suggestions.rows == []
    assert not window.problems_button.isVisible()
    assert paths.aliases_file(archive).is_file()
    assert listing(archive) == before


def test_dismiss_is_remembered(qtbot, make_window, tmp_path):
    window = make_window()
    archive = open_weekly(window, tmp_path)
    (row,) = window.problems_panel.suggestions.rows
    qtbot.mouseClick(row.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.problems_panel.suggestions.rows == [])
    assert top_rows(window) == ["今日长子", "今日长孑"]  # nothing merged
    other = make_window()
    other.open_path(str(archive))
    assert other.problems_panel.suggestions.rows == []


def test_the_status_bar_and_the_problems_button_count_alike(qtbot, window, tmp_path):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 4 + ["今日长孑"])
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (archive / "empty.md").write_bytes(b"")
    window.open_path(str(archive))
    assert len(window.library.problems) == 2 and len(window.problems_panel.suggestions.rows) == 1
    # Unreadable files and the suggested alias, counted apart in both places.
    assert window.status_label.text().endswith(
        "; problems: 2, suggested aliases: 1 (see the Problems panel)"
    )
    assert window.problems_button.text() == "⚠ Problems: 2 · suggested aliases: 1"
    (row,) = window.problems_panel.suggestions.rows
    qtbot.mouseClick(row.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.problems_panel.suggestions.rows == [])
    assert window.status_label.text().endswith("; problems: 2 (see the Problems panel)")
    assert window.problems_button.text() == "⚠ Problems: 2"


def test_a_suggestion_alone_is_counted_as_one(window, tmp_path):
    open_weekly(window, tmp_path)
    assert window.status_label.text().endswith("; suggested aliases: 1 (see the Problems panel)")
    assert window.problems_button.text() == "Suggested aliases: 1"


def test_the_evidence_is_worded_for_one_issue_every_issue_or_some(qtbot, qapp, window, tmp_path):
    open_weekly(window, tmp_path)
    (row,) = window.problems_panel.suggestions.rows
    # Its one issue: not "in 1 of the 1 issues read".
    assert row.label.text().endswith("<br>In the text of its issue: “长子” ×4.")

    def evidence(*counts: int) -> str:
        suggestion = Suggestion("今日长孑", "今日长子", counts[0], 40, "长子", *counts[1:])
        made = SuggestionRow(suggestion, ArchiveSettings())
        qtbot.addWidget(made)
        return made.label.text().rsplit("<br>", 1)[1]

    assert (
        evidence(3, 12, 3, 3)
        == "In the text of its issues: “长子” ×12, in each of the 3 issues read."
    )
    some = "In the text of its issues: “长子” ×1,234, in 100 of the 151 issues read."
    assert evidence(301, 1234, 100, 151) == some
    try:
        i18n.install(qapp, "zh_CN")
        assert evidence(1, 4, 1, 1) == "这一期的正文中，“长子”出现 4 次。"
        assert evidence(3, 12, 3, 3) == "这些期的正文中，“长子”出现 12 次，所读的 3 期每期都有。"
        assert evidence(301, 1234, 100, 151) == (
            "这些期的正文中，“长子”出现 1,234 次，见于所读 151 期中的 100 期。"
        )
    finally:
        i18n.install(qapp, "en")


def test_an_alias_that_cannot_be_kept_is_said_in_chinese(
    qtbot, qapp, window, tmp_path, monkeypatch
):
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocking / "config"))
    archive = open_weekly(window, tmp_path)
    (row,) = window.problems_panel.suggestions.rows
    i18n.install(qapp, "zh_CN")
    try:
        qtbot.mouseClick(row.accept_button, Qt.MouseButton.LeftButton)
        boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        (box,) = boxes
        assert box.text() == "无法保存您的报头别名。"
        assert box.informativeText() == (
            f"{paths.aliases_file(archive)}：{blocking} 是一个文件，不是文件夹"
        )
        box.accept()
    finally:
        i18n.install(qapp, "en")
    assert top_rows(window) == ["今日长子", "今日长孑"]  # nothing changed
