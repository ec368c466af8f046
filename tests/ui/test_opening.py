"""File › Open Folder and Open File: where their dialogs start, and what they remember."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from reader.formats import file_suffixes
from reader.ui import i18n
from reader.ui.core import settings
from tests.ui.conftest import write_archive


@pytest.fixture
def dialogs(monkeypatch):
    """Stand in for Qt's blocking file dialogs: record the folder each starts in, answer ``chosen``."""
    asked: dict = {"starts": [], "chosen": ""}

    def folder(_parent, _caption, start, *args, **kwargs):
        asked["starts"].append(start)
        return asked["chosen"]

    def file(_parent, _caption, start, *args, **kwargs):
        asked["starts"].append(start)
        return asked["chosen"], ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", file)
    return asked


def test_dialogs_start_in_the_home_folder_at_first(window, dialogs, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # not where they start
    window.action_set.open_folder.trigger()
    window.action_set.open_file.trigger()
    assert dialogs["starts"] == [str(Path.home())] * 2


def test_dialogs_start_beside_the_open_archive(window, dialogs, tmp_path):
    shelf = tmp_path / "shelf"
    archive = write_archive(shelf / "weekly")
    dialogs["chosen"] = str(archive)
    window.action_set.open_folder.trigger()
    assert window.opened_path == str(archive)
    window.action_set.open_folder.trigger()
    window.action_set.open_file.trigger()
    # Beside a folder archive: in the folder that holds it.
    assert dialogs["starts"][1:] == [str(shelf)] * 2
    issue = next(archive.glob("*.txt"))
    window.open_path(str(issue))
    window.action_set.open_file.trigger()
    # Beside an issue file: in its folder.
    assert dialogs["starts"][-1] == str(archive)


def test_dialogs_start_in_the_last_folder_used_when_no_archive_is_open(
    make_window, dialogs, tmp_path
):
    first = make_window()
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    dialogs["chosen"] = str(shelf / "gone")  # chosen, and gone before it could be read
    first.action_set.open_folder.trigger()
    assert first.library is None
    assert settings.read("dialog_folder") == str(shelf)
    second = make_window()
    second.action_set.open_file.trigger()
    assert dialogs["starts"][-1] == str(shelf)


def test_open_file_offers_every_format_the_importers_read(qtbot, qapp, window, monkeypatch):
    filters: list[str] = []

    def file(_parent, _caption, _start, name_filter="", *args, **kwargs):
        filters.append(name_filter)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", file)
    window.action_set.open_file.trigger()
    known, every = filters[-1].split(";;")
    for pattern in ("*.txt", "*.md", "*.xml", "*.html", "*.hocr", "*.xml.bz2", "*.pdf", "*.zip"):
        assert pattern in known.split("(")[1].rstrip(")").split(), pattern
    # Taken from the format registry (through the library), so it cannot fall behind it.
    assert all(f"*{suffix}" in known for suffix in file_suffixes())
    assert every == "All files (*)"
    i18n.install(qapp, "zh_CN")
    try:
        window.action_set.open_file.trigger()
        assert filters[-1].startswith("单期文件与报刊库 (*.md ")
        assert filters[-1].endswith(" *.pdf *.zip);;所有文件 (*)")
    finally:
        i18n.install(qapp, "en")
