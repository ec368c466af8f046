"""Searching: ranking, date order, facets and filters, fields, snippets with exact spans."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.index import (
    IndexSearcher,
    QueryError,
    SearchFilters,
    search,
    snippet_html,
    update_index,
)
from reader.index.snippets import Snippet, find_matches, make_snippet
from reader.model import Article, IndexUnavailable, Issue


def _issue(
    issue_id: str,
    publication: str,
    date: dt.date | None,
    articles: list[dict[str, object]],
    number: str = "",
) -> Issue:
    return Issue(
        id=issue_id,
        publication=publication,
        date=date,
        number=number,
        articles=tuple(
            Article(id=f"{issue_id}-{n}", issue_id=issue_id, **fields)  # type: ignore[arg-type]
            for n, fields in enumerate(articles, start=1)
        ),
    )


ISSUES = [
    _issue(
        "a2021",
        "甲报",
        dt.date(2021, 3, 1),
        [
            {"title": "供热工程开工", "paragraphs": ("冬季供暖准备就绪。",), "page": "1"},
            {
                "title": "乡村振兴",
                "paragraphs": ("供热管网改造。供热站扩建。另一处供热设施。",),
                "page": "2",
            },
        ],
        number="101",
    ),
    _issue(
        "b2022",
        "乙报",
        dt.date(2022, 9, 19),
        [
            {
                "title": "𠮷野家开业",
                "paragraphs": ("前文𠮷野家后文，𠮷野家再次出现。", "第二段没有它。"),
                "authors": ("郭强", "刘盼"),
                "column": "要闻",
                "page": "2",
            },
            {"title": "長子縣新聞", "kicker": "今日看点", "paragraphs": ("长子县召开会议。",)},
        ],
    ),
    _issue(
        "c-undated",
        "甲报",
        None,
        [{"title": "疫情通报", "paragraphs": ("COVID-19 疫情平稳，PM2.5 达标，供热正常。",)}],
    ),
    _issue(
        "d2022",
        "甲报",
        dt.date(2022, 1, 15),
        [
            {"title": "年初供热检查", "paragraphs": ("郭强检查供热。",), "page": "3"},
            {"title": "无关新闻", "paragraphs": ("今天天气很好。",)},
        ],
    ),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search") / "index"
    update_index(folder, ISSUES, {i.id: "1" for i in ISSUES})
    return folder


def _ids(index_dir: Path, query: str, **options: object) -> list[str]:
    return [hit.article_id for hit in search(index_dir, query, limit=50, **options).hits]  # type: ignore[arg-type]


def test_title_hits_rank_above_body_hits(index_dir: Path) -> None:
    ids = _ids(index_dir, "供热")
    # Once in a title beats three times in a body.
    assert set(ids[:2]) == {"a2021-1", "d2022-1"}
    assert ids.index("a2021-1") < ids.index("a2021-2")
    assert set(ids) == {"a2021-1", "a2021-2", "d2022-1", "c-undated-1"}


def test_date_order_puts_undated_last(index_dir: Path) -> None:
    assert _ids(index_dir, "供热", sort="newest") == [
        "d2022-1",
        "a2021-1",
        "a2021-2",
        "c-undated-1",
    ]
    assert _ids(index_dir, "供热", sort="oldest") == [
        "a2021-1",
        "a2021-2",
        "d2022-1",
        "c-undated-1",
    ]
    with pytest.raises(ValueError, match="sort must be one of"):
        search(index_dir, "供热", sort="random")  # type: ignore[arg-type]


def test_scores_are_reported_in_every_order(index_dir: Path) -> None:
    by_relevance = {h.article_id: h.score for h in search(index_dir, "供热").hits}
    by_date = {h.article_id: h.score for h in search(index_dir, "供热", sort="newest").hits}
    assert by_date == pytest.approx(by_relevance)
    assert all(score > 0 for score in by_date.values())


def test_total_counts_past_the_limit(index_dir: Path) -> None:
    result = search(index_dir, "供热", limit=2)
    assert result.total == 4
    assert len(result.hits) == 2


def test_facets_count_each_year_and_publication(index_dir: Path) -> None:
    result = search(index_dir, "供热")
    assert result.facets.year == {"2021": 2, "2022": 1, "undated": 1}
    assert result.facets.publication == {"甲报": 4}
    result = search(index_dir, "郭强")
    assert result.facets.year == {"2022": 2}
    assert result.facets.publication == {"乙报": 1, "甲报": 1}


def test_month_facet_counts_the_filtered_hits(index_dir: Path) -> None:
    result = search(index_dir, "供热")
    assert result.facets.month == {"2021-03": 2, "2022-01": 1, "undated": 1}
    in_2021 = search(index_dir, "供热", filters=SearchFilters(years=("2021",)))
    assert in_2021.facets.month == {"2021-03": 2}
    of_b = search(index_dir, "郭强", filters=SearchFilters(publications=("乙报",)))
    assert of_b.facets.month == {"2022-09": 1}


def test_a_month_narrows_the_hits_but_not_the_facets(index_dir: Path) -> None:
    whole = search(index_dir, "供热")
    result = search(index_dir, "供热", filters=SearchFilters(months=("2022-01",)))
    assert [h.article_id for h in result.hits] == ["d2022-1"]
    assert result.total == 1
    assert result.facets == whole.facets
    in_year = SearchFilters(years=("2021",), months=("2022-01",))
    assert search(index_dir, "供热", filters=in_year).total == 0


def test_filters_and_the_facets_of_the_other_dimension(index_dir: Path) -> None:
    result = search(index_dir, "郭强", filters=SearchFilters(publications=("乙报",)))
    assert [h.article_id for h in result.hits] == ["b2022-1"]
    assert result.total == 1
    # The publication facet ignores the publication filter, so the choice can be changed.
    assert result.facets.publication == {"乙报": 1, "甲报": 1}
    assert result.facets.year == {"2022": 1}
    result = search(index_dir, "供热", filters=SearchFilters(years=("2021", "undated")))
    assert {h.article_id for h in result.hits} == {"a2021-1", "a2021-2", "c-undated-1"}
    assert result.facets.year == {"2021": 2, "2022": 1, "undated": 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("供热 郭强", {"d2022-1"}),
        ("供热 OR 郭强", {"a2021-1", "a2021-2", "d2022-1", "c-undated-1", "b2022-1"}),
        ("供热 -郭强", {"a2021-1", "a2021-2", "c-undated-1"}),
        ("供热 NOT 郭强", {"a2021-1", "a2021-2", "c-undated-1"}),
        ("-供热 -郭强", {"b2022-2", "d2022-2"}),
        # whoosh's own ANDNOT keeps d2022-1 here (a 郭强 article comes before it).
        ("检查 -郭强", set()),
        ("检查 OR -郭强", {"a2021-1", "a2021-2", "b2022-2", "c-undated-1", "d2022-1", "d2022-2"}),
        ("(供热 OR 疫情) 达标", {"c-undated-1"}),
        ("供热 (-郭强 OR 检查)", {"a2021-1", "a2021-2", "c-undated-1", "d2022-1"}),
        ("title:供热", {"a2021-1", "d2022-1"}),
        ("title:今日看点", {"b2022-2"}),
        ("author:郭强", {"b2022-1"}),
        ("author:郭", {"b2022-1"}),
        ("column:要闻", {"b2022-1"}),
        ("page:2", {"a2021-2", "b2022-1"}),
        ("publication:乙报", {"b2022-1", "b2022-2"}),
        ("publication:乙", {"b2022-1", "b2022-2"}),
        ("number:101", {"a2021-1", "a2021-2"}),
        ("date:2022", {"b2022-1", "b2022-2", "d2022-1", "d2022-2"}),
        ("date:2022-09", {"b2022-1", "b2022-2"}),
        ("date:2022-09-19", {"b2022-1", "b2022-2"}),
        ("date:2022-01..2022-06", {"d2022-1", "d2022-2"}),
        ("date:2021..2022-01", {"a2021-1", "a2021-2", "d2022-1", "d2022-2"}),
        ("date:2022..", {"b2022-1", "b2022-2", "d2022-1", "d2022-2"}),
        ("date:..2021", {"a2021-1", "a2021-2"}),
        ("date:1990", set()),
        ("供热 date:2022", {"d2022-1"}),
        ('"供热管网"', {"a2021-2"}),
        ('"疫情平稳，pm2.5"', {"c-undated-1"}),
        ('"covid-19 疫情"', {"c-undated-1"}),
        ('"covid-19疫情"', set()),
        ("COVID-19", {"c-undated-1"}),
        ("covid", {"c-undated-1"}),
        ("PM2.5", {"c-undated-1"}),
        ("pm2", {"c-undated-1"}),
        ("pm", set()),
        ("长子县", {"b2022-2"}),
        ("長子", {"b2022-2"}),
        ("𠮷野家", {"b2022-1"}),
        ("𠮷", {"b2022-1"}),
    ],
)
def test_query_language(index_dir: Path, query: str, expected: set[str]) -> None:
    assert set(_ids(index_dir, query)) == expected


def test_malformed_query_is_a_query_error(index_dir: Path) -> None:
    with pytest.raises(QueryError, match="not closed"):
        search(index_dir, '"供热')


def test_snippet_spans_are_exact_beyond_the_bmp(index_dir: Path) -> None:
    hit = search(index_dir, "𠮷野家").hits[0]
    text = hit.snippet.text
    assert text == "前文𠮷野家后文，𠮷野家再次出现。…"
    assert hit.snippet.spans == ((2, 5), (8, 11))
    assert [text[s:e] for s, e in hit.snippet.spans] == ["𠮷野家", "𠮷野家"]
    assert hit.title_spans == ((0, 3),)
    assert snippet_html(hit.snippet) == (
        "前文<mark>𠮷野家</mark>后文，<mark>𠮷野家</mark>再次出现。…"
    )


def test_snippet_of_a_traditional_text_found_by_a_simplified_query(index_dir: Path) -> None:
    hit = search(index_dir, "长子县").hits[0]
    assert hit.title == "長子縣新聞"
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["長子縣"]
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["长子县"]


def test_accents_are_folded_and_highlighted_as_written(tmp_path: Path) -> None:
    issue = _issue(
        "fr",
        "L'Indépendance",
        dt.date(1858, 12, 4),
        [
            {"title": "Nouvelles de DÉCEMBRE", "paragraphs": ("Le 3 décembre, à Luxembourg.",)},
            {"title": "Theatre", "paragraphs": ("Une pièce en trois actes.",)},
        ],
    )
    update_index(tmp_path, [issue], {"fr": "1"})
    for query in ("decembre", "DÉCEMBRE", "Décembre"):
        (hit,) = search(tmp_path, query).hits
        assert [hit.title[s:e] for s, e in hit.title_spans] == ["DÉCEMBRE"]
        assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["décembre"]
    assert [h.title for h in search(tmp_path, "théâtre").hits] == ["Theatre"]
    assert [h.title for h in search(tmp_path, "piece").hits] == ["Theatre"]


def test_negated_and_field_terms_are_not_highlighted(index_dir: Path) -> None:
    hit = search(index_dir, "检查 -疫情 author:郭强 OR 年初").hits[0]
    marked = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
    assert "疫情" not in marked and "郭强" not in marked


def test_hit_fields(index_dir: Path) -> None:
    hit = search(index_dir, "𠮷野家").hits[0]
    assert (hit.article_id, hit.issue_id, hit.publication) == ("b2022-1", "b2022", "乙报")
    assert (hit.date, hit.title, hit.page) == (dt.date(2022, 9, 19), "𠮷野家开业", "2")


def test_no_index_is_index_unavailable(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable, match="no search index"):
        search(tmp_path, "供热")


def test_one_whoosh_searcher_per_thread(index_dir: Path) -> None:
    with IndexSearcher(index_dir) as searcher:
        expected = [h.article_id for h in searcher.search("供热").hits]
        threads: set[int] = set()

        def run(_: int) -> list[str]:
            threads.add(threading.get_ident())
            return [h.article_id for h in searcher.search("供热").hits]

        with ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(run, range(30)))
        assert all(r == expected for r in results)
        assert len(searcher._states) == len(threads) + 1
    assert searcher._states == []


def test_a_searcher_sees_updates(tmp_path: Path) -> None:
    fingerprints = {i.id: "1" for i in ISSUES[:1]}
    update_index(tmp_path, ISSUES[:1], fingerprints)
    with IndexSearcher(tmp_path) as searcher:
        assert searcher.search("郭强").total == 0
        update_index(tmp_path, ISSUES, {i.id: "1" for i in ISSUES})
        assert searcher.search("郭强").total == 2
        update_index(tmp_path, ISSUES, {i.id: "1" for i in ISSUES}, rebuild=True)
        assert searcher.search("郭强").total == 2


def test_find_matches_merges_overlaps_and_respects_words() -> None:
    assert find_matches("哈哈哈哈", ["哈哈"]) == [(0, 4)]
    assert find_matches("12022年 2022年", ["2022"]) == [(7, 11)]
    assert find_matches("供热\n工程", ["热工"]) == [(1, 4)]
    assert find_matches("", ["x"]) == []


def test_make_snippet_cuts_long_text_around_the_match() -> None:
    text = "甲" * 300 + "供热" + "乙" * 300 + "。"
    spans = find_matches(text, ["供热"])
    snippet = make_snippet(text, spans, width=60)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) <= 62
    [(start, end)] = snippet.spans
    assert snippet.text[start:end] == "供热"


def test_make_snippet_without_matches_starts_at_the_beginning() -> None:
    snippet = make_snippet("第一句。第二句。", [])
    assert snippet == Snippet("第一句。第二句。", ())
    assert make_snippet("", []) == Snippet("")


def test_snippet_html_escapes() -> None:
    assert snippet_html(Snippet("<a>&b", ((1, 2),))) == "&lt;<mark>a</mark>&gt;&amp;b"


def test_repeated_searches_agree_with_and_without_the_term_cache(index_dir: Path) -> None:
    with IndexSearcher(index_dir) as searcher:
        first = searcher.search("供热 -郭强", sort="newest")
        assert searcher.search("供热 -郭强", sort="newest") == first
        searcher.forget()
        assert searcher.search("供热 -郭强", sort="newest") == first
