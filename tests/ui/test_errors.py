"""Errors: a sentence for the user's problems, a logged bug dialog for the rest, never a storm."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.model import Cancelled, CorruptArchive, Reason
from reader.ui import i18n
from reader.ui.app import errors


def test_reader_error_gets_a_sentence_and_the_detail(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    reason = Reason.of("not_well_formed_xml", detail="EndTag: '</' not found")
    box = errors.show_error(parent, CorruptArchive("/x/a.xml", reason))
    assert box.isVisible()
    assert box.text() == "This file or folder cannot be read as an archive."
    assert box.informativeText() == f"/x/a.xml: {reason.text}"
    assert "not well-formed XML" in box.detailedText()
    box.close()


def test_corrupt_archive_reason_is_shown_in_the_interface_language(qtbot, qapp):
    parent = QWidget()
    qtbot.addWidget(parent)
    i18n.install(qapp, "zh_CN")
    try:
        box = errors.show_error(parent, CorruptArchive("/x/empty.txt", Reason.of("empty_file")))
        assert box.text() == "无法将此文件或文件夹作为报刊库读取。"
        assert box.informativeText() == "/x/empty.txt: 文件是空的"
        assert box.detailedText() == "/x/empty.txt\nthe file is empty"  # English, for reports
        box.close()
    finally:
        i18n.install(qapp, "en")


def test_cancelled_shows_nothing(qtbot):
    assert errors.show_error(None, Cancelled()) is None


def test_bug_is_logged_and_shown_once_while_open(qtbot, caplog, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    log_path = errors.setup_logging(tmp_path / "logs")
    try:
        errors.install_excepthook(lambda: parent)
        with caplog.at_level(logging.ERROR):
            try:
                raise RuntimeError("first")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
            try:
                raise RuntimeError("second")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
        boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1
        assert "This is a bug" in boxes[0].text()
        assert "RuntimeError: first" in boxes[0].detailedText()
        assert str(log_path) in boxes[0].informativeText()
        assert "second" in caplog.text
        boxes[0].close()
        qtbot.waitUntil(lambda: errors._open_bug_box is None)
    finally:
        sys.excepthook = sys.__excepthook__
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", "").startswith(str(tmp_path)):
                root.removeHandler(handler)
                handler.close()
    assert "RuntimeError: second" in log_path.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_costs_only_the_log(capsys, tmp_path):
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    handlers = list(logging.getLogger().handlers)
    assert errors.setup_logging(blocking / "logs") is None  # it raised NotADirectoryError
    assert logging.getLogger().handlers == handlers
    path = blocking / "logs" / "issue-reader.log"
    assert capsys.readouterr().err == (
        f"issue-reader: cannot keep a log in {path}: the folder {blocking} is a file, not a folder\n"
    )
