"""Installed versions read from the .dist-info folders: importlib.metadata's answer, found quicker."""

from __future__ import annotations

import importlib.metadata

import pytest

import reader
from reader import versions


@pytest.mark.parametrize(
    "distribution", ["issue-reader", "Whoosh-Reloaded", "opencc-purepy", "numpy"]
)
def test_the_version_is_importlib_metadatas(distribution: str) -> None:
    assert versions.version(distribution) == importlib.metadata.version(distribution)


def test_a_distribution_not_installed_has_no_version() -> None:
    assert versions.version("no-such-distribution-here") is None


def test_the_program_says_its_installed_version() -> None:
    assert reader.__version__ == importlib.metadata.version("issue-reader")
