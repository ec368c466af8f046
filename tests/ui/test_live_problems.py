"""Problems that come and go in an open archive: what the reload message and the pointer say."""

from __future__ import annotations

import pytest

# The quiet time the watcher waits for, shortened from the app's 2 s (as in test_live.py).
DELAY = 300


@pytest.fixture
def watched(window, archive):
    """The window on the archive, watching it with a short quiet time."""
    window.reloader.watcher.set_delay_ms(DELAY)
    window.open_path(str(archive))
    return window


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_a_folder_that_cannot_be_read_is_counted_as_a_folder(qtbot, watched, archive, tmp_path):
    window = watched
    (tmp_path / "elsewhere").mkdir()
    # A link to a folder outside the archive is refused as a folder ("out/"), root or not.
    (archive / "out").symlink_to(tmp_path / "elsewhere")
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    qtbot.waitUntil(window.problems_button.isVisible, timeout=10_000)
    assert message(window) == "The archive changed: 1 file and 1 folder could not be read."
    assert window.problems_panel.model.rowCount() == 2
    assert window.problems_button.text() == "⚠ Problems: 2"
