"""Errors: a sentence for the user's problems, a logged bug dialog for the rest, never a storm."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.model import Cancelled, CorruptArchive
from reader.ui import errors


def test_reader_error_gets_a_sentence_and_the_detail(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    box = errors.show_error(parent, CorruptArchive("/x/a.xml", "not well-formed XML"))
    assert box.isVisible()
    assert box.text() == "This file or folder cannot be read as an archive."
    assert box.informativeText() == "/x/a.xml: not well-formed XML"
    assert "not well-formed XML" in box.detailedText()
    box.close()


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
