"""Deterministic synthetic archives in the seed's text-issue format, for benchmarks and tests.

Each issue is one ``.txt`` file like the seed: a masthead, the date and the issue number, then
``## headline`` articles of county-news prose with names, places, numbers, Latin terms
(5G基站, PM2.5, COVID-19) and OCR noise (line breaks and spaces inside words, a column break
in mid-sentence, the odd Traditional character or full-width digit).

The prose comes from :mod:`tests.generator.prose`: meeting reports, officials' visits, progress
reports, features, local life and short items, written from templates (:mod:`tests.generator.templates`,
:mod:`tests.generator.sentences`, :mod:`tests.generator.details`) and hand-written word lists drawn with
Zipf-like weights (:mod:`tests.generator.vocabulary`, :mod:`tests.generator.topics`,
:mod:`tests.generator.fields`, :mod:`tests.generator.everyday`, :mod:`tests.generator.lexicon`,
:mod:`tests.generator.formulas`), about a recurring cast of officials, residents, towns and villages
(:mod:`tests.generator.cast`).

Like a real paper's, the text has a long tail: people met once, hamlets, hills, dishes,
crafts and dialect words made up from GB2312's common and rarer characters
(:mod:`tests.generator.charset`, :mod:`tests.generator.gazetteer`), and verb phrases composed around
the topic (:mod:`tests.generator.phrases`). county-10y has about 5,000 distinct Han characters and
290,000 distinct bigrams, and some 8,700 distinct bigrams per 30,000 characters (a real
paper: 9,400); no fixed clause of a template is in more than about one article in ten.

    python -m tests.generator.generate OUT --size county-10y      # 2,000 issues × 16 articles
    python -m tests.generator.generate OUT --issues 5 --seed 7
    python -m tests.generator.generate OUT --size national-5y     # a daily: see national.py

The same arguments always write the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from tests.generator.cast import FIRST_YEAR, Cast
from tests.generator.prose import Prose

# Issues and articles per issue for the named sizes; county-10y is about 49 million characters.
SIZES = {
    "tiny": (5, 16),
    "small": (50, 16),
    "county-1y": (200, 16),
    "medium": (500, 16),
    "county-10y": (2000, 16),
}
PUBLICATION = "河东县报"
FIRST_DATE = dt.date(FIRST_YEAR, 1, 5)

# Traditional forms that OCR of older pages sometimes leaves in Simplified text.
TRADITIONAL = {
    "长": "長",
    "县": "縣",
    "会": "會",
    "发": "發",
    "书": "書",
    "记": "記",
    "机": "機",
    "设": "設",
    "经": "經",
    "济": "濟",
}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


class Writer:
    """Generates issues from one seeded random stream.

    Attributes:
        names: the county's residents, the first ones mentioned most (see :class:`Cast`).
        places: its villages and communities, likewise.
    """

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.cast = Cast(seed, self.rnd)
        self.names = self.cast.names
        self.places = self.cast.places
        self.prose = Prose(self.rnd, self.cast)

    def ocr_noise(self, paragraph: str) -> list[str]:
        """The paragraph as OCR lines: broken mid-word, sometimes a space or an odd glyph."""
        rnd = self.rnd
        if rnd.random() < 0.03:
            paragraph = "".join(
                TRADITIONAL.get(c, c) if rnd.random() < 0.3 else c for c in paragraph
            )
        if rnd.random() < 0.03:
            paragraph = paragraph.translate(FULL_WIDTH)
        lines = []
        while len(paragraph) > 60:
            cut = rnd.randint(24, 60)
            lines.append(paragraph[:cut])
            paragraph = paragraph[cut:]
        lines.append(paragraph)
        if rnd.random() < 0.05:
            line = rnd.randrange(len(lines))
            at = rnd.randint(1, max(1, len(lines[line]) - 1))
            lines[line] = lines[line][:at] + " " + lines[line][at:]
        return lines

    def article(self, date: dt.date, length: int, column: str | None = None) -> list[str]:
        """The lines of one article of about ``length`` characters, as laid out in an issue.

        ``column`` is the column heading (栏目) to set above it ("" for none); by default one
        article in ten gets a column named after its topic.
        """
        rnd = self.rnd
        draft = self.prose.article(date, length)
        lines = []
        if column is None and rnd.random() < 0.1:
            column = self.prose.expand("{t}·{tn}")
        if column:
            # A column heading directly above the article's own heading.
            lines += [f"## {column}", ""]
        if draft.kicker:
            lines += [f"## {draft.kicker}", f"# {draft.title}", ""]
        else:
            lines += [f"## {draft.title}", ""]
        if draft.subtitle:
            lines += [f"### {draft.subtitle}", ""]
        for n, paragraph in enumerate(draft.paragraphs):
            noisy = self.ocr_noise(paragraph)
            if n and rnd.random() < 0.08:
                # A column break in mid-sentence: a blank line inside the paragraph.
                cut = rnd.randint(5, max(6, len(noisy[0]) - 5))
                noisy = [noisy[0][:cut], "", noisy[0][cut:], *noisy[1:]]
            lines += [*noisy, ""]
        lines += [" ".join(draft.byline), ""]
        return lines

    def issue(self, number: int, date: dt.date, articles: int) -> str:
        """One issue file's text: masthead, date and number, then pages of articles."""
        rnd = self.rnd
        lines = [
            f"# {PUBLICATION}",
            "",
            "HEDONG XIANBAO",
            "",
            "主办单位：县融媒体中心  ",
            "内部资料 免费交流  ",
            "",
            f"{date.year}年{date.month}月{date.day}日  ",
            f"总{number}期  ",
            "",
        ]
        per_page = max(1, articles // 4)
        for n in range(articles):
            if n % per_page == 0:
                lines += [f"第{n // per_page + 1}版", ""]
            lines += self.article(date, rnd.randint(900, 2200))
        return "\n".join(lines) + "\n"


def issue_dates(count: int) -> Iterator[dt.date]:
    """Four issues a week (Monday, Tuesday, Thursday, Friday) from FIRST_DATE on."""
    day = FIRST_DATE
    made = 0
    while made < count:
        if day.weekday() in (0, 1, 3, 4):
            yield day
            made += 1
        day += dt.timedelta(days=1)


def generate(out: Path, issues: int, articles: int = 16, seed: int = 1) -> list[Path]:
    """Write ``issues`` issue files (and an archive.toml) into ``out``; return the issue files."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "archive.toml").write_text(
        f'publication = "{PUBLICATION}"\nmastheads = ["{PUBLICATION}"]\nlanguage = "zh-Hans"\n',
        encoding="utf-8",
    )
    writer = Writer(seed)
    paths = []
    for n, date in enumerate(issue_dates(issues), start=1):
        path = out / f"{date.isoformat()}_{n:05d}.txt"
        path.write_text(writer.issue(1000 + n, date, articles), encoding="utf-8")
        paths.append(path)
    return paths


def generate_size(out: Path, size: str, seed: int = 1) -> tuple[int, int]:
    """Write the archive of a named size (county or national); return (issues, characters)."""
    from tests.generator import national  # imports this module: not at the top

    if size in national.SIZES:
        return national.generate(out, *national.SIZES[size], seed=seed)
    paths = generate(out, *SIZES[size], seed=seed)
    return len(paths), sum(len(p.read_text(encoding="utf-8")) for p in paths)


def main(argv: list[str] | None = None) -> int:
    from tests.generator import national

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the issues into")
    parser.add_argument("--size", choices=sorted([*SIZES, *national.SIZES]), help="a named size")
    parser.add_argument("--issues", type=int, help="number of issues (overrides --size)")
    parser.add_argument("--articles", type=int, help="articles per issue (on average)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    size = args.size or "tiny"
    if size in national.SIZES:
        issues, articles = national.SIZES[size]
        made, chars = national.generate(
            args.out, args.issues or issues, args.articles or articles, args.seed
        )
    else:
        issues, articles = SIZES[size]
        paths = generate(args.out, args.issues or issues, args.articles or articles, args.seed)
        made, chars = len(paths), sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{made} issues, {chars:,} characters in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
