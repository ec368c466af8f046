"""Publication aliases: misread mastheads suggested, accepted per user, never written to the archive."""

from __future__ import annotations

import shutil

import pytest

from reader.formats import FolderSource
from reader.formats.common.settings import read_settings
from reader.library import Library, aliases, paths
from reader.model import ArchiveSettings, NotFound
from tests.conftest import shared_path
from tests.library.weekly import listing, write_weekly

MISREAD = ["今日长子"] * 4 + ["今日长孑"]


def publications(library: Library) -> list[str]:
    return sorted({issue.publication for issue in library.issues})


def test_the_seed_masthead_is_suggested_from_its_own_text(tmp_path):
    seed = shared_path("seed")
    with Library.open(seed, cache_root=tmp_path) as library:
        (found,) = library.alias_suggestions()
    assert (found.masthead, found.name) == ("今日长孑", "今日长子")
    assert found.evidence == "长子"
    assert found.occurrences >= 3
    assert (found.masthead_issues, found.name_issues) == (1, 0)
    assert (found.issues_with, found.issues_read) == (1, 1)


def test_a_rare_misread_beside_the_majority_is_suggested(tmp_path):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    with Library.open(archive, cache_root=tmp_path / "cache") as library:
        assert publications(library) == ["今日长子", "今日长孑"]
        (found,) = library.alias_suggestions()
    assert (found.masthead, found.name) == ("今日长孑", "今日长子")
    assert (found.masthead_issues, found.name_issues) == (1, 4)
    assert found.evidence == "长子"


def test_accepting_makes_one_publication_for_every_later_open_and_never_writes_the_archive(
    tmp_path,
):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    cache = tmp_path / "cache"
    before = listing(archive)
    with Library.open(archive, cache_root=cache) as library:
        ids = sorted(issue.id for issue in library.issues)
        aliases.accept(library.archive, "今日长孑", "今日长子")
    # A new Library (as a new run of the program): the cached catalogue, the alias on top.
    with Library.open(archive, cache_root=cache) as library:
        assert publications(library) == ["今日长子"]
        assert len(library.issues) == 5
        assert sorted(issue.id for issue in library.issues) == ids  # positions stay valid
        assert library.alias_suggestions() == ()
        assert library.user_aliases.aliases == {"今日长孑": "今日长子"}
    with Library.open(archive, use_cache=False) as library:
        assert publications(library) == ["今日长子"]
    assert listing(archive) == before
    assert paths.aliases_file(archive).is_file()
    assert not paths.aliases_file(archive).is_relative_to(archive)
    # Forgotten, the two spellings come back, from the same cached catalogue.
    with Library.open(archive, cache_root=cache) as library:
        assert aliases.remove(library.archive, "今日长孑")
        assert not aliases.remove(library.archive, "今日长孑")
    with Library.open(archive, cache_root=cache) as library:
        assert publications(library) == ["今日长子", "今日长孑"]
    assert listing(archive) == before


def test_a_dismissed_masthead_is_not_suggested_again(tmp_path):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    with Library.open(archive, use_cache=False) as library:
        aliases.dismiss(library.archive, "今日长孑")
    with Library.open(archive, use_cache=False) as library:
        assert library.alias_suggestions() == ()
        assert publications(library) == ["今日长子", "今日长孑"]
        assert library.user_aliases.dismissed == ("今日长孑",)


def test_accepting_a_masthead_the_archive_lacks_is_refused(tmp_path):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    with Library.open(archive, use_cache=False) as library, pytest.raises(NotFound):
        aliases.accept(library.archive, "人民日报", "今日长子")
    assert not paths.aliases_file(archive).exists()


def test_the_index_publication_facet_follows_an_accepted_alias(tmp_path):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    index_dir = tmp_path / "index"
    with Library.open(archive, use_cache=False) as library:
        library.use_index_dir(index_dir)
        library.ensure_index(index_dir)
        facets = library.search("供热", limit=50).facets.publication
        assert facets == {"今日长子": 4, "今日长孑": 1}
        aliases.accept(library.archive, "今日长孑", "今日长子")
    with Library.open(archive, use_cache=False) as library:
        library.use_index_dir(index_dir)
        assert not library.index_current(index_dir)  # the renamed issue is indexed again
        library.ensure_index(index_dir)
        assert library.search("供热", limit=50).facets.publication == {"今日长子": 5}


def test_a_broken_aliases_file_is_ignored(tmp_path):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    file = paths.aliases_file(archive)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("{not json", encoding="utf-8")
    with Library.open(archive, use_cache=False) as library:
        assert publications(library) == ["今日长子", "今日长孑"]
        assert len(library.alias_suggestions()) == 1


@pytest.mark.parametrize(
    "settings",
    [
        ArchiveSettings(),
        ArchiveSettings("今日长子", ("今日长子", "今日長子"), "zh-Hans"),
        ArchiveSettings("Other Paper", (), "en"),
        ArchiveSettings('The "Standard"\\', ()),
    ],
)
def test_the_archive_toml_text_reads_back_as_the_same_alias(tmp_path, settings):
    masthead, name = "今日长孑", settings.publication or "今日长子"
    text = aliases.toml_text(settings, masthead, name)
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "archive.toml").write_text(text, encoding="utf-8")
    read, problems = read_settings(FolderSource(folder))
    assert problems == []
    assert read.publication == name
    assert read.publication_for(masthead) == name
    if settings.publication == name:
        assert set(settings.aliases) <= set(read.aliases)
    if settings.publication in ("", name):
        assert read.language == settings.language


def test_the_copied_text_in_archive_toml_does_what_the_user_alias_did(tmp_path):
    archive = write_weekly(tmp_path / "weekly", MISREAD)
    with Library.open(archive, use_cache=False) as library:
        (found,) = library.alias_suggestions()
        text = aliases.toml_text(library.archive.settings, found.masthead, found.name)
    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    (copy / "archive.toml").write_text(text, encoding="utf-8")
    with Library.open(copy, use_cache=False) as library:
        assert publications(library) == ["今日长子"]
        assert library.alias_suggestions() == ()
