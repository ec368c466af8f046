"""The files that travel with the program are found from a source tree."""

from __future__ import annotations

from reader.library import resources
from tests.conftest import REPO, SAMPLE_ISSUES


def test_a_source_tree_uses_its_top_level_folders() -> None:
    assert resources.resources_dir() == REPO / "resources"
    assert resources.sample_archive() == SAMPLE_ISSUES


def test_every_icon_size_and_the_desktop_files_exist() -> None:
    for size in resources.ICON_SIZES:
        assert resources.icon_file(size).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert resources.icon_file().read_text("utf-8").lstrip().startswith("<")
    assert f"Icon={resources.APP_ID}" in resources.desktop_file().read_text("utf-8")
    assert f"<id>{resources.APP_ID}</id>" in resources.metainfo_file().read_text("utf-8")
