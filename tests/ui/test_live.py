"""The open archive stays current: files added, edited or removed show without user action, and F5."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import weakref
import zipfile
from concurrent.futures import Executor, Future

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.library import reloading
from reader.library.reloading import Changes, open_archive, reread, take_snapshot
from reader.ui import i18n
from reader.ui.app.change_message import describe_changes
from reader.ui.app.window import MainWindow
from reader.ui.core.tasks import SyncExecutor
from tests.ui.conftest import ISSUES, issue_text, write_archive

# The quiet time the watcher waits for, shortened from the app's 2 s.
DELAY = 300

NEW_ISSUE = (
    dt.date(2022, 9, 26),
    103,
    [("", "水库清淤工程完工", ["水库蓄水量大幅提升。"], "吴刚")],
)


@pytest.fixture
def watched(window, archive):
    """The window on the archive, watching it with a short quiet time; reloads are recorded."""
    window.reloader.watcher.set_delay_ms(DELAY)
    window.open_path(str(archive))
    window.reloads = []
    window.looks = []
    window.reloader.reloaded.connect(window.reloads.append)
    window.reloader.unchanged.connect(window.looks.append)
    return window


def issue_on(window, date: dt.date):
    return next(i for i in window.library.issues if i.date == date)


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_an_issue_added_to_the_folder_shows_and_is_found(qtbot, watched, archive):
    window = watched
    panel = window.search_panel
    panel.search("清淤")
    assert panel.searching and panel.model.rowCount() == 0
    before = weakref.ref(window.library)
    write_archive(archive, [NEW_ISSUE])
    qtbot.waitUntil(lambda: len(window.library.issues) == 4, timeout=10_000)
    # The catalogue read before is freed (the window freezes catalogues out of the collector).
    assert before() is None
    new = issue_on(window, NEW_ISSUE[0])
    index = window.tree_model.issue_index(new.id)
    assert index.isValid() and window.tree_model.data(index) == "26 September 2022 · 总103期"
    # The search shown ran again on the updated index and finds the new issue's word.
    assert panel.searching
    assert [panel.model.hit(r).issue_id for r in range(panel.model.rowCount())] == [new.id]
    # The reader stayed where they were.
    assert window.pane.issue.date == dt.date(2021, 12, 27)
    assert message(window) == "The archive changed: 1 issue added."
    assert window.status_label.text() == f"Opened {archive} — issues: 4, articles: 8"
    assert len(window.reloads) == 1


def test_the_search_shown_runs_again_and_keeps_its_current_hit(qtbot, watched, archive):
    window = watched
    panel = window.search_panel
    panel.search("供热")
    assert panel.model.rowCount() == 3
    panel.focus_results()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    chosen = panel.model.hit(panel.view.currentIndex().row()).article_id
    heating = (dt.date(2022, 10, 10), 104, [("", "供热管网改造", ["供热管网改造开工。"], "吴刚")])
    write_archive(archive, [heating])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10_000)
    assert panel.model.hit(panel.view.currentIndex().row()).article_id == chosen
    assert panel.searching and panel.request.query == "供热"


def test_an_edited_file_changes_the_article_shown_and_keeps_the_place(qtbot, window, tmp_path):
    long = [f"第{n}段：供热工程的进展情况说明，内容较长，需要滚动才能读完。" for n in range(40)]
    issues = [*ISSUES[:2], (ISSUES[2][0], 102, [ISSUES[2][2][0], ("", "长篇报道", long, "孙丽")])]
    archive = write_archive(tmp_path / "long", issues)
    window.resize(760, 300)  # short, so the long article scrolls
    window.reloader.watcher.set_delay_ms(DELAY)
    window.open_path(str(archive))
    window.action_set.next_issue.trigger()
    window.action_set.next_issue.trigger()
    window.action_set.next_article.trigger()
    article_id = window.pane.article.id
    bar = window.pane.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    fraction = window.pane.scroll_fraction()

    edited = [*long[:-1], "最后一段改过了：玉米丰收。"]
    write_archive(
        archive, [(ISSUES[2][0], 102, [ISSUES[2][2][0], ("", "长篇报道", edited, "孙丽")])]
    )
    qtbot.waitUntil(lambda: "玉米丰收" in window.pane.browser.toPlainText(), timeout=10_000)
    assert window.pane.article.id == article_id
    assert window.article_list.currentIndex().row() == 1
    assert window.tree_model.issue_id(window.tree.currentIndex()) == window.pane.issue.id
    assert abs(window.pane.scroll_fraction() - fraction) < 0.05
    assert message(window) == "The archive changed: 1 issue changed."


def test_a_removed_file_takes_its_issue_and_the_reader_moves_to_a_neighbour(
    qtbot, watched, archive
):
    window = watched
    window.action_set.next_issue.trigger()
    removed = window.pane.issue
    assert removed.date == dt.date(2022, 1, 3)
    (archive / "2022-01-03.txt").unlink()
    qtbot.waitUntil(lambda: len(window.library.issues) == 2, timeout=10_000)
    assert not window.tree_model.issue_index(removed.id).isValid()
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    assert window.tree_model.issue_id(window.tree.currentIndex()) == window.pane.issue.id
    assert window.pane.article.title == "供热工程项目协调会召开"
    assert message(window) == "The archive changed: 1 issue removed."
    assert window.pane.note.text == (
        "The issue you were reading, 测试周报 · 3 January 2022 · 总101期, was removed from the "
        "archive: the one beside it is shown."
    )
    # History forgot the removed issue: Back goes to the one read before it.
    window.action_set.back.trigger()
    assert window.pane.issue.date == dt.date(2021, 12, 27)


def test_f5_reads_the_archive_again_on_demand(qtbot, window, archive):
    assert not window.action_set.reload.isEnabled()  # nothing open yet
    window.reloader.watcher.set_delay_ms(60_000)  # only F5 will look
    window.open_path(str(archive))
    assert window.action_set.reload.isEnabled()
    write_archive(archive, [NEW_ISSUE])
    (archive / "2021-12-27.txt").unlink()
    qtbot.wait(DELAY)
    assert len(window.library.issues) == 3
    qtbot.keyClick(window.tree, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: NEW_ISSUE[0] in {i.date for i in window.library.issues})
    assert len(window.library.issues) == 3
    assert window.pane.issue.date == dt.date(2022, 1, 3)  # the reader was on the removed one
    assert message(window) == "The archive changed: 1 issue added, 1 issue removed."
    assert window.pane.note.text.startswith("The issue you were reading, 测试周报 · 27 December")
    qtbot.keyClick(window.tree, Qt.Key.Key_F5)
    assert message(window) == "The archive is as it was: nothing to read again."


def test_copying_many_files_is_one_reload(qtbot, watched, archive):
    window = watched
    for day in range(1, 11):
        issue = (dt.date(2023, 3, day), 200 + day, [("", f"第{day}天", ["正文。"], "记者")])
        write_archive(archive, [issue])
        qtbot.wait(DELAY // 6)  # closer together than the quiet time
    qtbot.waitUntil(lambda: len(window.library.issues) == 13, timeout=10_000)
    qtbot.wait(DELAY * 2)
    assert len(window.reloads) == 1
    assert message(window) == "The archive changed: 10 issues added."


def test_files_the_catalogue_does_not_read_cause_no_reload(qtbot, watched, archive):
    window = watched
    (archive / "page-1.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    qtbot.waitUntil(lambda: window.looks == [False], timeout=10_000)
    assert window.reloads == []
    assert "changed" not in message(window)


def test_a_new_subfolder_is_watched_too(qtbot, watched, archive):
    window = watched
    (archive / "2023").mkdir()
    qtbot.waitUntil(lambda: window.looks == [False], timeout=10_000)
    assert str(archive / "2023") in window.reloader.watcher.paths
    write_archive(archive / "2023", [NEW_ISSUE])
    qtbot.waitUntil(lambda: len(window.library.issues) == 4, timeout=10_000)


def test_a_bad_file_added_shows_as_a_problem_and_goes_when_removed(qtbot, watched, archive):
    window = watched
    assert not window.problems_button.isVisible()
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    qtbot.waitUntil(lambda: window.problems_button.isVisible(), timeout=10_000)
    assert message(window) == "The archive changed: 1 file could not be read."
    assert window.problems_panel.model.rowCount() == 1
    window.problems_button.click()
    assert window.problems_panel.isVisible()
    (archive / "broken.txt").unlink()
    qtbot.waitUntil(lambda: not window.problems_button.isVisible(), timeout=10_000)
    assert not window.problems_panel.isVisible()
    assert not window.action_set.problems.isEnabled()


def test_an_archive_folder_moved_away_keeps_what_was_read(qtbot, watched, archive, tmp_path):
    window = watched
    archive.rename(tmp_path / "moved")
    qtbot.waitUntil(lambda: "no longer there" in window.status_label.text(), timeout=10_000)
    assert window.status_label.text() == (
        f"{archive} is no longer there; showing what was read from it before."
    )
    assert len(window.library.issues) == 3
    assert window.tree_model.rowCount() == 1
    window.action_set.next_article.trigger()  # still readable: the catalogue is in memory
    assert window.pane.article.title == "新书屋开放"
    (tmp_path / "moved").rename(archive)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Opened "), timeout=10_000)
    assert window.pane.article.title == "新书屋开放"
    shutil.rmtree(archive)
    qtbot.waitUntil(lambda: "no longer there" in window.status_label.text(), timeout=10_000)
    assert len(window.library.issues) == 3


def test_a_problem_free_archive_hides_the_problems_panel(qtbot, window, archive, tmp_path):
    window.problems_panel.show()  # as a layout saved by an earlier session may have it
    window.open_path(str(archive))
    assert not window.problems_panel.isVisible()
    assert not window.problems_button.isVisible()
    assert not window.action_set.problems.isEnabled()
    broken = write_archive(tmp_path / "broken")
    (broken / "empty.md").write_bytes(b"")
    window.open_path(str(broken))
    # The reader had the panel open: an archive with problems shows it again.
    assert window.problems_panel.isVisible()
    assert window.problems_button.isVisible()
    # Closed by the reader, it stays closed; the pointer and the menu still open it.
    window.problems_panel.close()
    window.open_path(str(archive))
    window.open_path(str(broken))
    assert not window.problems_panel.isVisible()
    assert window.problems_button.isVisible()
    window.action_set.problems.trigger()
    assert window.problems_panel.isVisible()


def test_one_off_messages_go_and_the_archive_summary_stays(qtbot, window, archive):
    window.status_line.timeout_ms = 200
    window.open_path(str(archive))
    summary = window.status_label.text()
    assert summary.startswith("Opened ")
    window.action_set.copy_citation.trigger()
    assert message(window) == "Copied the article with its citation."
    qtbot.waitUntil(lambda: message(window) == "", timeout=3000)
    assert window.status_label.text() == summary
    assert window.status_label.isVisible()


def test_a_single_issue_file_is_watched_through_an_editor_save(qtbot, window, archive):
    file = archive / "2022-01-03.txt"
    window.reloader.watcher.set_delay_ms(DELAY)
    window.open_path(str(file))
    window.action_set.next_article.trigger()
    assert window.pane.article.title == "𠮷祥村的新路"
    date, number, articles = ISSUES[1]
    edited = [articles[0], ("", "𠮷祥村的新路", ["新路今天通车了。"], "陈静")]
    # Saved as many editors save: a new file renamed over the old one.
    (archive / ".save.tmp").write_text(issue_text(date, number, edited), encoding="utf-8")
    os.replace(archive / ".save.tmp", file)
    qtbot.waitUntil(lambda: "今天通车" in window.pane.browser.toPlainText(), timeout=10_000)
    assert window.pane.article.title == "𠮷祥村的新路"
    # ... and written over in place, as others do: the watch was set again on the new file.
    edited = [articles[0], ("", "𠮷祥村的新路", ["新路明天通车。"], "陈静")]
    file.write_text(issue_text(date, number, edited), encoding="utf-8")
    qtbot.waitUntil(lambda: "明天通车" in window.pane.browser.toPlainText(), timeout=10_000)
    # Other files beside it are not part of the archive.
    looks = []
    window.reloader.unchanged.connect(looks.append)
    write_archive(archive, [NEW_ISSUE])
    qtbot.waitUntil(lambda: looks == [False], timeout=10_000)
    assert len(window.library.issues) == 1


def test_a_zip_that_cannot_be_read_again_says_so_and_keeps_what_was_read(
    qtbot, watched, archive, tmp_path
):
    window = watched
    packed = tmp_path / "archive.zip"
    with zipfile.ZipFile(packed, "w") as zipped:
        for file in sorted(archive.glob("*.txt")):
            zipped.write(file, file.name)
    window.open_path(str(packed))
    assert len(window.library.issues) == 3
    packed.write_bytes(b"PK\x03\x04 cut short while copying")
    qtbot.waitUntil(lambda: "could not be read again" in message(window), timeout=10_000)
    assert message(window).startswith("The archive could not be read again: not a readable zip")
    assert window.findChild(QMessageBox) is None  # not asked for: no dialog
    assert len(window.library.issues) == 3
    window.action_set.reload.trigger()  # asked for: a dialog says why
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    box.close()


def test_very_many_folders_are_watched_up_to_a_limit(monkeypatch, qtbot, window, tmp_path):
    monkeypatch.setattr(reloading, "MAX_WATCHED", 5)
    archive = tmp_path / "many"
    for n in range(12):
        write_archive(archive / f"{n:02d}", ISSUES[:1])
    window.open_path(str(archive))
    assert len(window.library.issues) == 12
    watched = window.reloader.watcher.paths
    assert str(tmp_path) in watched  # the folder holding the archive
    assert len(watched) == 6


def test_the_snapshot_holds_what_the_catalogue_is_read_from(archive):
    (archive / "page-1.jpg").write_bytes(b"\xff\xd8")
    (archive / "archive.toml").write_text('publication = "测试周报"\n', encoding="utf-8")
    write_archive(archive / ".cache", [NEW_ISSUE])
    snapshot = take_snapshot(str(archive))
    assert sorted(snapshot.files) == [
        "2021-12-27.txt",
        "2022-01-03.txt",
        "2022-09-19.txt",
        "archive.toml",
    ]
    assert snapshot.folders == (str(archive),)
    single = take_snapshot(str(archive / "2022-01-03.txt"))
    assert list(single.files) == ["2022-01-03.txt"]
    assert single.watched == [str(archive / "2022-01-03.txt")]


def test_a_file_changed_moments_ago_is_waited_for(archive):
    first = open_archive(str(archive))
    write_archive(archive, [NEW_ISSUE])
    early = reread(str(archive), first.snapshot, first.library.archive, settle_ns=60 * 10**9)
    assert early.settling and early.library is None
    later = reread(str(archive), first.snapshot, first.library.archive)
    assert not later.settling
    assert [later.library.issue(i).date for i in later.changes.added] == [NEW_ISSUE[0]]
    assert later.changes.changed == later.changes.removed == ()
    again = reread(str(archive), later.snapshot, later.library.archive)
    assert again.library is None


class QueuedExecutor(Executor):
    """Holds jobs until ``run_all``: the order a one-thread executor runs them in, made visible."""

    def __init__(self) -> None:
        self.jobs: list = []

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        self.jobs.append((future, fn, args, kwargs))
        return future

    def run_all(self) -> None:
        while self.jobs:
            future, fn, args, kwargs = self.jobs.pop(0)
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:
                future.set_exception(exc)


def test_opening_another_archive_drops_the_reload_running(qtbot, tmp_path, archive):
    executor = QueuedExecutor()
    window = MainWindow(index_root=tmp_path / "index", executor=executor, index_in_process=False)
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(archive))
    executor.run_all()
    assert len(window.library.issues) == 3
    reloads = []
    window.reloader.reloaded.connect(reloads.append)
    write_archive(archive, [NEW_ISSUE])
    window.action_set.reload.trigger()  # still to run when the reader opens another archive
    other = write_archive(tmp_path / "other", ISSUES[:1])
    window.open_path(str(other))
    executor.run_all()
    assert reloads == []
    assert window.opened_path == str(other)
    assert len(window.library.issues) == 1


def test_the_change_message_reads_in_chinese(qtbot, qapp, window):
    changes = Changes(added=("a", "b"), removed=("c",), unreadable=("x.txt", "y.txt", "z.txt"))
    both = Changes(unreadable=("a.txt", "locked/", "old/"))
    folder = Changes(unreadable=("locked/",))
    assert describe_changes(changes) == (
        "The archive changed: 2 issues added, 1 issue removed, 3 files could not be read."
    )
    assert describe_changes(both) == (
        "The archive changed: 1 file and 2 folders could not be read."
    )
    assert describe_changes(folder) == "The archive changed: 1 folder could not be read."
    assert describe_changes(Changes()) == ""
    try:
        i18n.install(qapp, "zh_CN")
        assert describe_changes(changes) == "报刊库有变化：新增 2 期，移除 1 期，3 个文件无法读取。"
        assert describe_changes(both) == "报刊库有变化：1 个文件和 2 个文件夹无法读取。"
        assert describe_changes(folder) == "报刊库有变化：1 个文件夹无法读取。"
    finally:
        i18n.install(qapp, "en")


def test_an_index_update_after_a_reload_leaves_the_change_message(qtbot, tmp_path, archive):
    window = MainWindow(index_root=tmp_path / "index", executor=SyncExecutor())
    qtbot.addWidget(window)
    window.show()
    window.reloader.watcher.set_delay_ms(60_000)
    # The message goes after 5 s by itself; on a loaded machine the update takes longer, and
    # what is checked here is that the update's end does not take it away.
    window.status_line.timeout_ms = 600_000
    window.open_path(str(archive))
    panel = window.search_panel
    qtbot.waitUntil(lambda: not panel.indexer.running, timeout=120_000)
    write_archive(archive, [NEW_ISSUE])
    window.action_set.reload.trigger()
    assert panel.indexer.running  # in a spawned process: the change message shows meanwhile
    assert message(window) == "The archive changed: 1 issue added."
    qtbot.waitUntil(lambda: not panel.indexer.running, timeout=120_000)
    assert message(window) == "The archive changed: 1 issue added."
    panel.search("清淤")
    assert panel.model.rowCount() == 1
    window.close()
