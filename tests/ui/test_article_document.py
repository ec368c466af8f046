"""The article as set in the text pane, and search spans mapped to Qt's UTF-16 positions."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument

from reader.library import Library
from reader.model import Article, Issue
from reader.ui.reading.article_document import document_span, render_article
from reader.ui.reading.positions import utf16_length
from reader.ui.reading.text_pane import Span, TextPane

ARTICLE = Article(
    id="i-01",
    issue_id="i",
    title="𠮷祥村通路",
    kicker="岁末",
    subtitle="村民出行更方便",
    column="乡村",
    authors=("陈静",),
    page="2",
    paragraphs=("𠮷祥村修通了新路。", "村民说𠮷祥村的供热也快通了，供热管道已铺好。"),
    language="zh-Hans",
)
ISSUE = Issue(
    id="i",
    publication="测试周报",
    date=dt.date(2022, 1, 3),
    numbers_printed=("总101期",),
    articles=(ARTICLE,),
)


def text_at(document, span):
    cursor = QTextCursor(document)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_utf16_length():
    assert utf16_length("𠮷祥") == 3
    assert utf16_length("abc") == 3


def test_layout_order_like_a_newspaper(qapp):
    rendered = render_article(ISSUE, ARTICLE, palette=QPalette())
    lines = rendered.document.toPlainText().split("\n")
    assert lines[:6] == [
        "岁末",
        "𠮷祥村通路",
        "村民出行更方便",
        "【乡村】",
        "陈静",  # a Chinese byline is the names alone, also in an English interface
        "测试周报 · 2022年1月3日 · 总101期 · 第2版",  # as a Chinese paper prints it
    ]
    assert lines[-2:] == list(ARTICLE.paragraphs)


def test_a_latin_article_gets_by_before_its_authors(qapp):
    article = Article(
        id="e-01", issue_id="i", title="Bridge opens", authors=("Ann Lee", "Bo Ek"), page="3"
    )
    rendered = render_article(ISSUE, article, palette=QPalette())
    lines = rendered.document.toPlainText().split("\n")
    assert lines[1:3] == ["By Ann Lee, Bo Ek", "测试周报 · 3 January 2022 · 总101期 · p. 3"]


def test_byline_and_column_spans_land_on_the_names_and_column_shown(qapp):
    # The library counts a byline match in the names joined its way ("Ann Lee, Bo Ek";
    # 张晓明 郭强), the pane shows "By Ann Lee, Bo Ek" (张晓明　郭强) and 【the column】.
    article = Article(
        id="e-01",
        issue_id="i",
        title="Bridge opens",
        authors=("Ann Lee", "Bo Ek"),
        column="𠮷 Notes",
        page="3",
    )
    rendered = render_article(ISSUE, article, palette=QPalette())
    joined = Library.byline(article.authors)
    for name in ("Ann", "Lee", "Bo Ek", "Lee, Bo"):
        start = joined.index(name)
        span = document_span(rendered, "byline", start, start + len(name))
        assert text_at(rendered.document, span) == name
    assert text_at(rendered.document, document_span(rendered, "column", 2, 7)) == "Notes"
    chinese = dataclasses.replace(ARTICLE, authors=("张晓明", "郭强"))
    rendered = render_article(ISSUE, chinese, palette=QPalette())
    start = Library.byline(chinese.authors).index("郭强")
    span = document_span(rendered, "byline", start, start + 2)
    assert text_at(rendered.document, span) == "郭强"
    span = document_span(rendered, "byline", 0, 6)  # both names, across what sets them apart
    assert text_at(rendered.document, span) == "张晓明\u3000郭强"


def test_spans_after_characters_beyond_the_bmp_land_exactly(qapp):
    rendered = render_article(ISSUE, ARTICLE, palette=QPalette())
    text = ARTICLE.text
    for start in [i for i in range(len(text)) if text.startswith("供热", i)] + [
        text.index("𠮷", 5)
    ]:
        end = start + (2 if text[start] == "供" else 3)
        span = document_span(rendered, "body", start, end)
        assert text_at(rendered.document, span) == text[start:end]
    title_span = document_span(rendered, "title", 1, 3)
    assert text_at(rendered.document, title_span) == "祥村"


def test_pane_highlights_and_steps_through_matches(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    pane.resize(500, 200)
    pane.show()
    text = ARTICLE.text
    spans = [Span("body", i, i + 2) for i in range(len(text)) if text.startswith("供热", i)]
    spans.append(Span("title", 0, 1))
    pane.show_article(ISSUE, ARTICLE, spans=spans)
    assert pane.match_count == 3
    selections = pane.browser.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["𠮷", "供热", "供热"]
    reported = []
    pane.marks_changed.connect(lambda: reported.append((pane.current_match, pane.match_count)))
    pane.next_match()
    pane.next_match()
    assert reported == [(0, 3), (1, 3)]
    assert pane.browser.textCursor().position() == selections[1].cursor.selectionStart()
    pane.previous_match()
    pane.previous_match()
    assert reported[-1] == (2, 3)  # wraps around


ORIGINAL = "村民说𠮷祥村的供\n热也快通了，\n\n供热管道已铺好。"


def test_original_text_spans_cross_line_breaks_and_count_utf16(qapp):
    rendered = render_article(ISSUE, ARTICLE, palette=QPalette(), original_text=ORIGINAL)
    split = ORIGINAL.index("供")
    span = document_span(rendered, "body", split, split + 3)
    # A line break is one position in the document (selectedText shows it as U+2029).
    assert text_at(rendered.document, span) == "供\u2029热"
    whole = ORIGINAL.rindex("供热")
    assert text_at(rendered.document, document_span(rendered, "body", whole, whole + 2)) == "供热"
    assert text_at(rendered.document, document_span(rendered, "body", 3, 4)) == "𠮷"
    assert document_span(rendered, "body", len(ORIGINAL), len(ORIGINAL) + 2) is None


def test_reflowed_span_across_paragraphs_skips_the_blank_line(qapp):
    rendered = render_article(ISSUE, ARTICLE, palette=QPalette())
    text = ARTICLE.text
    # From the first paragraph's last character to the second's first: 。 then 村.
    end_of_first = len(ARTICLE.paragraphs[0])
    span = document_span(rendered, "body", end_of_first - 1, end_of_first + 3)
    assert text[end_of_first - 1 : end_of_first + 3] == "。\n\n村"
    assert text_at(rendered.document, span) == "。\u2029村"
    # A span starting on the blank line starts with the next paragraph.
    span = document_span(rendered, "body", end_of_first + 1, end_of_first + 3)
    assert text_at(rendered.document, span) == "村"


def test_pane_highlights_matches_split_by_an_original_line_break(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    pane.resize(500, 200)
    pane.show()
    split = ORIGINAL.index("供")
    whole = ORIGINAL.rindex("供热")
    spans = [Span("body", split, split + 3), Span("body", whole, whole + 2), Span("title", 0, 1)]
    pane.show_article(ISSUE, ARTICLE, original_text=ORIGINAL, spans=spans)
    assert pane.match_count == 3
    selections = pane.browser.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["𠮷", "供\u2029热", "供热"]
    pane.next_match()
    pane.next_match()
    assert pane.current_match == 1
    assert pane.browser.textCursor().position() == selections[1].cursor.selectionStart()


def test_switching_text_mode_drops_body_spans_until_new_ones_come(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    start = ARTICLE.text.index("供热")
    pane.show_article(ISSUE, ARTICLE, spans=[Span("body", start, start + 2)])
    pane.next_match()
    assert pane.current_match == 0
    pane.set_original_text(ORIGINAL)
    # The reflowed offsets mean nothing in the original text: nothing is marked wrongly.
    assert pane.match_count == 0
    assert pane.original_text == ORIGINAL
    split = ORIGINAL.index("供")
    pane.set_spans([Span("body", split, split + 3)])
    assert [s.cursor.selectedText() for s in pane.browser.extraSelections()] == ["供\u2029热"]
    assert pane.current_match == 0  # as many matches as before: the current one is kept


def test_documents_of_articles_read_before_are_deleted(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    other = Article(id="i-02", issue_id="i", title="另一篇", paragraphs=("正文。",))
    for _ in range(5):
        pane.show_article(ISSUE, ARTICLE)
        pane.show_article(ISSUE, other)
    pane.set_zoom(2)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(pane.browser.findChildren(QTextDocument)) == 1


def test_zoom_or_language_change_while_hidden_with_find_results(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(ISSUE, ARTICLE)
    pane.open_find()
    pane.find_bar.field.setText("供热")
    pane.find_next()
    assert pane.found_count == 2
    pane.hide()  # a minimised or closing window: the find bar counts as not visible
    pane.set_zoom(1)
    assert pane.found_count == 0
    assert pane.browser.extraSelections() == []


def dateline(issue, article) -> str:
    return render_article(issue, article, palette=QPalette()).document.toPlainText().split("\n")[2]


def test_the_whole_dateline_follows_the_articles_language(qapp):
    undated = Issue(id="u", publication="测试周报", date=None, number="12")
    chinese = Article(id="u-1", issue_id="u", title="特刊", authors=("陈静",), page="1")
    assert dateline(undated, chinese) == "测试周报 · 日期不详 · 第12期 · 第1版"
    latin = Article(id="u-2", issue_id="u", title="Special", authors=("Ann Lee",), page="1")
    assert dateline(undated, latin) == "测试周报 · undated · No. 12 · p. 1"
    printed = Issue(id="p", publication="测试周报", date=None, numbers_printed=("总200期",))
    assert dateline(printed, chinese).endswith("日期不详 · 总200期 · 第1版")


def test_a_scanned_page_says_it_has_no_text_and_a_lost_article_keeps_its_headline(qapp):
    scan = Article(id="s", issue_id="i", title="", page="3")
    lost = Article(id="l", issue_id="i", title="标题", page="3")
    scanned = render_article(ISSUE, scan, palette=QPalette()).document.toPlainText()
    headline_only = render_article(ISSUE, lost, palette=QPalette()).document.toPlainText()
    assert "a scan without a text layer" in scanned
    assert "Only the headline" not in scanned
    assert "Only the headline of this article survived" in headline_only


def test_only_cjk_paragraphs_are_justified_latin_ones_never_letter_spaced(qapp):
    # Qt spreads a justified one-word line letter by letter: "A b o n n e m e n t" in a
    # narrow pane. CJK lines break anywhere and justify evenly, so they stay justified.
    paragraphs = ("Abonnementspreis für das Vierteljahr.", "村民说供热也快通了，Wi-Fi 已通。")
    article = Article(id="m-01", issue_id="i", title="Nordstern", paragraphs=paragraphs)
    rendered = render_article(ISSUE, article, palette=QPalette())
    alignments = {
        text: rendered.document.findBlock(position).blockFormat().alignment()
        for position, text in rendered.paragraphs
    }
    assert alignments == {
        paragraphs[0]: Qt.AlignmentFlag.AlignLeft,
        paragraphs[1]: Qt.AlignmentFlag.AlignJustify,
    }
