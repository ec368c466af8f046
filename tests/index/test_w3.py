"""The whoosh adapter: its version check, and which whoosh failures count as a damaged index."""

from __future__ import annotations

import io
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from whoosh import formats
from whoosh.codec.base import PerDocumentReader
from whoosh.codec.whoosh3 import W3LeafMatcher, W3PerDocReader
from whoosh.filedb.structfile import StructFile

from reader.index import search, store, update_index, w3
from reader.index.damage import is_damage
from tests.conftest import SAMPLE_ISSUES
from tests.index.conftest import copy_issues, open_archive


def test_the_installed_whoosh_is_the_one_written_for() -> None:
    assert w3.installed_version() == w3.WRITTEN_FOR
    assert w3.version_problem(w3.WRITTEN_FOR) is None


def test_another_whoosh_release_is_refused_with_both_versions_and_a_remedy() -> None:
    message = w3.version_problem("2.7.6", expected="2.7.5")
    assert message is not None
    assert "Whoosh-Reloaded 2.7.5" in message
    assert "2.7.6 is installed" in message
    assert "pip install 'whoosh-reloaded==2.7.5'" in message
    assert "WRITTEN_FOR" in message


def test_a_missing_whoosh_is_refused() -> None:
    message = w3.version_problem(None, expected="2.7.5")
    assert message is not None
    assert "is not installed" in message


def _raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except Exception as exc:
        return exc
    raise AssertionError("nothing was raised")


def _closed_twice() -> None:
    handle = StructFile(io.BytesIO())
    handle.close()
    handle.close()


@pytest.mark.parametrize(
    "action",
    [
        lambda: zlib.decompress(b"not a zlib stream"),
        lambda: pickle.loads(b""),
        lambda: pickle.loads(b"\x00garbage"),
        lambda: b"\xff\xfe".decode("utf-8"),
        lambda: Path("/nonexistent/segment.pst").read_bytes(),
        # whoosh decoding garbage it read, and a posting list without its header
        lambda: StructFile(io.BytesIO(b"\x00" * 8)).read_array("z", 1),
        lambda: W3LeafMatcher(StructFile(io.BytesIO(b"JUNK" * 4)), 0, 16, formats.Existence()),
    ],
)
def test_data_errors_are_damage(action: Callable[[], object]) -> None:
    assert is_damage(_raised(action))


@pytest.mark.parametrize(
    "action",
    [
        # misuse of whoosh, and errors of code (ours or whoosh's) wherever they are raised
        _closed_twice,
        lambda: StructFile(None).read_int(),
        lambda: W3LeafMatcher(None, 0, 16, formats.Existence()),
        lambda: {}["key"],
        lambda: int("12x"),
    ],
)
def test_errors_of_code_are_not_damage(action: Callable[[], object]) -> None:
    assert not is_damage(_raised(action))


def test_a_whoosh_that_changed_fails_loudly_and_is_not_rebuilt(
    generated_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_issues(generated_archive, tmp_path / "archive", 2)
    index_dir = tmp_path / "index"
    library, fingerprints = open_archive(root)
    update_index(index_dir, library.issues, fingerprints)
    build = store.read_meta(index_dir).build  # type: ignore[union-attr]
    # As if a whoosh release had renamed a method its reader calls: an AttributeError raised
    # inside whoosh, which the old rule (anything raised in whoosh) took for damage.
    monkeypatch.delattr(W3PerDocReader, "column_reader")
    monkeypatch.delattr(PerDocumentReader, "column_reader")
    with pytest.raises(AttributeError, match="column_reader"):
        search(index_dir, "县")
    assert not (index_dir / store.DAMAGED_FILE).exists()
    with pytest.raises(AttributeError, match="column_reader"):
        update_index(index_dir, library.issues, fingerprints)
    monkeypatch.undo()
    assert store.read_meta(index_dir).build == build  # type: ignore[union-attr]
    assert search(index_dir, "县").total > 0


def test_the_files_of_a_real_index_are_named_and_checked_as_w3_says(tmp_path: Path) -> None:
    library, fingerprints = open_archive(SAMPLE_ISSUES)
    update_index(tmp_path / "index", library.issues, fingerprints)
    names = sorted(p.name for p in (tmp_path / "index" / store.WHOOSH_DIR).iterdir())
    ours = [name for name in names if w3.is_index_file(name, store.INDEX_NAME)]
    assert "_MAIN_1.toc" in ours
    assert [name for name in names if name not in ours] == ["MAIN_WRITELOCK"]
    assert [w3.toc_generation(name, store.INDEX_NAME) for name in ours].count(1) == 1
    assert store.latest_generation(tmp_path / "index" / store.WHOOSH_DIR) == 1
    checked = {name.rsplit(".", 1)[-1] for name in ours if w3.checked_file(name)}
    unchecked = {name.split(".", 1)[-1] for name in ours if not w3.checked_file(name)}
    assert {"trm", "toc"} <= checked
    assert unchecked == {"pst", "_stored.col"}
    assert w3.toc_generation("_OTHER_3.toc", store.INDEX_NAME) is None
