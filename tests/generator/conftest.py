"""Fixtures for the generator tests: half a year of generated issues, loaded once."""

from __future__ import annotations

import pytest

from reader.library import Library
from tests.generator.generate import generate


@pytest.fixture(scope="session")
def year(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Half a year of issues from seed 1 (the benchmark's seed), loaded."""
    root = tmp_path_factory.mktemp("generated") / "archive"
    generate(root, issues=100, seed=1)
    return Library.open(root, use_cache=False)
