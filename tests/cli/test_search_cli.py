"""``issue-reader index`` and ``issue-reader search``: output, JSON, errors, index location."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.progress import ProgressBar
from tests.conftest import SAMPLE_ISSUES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A writable copy of the bundled seed archive."""
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    return root


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user cache, kept inside the test's folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def test_search_json_finds_the_heating_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "search", str(SAMPLE_ISSUES), "供热", "--json", "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"total", "hits", "facets"}
    assert data["total"] == 1
    (hit,) = data["hits"]
    assert set(hit) == {
        "article_id",
        "issue_id",
        "publication",
        "date",
        "title",
        "title_derived",
        "page",
        "snippet",
        "score",
        "kicker",
        "subtitle",
        "byline",
        "column",
        "matched_fields",
        "matches",
    }
    assert hit["title"] == "我县召开供热工程项目协调会"
    assert hit["publication"] == "今日长子"
    assert hit["date"] == "2022-09-19"
    assert hit["issue_id"] in hit["article_id"]
    assert hit["score"] > 0
    assert hit["snippet"].count("<mark>供热</mark>") == 1
    assert "<mark>" not in hit["snippet"].replace("<mark>供热</mark>", "")
    assert data["facets"] == {"year": {"2022": 1}, "publication": {"今日长子": 1}}


def test_search_json_hits_in_rank_order_and_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "search", str(SAMPLE_ISSUES), "郭强", "--json", "--index-dir", str(tmp_path)
    )
    data = json.loads(out)
    scores = [hit["score"] for hit in data["hits"]]
    assert code == 0 and data["total"] == len(scores) == 3
    assert scores == sorted(scores, reverse=True)
    code, out, _ = run(
        capsys, "search", str(SAMPLE_ISSUES), "清化收", "--json", "--index-dir", str(tmp_path)
    )
    snippet = json.loads(out)["hits"][0]["snippet"]
    # The text's quotes are HTML-escaped-safe characters; the match is marked, nothing else.
    assert "<mark>清化收</mark>" in snippet
    assert snippet.count("<") == 2


def test_search_limit_and_sort(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ix = str(tmp_path / "ix")
    code, out, _ = run(
        capsys, "search", str(SAMPLE_ISSUES), "县", "--json", "--limit", "2", "--index-dir", ix
    )
    data = json.loads(out)
    assert code == 0 and data["total"] == 7 and len(data["hits"]) == 2
    code, out, _ = run(
        capsys, "search", str(SAMPLE_ISSUES), "县", "--json", "--sort", "oldest", "--index-dir", ix
    )
    assert code == 0 and len(json.loads(out)["hits"]) == 7
    code, out, _ = run(
        capsys, "search", str(SAMPLE_ISSUES), "县", "--json", "--limit", "0", "--index-dir", ix
    )
    assert json.loads(out)["hits"] == [] and json.loads(out)["total"] == 7


def test_search_human_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "供热", "--index-dir", str(tmp_path))
    assert code == 0
    assert out.startswith("1 article found.")
    assert "1. 我县召开[供热]工程项目协调会" in out
    assert "今日长子 · 2022-09-19" in out
    assert "   matches in: title, text\n" in out
    assert "召开[供热]工程项目协调会，" in out
    assert "\x1b[" not in out  # no terminal codes when piped
    assert "By year: 2022 (1)" in out


def test_search_with_no_hits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "search", str(SAMPLE_ISSUES), "不存在的词", "--index-dir", str(tmp_path)
    )
    assert (code, out) == (0, "0 articles found.\n")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"供热', 'the quote " is not closed'),
        ("供热 OR", "OR needs a term on both sides"),
        ("date:2022-13", "is not a valid date"),
        ("page:abc", "page:abc is not a page number"),
        ("number:x", "number:x is not an issue number"),
    ],
)
def test_malformed_query_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, query: str, message: str
) -> None:
    code, out, err = run(capsys, "search", str(SAMPLE_ISSUES), query, "--index-dir", str(tmp_path))
    assert code == 1 and out == ""
    assert err.startswith("issue-reader: error: ") and message in err
    assert err.count("\n") == 1


def test_bad_sort_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", str(SAMPLE_ISSUES), "供热", "--sort", "random")
    assert code == 1 and "invalid choice" in err


def test_index_builds_then_is_up_to_date_then_rebuilds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ix = str(tmp_path / "ix")
    code, out, _ = run(capsys, "index", str(SAMPLE_ISSUES), "--index-dir", ix)
    assert code == 0 and out.startswith("Index built: 8 articles in ") and out.rstrip().endswith(ix)
    code, out, _ = run(capsys, "index", str(SAMPLE_ISSUES), "--index-dir", ix)
    assert code == 0 and "already up to date (8 articles)" in out
    code, out, _ = run(capsys, "index", str(SAMPLE_ISSUES), "--index-dir", ix, "--rebuild")
    assert code == 0 and out.startswith("Index built: 8 articles")
    code, out, _ = run(capsys, "index", str(SAMPLE_ISSUES), "--index-dir", ix, "--json")
    assert code == 0
    assert json.loads(out) | {"seconds": 0} == {
        "index_dir": ix,
        "rebuilt": False,
        "added": 0,
        "changed": 0,
        "removed": 0,
        "articles": 8,
        "seconds": 0,
    }


def test_default_index_is_in_the_user_cache_not_the_archive(
    capsys: pytest.CaptureFixture[str], archive: Path, cache: Path
) -> None:
    before = sorted(p.name for p in archive.rglob("*"))
    code, out, _ = run(capsys, "index", str(archive))
    assert code == 0
    where = Path(out.rstrip().rsplit(": ", 1)[1])
    assert where.is_relative_to(cache / "issue-reader" / "indexes")
    assert (where / "meta.json").exists()
    assert sorted(p.name for p in archive.rglob("*")) == before


def test_search_updates_the_index_when_the_archive_changes(
    capsys: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, _ = run(capsys, "search", str(archive), "新增的词", "--json")
    assert code == 0 and json.loads(out)["total"] == 0
    issue = next(archive.glob("*.txt"))
    text = issue.read_text(encoding="utf-8").replace("本报讯", "本报讯 新增的词", 1)
    issue.write_text(text, encoding="utf-8")
    later = issue.stat().st_mtime_ns + 2_000_000_000
    os.utime(issue, ns=(later, later))
    code, out, _ = run(capsys, "search", str(archive), "新增的词", "--json")
    assert code == 0 and json.loads(out)["total"] == 1


def test_search_a_single_issue_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    issue = next(SAMPLE_ISSUES.glob("*.txt"))
    code, out, _ = run(capsys, "search", str(issue), "长子", "--json", "--index-dir", str(tmp_path))
    assert code == 0 and json.loads(out)["total"] == 4


def test_unwritable_index_dir_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "index", str(SAMPLE_ISSUES), "--index-dir", str(blocker / "ix"))
    # The file in the way named, not the system's "Not a directory" of a folder not there.
    assert (code, err) == (
        1,
        f"issue-reader: error: cannot write the search index in {blocker / 'ix'}: "
        f"the folder {blocker} is a file, not a folder\n",
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    terminal = _Terminal()
    bar = ProgressBar("Indexing", terminal)
    bar(0, 0)
    bar(5, 10)
    bar(10, 10)
    bar.finish()
    drawn = terminal.getvalue()
    assert "waiting for another process" in drawn
    assert "10/10" in drawn and drawn.endswith("\n")
    assert bar.line(5, 10) == "Indexing ▕" + "█" * 15 + "░" * 15 + "▏ 5/10"
    piped = io.StringIO()
    silent = ProgressBar("Indexing", piped)
    silent(1, 2)
    silent.finish()
    assert piped.getvalue() == ""


def test_a_cache_folder_under_a_file_is_warned_of_in_words(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = tmp_path / "index"
    assert run(capsys, "index", str(SAMPLE_ISSUES), "--index-dir", str(index))[0] == 0
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    caplog.clear()
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "供热", "--index-dir", str(index))
    assert code == 0 and "供热" in out
    warned = [record.getMessage() for record in caplog.records]
    # What could not be kept, and why in words: never "[Errno 20] …" nor NotADirectoryError(…).
    assert any("search-state" in message for message in warned), warned
    assert not [m for m in warned if "Errno" in m or "Error(" in m], warned


@pytest.mark.parametrize(
    ("command", "positionals"),
    [
        ("search", "PATH [PATH ...] [QUERY ...]"),
        ("kwic", "PATH [PATH ...] QUERY [QUERY ...]"),
        ("export", "PATH [PATH ...] QUERY [QUERY ...]"),
        ("issues", "PATH"),
    ],
)
def test_the_usage_line_says_how_many_paths(
    capsys: pytest.CaptureFixture[str], command: str, positionals: str
) -> None:
    # search, kwic and export read several archives as one: their usage says so, as their
    # descriptions do (search PATH [PATH …] QUERY); the others take one.
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    usage = " ".join(out.split("\n\n")[0].split())
    assert usage.endswith(f"] {positionals}")
