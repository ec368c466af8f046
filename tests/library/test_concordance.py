"""The concordance (KWIC): lines are the occurrences in the texts, windows exact, sorts, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.index import highlights, occurrences
from reader.library import Library, QueryError
from reader.library.concordance import concordance, contexts, flattened
from reader.library.concordance_lines import CSV_COLUMNS, ConcordanceLine, sorted_lines, write_csv
from reader.model import Cancelled
from tests.conftest import SAMPLE_ISSUES, shared_path

RIVER = """# The River Gazette

January 3, 1878

## The river rises

The river rose again on Tuesday. Boats on the river
were tied up, and the mill by the river stopped.

Nobody on the bank was hurt; the River fell by night. Streams elsewhere stayed low.

The riverbank and the Rivers Hotel are closed.

## Market news

Wheat sold at the market. The river trade is slow.

## Weather

Cold and dry.
"""


def _opened(root: Path, index: Path) -> Library:
    library = Library.open(root)
    library.update_index(library.index_dir(index))
    return library


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("kwic-seed")
    shutil.copytree(SAMPLE_ISSUES, root / "archive")
    with _opened(root / "archive", root / "indexes") as library:
        yield library


@pytest.fixture(scope="module")
def river(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("kwic-river")
    (root / "archive").mkdir()
    (root / "archive" / "1878-01-03.txt").write_text(RIVER, encoding="utf-8")
    (root / "archive" / "1878-01-10.txt").write_text(
        RIVER.replace("January 3", "January 10").replace("Tuesday", "Monday"), encoding="utf-8"
    )
    with _opened(root / "archive", root / "indexes") as library:
        yield library


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of ``word`` in ``text``, by str.find (non-overlapping, left to right)."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def _expected(library: Library, words: tuple[str, ...]) -> list[tuple[str, str, int]]:
    """(article, field, start) of each occurrence of any of ``words`` in every article."""
    expected = []
    for issue in library.issues:
        for entry in issue.articles:
            article = library.with_text(entry)
            texts = {
                "kicker": article.kicker,
                "title": "" if article.title_derived else article.title,
                "subtitle": article.subtitle,
                "byline": " ".join(article.authors),
                "column": article.column,
                "body": article.text,
            }
            for name, text in texts.items():
                starts = sorted(s for word in words for s in _occurrences(text, word))
                expected += [(article.id, name, start) for start in starts]
    return expected


def _found(lines: tuple[ConcordanceLine, ...]) -> list[tuple[str, str, int]]:
    return [(line.article_id, line.field, line.start) for line in lines]


def test_lines_are_the_occurrences_of_a_word(river: Library) -> None:
    found = concordance(river, "river", width=20, order="date")
    # "river" matches River (case folds), but not Rivers or riverbank (the search's word
    # rule), which str.find would count: left out of the expected occurrences.
    expected = [
        (article_id, name, start)
        for article_id, name, start in _expected(river, ("river", "River"))
        if name == "title" or not river.article(article_id)[1].text[start + 5].isalpha()
    ]
    assert len(expected) == 2 * 6
    assert sorted(_found(found.lines)) == sorted(expected)
    assert found.complete and found.articles == found.articles_read == 4
    for line in found.lines:
        issue, article = river.article(line.article_id)
        text = article.text if line.field == "body" else article.title
        assert text[line.start : line.end].casefold() == "river" == line.match.casefold()
        assert line.date == issue.date and line.issue_id == issue.id


def test_chinese_lines_are_the_occurrences_in_the_seed(seed: Library) -> None:
    found = concordance(seed, "长子", width=8, order="date")
    expected = _expected(seed, ("长子",))
    assert expected and _found(found.lines) == expected  # date order keeps reading order
    # The article found by its column (…·长子行) gives a line, as every article counted does.
    assert ("2022-09-19-f6b602d7-07", "column", 13) in expected
    assert len({line.article_id for line in found.lines}) == found.articles


@pytest.mark.parametrize("width", [1, 5, 12])
def test_chinese_windows_are_exact(seed: Library, width: int) -> None:
    found = concordance(seed, "长子", width=width)
    assert found.lines
    for line in (line for line in found.lines if line.field == "body"):
        _issue, article = seed.article(line.article_id)
        text = article.text
        assert line.match == "长子" == text[line.start : line.end]
        assert line.left + line.match + line.right in flattened(text)
        # No whitespace near the match: the window is the text itself, exactly.
        if " " not in line.left and "\n" not in text[max(0, line.start - width) : line.start]:
            assert line.left == text[line.start - len(line.left) : line.start]
        assert len(line.left) == min(width, len(flattened(text[: line.start])))
        assert len(line.right) == min(width, len(flattened(text[line.end :]).rstrip()))
        assert " " not in line.left + line.right  # no space added between Chinese characters


def test_touching_occurrences_are_two_lines() -> None:
    assert occurrences("长子", {"body": "是长子长子吗"}) == {"body": [(1, 3), (3, 5)]}
    assert highlights("长子", {"body": "是长子长子吗"}) == {"body": [(1, 5)]}  # the pane's
    assert occurrences("aa", {"body": "aaaa aaa"}) == {"body": []}  # not words
    assert contexts("是长子长子吗", 1, 3, 2) == ("是", "长子", "长子")
    assert contexts("是长子长子吗", 3, 5, 2) == ("长子", "长子", "吗")


def test_whitespace_is_one_space_and_none_between_chinese() -> None:
    assert flattened("供\n热  工程\n\n进展 the\n  mill") == "供热 工程进展 the mill"
    assert flattened("本报讯 会议\n强调") == "本报讯 会议强调"  # a typed space stays
    text = " 甲乙 丙丁\n\n戊己  x\ny\tz "
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if text[start].isspace() or text[end - 1].isspace():
                continue
            left, match, right = contexts(text, start, end, len(text))
            assert left + match + right == flattened(text)
            assert match == flattened(text[start:end])
    text = "the mill\nby the   river\nstopped at noon"
    start = text.index("river")
    assert contexts(text, start, start + 5, 8) == (" by the ", "river", " stopped")
    assert contexts(text, start, start + 5, 9) == ("l by the ", "river", " stopped ")
    assert contexts(text, start, start + 5, 9, whole_words=True) == (
        "by the ",
        "river",
        " stopped ",
    )
    assert contexts(text, start, start + 5, 11, True) == ("by the ", "river", " stopped at")
    # A context that is one word only is kept as cut.
    assert contexts("extraordinarily river", 16, 21, 5, True) == ("rily ", "river", "")


def test_a_match_over_a_line_break_is_shown_flat(seed: Library) -> None:
    assert contexts("建设供\n热工程", 2, 5, 2) == ("建设", "供热", "工程")


def test_sorting_by_left_right_and_date() -> None:
    def line(left: str, right: str, day: int | None) -> ConcordanceLine:
        date = dt.date(2022, 9, day) if day else None
        return ConcordanceLine("a", "i", date, "p", "t", left, "长子", right, "body", 0, 2)

    lines = [line("xa", "c", 3), line("ya", "b", None), line("xb", "a", 1)]
    # Left: the left context read leftwards from the match (ax, ay, bx).
    assert [x.left for x in sorted_lines(lines, "left")] == ["xa", "ya", "xb"]
    assert [x.right for x in sorted_lines(lines, "right")] == ["a", "b", "c"]
    assert [x.date for x in sorted_lines(lines, "date")] == [
        dt.date(2022, 9, 1),
        dt.date(2022, 9, 3),
        None,
    ]
    latin = [line("on the ", "x", 1), line("by The ", "y", 1), line("in a ", "z", 1)]
    assert [x.left for x in sorted_lines(latin, "left")] == ["in a ", "on the ", "by The "]
    # Another collation (the window's is pinyin): here, longest first; ties by the date.
    longest = [line("x", "ab", 3), line("y", "abc", 2), line("z", "cd", 1)]
    by_length = sorted_lines(longest, "right", lambda text: -len(text))
    assert [x.right for x in by_length] == ["abc", "cd", "ab"]


def test_a_left_sort_of_the_seed_reads_leftwards(seed: Library) -> None:
    lines = concordance(seed, "长子", width=6, order="left").lines
    keys = [line.left.strip().casefold()[::-1] for line in lines]
    assert keys == sorted(keys)


def test_the_limit_caps_the_lines_and_says_so(river: Library) -> None:
    capped = concordance(river, "river", limit=3, order="date")
    assert len(capped.lines) == 3 and not capped.complete
    assert capped.articles == 4 and capped.articles_read < 4
    whole = concordance(river, "river", order="date")
    assert _found(capped.lines) == _found(whole.lines)[:3]  # the first ones, oldest first
    assert concordance(river, "river", limit=0).lines == ()


def test_filters_and_progress(river: Library) -> None:
    seen: list[tuple[int, int]] = []
    found = concordance(
        river, "river", months=("1878-01",), progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (4, 4)
    assert concordance(river, "river", years=("1877",)).lines == ()
    assert len(found.lines) == 12

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        concordance(river, "river", progress=cancel)


def test_queries_as_the_search_reads_them(river: Library) -> None:
    assert {line.match for line in concordance(river, "wheat OR mill").lines} == {"Wheat", "mill"}
    titles = concordance(river, "title:river").lines
    assert titles and {line.field for line in titles} == {"title"}
    # Words under a NOT are not shown; the articles without them are read.
    assert {line.match for line in concordance(river, "river -wheat").lines} == {"river", "River"}
    with pytest.raises(QueryError):
        concordance(river, '"unclosed')
    with pytest.raises(ValueError):
        concordance(river, "river", width=0)


def test_csv_round_trips(seed: Library) -> None:
    lines = concordance(seed, "长子", width=10).lines
    stream = io.StringIO()
    write_csv(lines, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == len(lines)
    assert tuple(rows[0]) == CSV_COLUMNS
    for row, line in zip(rows, lines, strict=True):
        assert row["date"] == (line.date.isoformat() if line.date else "")
        assert (row["left"], row["match"], row["right"]) == (line.left, line.match, line.right)
        assert (int(row["start"]), int(row["end"])) == (line.start, line.end)
        assert row["article_id"] == line.article_id and row["title"] == line.title


def test_rmrb_lines_are_the_occurrences(tmp_path: Path) -> None:
    sample = shared_path("samples/rmrb-1946-05-15")
    with _opened(sample, tmp_path / "indexes") as library:
        found = concordance(library, "中国", width=10, order="date")
        expected = _expected(library, ("中国",))
        assert len(expected) > 20
        assert sorted(_found(found.lines)) == sorted(expected)
        assert found.complete


def test_many_hits_are_read_page_by_page_without_repeats(tmp_path: Path) -> None:
    from tests.generator.generate import generate

    generate(tmp_path / "archive", issues=40, articles=3)
    with _opened(tmp_path / "archive", tmp_path / "indexes") as library:
        found = concordance(library, "县", width=4, order="date", limit=100_000)
        assert found.articles > 64  # more than the first page of hits
        assert found.complete and found.articles_read == found.articles
        assert len(set(_found(found.lines))) == len(found.lines)
        hit_ids = {line.article_id for line in found.lines}
        # The generator writes some issues in traditional characters: 县 finds 縣 too.
        expected = [x for x in _expected(library, ("县", "縣")) if x[0] in hit_ids]
        assert sorted(_found(found.lines)) == sorted(expected)
        assert len(hit_ids) == found.articles
