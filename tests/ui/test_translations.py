"""Translations: the Chinese one loads and is complete, the system locale picks it, the menu switches."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from reader.ui import i18n
from reader.ui.core import settings

# The sources live in resources/i18n/; only the compiled .qm files ship, beside reader/ui/i18n.
SOURCES = Path(__file__).parents[2] / "resources" / "i18n"
TS = SOURCES / "reader_zh_CN.ts"
QM = i18n.FOLDER / "reader_zh_CN.qm"
SUPPLEMENT_TS = SOURCES / "qt_supplement_zh_CN.ts"
SUPPLEMENT_QM = i18n.FOLDER / "qt_supplement_zh_CN.qm"
UI = Path(i18n.__file__).parents[1]


def tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture
def english():
    yield
    i18n.install(QApplication.instance(), "en")


def test_system_locale_chooses_the_language():
    assert i18n.resolve("", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve("", QLocale("zh_TW")) == "zh_CN"  # the one Chinese translation shipped
    assert i18n.resolve("", QLocale("de_DE")) == "en"
    assert i18n.resolve("zh_CN", QLocale("de_DE")) == "zh_CN"
    assert i18n.resolve("xx", QLocale("zh_CN")) == "en"


def test_chinese_translation_loads(qtbot, qapp, window, english):
    assert window.menus.file.title() == "&File"
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    assert QCoreApplication.translate("Menus", "&File") == "文件(&F)"
    # Qt posts LanguageChange to every widget; the window retranslates when it arrives.
    qtbot.waitUntil(lambda: window.menus.file.title() == "文件(&F)")
    assert window.action_set.next_match.text() == "下一处匹配(&N)"
    assert window.search_panel.field.placeholderText() == "搜索报刊库（Ctrl+K）"
    assert window.tree_model.headerData(0, Qt.Orientation.Horizontal) == "期次"
    i18n.install(qapp, "en")
    qtbot.waitUntil(lambda: window.menus.file.title() == "&File")


def test_view_language_menu_switches_and_is_remembered(qtbot, window, archive, english):
    window.open_path(str(archive))
    window.action_set.languages["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.menus.view.title() == "视图(&V)")
    assert settings.read("language") == "zh_CN"
    # Month names follow the interface language.
    model = window.tree_model
    january = model.index(0, 0, model.index(1, 0, model.index(0, 0)))
    year = model.index(1, 0, model.index(0, 0))
    assert (model.data(year), model.data(january)) == ("2022年", "1月")
    issue = model.index(0, 0, january)
    assert model.data(issue) == "2022年1月3日 · 总101期"
    assert QLocale().name() == "zh_CN"  # Qt's own widgets (calendar, file dialog) follow
    window.action_set.languages["en"].trigger()
    qtbot.waitUntil(lambda: window.menus.view.title() == "&View")
    assert (model.data(year), model.data(january)) == ("2022", "January")
    assert model.data(issue) == "3 January 2022 · 总101期"
    assert QLocale().name() == "en_US"


def test_every_string_is_translated_and_the_ts_is_current(tmp_path):
    lupdate = tool("pyside6-lupdate")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    refreshed = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in refreshed, "untranslated strings: run lupdate and translate"
    assert refreshed == TS.read_text(encoding="utf-8"), "the .ts is stale: run lupdate"


@pytest.mark.parametrize(("ts", "qm"), [(TS, QM), (SUPPLEMENT_TS, SUPPLEMENT_QM)])
def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path, ts, qm):
    lrelease = tool("pyside6-lrelease")
    out = tmp_path / "out.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == qm.read_bytes(), "the .qm is stale: run lrelease"


def test_fill_puts_values_in_once():
    assert i18n.fill("%1 of %2", "3", "%2") == "3 of %2"
    assert i18n.fill("第%1版", 4) == "第4版"
    assert i18n.fill("%1 and %3", "a") == "a and %3"
