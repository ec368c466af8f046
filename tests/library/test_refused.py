"""Files the system refused to read: not trusted from the cache, read again once readable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.library import Library
from reader.model import Problem, Reason
from tests.conftest import SAMPLE_ISSUES

LATER = (
    "今日长子\n\n2022年10月5日\n\n总1805期\n\n## 县城集中供热\n\n本报讯 县城新建供热管网十公里。\n"
)


def _locked(root: Path) -> Path:
    """``later.txt`` below ``root``, its mode 000; skips when this process reads it anyway."""
    locked = root / "later.txt"
    locked.write_text(LATER, encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK, effective_ids=True):
        locked.chmod(0o644)
        pytest.skip("root reads files whatever their mode (run it under setpriv without DAC caps)")
    return locked


def _open(root: Path, cache: Path, lazy: bool = False) -> tuple[Library, list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    library = Library.open(
        root, lambda done, total: calls.append((done, total)), cache_root=cache, lazy=lazy
    )
    return library, calls


@pytest.mark.parametrize("search_first", [False, True])
def test_a_refused_file_is_read_again_once_readable(tmp_path: Path, search_first: bool) -> None:
    root, cache = tmp_path / "archive", tmp_path / "cache"
    shutil.copytree(SAMPLE_ISSUES, root)
    locked = _locked(root)
    first, _ = _open(root, cache)
    assert first.problems == (Problem("later.txt", Reason("permission_denied")),)
    assert len(first.issues) == 1
    first.fingerprints()  # remembered beside the cache, as a search does
    # Still refused: the cache is used as it is (its one refused file looked at, no more).
    again, calls = _open(root, cache)
    assert calls == [(1, 1)]
    assert again.problems == first.problems
    assert len(_open(root, cache, lazy=True)[0].fingerprints()) == 1
    # Its size and modification time stay; its change time, in the stamp, moves. (A refused
    # file that reads again with the stamp the same, a drive back, is looked at regardless.)
    locked.chmod(0o644)
    if search_first:
        # A search on the index reads no catalogue, only the fingerprints: they miss too.
        assert len(_open(root, cache, lazy=True)[0].fingerprints()) == 2
    after, calls = _open(root, cache)
    assert (calls == [(1, 1)]) is search_first  # read again, here or by the search
    assert after.problems == ()
    assert [i.number for i in after.issues] == ["1810", "1805"]
    # Then the cache is trusted again.
    assert _open(root, cache)[1] == [(1, 1)]


def test_a_file_refused_after_it_was_read_is_a_problem_at_the_next_open(tmp_path: Path) -> None:
    root, cache = tmp_path / "archive", tmp_path / "cache"
    shutil.copytree(SAMPLE_ISSUES, root)
    later = root / "later.txt"
    later.write_text(LATER, encoding="utf-8")
    first, _ = _open(root, cache)
    assert first.problems == ()
    later.chmod(0)
    if os.access(later, os.R_OK, effective_ids=True):
        later.chmod(0o644)
        pytest.skip("root reads files whatever their mode (run it under setpriv without DAC caps)")
    # Only its change time moved: the cache, which read it, must not be trusted.
    again, calls = _open(root, cache)
    assert calls != [(1, 1)]
    assert again.problems == (Problem("later.txt", Reason("permission_denied")),)
    assert [i.number for i in again.issues] == ["1810"]


def test_a_malformed_file_is_trusted_from_the_cache(tmp_path: Path) -> None:
    root, cache = tmp_path / "archive", tmp_path / "cache"
    shutil.copytree(SAMPLE_ISSUES, root)
    (root / "empty.txt").write_bytes(b"")
    first, _ = _open(root, cache)
    assert first.problems == (Problem("empty.txt", Reason("empty_file")),)
    again, calls = _open(root, cache)
    assert calls == [(1, 1)]
    assert again.problems == first.problems


def test_a_folder_that_cannot_be_opened_is_a_problem_and_read_once_it_can(tmp_path: Path) -> None:
    root, cache = tmp_path / "archive", tmp_path / "cache"
    shutil.copytree(SAMPLE_ISSUES, root)
    locked, empty = root / "locked", root / "empty"
    locked.mkdir()
    empty.mkdir()
    (locked / "later.txt").write_text(LATER, encoding="utf-8")
    locked.chmod(0)
    empty.chmod(0)
    try:
        if os.access(locked, os.R_OK, effective_ids=True):
            pytest.skip("root opens folders whatever their mode (run it under setpriv)")
        first, _ = _open(root, cache)
        assert first.problems == (
            Problem("empty/", Reason("folder_permission_denied")),
            Problem("locked/", Reason("folder_permission_denied")),
        )
        assert [i.number for i in first.issues] == ["1810"]
        assert _open(root, cache)[1] == [(1, 1)]  # unchanged: from the cache
        locked.chmod(0o755)
        after, calls = _open(root, cache)
        assert calls != [(1, 1)]  # its files are listed now: the stamp changed
        assert after.problems == (Problem("empty/", Reason("folder_permission_denied")),)
        assert [i.number for i in after.issues] == ["1810", "1805"]
        empty.chmod(0o755)  # nothing in it, but it opens: the stamp changes too
        assert _open(root, cache)[0].problems == ()
    finally:
        locked.chmod(0o755)
        empty.chmod(0o755)


def test_links_to_nothing_in_a_loop_or_out_are_problems_and_the_rest_opens(
    tmp_path: Path,
) -> None:
    root, cache = tmp_path / "archive", tmp_path / "cache"
    shutil.copytree(SAMPLE_ISSUES, root)
    (tmp_path / "outside.txt").write_text(LATER, encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "later.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "out.txt").symlink_to(tmp_path / "outside.txt")
    first, _ = _open(root, cache)
    assert first.problems == (
        Problem("dangling.txt", Reason("link_to_nothing")),
        Problem("loop.txt", Reason("link_loop")),
        Problem("out.txt", Reason("link_out_of_archive")),
    )
    assert [i.number for i in first.issues] == ["1810"]
    (root / "later.txt").write_text(LATER, encoding="utf-8")  # the link leads to a file now
    after, calls = _open(root, cache)
    assert calls != [(1, 1)]
    assert [i.source for i in after.issues] == [
        "000_a5ccaf801afbd13c.txt",
        "dangling.txt",
        "later.txt",
    ]
    assert [p.source for p in after.problems] == ["loop.txt", "out.txt"]
