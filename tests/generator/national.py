"""A national daily for the growth benchmarks: 8–24 pages a day, sections, columns, for years.

The issues keep the seed's text-issue format, so the same importer reads them: a masthead and
front matter, then pages, each opened by a page mark with its section (``第3版：国际``; the
importer keeps the page number), columns as a ``## 栏目`` heading directly above an article's
own heading, and ``## headline`` articles. The article prose is the county generator's
(:class:`tests.generator.generate.Writer`), so the benchmark's query set means the same at every
size; what differs is the paper's shape: a different masthead, an issue every day from
:data:`FIRST_DATE` on, more pages on weekdays than at the weekend, and articles from short
briefs to long features according to the page they are on.

    python -m tests.generator.generate OUT --size national-5y     # 1,800 issues, ~100 M chars
    python -m tests.generator.generate OUT --size national-50y    # 18,000 issues, ~1 G chars

Issues are written one at a time (nothing of the archive is kept), and the same arguments
always write the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.generator.cast import FIRST_YEAR
from tests.generator.generate import Writer

# Issues and articles per issue (on average) of the named sizes.
SIZES = {
    "national-5y": (1800, 40),
    "national-50y": (18000, 40),
}
PUBLICATION = "华夏日报"
# The county archive's first year, so that the query set's dated queries find articles.
FIRST_DATE = dt.date(FIRST_YEAR, 1, 1)
WEEKDAYS = "一二三四五六日"
# The paper has been printed for decades before the archive starts.
FIRST_NUMBER = 24000


@dataclass(frozen=True)
class Section:
    """A section (版面) of the paper: its columns, and how long its articles run.

    ``short``, ``long``: the shares of briefs (150–450 characters) and of long features
    (2,200–5,000); the rest are ordinary reports (700–1,900). ``weight``: how many of the
    issue's articles a page of this section takes, relative to the others.
    """

    name: str
    columns: tuple[str, ...] = ()
    column_share: float = 0.3
    short: float = 0.2
    long: float = 0.15
    weight: float = 1.0


SECTIONS = {
    s.name: s
    for s in (
        Section("要闻", short=0.15, long=0.2, weight=1.6),
        Section("评论", ("今日谈", "评论员观察", "时评", "纵横"), 0.8, short=0.1, long=0.2),
        Section("国内", ("基层见闻", "一线调研"), short=0.3),
        Section("经济", ("经济透视", "市场观察", "产经视点"), short=0.25),
        Section("社会", ("民生关注", "身边事"), short=0.35, weight=1.2),
        Section("法治", ("以案说法", "法眼")),
        Section("教育", ("校园传真", "教育观察")),
        Section("科技", ("科技前沿", "创新故事")),
        Section("生态", ("绿色发展", "美丽中国")),
        Section("理论", ("学习札记", "理论前沿"), 0.5, short=0.0, long=0.5, weight=0.6),
        Section("国际", ("国际视点", "环球走笔", "驻外记者手记"), short=0.3, weight=1.2),
        Section("文化", ("文化观察", "艺苑", "读书")),
        Section("副刊", ("散文", "随笔", "诗歌"), 0.6, short=0.2, long=0.5, weight=0.5),
        Section("视点", ("深度报道", "调查"), 0.5, short=0.0, long=0.6, weight=0.5),
        Section("体育", ("赛场", "体坛速递"), short=0.4, long=0.05, weight=1.2),
    )
}
ORDER = list(SECTIONS)
# Every issue has these eight pages; bigger issues add pages from EXTRA, in this order.
CORE = ("要闻", "要闻", "评论", "国内", "经济", "国际", "文化", "体育")
EXTRA = (
    "要闻",
    "国内",
    "经济",
    "国际",
    "社会",
    "科技",
    "副刊",
    "理论",
    "要闻",
    "法治",
    "教育",
    "生态",
    "社会",
    "视点",
    "国内",
    "经济",
)


def sections(pages: int) -> list[str]:
    """The sections of an issue of ``pages`` pages (8–24), in page order."""
    chosen = [*CORE, *EXTRA[: pages - len(CORE)]]
    return sorted(chosen, key=ORDER.index)


def issue_dates(count: int) -> Iterator[dt.date]:
    """One issue a day from FIRST_DATE on."""
    for n in range(count):
        yield FIRST_DATE + dt.timedelta(days=n)


class DailyWriter(Writer):
    """Writes the issues of the national daily from one seeded random stream."""

    def pages(self, date: dt.date) -> int:
        """More pages on weekdays (12–24) than at the weekend (8–12)."""
        if date.weekday() >= 5:
            return self.rnd.randint(8, 12)
        return self.rnd.randint(12, 24)

    def length(self, section: Section) -> int:
        """A target length for an article of ``section``: a brief, a report or a feature."""
        rnd = self.rnd
        roll = rnd.random()
        if roll < section.short:
            return rnd.randint(150, 450)
        if roll < section.short + section.long:
            return rnd.randint(2200, 5000)
        return rnd.randint(700, 1900)

    def spread(self, names: list[str], articles: int) -> list[int]:
        """How many of ``articles`` each page carries: at least one, the rest by weight."""
        counts = [1] * len(names)
        weights = [SECTIONS[name].weight for name in names]
        for page in self.rnd.choices(range(len(names)), weights=weights, k=articles - len(names)):
            counts[page] += 1
        return counts

    def issue(self, number: int, date: dt.date, articles: int) -> str:
        """One issue file's text: masthead, date and number, then its pages of articles."""
        rnd = self.rnd
        names = sections(self.pages(date))
        total = max(len(names), rnd.randint(articles - 10, articles + 10))
        lines = [
            f"# {PUBLICATION}",
            "",
            "HUAXIA RIBAO",
            "",
            "华夏日报社出版  ",
            "",
            f"{date.year}年{date.month}月{date.day}日  星期{WEEKDAYS[date.weekday()]}  ",
            f"第{number}期  ",
            f"今日{len(names)}版  ",
            "",
        ]
        for page, (name, count) in enumerate(zip(names, self.spread(names, total), strict=True)):
            section = SECTIONS[name]
            lines += [f"第{page + 1}版：{name}", ""]
            for _ in range(count):
                column = ""
                if section.columns and rnd.random() < section.column_share:
                    column = rnd.choice(section.columns)
                lines += self.article(date, self.length(section), column)
        return "\n".join(lines) + "\n"


def generate(out: Path, issues: int, articles: int = 40, seed: int = 1) -> tuple[int, int]:
    """Write ``issues`` issue files (and an archive.toml) into ``out``, one at a time.

    Returns the number of issues and of characters written.
    """
    out.mkdir(parents=True, exist_ok=True)
    (out / "archive.toml").write_text(
        f'publication = "{PUBLICATION}"\nmastheads = ["{PUBLICATION}"]\nlanguage = "zh-Hans"\n',
        encoding="utf-8",
    )
    writer = DailyWriter(seed)
    characters = 0
    for n, date in enumerate(issue_dates(issues), start=1):
        text = writer.issue(FIRST_NUMBER + n, date, articles)
        (out / f"{date.isoformat()}_{n:05d}.txt").write_text(text, encoding="utf-8")
        characters += len(text)
    return issues, characters
