"""``issue-reader ARGS``: which go to a command, which open the window, and what is said without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.__main__ import main
from tests.conftest import REPO, SAMPLE_ISSUES

NO_DISPLAY = "cannot open the window: there is no display"


def run(tmp_path: Path, *args: str, cwd: Path | None = None, **env: str):
    """``python -m reader ARGS`` in a bare environment: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "LANG": "C.UTF-8",
        # The package from this tree, even when the test runs in another folder.
        "PYTHONPATH": str(REPO),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd or REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_error_line(result) -> str:
    assert result.returncode == 1, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("issue-reader: error: ")
    return lines[0]


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")


def test_a_mistyped_command_is_answered_on_one_line(tmp_path):
    line = one_error_line(run(tmp_path, "frobnicate"))
    assert "'frobnicate' is not a command" in line
    assert "did you mean" not in line
    line = one_error_line(run(tmp_path, "serch", "x"))
    assert "'serch' is not a command" in line
    assert "did you mean 'search'?" in line


def test_a_folder_without_a_display_is_one_line_not_a_qt_abort(tmp_path):
    line = one_error_line(run(tmp_path, str(SAMPLE_ISSUES)))
    assert NO_DISPLAY in line
    # Several paths, as "Open With" gives them: still the window, never argparse's usage error.
    line = one_error_line(run(tmp_path, str(SAMPLE_ISSUES), str(REPO / "tests")))
    assert NO_DISPLAY in line


def test_an_x_display_that_does_not_answer_is_one_line(tmp_path):
    number = next(n for n in range(91, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    line = one_error_line(run(tmp_path, str(SAMPLE_ISSUES), DISPLAY=f":{number}"))
    assert f"the X display :{number} does not answer" in line


def test_a_lone_folder_named_like_a_command_is_opened_with_arguments_it_is_the_command(tmp_path):
    (tmp_path / "issues").mkdir()
    # Alone, it is the folder: the window is wanted (and there is no display to show it).
    assert NO_DISPLAY in one_error_line(run(tmp_path, "issues", cwd=tmp_path))
    # With an archive after it, the command lists that archive's issues.
    result = run(tmp_path, "issues", str(SAMPLE_ISSUES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "今日长子" in result.stdout


def test_commands_and_options_still_reach_the_command_line(capsys):
    assert main(["issues", str(SAMPLE_ISSUES)]) == 0
    assert "今日长子" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("issue-reader ")
    assert main(["search"]) == 1  # its arguments are missing: argparse's one line
    assert "required" in capsys.readouterr().err


def test_the_gui_launcher_takes_every_argument_as_a_path(tmp_path):
    # issue-reader-window, for menus and "Open With": even a command's name is a path to open.
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from reader.__main__ import gui_entry; gui_entry()",
            "issues",
        ],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert NO_DISPLAY in one_error_line(result)
