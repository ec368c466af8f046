"""``serve`` whose socket folder cannot be made or written: one line naming it and why, exit 1.

Real ``serve`` processes (as in test_serving.py) with ``XDG_RUNTIME_DIR`` under a file, read-only,
or a private socket folder this user cannot write into. The last two skip as root, who writes
anywhere; .ci/run runs them again with those capabilities dropped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import served
from tests.cli.test_serving import _serve_once
from tests.cli.test_serving import archive as archive  # a fixture

pytestmark = pytest.mark.skipif(not served.supported(), reason="no Unix sockets here")


def socket_of(archive: tuple[Path, Path]) -> Path:
    return served.socket_for(str(archive[0]), str(archive[1]))


def test_a_runtime_folder_under_a_file_is_named(
    archive: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(blocking / "run"))
    done = _serve_once(archive)
    assert done.returncode == 1
    assert done.stderr == (
        f"issue-reader: error: cannot serve at {socket_of(archive)}: "
        f"the folder {blocking} is a file, not a folder\n"
    )


def test_a_read_only_runtime_folder_is_named(
    archive: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o555)
    if os.access(runtime, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    done = _serve_once(archive)
    assert done.returncode == 1
    # Not "not a folder of this user's alone": it could not be made at all.
    assert done.stderr == (
        f"issue-reader: error: cannot serve at {socket_of(archive)}: "
        f"{runtime / 'issue-reader'}: Permission denied\n"
    )


def test_a_private_socket_folder_this_user_cannot_write_is_one_line(
    archive: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "run" / "issue-reader"
    folder.mkdir(parents=True, mode=0o500)
    folder.chmod(0o500)  # this user's alone, and read-only
    if os.access(folder, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    done = _serve_once(archive)
    assert done.returncode == 1
    lock = socket_of(archive).with_suffix(".lock")
    assert done.stderr == f"issue-reader: error: cannot lock {lock}: Permission denied\n"
