"""UI fixtures: settings and index in tmp_path, a small generated archive, a window on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from reader.ui.app.window import MainWindow
from reader.ui.core import settings
from reader.ui.core.tasks import SyncExecutor

# (date, issue number, articles); each article is (kicker, title, paragraphs, byline).
ISSUES = [
    (
        dt.date(2021, 12, 27),
        100,
        [
            (
                "",
                "冬季供热保障会议召开",
                ["本报讯 12月20日，全县供热保障会议召开。", "会议要求供热单位做好准备。"],
                "李明",
            ),
            ("", "新书屋开放", ["县图书馆的新书屋今天开放，欢迎读者。"], "王芳"),
        ],
    ),
    (
        dt.date(2022, 1, 3),
        101,
        [
            ("岁末年初", "元旦假期平安度过", ["全县元旦假期总体平稳。"], "赵强"),
            ("", "𠮷祥村的新路", ["𠮷祥村修通了新路，村民说供热也快通了。"], "陈静"),
        ],
    ),
    (
        dt.date(2022, 9, 19),
        102,
        [
            (
                "",
                "供热工程项目协调会召开",
                [
                    "本报讯 9月11日，供热工程项目协调会召开。",
                    "会议强调供热工程按期完成。",
                    "各部门负责人参加会议。",
                ],
                "张伟 刘洋",
            ),
            ("", "秋收时节", ["田间地头一片繁忙。"], "孙丽"),
            ("", "文化活动丰富多彩", ["读书分享活动在县政协举办。"], "周红"),
        ],
    ),
]


def issue_text(date: dt.date, number: int, articles) -> str:
    lines = ["# 测试周报", "", f"{date.year}年{date.month}月{date.day}日", f"总{number}期", ""]
    for kicker, title, paragraphs, byline in articles:
        if kicker:
            lines += [f"## {kicker}", "", f"# {title}", ""]
        else:
            lines += [f"## {title}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        lines += [byline, ""]
    return "\n".join(lines)


def write_archive(folder: Path, issues=ISSUES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for date, number, articles in issues:
        (folder / f"{date.isoformat()}.txt").write_text(
            issue_text(date, number, articles), encoding="utf-8"
        )
    return folder


def type_text(widget, text: str) -> None:
    """Type ``text`` the way an input method commits Chinese (QTest's key clicks are ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def user_settings(tmp_path):
    """Every UI test keeps its settings in tmp_path, never in the real user config."""
    path = tmp_path / "config" / "settings.ini"
    settings.configure(path)
    yield path
    settings.configure(None)


@pytest.fixture
def archive(tmp_path) -> Path:
    return write_archive(tmp_path / "archive")


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build windows that run light jobs (and indexing) synchronously, the index in tmp_path."""

    def make() -> MainWindow:
        window = MainWindow(
            index_root=tmp_path / "index", executor=SyncExecutor(), index_in_process=False
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
