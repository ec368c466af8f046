"""The benchmark's fixed mixed query set, and the plain scan that counts their true hits."""

from __future__ import annotations

from dataclasses import dataclass

from reader.index.fold import fold
from tests.generator.generate import Writer


@dataclass(frozen=True)
class Query:
    """One benchmark query, for the index and for the baselines."""

    kind: str
    text: str  # in the index's query language
    terms: tuple[str, ...]  # for the baselines
    mode: str = "and"  # "and", "or", or "not" (first term without the others)
    dates: tuple[str, str] | None = None  # ISO first and last day


def queries(seed: int) -> list[Query]:
    """The fixed mixed query set (names and places come from the generator's cast)."""
    cast = Writer(seed)
    name, name2 = cast.names[0], cast.names[5]
    place = cast.places[1]
    return [
        Query("2-4 chars", "供热", ("供热",)),
        Query("2-4 chars", "会议", ("会议",)),
        Query("2-4 chars", "合作社", ("合作社",)),
        Query("2-4 chars", "乡村振兴", ("乡村振兴",)),
        Query("2-4 chars", "营商环境", ("营商环境",)),
        Query("2-4 chars", "高质量", ("高质量",)),
        Query("names", name, (name,)),
        Query("names", name2, (name2,)),
        Query("names", place, (place,)),
        Query("names", "县委书记", ("县委书记",)),
        Query("phrases", '"确保工程质量"', ("确保工程质量",)),
        Query("phrases", '"全县经济社会发展"', ("全县经济社会发展",)),
        Query("phrases", '"支部+合作社+农户"', ("支部+合作社+农户",)),
        Query("phrases", "供热 工程", ("供热", "工程")),
        Query("single chars", "县", ("县",)),
        Query("single chars", "李", ("李",)),
        Query("single chars", "镇", ("镇",)),
        Query("single chars", "热", ("热",)),
        Query("Latin", "5G基站", ("5G基站",)),
        Query("Latin", "PM2.5", ("PM2.5",)),
        Query("Latin", "COVID-19", ("COVID-19",)),
        Query("Latin", "GDP", ("GDP",)),
        Query("boolean", "供热 OR 供暖", ("供热", "供暖"), mode="or"),
        Query("boolean", "乡村振兴 -会议", ("乡村振兴", "会议"), mode="not"),
        Query("dated", "供热 date:2018", ("供热",), dates=("2018-01-01", "2018-12-31")),
        Query("dated", "会议 date:2016-03", ("会议",), dates=("2016-03-01", "2016-03-31")),
        Query(
            "dated",
            "项目 date:2015-01..2015-06",
            ("项目",),
            dates=("2015-01-01", "2015-06-30"),
        ),
    ]


def scan_query(texts: list[tuple[str, list[str]]], query: Query) -> int:
    """How many articles match, by scanning their (already folded) text."""
    needles = [fold(t) for t in query.terms]
    count = 0
    for day, parts in texts:
        if query.dates and not (query.dates[0] <= day <= query.dates[1]):
            continue
        hits = [any(n in p for p in parts) for n in needles]
        if query.mode == "or":
            ok = any(hits)
        elif query.mode == "not":
            ok = hits[0] and not any(hits[1:])
        else:
            ok = all(hits)
        count += ok
    return count
