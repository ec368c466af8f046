"""A small county weekly written to tmp_path: issues under one masthead, and OCR misreads of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

# Each issue's articles talk about the county, as the real weekly's do on every page.
ARTICLES = (
    ("供热工程项目协调会召开", "本报讯 长子县召开供热工程协调会，长子县各部门负责人参加。"),
    ("秋收时节", "长子县田间地头一片繁忙，农民说今年收成好。"),
    ("文化活动", "读书分享活动在长子县图书馆举办，晚上还有演出。"),
)


def issue_text(masthead: str, date: dt.date, number: int, articles=ARTICLES) -> str:
    """One issue in the text layout of the seed: masthead, date, number, ``## title`` articles."""
    lines = [f"# {masthead}", "", f"{date.year}年{date.month}月{date.day}日", f"总{number}期", ""]
    for title, paragraph in articles:
        lines += [f"## {title}", "", paragraph, ""]
    return "\n".join(lines)


def write_weekly(folder: Path, mastheads: list[str], articles=ARTICLES) -> Path:
    """One issue per masthead in ``mastheads``, a week apart; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2022, 9, 5)
    for n, masthead in enumerate(mastheads):
        date = start + dt.timedelta(weeks=n)
        text = issue_text(masthead, date, 1800 + n, articles)
        (folder / f"{date.isoformat()}.txt").write_text(text, encoding="utf-8")
    return folder


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``folder`` with its size and modification time: to show nothing changed."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }
