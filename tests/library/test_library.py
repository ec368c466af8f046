"""Library: finding an issue by what a person types, closing as a context manager, the code digest."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.catalogue import source_digest
from reader.model import NotFound
from tests.conftest import SAMPLE_ISSUES


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    return root


@pytest.mark.parametrize("wanted", ["2022-09-19-f6b602d7", "2022-09-19", "1810", "总1810期"])
def test_an_issue_is_found_by_id_date_or_printed_number(wanted: str) -> None:
    library = Library.open(SAMPLE_ISSUES)
    assert library.find_issue(wanted).id == "2022-09-19-f6b602d7"


@pytest.mark.parametrize("wanted", ["2022-09-20", "1811", "nothing", ""])
def test_no_match_is_not_found(wanted: str) -> None:
    library = Library.open(SAMPLE_ISSUES)
    with pytest.raises(NotFound, match="no issue with id, date or number"):
        library.find_issue(wanted)


def test_several_matches_name_their_ids(tmp_path: Path) -> None:
    seed = next(SAMPLE_ISSUES.glob("*.txt"))
    for name in ("a.txt", "b.txt"):
        shutil.copy(seed, tmp_path / name)
    library = Library.open(tmp_path)
    ids = ", ".join(issue.id for issue in library.issues)
    for wanted in ("2022-09-19", "1810"):
        with pytest.raises(NotFound) as caught:
            library.find_issue(wanted)
        assert str(caught.value) == f"2 issues match {wanted!r}; name one by its id: {ids}"
    # An id still names exactly one.
    assert library.find_issue(library.issues[1].id) is library.issues[1]


def _open_files_below(folder: Path) -> int:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc to list open files")
    found = 0
    for fd in fds.iterdir():
        try:
            target = Path(os.readlink(fd))
        except OSError:
            continue
        found += target.is_relative_to(folder)
    return found


def test_leaving_the_with_block_closes_the_searcher(archive: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    with Library.open(archive) as library:
        assert isinstance(library, Library)
        library.use_index_dir(folder)
        library.update_index()
        assert library.search("供热").total == 1
        assert _open_files_below(folder) > 0
    assert _open_files_below(folder) == 0
    # Closed is not finished: the next search opens the index again.
    assert library.search("郭强").total == 3
    library.close()
    assert _open_files_below(folder) == 0


def test_a_search_before_choosing_a_folder_uses_the_default_one(archive: Path) -> None:
    with Library.open(archive) as library:
        library.update_index(library.index_dir())
        other = Library.open(archive)
        assert other.search("供热").total == 1
        other.close()


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_code_digest_covers_subpackages(tmp_path: Path) -> None:
    files = {
        "formats/__init__.py": "a",
        "formats/text/reader.py": "b",
        "formats/mets/deep/alto.py": "c",
        "model/archive.py": "d",
        "formats/text/notes.txt": "not code",
    }
    first = source_digest(_tree(tmp_path / "one", files), ("formats", "model"))
    # Written in another order, the same files give the same digest.
    again = source_digest(
        _tree(tmp_path / "two", dict(reversed(files.items()))), ("formats", "model")
    )
    assert again == first
    (tmp_path / "one/formats/mets/deep/alto.py").write_text("c2", encoding="utf-8")
    assert source_digest(tmp_path / "one", ("formats", "model")) != first
    (tmp_path / "two/formats/text/notes.txt").write_text("edited", encoding="utf-8")
    assert source_digest(tmp_path / "two", ("formats", "model")) == first
    (tmp_path / "two/formats/text/reader.py").rename(tmp_path / "two/formats/reader.py")
    assert source_digest(tmp_path / "two", ("formats", "model")) != first
