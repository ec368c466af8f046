"""Derived titles past the importers: the catalogue cache, the index, highlighting, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library, catalogue
from tests.formats.test_bl_hmd import METS, PAGE_1, PAGE_2

NOTICE = "Notice is given to creditors"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The BL reproducer: its second article has no title in the METS."""
    root = tmp_path / "archive"
    root.mkdir()
    (root / "issue_mets.xml").write_text(METS, encoding="utf-8")
    (root / "issue_0001.xml").write_text(PAGE_1, encoding="utf-8")
    (root / "issue_0002.xml").write_text(PAGE_2, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def _notice(library: Library):
    return next(a for a in library.issues[0].articles if a.title_derived)


def test_the_catalogue_cache_keeps_the_mark(archive: Path, tmp_path: Path) -> None:
    cache_root = tmp_path / "catalogues"
    first = Library.open(archive, cache_root=cache_root)
    calls: list[tuple[int, int]] = []
    second = Library.open(
        archive, lambda done, total: calls.append((done, total)), cache_root=cache_root
    )
    assert calls == [(1, 1)]  # read from the cache
    assert (_notice(second).title, _notice(second).title_derived) == (NOTICE, True)
    assert second.archive == first.archive


def test_the_cache_key_follows_the_model_code(tmp_path: Path) -> None:
    # A cache written before Article had title_derived has another code digest: it misses.
    package = Path(catalogue.__file__).resolve().parents[1]
    before = catalogue.source_digest(package, catalogue.CODE_FOLDERS)
    copy = tmp_path / "reader"
    for folder in catalogue.CODE_FOLDERS:
        for file in (package / folder).rglob("*.py"):
            target = copy / file.relative_to(package)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    assert catalogue.source_digest(copy, catalogue.CODE_FOLDERS) == before
    model = copy / "model" / "archive.py"
    model.write_text(model.read_text().replace("    title_derived: bool = False\n", ""))
    assert catalogue.source_digest(copy, catalogue.CODE_FOLDERS) != before


def test_a_derived_title_is_searched_as_body_text(archive: Path, tmp_path: Path) -> None:
    with Library.open(archive) as library:
        library.use_index_dir(tmp_path / "ix")
        library.update_index()
        (hit,) = library.search("creditors").hits
        assert (hit.title, hit.title_derived) == (NOTICE, True)
        # The match is marked in the derived title as in the body.
        assert [hit.title[s:e] for s, e in hit.title_spans] == ["creditors"]
        assert library.search("title:creditors").total == 0
        # A title the METS gives is still a title.
        (first,) = library.search("title:first").hits
        assert (first.title, first.title_derived) == ("FIRST NEWS.", False)
        # Highlighting the article whole: the body matches, a title: query matches nothing.
        notice = _notice(library)
        assert {f for f, _, _ in library.matches(notice.id, "creditors")} == {"body"}
        assert library.matches(notice.id, "title:creditors") == []


def test_the_command_line_marks_a_derived_title(archive: Path, capsys, tmp_path: Path) -> None:
    assert main(["articles", str(archive), "1901-02-03"]) == 0
    out = capsys.readouterr().out
    assert f"[{NOTICE}]" in out
    assert "[FIRST NEWS.]" not in out and "FIRST NEWS." in out

    assert main(["articles", str(archive), "1901-02-03", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["title_derived"]) for r in rows[:2]] == [
        ("FIRST NEWS.", False),
        (NOTICE, True),
    ]

    notice_id = rows[1]["id"]
    assert main(["show", str(archive), notice_id]) == 0
    assert f"\n[{NOTICE}]\n" in capsys.readouterr().out
    assert main(["show", str(archive), notice_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["title_derived"] is True

    ix = str(tmp_path / "ix")
    assert main(["search", str(archive), "creditors", "--index-dir", ix]) == 0
    assert f"1. [{NOTICE}]" in capsys.readouterr().out
    assert main(["search", str(archive), "creditors", "--index-dir", ix, "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)["hits"]
    assert (hit["title"], hit["title_derived"]) == (NOTICE, True)
