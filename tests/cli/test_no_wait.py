"""``issue-reader search --no-wait``: an answer at once from the index and a scan, never a build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.cli.answering import provisional_line
from reader.library.provisional import Coverage
from tests.generator.generate import generate

QUERIES = ("县委书记", "本报讯", '"乡村振兴"', "title:会议", "供热 OR 脱贫")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def search_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "search", *argv, "--json", "-n", "1000")
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    return found


def hits(found: dict[str, Any]) -> list[str]:
    return sorted(hit["article_id"] for hit in found["hits"])


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user cache (catalogues, the default index folder), inside the test's folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A generated archive of twelve issues."""
    root = tmp_path / "archive"
    generate(root, issues=12, articles=8, seed=5)
    return root


def test_without_an_index_the_whole_archive_is_scanned_and_nothing_is_built(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    now = {
        q: search_json(capsys, str(archive), q, "--no-wait", "--index-dir", str(index_dir))
        for q in QUERIES
    }
    assert not index_dir.exists()
    for found in now.values():
        assert found["provisional"] is True
        assert found["coverage"] == {"indexed": 0, "scanned": 12 * 8, "articles": 12 * 8}
    assert any(found["total"] for found in now.values())
    for query, found in now.items():  # the same answer as the index gives once built
        built = search_json(capsys, str(archive), query, "--index-dir", str(index_dir))
        assert "provisional" not in built
        assert (found["total"], found["facets"]) == (built["total"], built["facets"])
        assert hits(found) == hits(built)


def test_a_stale_index_answers_for_what_it_holds_and_the_rest_is_scanned(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    assert run(capsys, "index", str(archive), "--index-dir", str(index_dir))[0] == 0
    meta = (index_dir / "meta.json").read_bytes()
    # One issue changed (a phrase added to each article), one added: 2 of 13 issues unindexed.
    changed, copied = sorted(archive.glob("*.txt"))[:2]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("本报讯", "本报讯 县委书记"), encoding="utf-8")
    shutil.copy(copied, archive / "2099-01-01_00099.txt")
    articles = sum(1 for _ in archive.glob("*.txt")) * 8
    for query in QUERIES:
        found = search_json(capsys, str(archive), query, "--no-wait", "--index-dir", str(index_dir))
        assert found["provisional"] is True
        assert found["coverage"]["articles"] == articles
        assert found["coverage"]["indexed"] == articles - 2 * 8
        assert found["coverage"]["scanned"] == 2 * 8
        assert (index_dir / "meta.json").read_bytes() == meta  # not updated
        built_dir = tmp_path / f"built-{len(query)}"
        built = search_json(capsys, str(archive), query, "--index-dir", str(built_dir))
        assert (found["total"], found["facets"]) == (built["total"], built["facets"])
        assert hits(found) == hits(built)
    code, out, _ = run(
        capsys, "search", str(archive), "县委书记", "--no-wait", "--index-dir", str(index_dir)
    )
    assert code == 0
    assert (
        f"Provisional: the index holds {articles - 16:,} of the {articles:,} articles as they "
        f"are now; the other 16 were scanned. Run 'issue-reader index {archive}' to bring it "
        "up to date." in out
    )


def test_a_current_index_is_searched_as_without_no_wait(
    capsys: pytest.CaptureFixture[str], archive: Path
) -> None:
    assert run(capsys, "index", str(archive))[0] == 0
    found = search_json(capsys, str(archive), "县委书记", "--no-wait")
    assert found.pop("provisional") is False
    assert "coverage" not in found
    assert found == search_json(capsys, str(archive), "县委书记")
    code, out, _ = run(capsys, "search", str(archive), "县委书记", "--no-wait")
    assert code == 0 and "Provisional" not in out


def test_many_queries_without_waiting_give_one_provisional_line_each(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    file = tmp_path / "queries.txt"
    file.write_text("县委书记\ntitle:(\n本报讯\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    code, out, _ = run(
        capsys,
        "search",
        str(archive),
        "--queries",
        str(file),
        "--no-wait",
        "--index-dir",
        str(index_dir),
    )
    assert code == 1  # the malformed query
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["县委书记", "title:(", "本报讯"]
    assert "error" in lines[1]
    for line in (lines[0], lines[2]):
        assert line["provisional"] is True and line["coverage"]["indexed"] == 0
        assert line["total"] > 0
    assert not index_dir.exists()


def test_no_wait_takes_one_archive(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(archive, other)
    code, out, err = run(capsys, "search", str(archive), str(other), "县委书记", "--no-wait")
    assert code == 1 and out == ""
    assert "--no-wait searches one archive" in err


def test_an_index_of_none_of_the_issues_as_they_are_says_so(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    code, out, _ = run(
        capsys, "search", str(archive), "县委书记", "--no-wait", "--index-dir", str(index_dir)
    )
    assert code == 0
    assert "Provisional: there is no index yet; all 96 articles were scanned." in out
    assert run(capsys, "index", str(archive), "--index-dir", str(index_dir))[0] == 0
    for path in archive.glob("*.txt"):  # every issue changed since (its time)
        later = path.stat().st_mtime_ns + 2_000_000_000
        os.utime(path, ns=(later, later))
    found = search_json(
        capsys, str(archive), "县委书记", "--no-wait", "--index-dir", str(index_dir)
    )
    assert found["coverage"] == {"indexed": 0, "scanned": 96, "articles": 96}
    code, out, _ = run(
        capsys, "search", str(archive), "县委书记", "--no-wait", "--index-dir", str(index_dir)
    )
    assert (
        "Provisional: the index holds none of the 96 articles as they are now; all 96 were" in out
    )


def test_a_budget_bounds_the_scan_and_the_result_says_how_much_it_covers(
    capsys: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    argv = ("县委书记", "--no-wait", "--budget", "0", "--index-dir", str(index_dir))
    found = search_json(capsys, str(archive), *argv)
    # One issue is always folded; with no time left the others wait for the next search.
    assert found["coverage"] == {"indexed": 0, "scanned": 8, "articles": 96}
    code, out, _ = run(capsys, "search", str(archive), *argv)
    assert code == 0
    assert "Provisional: there is no index yet; 8 of 96 articles were scanned." in out
    code, _, err = run(capsys, "search", str(archive), "县委书记", "--budget", "1")
    assert code == 1 and "with --no-wait" in err


@pytest.mark.parametrize(
    ("coverage", "said"),
    [
        ((95, 1, 96), "; the other 1 was scanned."),
        ((94, 2, 96), "; the other 2 were scanned."),
        ((0, 1, 1), "there is no index yet; all 1 article was scanned."),
        ((0, 1, 96), "there is no index yet; 1 of 96 articles was scanned."),
    ],
)
def test_one_article_scanned_is_said_in_the_singular(
    coverage: tuple[int, int, int], said: str
) -> None:
    line = provisional_line(Coverage(*coverage), "A", has_index=coverage[0] > 0)
    assert said in line, line
