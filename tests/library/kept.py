"""A collection kept from two real archives in tmp_path: a copy of the seed and a small weekly."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from reader.library import Library
from reader.library.collections import Store
from tests.conftest import SAMPLE_ISSUES
from tests.ui.conftest import write_archive

NAME = "供热研究"
NOTE = "见第二段\n另见协调会"
# The collection lists by date: the weekly's December issue, then the two of 2022-09-19 in
# the order they were kept (the seed's first).
TITLES = ["冬季供热保障会议召开", "我县召开供热工程项目协调会", "供热工程项目协调会召开"]
NOTES = ["县里的会", NOTE, ""]
TAGS = [("能源",), ("能源", "会议"), ()]


@dataclass(frozen=True)
class Kept:
    """The two archives, and the ids of the collection's articles in its order."""

    seed: Path
    weekly: Path
    ids: list[str]


def keep_from_two_archives(root: Path, store: Store) -> Kept:
    """Copy the seed and write a weekly below ``root``; keep three articles of them in NAME.

    One more article of the seed goes to another collection (an export of NAME leaves it out).
    """
    seed = Path(shutil.copytree(SAMPLE_ISSUES, root / "seed"))
    weekly = write_archive(root / "weekly")
    ids: dict[str, str] = {}
    with Library.open(seed) as library:
        issue = library.issues[0]
        store.save(NAME, seed, issue, issue.articles[0], NOTE, ["能源", "会议"])
        store.save("别的", seed, issue, issue.articles[1], "另一个")
        ids[issue.articles[0].headline] = issue.articles[0].id
    with Library.open(weekly) as library:
        for title, note, tags in (
            ("冬季供热保障会议召开", "县里的会", ["能源"]),
            ("供热工程项目协调会召开", "", []),
        ):
            issue, article = next(
                (i, a) for i in library.issues for a in i.articles if a.headline == title
            )
            store.save(NAME, weekly, issue, article, note, tags)
            ids[title] = article.id
    return Kept(seed, weekly, [ids[title] for title in TITLES])
