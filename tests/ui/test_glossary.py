"""The Chinese translation keeps the glossary, the punctuation, the placeholders and the mnemonics.

Each check is a function over a ``.ts`` file that returns what it found wrong, so the last test
can show that every check catches a deliberately broken translation.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtWidgets import QMenu

from reader.ui import i18n

SOURCES = Path(__file__).parents[2] / "resources" / "i18n"
TS = SOURCES / "reader_zh_CN.ts"
GLOSSARY = SOURCES / "glossary.md"

CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# A half-width , : ( ) touching a Chinese character; a spaced dash anywhere in a Chinese text.
HALF_WIDTH = re.compile(rf"[{CJK}][,:()]|[,:()][{CJK}]")
SPACED_DASH = re.compile(r"\s[—–-]\s")
# Marks piled up, as in 不完整？）：: a Chinese sentence says it with words instead.
STACKED = re.compile(r"[？！。，：；][）」』”]?[：；，。]|[？！][）]")
CHINESE = re.compile(rf"[{CJK}]")
# Qt's Chinese mnemonic convention, 文件(&F), keeps its half-width brackets.
MNEMONIC_SUFFIX = re.compile(r"\(&\w\)")
PLACEHOLDER = re.compile(r"%[1-9n]|\{\w+\}")


def messages(ts: Path) -> list[tuple[str, str, list[str], str]]:
    """(context, source, translations, type) for every message; numerus forms are a list."""
    rows = []
    for context in etree.parse(str(ts)).iterfind("context"):
        name = context.findtext("name") or ""
        for message in context.iterfind("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iterfind("numerusform")]
            texts = forms or [translation.text or ""]
            rows.append(
                (name, message.findtext("source") or "", texts, translation.get("type", ""))
            )
    return rows


def glossary_rows(path: Path = GLOSSARY) -> list[tuple[str, list[str], list[str]]]:
    """(English term, Chinese forms, forbidden words) from the table under "## Terms"."""
    text = path.read_text(encoding="utf-8")
    table = text.split("## Terms", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("English", "---") or not line.startswith("|"):
            continue
        forms = [f.strip() for f in cells[1].split(" / ") if f.strip()]
        never = [] if cells[2] in ("—", "") else [w.strip() for w in cells[2].split("、")]
        rows.append((cells[0], forms, never))
    return rows


def unfinished(ts: Path) -> list[str]:
    """Sources whose translation is missing, unfinished or obsolete."""
    return [
        source
        for _c, source, texts, kind in messages(ts)
        if kind in ("unfinished", "obsolete", "vanished") or not all(t.strip() for t in texts)
    ]


def glossary_violations(ts: Path, glossary: Path = GLOSSARY) -> list[str]:
    """Translations with a forbidden word, or a term's source without any of its Chinese forms."""
    found = []
    rows = glossary_rows(glossary)
    for _c, source, texts, _k in messages(ts):
        # The app's name is a name, not the word "issue".
        english = source.replace("Issue Reader", "")
        for text in texts:
            for term, forms, never in rows:
                found += [f"{text!r} uses {word!r}" for word in never if word in text]
                pattern = rf"\b{re.escape(term)}(s|es)?\b"
                if re.search(pattern, english, re.IGNORECASE) and not any(f in text for f in forms):
                    found.append(f"{source!r} → {text!r} lacks {' / '.join(forms)}")
    return found


def punctuation_faults(ts: Path) -> list[str]:
    """Translations with half-width , : ( ) or a spaced dash next to Chinese characters."""
    found = []
    for _c, source, texts, _k in messages(ts):
        if "(*" in source:
            continue  # a file-dialog filter: Qt parses its half-width brackets
        for text in texts:
            bare = MNEMONIC_SUFFIX.sub("", text)
            chinese = CHINESE.search(bare)
            if (
                HALF_WIDTH.search(bare)
                or STACKED.search(bare)
                or (chinese and SPACED_DASH.search(bare))
            ):
                found.append(text)
    return found


def placeholder_faults(ts: Path) -> list[str]:
    """Translations that drop or add a placeholder (%1, %n, {name}) of their source."""
    found = []
    for _c, source, texts, _k in messages(ts):
        wanted = Counter(PLACEHOLDER.findall(source))
        for text in texts:
            if Counter(PLACEHOLDER.findall(text)) != wanted:
                found.append(f"{source!r} → {text!r}")
    return found


def mnemonic_clashes(menubar) -> list[str]:
    """Menus (the bar too) where two items share an ``&`` letter."""
    found = []

    def letters(texts: list[str]) -> list[str]:
        return [m.group(1).upper() for t in texts if (m := re.search(r"&([^&\s])", t))]

    def walk(menu: QMenu) -> None:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        clashes = [k for k, n in Counter(letters(texts)).items() if n > 1]
        if clashes:
            found.append(f"{menu.title()}: {clashes} in {texts}")
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu())

    titles = [a.text() for a in menubar.actions()]
    clashes = [k for k, n in Counter(letters(titles)).items() if n > 1]
    if clashes:
        found.append(f"menu bar: {clashes} in {titles}")
    for action in menubar.actions():
        walk(action.menu())
    return found


def test_the_glossary_table_is_read():
    rows = {term: (forms, never) for term, forms, never in glossary_rows()}
    assert rows["archive"] == (["报刊库", "文件格式", "压缩包", "归档文件"], ["档案"])
    assert rows["indexing"][1] == ["取消索引", "停止索引"]
    assert len(rows) >= 20


def test_no_string_is_unfinished():
    assert unfinished(TS) == []


def test_the_translation_keeps_the_glossary():
    assert glossary_violations(TS) == []


def test_full_width_punctuation_beside_chinese():
    assert punctuation_faults(TS) == []


def test_every_placeholder_is_kept():
    assert placeholder_faults(TS) == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_menu_has_two_items_with_one_mnemonic(qtbot, qapp, window, language):
    i18n.install(qapp, language)
    try:
        window.retranslate()  # at once, rather than when Qt's LanguageChange arrives
        bar = window.menuBar()
        expected = "文件(&F)" if language == "zh_CN" else "&File"
        assert bar.actions()[0].text() == expected
        assert mnemonic_clashes(bar) == []
    finally:
        i18n.install(qapp, "en")


def test_each_check_catches_a_broken_translation(tmp_path):
    broken = tmp_path / "broken.ts"
    shutil.copy(TS, broken)
    tree = etree.parse(str(broken))

    def translate(source: str, text: str, kind: str = "") -> None:
        (message,) = tree.xpath("//message[source=$s]", s=source)
        translation = message.find("translation")
        translation.text = text
        if kind:
            translation.set("type", kind)

    translate("&Search Archive", "搜索档案(&S)")  # the forbidden word
    translate("&Cancel Indexing", "取消(&C)")  # no 建立索引 for "indexing"
    translate("Hits: %1", "结果: %1 条")  # half-width colon
    translate("Opened %1 — issues: %2, articles: %3", "已打开 %1 — %2 期，%3 篇文章")
    translate("Reading files: %1 of %2", "正在读取文件：%1")  # %2 dropped
    translate("Reading the archive again: %1 of %2", "正在重新读取报刊库（完成？）：%1 / %2")
    translate("Not found", "", "unfinished")
    tree.write(str(broken), encoding="utf-8")

    assert unfinished(broken) == ["Not found"]
    violations = glossary_violations(broken)
    assert any("档案" in v for v in violations)
    assert any("&Cancel Indexing" in v for v in violations)
    assert sorted(punctuation_faults(broken)) == [
        "已打开 %1 — %2 期，%3 篇文章",
        "正在重新读取报刊库（完成？）：%1 / %2",
        "结果: %1 条",
    ]
    assert placeholder_faults(broken) == ["'Reading files: %1 of %2' → '正在读取文件：%1'"]
