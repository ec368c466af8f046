"""The catalogue cache: a reopened archive comes from the cache, and any change makes it miss."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.library import Library, catalogue
from tests.conftest import SAMPLE_ISSUES


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    for day in (5, 12):  # two more issues, so reading the files takes more than one step
        (root / f"2022-10-{day:02d}.txt").write_text(
            f"今日长子\n\n2022年10月{day}日\n\n总{1800 + day}期\n\n## 县城集中供热\n\n"
            "本报讯 县城新建供热管网十公里，今冬全面供热。\n",
            encoding="utf-8",
        )
    return root


def _open(root: Path, cache: Path) -> tuple[Library, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    library = Library.open(root, lambda done, total: calls.append((done, total)), cache_root=cache)
    return library, calls


def _count(library: Library, word: str) -> int:
    return sum(
        (a.headline + library.with_text(a).text).count(word)
        for issue in library.issues
        for a in issue.articles
    )


def _touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(later, later))


def test_a_second_open_reads_the_cache_and_gives_the_same_catalogue(
    archive: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first, read = _open(archive, cache)
    second, cached = _open(archive, cache)
    assert len(read) > 1  # every file was read the first time
    assert cached == [(1, 1)]  # one step: the cache
    assert second.archive == first.archive
    cached_file = catalogue.cache_file(cache, archive)
    names = sorted(p.name for p in cache.iterdir())
    assert names == [cached_file.name, catalogue.text_file(cached_file).name]
    assert not list(archive.rglob("*.pickle"))  # nothing written into the archive


def test_an_edited_added_or_removed_file_is_read_again(archive: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    seed = next(archive.glob("*.txt"))
    original, _ = _open(archive, cache)
    text = seed.read_text(encoding="utf-8")
    _touch(seed, text.replace("供热", "供暖", 1))
    edited, calls = _open(archive, cache)
    assert len(calls) > 1
    assert edited.archive != original.archive
    assert _count(edited, "供暖") == _count(original, "供暖") + 1
    (archive / "empty.txt").write_bytes(b"")
    added, calls = _open(archive, cache)
    assert len(calls) > 1
    assert [p.source for p in added.problems] == ["empty.txt"]
    assert len(added.issues) == len(original.issues)
    (archive / "empty.txt").unlink()
    removed, _ = _open(archive, cache)
    assert removed.problems == ()


def test_an_edited_archive_toml_is_read_again(archive: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before, _ = _open(archive, cache)
    _touch(
        archive / "archive.toml", 'publication = "长子周报"\nmastheads = ["今日长子", "今日长孑"]\n'
    )
    after, _ = _open(archive, cache)
    assert before.issues[0].publication != "长子周报"
    assert after.issues[0].publication == "长子周报"


def test_a_changed_mode_is_read_again_and_reading_moves_no_change_time(
    archive: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first, _ = _open(archive, cache)
    # Reading the files (and writing the cache) changed nothing the stamp covers: a hit.
    assert _open(archive, cache)[1] == [(1, 1)]
    seed = next(archive.glob("*.txt"))
    before = seed.stat()
    seed.chmod(0o600)  # readable still, root or not; a mode may as well make it unreadable
    after = seed.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ctime_ns != before.st_ctime_ns
    again, calls = _open(archive, cache)
    assert len(calls) > 1
    assert again.archive == first.archive
    assert _open(archive, cache)[1] == [(1, 1)]


def test_a_damaged_cache_file_is_a_miss(archive: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, _ = _open(archive, cache)
    cached = catalogue.cache_file(cache, archive)
    damaged = cached.read_bytes()[:200]
    # A new file, as every write of the cache makes: the first library still reads its own.
    cached.unlink()
    cached.write_bytes(damaged)
    again, calls = _open(archive, cache)
    assert len(calls) > 1
    assert again.archive == first.archive
    found = catalogue.load(cached, catalogue.stamp(Library.file_state(archive)))
    assert found is not None
    assert found.archive == first.archive


def test_an_unwritable_cache_folder_still_opens(archive: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    library, _ = _open(archive, blocker / "cache")
    assert library.issues


def test_without_the_cache_nothing_is_written(archive: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    Library.open(archive, cache_root=cache, use_cache=False)
    assert not cache.exists()


def test_an_archive_of_many_issues_comes_back_whole(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    count = 2 * catalogue.CHUNK + 3  # cached in several pickles
    for n in range(count):
        (root / f"issue-{n:03d}.txt").write_text(
            f"今日长子\n\n2021年3月{n % 28 + 1}日\n\n总{1000 + n}期\n\n## 第{n}期要闻\n\n本报讯 正文{n}。\n",
            encoding="utf-8",
        )
    first, _ = _open(root, tmp_path / "cache")
    second, cached = _open(root, tmp_path / "cache")
    assert cached == [(1, 1)]
    assert len(second.issues) == count
    assert second.archive == first.archive


def test_a_page_image_added_beside_the_issues_keeps_the_cache(
    archive: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first, _ = _open(archive, cache)
    (archive / "page-01.jpg").write_bytes(b"\xff\xd8\xff\xe0 not read by any importer")
    again, calls = _open(archive, cache)
    assert calls == [(1, 1)]
    assert again.archive == first.archive


def test_a_value_repeated_within_an_issue_is_one_object_after_a_reopen(
    archive: Path, tmp_path: Path
) -> None:
    _open(archive, tmp_path / "cache")
    library, _ = _open(archive, tmp_path / "cache")
    several = [list(issue.articles) for issue in library.issues if len(issue.articles) > 1]
    assert several
    for articles in several:
        assert len({id(a.language) for a in articles}) == len({a.language for a in articles})
        assert len({id(a.source) for a in articles}) == len({a.source for a in articles})


def test_a_cache_folder_under_a_file_is_warned_of_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocking / "cache"))
    with Library.open(SAMPLE_ISSUES) as library:  # read as if there were no cache at all
        assert library.archive.article_count > 0
    warned = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    # One warning for the cache's folder (not one per file, nor its temporary files), and
    # why, in words: no "[Errno 20] …".
    assert len(warned) == 1, warned
    assert warned[0].startswith("cannot write the cache in ")
    assert f": the folder {blocking} is a file, not a folder (" in warned[0]
