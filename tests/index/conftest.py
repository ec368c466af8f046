"""Fixtures for the index tests: archives on disk (the bundled seed, generated ones) and helpers."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from reader.library import Library
from reader.model import Issue
from tests.conftest import SAMPLE_ISSUES
from tests.generator.generate import generate


def file_fingerprints(root: Path, issues: Iterable[Issue]) -> dict[str, str]:
    """Each issue's fingerprint from the sizes and mtimes of its files (as the library does)."""
    result = {}
    for issue in issues:
        names = sorted({issue.source, *(a.source for a in issue.articles)} - {""})
        digest = hashlib.blake2b(digest_size=8)
        for name in names:
            path = root / name
            if path.is_file():
                stat = path.stat()
                digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
        result[issue.id] = digest.hexdigest()
    return result


def open_archive(root: Path) -> tuple[Library, dict[str, str]]:
    """The archive at ``root`` and its issues' fingerprints."""
    library = Library.open(root, use_cache=False)  # the importers' articles, text and all
    return library, file_fingerprints(library.root, library.issues)


@pytest.fixture(scope="session")
def generated_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated archive of 12 issues × 16 articles (read-only for the tests: copy it)."""
    root = tmp_path_factory.mktemp("generated") / "archive"
    generate(root, issues=12, articles=16, seed=3)
    return root


def copy_issues(generated: Path, root: Path, count: int) -> Path:
    """A writable archive at ``root``: the first ``count`` issues of ``generated`` and its
    ``archive.toml``."""
    root.mkdir()
    shutil.copy2(generated / "archive.toml", root / "archive.toml")
    for path in sorted(generated.glob("*.txt"))[:count]:
        shutil.copy2(path, root / path.name)
    return root


@pytest.fixture
def seed_archive() -> Path:
    """The bundled seed archive (one issue of 今日长子)."""
    return SAMPLE_ISSUES


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``root`` with its size and mtime: to prove nothing was written there."""
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            stat = (Path(folder) / name).stat()
            found[str(Path(folder, name).relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return found
