"""Help › About: the version, the engines, the files' places, and clearing the index."""

from __future__ import annotations

import importlib.metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtTest import QTest

from reader import __version__
from reader.library import paths
from reader.ui.app.about import AboutDialog


def open_about(window) -> AboutDialog:
    window.action_set.about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_about_shows_the_versions_licence_and_where_files_are(window, archive, tmp_path):
    window.open_path(str(archive))
    dialog = open_about(window)
    heading = dialog.heading.text()
    assert __version__ in heading and "MIT" in heading
    values = {name: label.text() for name, label in dialog.values.items()}
    assert values["Whoosh-Reloaded"] == importlib.metadata.version("Whoosh-Reloaded")
    assert values["Qt"] == qVersion()
    assert values["This archive's index"] == str(paths.index_dir(archive, tmp_path / "index"))
    assert values["Settings"] == str(paths.settings_file())
    for label in dialog.values.values():
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    # No text touches the dialog's edges.
    margins = dialog.layout().contentsMargins()
    assert min(margins.left(), margins.top(), margins.right(), margins.bottom()) >= 12
    dialog.close()


def test_clear_deletes_the_index_and_the_window_builds_it_again(qtbot, window, archive, tmp_path):
    window.open_path(str(archive))
    folder = paths.index_dir(archive, tmp_path / "index")
    window.search_panel.search("供热")
    assert window.search_panel.model.rowCount() == 3
    marker = folder / "whoosh" / "marker"
    marker.write_text("from the index before")
    dialog = open_about(window)
    assert dialog.clear_button.isEnabled()
    QTest.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert not marker.exists()  # the old folder went, whole
    # Rebuilt (on the test's synchronous task runner: at once), and searchable again.
    assert window.library.index_current(folder)
    assert "cleared" in window.statusBar().currentMessage()
    window.search_panel.search("新路")
    assert window.search_panel.model.rowCount() == 1
