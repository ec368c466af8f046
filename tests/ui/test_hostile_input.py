"""The window on hostile archives: nothing readable to search, names that are not UTF-8."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import write_archive
from tests.ui.test_search import search


def test_searching_an_archive_with_nothing_readable_finds_nothing(qtbot, window, tmp_path):
    folder = tmp_path / "unreadable"
    folder.mkdir()
    (folder / "page.xml").write_text("<alto><broken", encoding="utf-8")
    window.open_path(str(folder))
    assert not window.library.issues
    search(qtbot, window, "海关")
    panel = window.search_panel
    assert panel.count_label.text() == "No hits"
    assert not panel.message.isVisible()
    assert window.findChildren(QMessageBox) == []


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names there are Unicode")
def test_a_name_that_is_not_utf8_shows_with_replacement_characters(qtbot, window, archive):
    (archive / os.fsdecode(b"broken \xff.txt")).write_bytes(b"\x00\x01\x02 not text")
    window.open_path(str(archive))
    model = window.problems_panel.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["broken \ufffd.txt"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names there are Unicode")
def test_an_archive_named_not_in_utf8_has_a_printable_title(window, tmp_path):
    folder = write_archive(tmp_path / os.fsdecode(b"Archiv \xe4"))
    window.open_path(str(folder))
    assert window.library.issues
    assert window.windowTitle().startswith("Archiv \ufffd — ")
