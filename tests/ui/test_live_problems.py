"""Problems that come and go in an open archive: a file's mode changed, a folder refused.

The test of a file made unreadable skips as root, who reads it anyway: .ci/run runs this
module again without root's power to (see tests/library/test_refused.py).
"""

from __future__ import annotations

import os

import pytest

# The quiet time the watcher waits for, shortened from the app's 2 s (as in test_live.py).
DELAY = 300


@pytest.fixture
def watched(window, archive):
    """The window on the archive, watching it with a short quiet time; looks are recorded."""
    window.reloader.watcher.set_delay_ms(DELAY)
    window.open_path(str(archive))
    window.reloads = []
    window.looks = []
    window.reloader.reloaded.connect(window.reloads.append)
    window.reloader.unchanged.connect(window.looks.append)
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


def test_a_change_of_mode_alone_is_looked_at_and_then_trusted(qtbot, watched, archive):
    window = watched
    file = archive / "2022-01-03.txt"
    before = file.stat()
    file.chmod(0o600)  # readable by its owner still, root or not: only its change time moves
    after = file.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ctime_ns != before.st_ctime_ns
    qtbot.waitUntil(lambda: len(window.reloads) == 1, timeout=10_000)
    assert not window.reloads[0].changes
    # What was read is what the next look compares with: no reload for nothing.
    window.reloader.watcher.poke()
    qtbot.waitUntil(lambda: window.looks == [False], timeout=10_000)
    assert len(window.reloads) == 1


def test_a_file_made_unreadable_shows_as_a_problem_and_goes_when_readable_again(
    qtbot, watched, archive
):
    window = watched
    file = archive / "2022-01-03.txt"
    file.chmod(0)
    try:
        if os.access(file, os.R_OK, effective_ids=True):
            pytest.skip(
                "root reads files whatever their mode (run it under setpriv without DAC caps)"
            )
        # Neither its size nor its modification time changed: the watcher tells by its mode.
        qtbot.waitUntil(window.problems_button.isVisible, timeout=10_000)
        assert message(window) == "The archive changed: 1 issue removed, 1 file could not be read."
        assert len(window.library.issues) == 2
        assert [p.source for p in window.library.problems] == ["2022-01-03.txt"]
    finally:
        file.chmod(0o644)
    qtbot.waitUntil(lambda: not window.problems_button.isVisible(), timeout=10_000)
    assert message(window) == "The archive changed: 1 issue added."
    assert len(window.library.issues) == 3
    assert window.library.problems == ()
