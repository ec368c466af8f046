"""File › Verify Archive Integrity (in the background, with cancel) and File › Archive Properties."""

from __future__ import annotations

import bagit
import pytest
from PySide6.QtGui import QGuiApplication

from reader.library import verify
from reader.ui.app.integrity import IntegrityDialog
from reader.ui.app.properties import PropertiesDialog
from tests.ui.conftest import write_archive


@pytest.fixture
def bag(tmp_path):
    folder = write_archive(tmp_path / "bag")
    bagit.make_bag(str(folder), {"Source-Organization": "Test Library"}, checksums=["sha256"])
    return folder


def open_archive(qtbot, window, folder) -> None:
    window.open_path(str(folder))
    qtbot.waitUntil(lambda: window.library is not None)


def test_verify_shows_a_changed_file_in_its_report(qtbot, window, bag):
    changed = sorted((bag / "data").glob("*.txt"))[0]
    changed.write_bytes(changed.read_bytes().replace(b"\n", b"\r\n", 1))
    (bag / "data" / "added.txt").write_text("not in the manifest", encoding="utf-8")
    open_archive(qtbot, window, bag)
    assert [a.text() for a in window.menus.file.actions() if "Verify" in a.text()]
    window.action_set.verify.trigger()
    qtbot.waitUntil(lambda: window.integrity.dialog is not None, timeout=10000)
    dialog = window.integrity.dialog
    assert isinstance(dialog, IntegrityDialog) and dialog.isVisible()
    assert not window.integrity.widget.isVisible()
    rows = [
        [dialog.table.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.table.topLevelItemCount())
    ]
    # Files that need a look come first: the changed one, then the unlisted one.
    assert rows[0][:2] == ["Changed", f"data/{changed.name}"]
    assert rows[0][2].startswith("sha256 expected ")
    assert rows[1][:2] == ["Unlisted", "data/added.txt"]
    assert {r[0] for r in rows[2:]} == {"Intact"}
    assert "Changed: 1" in dialog.counts.text() and "Unlisted: 1" in dialog.counts.text()
    assert "differ from their checksums" in dialog.verdict.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Changed\tdata/{changed.name}\tsha256 expected" in copied
    dialog.close()


def test_cancelling_stops_the_check_and_shows_no_report(qtbot, window, bag, monkeypatch):
    (bag / "data" / "big.bin").write_bytes(b"\0" * (4 * 1024 * 1024))
    monkeypatch.setattr(verify, "CHUNK", 4096)
    open_archive(qtbot, window, bag)
    window.action_set.verify.trigger()
    assert window.integrity.running and window.integrity.widget.isVisible()
    window.integrity.cancel_button.click()
    assert not window.integrity.running and not window.integrity.widget.isVisible()
    assert window.statusBar().currentMessage() == "Verification cancelled."
    qtbot.wait(300)
    assert window.integrity.dialog is None
    assert window.findChild(IntegrityDialog) is None


def test_properties_show_the_counts_and_the_bag_info(qtbot, window, bag):
    open_archive(qtbot, window, bag)
    window.action_set.properties.trigger()
    dialog = window.findChild(PropertiesDialog)
    assert dialog is not None and dialog.isVisible()
    values = {name: label.text() for name, label in dialog.values.items()}
    assert values["Path"] == str(bag)
    assert values["Formats"] == "text-issue"
    assert values["Issues"] == str(len(window.library.issues))
    assert "Other files skipped" not in values  # none: no row saying 0
    assert values["Source-Organization"] == "Test Library"
    assert values["Payload-Oxum"].endswith(f".{len(list((bag / 'data').iterdir()))}")
    assert values["BagIt payload manifest (SHA256)"] == "manifest-sha256.txt"
    dialog.close()


def test_properties_count_the_other_files_when_there_are_some(qtbot, window, tmp_path):
    folder = write_archive(tmp_path / "archive")
    (folder / "METADATA.yml").write_text("x\n", encoding="utf-8")
    open_archive(qtbot, window, folder)
    window.action_set.properties.trigger()
    dialog = window.findChild(PropertiesDialog)
    assert dialog is not None
    assert dialog.values["Other files skipped"].text() == "1"
    dialog.close()


def test_with_no_archive_open_the_actions_say_so(window):
    window.action_set.verify.trigger()
    assert window.statusBar().currentMessage() == "No archive is open: there is nothing to verify."
    assert not window.integrity.running
    window.action_set.properties.trigger()
    assert window.statusBar().currentMessage() == "No archive is open."
    assert window.findChild(PropertiesDialog) is None
