"""Problem reasons in the window: every code translatable, Chinese reasons in the Problems panel."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt

from reader.library import Library
from reader.model import CATALOGUE, Reason, os_reason
from reader.model.reasons import placeholders
from reader.ui import i18n
from reader.ui.problems.panel import ProblemsPanel
from reader.ui.problems.reasons import reason_text, templates

TS = Path(__file__).parents[2] / "resources" / "i18n" / "reader_zh_CN.ts"


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "en")


def sample(code: str) -> Reason:
    """A reason of this code with a made-up value for each placeholder."""
    return Reason.of(code, **{name: f"<{name}>" for name in placeholders(CATALOGUE[code])})


def chinese_messages() -> dict[str, etree._Element]:
    tree = etree.parse(str(TS))
    return {m.findtext("source"): m for m in tree.iterfind("context[name='Reasons']/message")}


def test_the_window_knows_every_code_with_the_catalogue_english(english):
    assert templates() == CATALOGUE


def test_every_reason_has_a_finished_chinese_translation_with_the_same_values():
    messages = chinese_messages()
    assert set(messages) == set(CATALOGUE.values())
    for template in CATALOGUE.values():
        translation = messages[template].find("translation")
        assert translation.get("type") is None, template  # not "unfinished" or "obsolete"
        assert translation.text and translation.text != template
        assert placeholders(translation.text) == placeholders(template), template


def test_english_in_the_window_is_the_english_of_the_command_line(english):
    table = templates()
    for code in CATALOGUE:
        reason = sample(code)
        assert reason_text(reason, table) == reason.text == reason_text(reason)


def test_values_are_put_in_once_and_unknown_placeholders_left(english):
    reason = Reason.of("importer_failed", importer="{detail}", detail="boom")
    assert reason_text(reason) == "internal error in {detail}: boom"
    assert reason_text(reason, {"importer_failed": "{importer} / {other}"}) == "{detail} / {other}"
    assert reason_text(Reason.of("empty_file"), {}) == "the file is empty"


def test_chinese_reasons_keep_their_values(qapp, english):
    i18n.install(qapp, "zh_CN")
    reason = Reason.of("not_well_formed_xml", detail="EndTag: '</' not found")
    assert reason_text(reason) == "XML 格式不正确，文件可能已损坏或不完整：EndTag: '</' not found"
    assert (
        reason_text(Reason.of("page_missing", mets="mets.xml")) == "缺失：mets.xml 把它列为一个版面"
    )


def test_the_common_os_errors_are_chinese_without_the_systems_english(qapp, english):
    i18n.install(qapp, "zh_CN")
    denied = os_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert reason_text(denied) == "无法读取文件：没有读取权限"
    assert reason_text(os_reason(OSError(errno.EIO, "Input/output error"))).startswith(
        "无法读取文件：输入输出错误"
    )
    assert reason_text(os_reason(IsADirectoryError(errno.EISDIR, "x"))) == "这是文件夹，不是文件"


def test_a_libxml2_message_shows_only_where_in_chinese_and_whole_in_the_tooltip(
    qtbot, qapp, tmp_path, english
):
    (tmp_path / "cut.xml").write_text("<mets><dmdSec>", encoding="utf-8")
    library = Library.open(tmp_path)
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_problems(library.problems)
    model = panel.model
    english_text = model.data(model.index(0, 1))
    assert english_text.startswith("not well-formed XML") and "line 1, column 15" in english_text
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == english_text
    i18n.install(qapp, "zh_CN")
    qtbot.waitUntil(lambda: panel.windowTitle() == "问题")
    assert (
        model.data(model.index(0, 1)) == "XML 格式不正确，文件可能已损坏或不完整：第1行第15个字符"
    )
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{model.data(model.index(0, 1))}\n\n{english_text}"
    # A message that names no place keeps its words.
    reason = Reason.of("not_well_formed_xml", detail="Document is empty")
    assert reason_text(reason) == "XML 格式不正确，文件可能已损坏或不完整：Document is empty"
    i18n.install(qapp, "en")


def test_problems_panel_shows_chinese_reasons(qtbot, qapp, tmp_path, english):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02\x03" * 64)
    (tmp_path / "controls.md").write_bytes(b"## title\n" + bytes(range(1, 9)) * 200)
    library = Library.open(tmp_path)
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_problems(library.problems)
    model = panel.model

    def shown() -> dict[str, str]:
        return {model.data(model.index(r, 0)): model.data(model.index(r, 1)) for r in range(3)}

    assert shown()["empty.txt"] == "the file is empty"
    i18n.install(qapp, "zh_CN")
    # The panel follows the LanguageChange event Qt posts when a translator is installed.
    qtbot.waitUntil(lambda: panel.windowTitle() == "问题")
    assert shown() == {
        "empty.txt": "文件是空的",
        "blob.bin": "不是可识别的文件格式（二进制数据）",
        "controls.md": "二进制数据，不是文本",
    }
    i18n.install(qapp, "en")
    qtbot.waitUntil(lambda: panel.windowTitle() == "Problems")
    assert shown()["controls.md"] == "binary data, not text"
