"""``issue-reader search PATH PATH … QUERY``: several archives searched as one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SAMPLE_ISSUES
from tests.generator.generate import generate


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def archives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sample archive and two generated weeklies (the per-user cache kept in tmp)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shutil.copytree(SAMPLE_ISSUES, tmp_path / "sample")
    generate(tmp_path / "weekly-a", issues=8, articles=5, seed=1)
    generate(tmp_path / "weekly-b", issues=6, articles=5, seed=2)
    return [str(tmp_path / name) for name in ("sample", "weekly-a", "weekly-b")]


def test_the_total_is_the_sum_of_each_archive(capsys, archives):
    alone = []
    for path in archives:
        code, out, err = run(capsys, "search", path, "县", "--json", "-n", "0")
        assert code == 0, err
        alone.append(json.loads(out)["total"])
    assert all(alone)
    code, out, err = run(capsys, "search", *archives, "县", "--json", "-n", "500")
    assert code == 0, err
    data = json.loads(out)
    assert data["total"] == sum(alone)
    assert data["facets"]["archive"] == dict(zip(archives, alone, strict=True))
    assert {hit["archive"] for hit in data["hits"]} == set(archives)


def test_text_output_names_each_hits_archive_and_counts_them(capsys, archives):
    code, out, err = run(capsys, "search", *archives, "县", "会议")
    assert code == 0, err
    assert "By archive: " in out
    assert all(path in out for path in archives)


def test_a_query_word_that_is_no_path_ends_the_archives(capsys, archives):
    # "长子" is no file: the sample alone is searched, and the query is both words.
    code, out, err = run(capsys, "search", archives[0], "长子", "县", "--json")
    assert code == 0, err
    assert "archive" not in json.loads(out)["facets"]


def test_several_queries_over_several_archives(capsys, archives, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("县\n会议\n", encoding="utf-8")
    code, out, err = run(capsys, "search", *archives, "--queries", str(queries), "-n", "0")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["县", "会议"]
    assert all(set(line["facets"]["archive"]) == set(archives) for line in lines)


def test_one_index_dir_cannot_serve_several_archives(capsys, archives, tmp_path):
    code, _out, err = run(capsys, "search", *archives, "县", "--index-dir", str(tmp_path / "ix"))
    assert code == 1
    assert "--index-dir" in err


def test_kwic_reads_several_archives_as_one(capsys, archives):
    alone = []
    for path in archives:
        code, out, err = run(capsys, "kwic", path, "县", "--json", "-n", "5000")
        assert code == 0, err
        alone.append(json.loads(out))
    code, out, err = run(capsys, "kwic", *archives, "县", "--json", "-n", "5000")
    assert code == 0, err
    data = json.loads(out)
    assert data["complete"]
    assert len(data["lines"]) == sum(len(part["lines"]) for part in alone)
    assert data["articles"] == sum(part["articles"] for part in alone)
    counts = {
        path: sum(1 for line in data["lines"] if line["archive"] == path) for path in archives
    }
    assert counts == {path: len(part["lines"]) for path, part in zip(archives, alone, strict=True)}
    dates = [line["date"] or "9999" for line in data["lines"]]
    assert dates == sorted(dates)  # kwic's default order is by date


def test_kwic_over_several_archives_keeps_the_limit(capsys, archives):
    code, out, err = run(capsys, "kwic", *archives, "县", "--json", "-n", "7", "--sort", "right")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["lines"]) == 7 and not data["complete"]
    rights = [line["right"] for line in data["lines"]]
    assert rights == sorted(rights)
