"""The benchmark generator: the same arguments write the same bytes, of realistic county news."""

from __future__ import annotations

import collections
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.index.fold import fold
from reader.library import Library
from tests.generator.cast import Cast
from tests.generator.generate import Writer, generate, issue_dates, main
from tests.generator.queries import Query, queries, scan_query

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")
# Very common characters of modern Chinese news; the generator's commonest must be among them
# (the filler it replaced had 虚, 嘎 and 吏 on top).
COMMON = set(
    "的一是在了和有大这中人上为个国我以要他时来们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经进着等部度家力里如水化高自理小现实加量都两体制机当使点"
    "从业本去把性好应开合还因由其然前外天政日社事平形相全表间样与关各重新线内数正心反明看原又"
    "利比或但质气向道变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果员位入常文"
    "总次品式活设及管特件长求老头基资边流路级少图山统接知将组见计别手期根论运农指几区强放决被"
    "干做必先回则任取据处府研导记构感县镇村乡群众务保安责推落效施"
)


def _han(text: str) -> list[str]:
    return HAN.findall(text)


def test_the_same_arguments_write_the_same_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", issues=3, seed=7)
    again = generate(tmp_path / "b", issues=3, seed=7)
    other = generate(tmp_path / "c", issues=3, seed=8)
    assert [p.name for p in first] == [p.name for p in again] == [p.name for p in other]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert all(a.read_bytes() != b.read_bytes() for a, b in zip(first, other, strict=True))


def test_the_bytes_do_not_depend_on_string_hashing(tmp_path: Path) -> None:
    # A set iterated anywhere would make the output depend on PYTHONHASHSEED.
    here = generate(tmp_path / "here", issues=2, seed=4)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = tmp_path / "there"
    code = "import sys; from pathlib import Path; from tests.generator.generate import generate; "
    code += "generate(Path(sys.argv[1]), issues=2, seed=4)"
    subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, env=env, check=True)
    assert [p.read_bytes() for p in here] == [(out / p.name).read_bytes() for p in here]


def test_the_archive_loads_as_issues_of_sixteen_articles(tmp_path: Path) -> None:
    generate(tmp_path, issues=4, seed=2)
    library = Library.open(tmp_path, use_cache=False)
    assert not library.problems
    assert [i.date for i in library.issues] == list(issue_dates(4))
    for issue in library.issues:
        assert len(issue.articles) == 16
        for article in issue.articles:
            assert article.title and len(article.text) > 40 and article.authors


def test_an_issue_is_about_as_long_as_a_county_weekly(tmp_path: Path) -> None:
    # county-10y is 2,000 issues: 45–55 million characters in all.
    paths = generate(tmp_path, issues=20, seed=1)
    mean = sum(len(p.read_text(encoding="utf-8")) for p in paths) / len(paths)
    assert 22_500 < mean < 27_500


def test_the_commonest_characters_are_those_of_real_news(year: Library) -> None:
    chars = collections.Counter(
        c for issue in year.issues for article in issue.articles for c in _han(article.text)
    )
    total = sum(chars.values())
    top = [c for c, _ in chars.most_common(20)]
    assert set(top) <= COMMON, top
    assert 0.01 < chars["的"] / total < 0.03
    for char in "一在了和是有人大中":
        assert 0.001 < chars[char] / total < 0.015, char


def test_the_benchmark_queries_find_plausible_shares_of_articles(year: Library) -> None:
    texts = [
        (
            issue.date.isoformat() if issue.date else "",
            [fold(p) for p in (a.kicker, a.title, a.subtitle, a.text, a.column, *a.authors) if p],
        )
        for issue in year.issues
        for a in issue.articles
    ]
    bounds = {
        "2-4 chars": (0.02, 0.5),
        "names": (0.0, 0.3),
        "phrases": (0.005, 0.2),
        "single chars": (0.05, 1.0),
        "Latin": (0.005, 0.15),
        "boolean": (0.02, 0.5),
    }
    for query in queries(1):
        if query.dates and query.dates[0] > "2015-12-31":
            continue  # half a year of issues has none of later years
        share = scan_query(texts, query) / len(texts)
        low, high = bounds.get(query.kind, (0.0, 1.0))
        assert share > 0 and low <= share <= high, (query.text, share)
    # A resident's name (not an official's) is in a handful of articles.
    for name in Writer(1).names[:6]:
        assert scan_query(texts, Query("names", name, (name,))) < 0.01 * len(texts)


def test_officials_change_with_the_years() -> None:
    cast = Cast(1, random.Random(1))
    assert cast.leader(0, 2016) == cast.leader(0, 2016)
    assert len({cast.leader(0, year) for year in range(2015, 2025)}) >= 2
    assert len(set(cast.names)) == len(cast.names)


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "out"), "--issues", "2", "--articles", "4"]) == 0
    assert "2 issues" in capsys.readouterr().out
    assert len(list((tmp_path / "out").glob("*.txt"))) == 2
