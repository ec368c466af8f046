"""Shared test fixtures: the ../shared samples (skipped when absent) and the bundled sample archive."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A slow search starts a search server in the background (reader.cli.starting): never in the
# tests, whose processes would outlive them; the tests of that set it back.
os.environ["ISSUE_READER_SERVER"] = "never"

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_ISSUES = REPO / "sample_issues"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Catalogues, indexes and per-user choices (aliases) go to folders of the test run's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("user-config"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("user-data"))


@pytest.fixture(autouse=True, scope="session")
def _private_runtime() -> Iterator[None]:
    """Search servers' sockets go to a folder of the test run's, with a short path: a
    socket's may not be longer than about a hundred bytes, and tmp_path's are long."""
    folder = tempfile.mkdtemp(prefix="ir-run-")
    os.environ["XDG_RUNTIME_DIR"] = folder
    yield
    shutil.rmtree(folder, ignore_errors=True)


def shared_path(relative: str) -> Path:
    """A path inside ../shared, or skip the test when that folder is not there."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not available")
    return path


@pytest.fixture
def seed_file() -> Path:
    """The bundled copy of the seed issue (its text kept exact)."""
    return next(SAMPLE_ISSUES.glob("*.txt"))
