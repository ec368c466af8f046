"""install-desktop / uninstall-desktop: the menu entry, icons and metainfo below XDG_DATA_HOME."""

from __future__ import annotations

import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import desktop, resources
from tests.conftest import REPO

APP_ID = resources.APP_ID
ENTRY = Path("applications") / f"{APP_ID}.desktop"


def tree(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` by relative path, with its content."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def folders(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_dir()}


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("="))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def fake_launcher(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    launcher = folder / "issue-reader"
    launcher.write_text("#!/bin/sh\n", encoding="utf-8")
    launcher.chmod(0o755)
    return launcher


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m reader ARGS`` with HOME and XDG_DATA_HOME in tmp_path."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_install_twice_writes_the_same_files_then_uninstall_leaves_nothing(tmp_path):
    home = tmp_path / "data"
    launcher = fake_launcher(tmp_path / "venv" / "bin")
    first = desktop.install(launcher, home)
    written = tree(home)
    ours = {str(path.relative_to(home)) for path in first.changed}
    assert str(ENTRY) in ours
    assert f"metainfo/{APP_ID}.metainfo.xml" in ours
    for size in resources.ICON_SIZES:
        assert f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in ours
    assert f"icons/hicolor/scalable/apps/{APP_ID}.svg" in ours
    # Copies, byte for byte, of what travels with the program.
    assert written[f"icons/hicolor/48x48/apps/{APP_ID}.png"] == resources.icon_file(48).read_bytes()
    # Nothing but our files and the caches the desktop tools keep.
    assert set(written) - ours <= {"applications/mimeinfo.cache", "icons/hicolor/icon-theme.cache"}

    second = desktop.install(launcher, home)
    assert second.changed == ()
    assert set(second.unchanged) == set(first.changed)
    assert second.refreshed == ()
    assert tree(home) == written

    removed = desktop.uninstall(home)
    assert set(removed.changed) == set(first.changed)
    assert list(home.iterdir()) == []
    # Not installed: nothing to do, nothing touched.
    assert desktop.uninstall(home).changed == ()
    assert list(home.iterdir()) == []


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_uninstall_leaves_another_programs_files_and_caches_as_they_were(tmp_path):
    home = tmp_path / "data"
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "other.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other %f\nMimeType=application/zip;\n",
        encoding="utf-8",
    )
    icons = home / "icons" / "hicolor" / "48x48" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(resources.icon_file(48), icons / "other.png")
    (home / "metainfo").mkdir()
    for tool, folder in (
        (["update-desktop-database", "-q"], home / "applications"),
        (["gtk-update-icon-cache", "-f", "-t", "-q"], home / "icons" / "hicolor"),
    ):
        if shutil.which(tool[0]):
            subprocess.run([*tool, str(folder)], check=True)
    before, before_folders = tree(home), folders(home)

    desktop.install(fake_launcher(tmp_path / "bin"), home)
    assert (home / ENTRY).is_file()
    if shutil.which("update-desktop-database"):
        cache = (home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{APP_ID}.desktop" in cache  # "Open With" offers us for folders and zips
    desktop.uninstall(home)

    assert tree(home) == before
    assert folders(home) == before_folders


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_the_entry_runs_the_launcher_by_absolute_path_and_passes_the_validator(tmp_path):
    # A path with a space and a quote: Exec needs quoting, TryExec does not.
    launcher = fake_launcher(tmp_path / "my venv's" / "bin")
    desktop.install(launcher, tmp_path / "data")
    written = tmp_path / "data" / ENTRY
    values = entry(written)
    command, *arguments = shlex.split(values["Exec"])
    assert command == str(launcher)
    assert arguments == ["%F"]
    assert values["TryExec"] == str(launcher)
    assert values["Icon"] == APP_ID
    assert {"inode/directory", "application/zip"} <= set(values["MimeType"].split(";"))
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    result = subprocess.run([validator, str(written)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_the_command_installs_below_xdg_data_home_only_and_names_a_real_launcher(tmp_path):
    result = run_cli(tmp_path, "install-desktop", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    data = tmp_path / "home" / "data"
    assert report["data_home"] == str(data)
    launcher = Path(report["launcher"])
    assert launcher.is_absolute() and launcher.is_file() and os.access(launcher, os.X_OK)
    assert shlex.split(entry(data / ENTRY)["Exec"])[0] == str(launcher)
    # Nothing written anywhere in HOME but below XDG_DATA_HOME.
    outside = [path for path in (tmp_path / "home").rglob("*") if data not in (path, *path.parents)]
    assert outside == []

    again = run_cli(tmp_path, "install-desktop")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Issue Reader is already in the menu")
    assert len(again.stdout.splitlines()) == 1

    removed = run_cli(tmp_path, "uninstall-desktop")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith(
        f"Removed Issue Reader from the menu: {len(report['changed'])}"
    )
    assert list(data.iterdir()) == []


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_a_menu_folder_that_cannot_be_written_is_one_line(tmp_path):
    data = tmp_path / "home" / "data"
    data.mkdir(parents=True)
    (data / "applications").write_text("not a folder", encoding="utf-8")
    result = run_cli(tmp_path, "install-desktop")
    assert (result.returncode, result.stdout) == (1, "")
    # Not the system's "File exists": the file where the folder should be.
    assert result.stderr == (
        "issue-reader: error: could not put Issue Reader in the menu: "
        f"the folder {data / 'applications'} is a file, not a folder\n"
    )


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_a_data_folder_under_a_file_is_named(tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "data").write_text("not a folder", encoding="utf-8")
    result = run_cli(tmp_path, "install-desktop")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "issue-reader: error: could not put Issue Reader in the menu: "
        f"the folder {tmp_path / 'home' / 'data'} is a file, not a folder\n"
    )


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="freedesktop menus only")
def test_a_file_that_cannot_be_written_is_named_not_its_temporary(tmp_path):
    home = tmp_path / "data"
    (home / "applications").mkdir(parents=True, mode=0o555)
    if os.access(home / "applications", os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    with pytest.raises(PermissionError) as raised:
        desktop.install(fake_launcher(tmp_path / "bin"), home)
    assert raised.value.filename == str(home / ENTRY)
    assert list((home / "applications").iterdir()) == []


def test_data_home_follows_xdg_data_home_and_ignores_a_relative_one(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == Path.home() / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop.data_home() == Path.home() / ".local" / "share"
