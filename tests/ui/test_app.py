"""Start-up: ``python -m reader PATH`` in a real process opens the window on that archive."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.conftest import REPO, SAMPLE_ISSUES


def test_the_window_starts_opens_the_archive_and_indexes_it(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    settings_file = tmp_path / "config" / "issue-reader" / "issue-reader.ini"
    indexes = tmp_path / "cache" / "issue-reader" / "indexes"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", str(SAMPLE_ISSUES)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Up when the archive is remembered and its index (built in a spawned process) is there.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            opened = settings_file.exists() and "last_archive" in settings_file.read_text("utf-8")
            if opened and list(indexes.glob("*/meta.json")):
                break
            time.sleep(0.2)
        assert process.poll() is None, process.communicate()[1]
        assert str(SAMPLE_ISSUES) in settings_file.read_text(encoding="utf-8")
        assert list(indexes.glob("*/meta.json"))
        # SIGTERM closes the window as its close button would: the geometry is saved.
        process.terminate()
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    log = (tmp_path / "state" / "issue-reader" / "log" / "issue-reader.log").read_text("utf-8")
    assert "started" in log
    assert "starting a worker process" in log
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    assert "geometry=" in settings_file.read_text(encoding="utf-8")
