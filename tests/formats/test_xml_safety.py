"""Hostile XML and HTML: XXE, billion laughs, external DTDs, deep nesting. Refused, never read.

Every root below is claimed by one of the XML importers, so each attack goes through a real
importer's parser; the archive must record a problem, and nothing outside it may be read.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.formats import load_archive, open_source, pick_importer
from reader.model import Archive

SECRET = "TOP-SECRET-OUTSIDE-THE-ARCHIVE"
ROOTS = {
    "newsml-g2": '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">'
    "<contentMeta><headline>{payload}</headline></contentMeta></newsItem>",
    "nitf": "<nitf><body><body.head><hedline><hl1>{payload}</hl1></hedline></body.head></body></nitf>",
    "mets-alto": '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="P1">'
    '<PrintSpace><TextBlock ID="B1"><TextLine><String CONTENT="{payload}"/></TextLine>'
    "</TextBlock></PrintSpace></Page></Layout></alto>",
    "delpher-didl": '<didl:DIDL xmlns:didl="urn:mpeg:mpeg21:2002:02-DIDL-NS"><didl:Item>'
    "<didl:Component>{payload}</didl:Component></didl:Item></didl:DIDL>",
}


def attack(doctype: str, payload: str, importer: str) -> bytes:
    root = ROOTS[importer].format(payload=payload)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{root}\n'.encode()


def everything_read(archive: Archive) -> str:
    parts = [p.reason for p in archive.all_problems]
    for issue in archive.issues:
        parts.extend([issue.publication, issue.masthead, *issue.front_matter])
        for article in issue.articles:
            parts.extend([article.title, article.subtitle, *article.paragraphs])
    return "\n".join(parts)


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    path = outside / "secret.txt"
    path.write_text(SECRET)
    (outside / "evil.dtd").write_text(f'<!ENTITY leak "{SECRET}">')
    return path


def load_attack(tmp_path: Path, importer: str, data: bytes) -> Archive:
    archive_folder = tmp_path / "archive"
    archive_folder.mkdir(exist_ok=True)
    (archive_folder / "attack.xml").write_bytes(data)
    chosen = pick_importer("attack.xml", data[:4096])
    assert chosen is not None
    assert importer == chosen.NAME
    return load_archive(open_source(archive_folder))


@pytest.mark.parametrize("importer", sorted(ROOTS))
@pytest.mark.parametrize(
    ("name", "doctype", "payload"),
    [
        ("xxe", '<!DOCTYPE x [<!ENTITY leak SYSTEM "file://{secret}">]>', "&leak;"),
        (
            "parameter entity",
            '<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{dtd}"> %p;]>',
            "&leak;",
        ),
        ("external dtd", '<!DOCTYPE x SYSTEM "file://{dtd}">', "&leak;"),
        ("public dtd", '<!DOCTYPE x PUBLIC "-//X//DTD X//EN" "http://127.0.0.1:9/x.dtd">', "x"),
        (
            "billion laughs",
            '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
            "&d;",
        ),
    ],
)
def test_attacks_are_refused_as_problems(tmp_path, secret_file, importer, name, doctype, payload):
    doctype = doctype.format(secret=secret_file, dtd=secret_file.parent / "evil.dtd")
    archive = load_attack(tmp_path, importer, attack(doctype, payload, importer))
    assert "attack.xml" in {p.source for p in archive.all_problems}, name
    assert SECRET not in everything_read(archive)
    assert "lollollol" not in everything_read(archive)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
@pytest.mark.parametrize("importer", sorted(ROOTS))
@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE x [<!ENTITY leak SYSTEM "file://{pipe}">]>',
        '<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{pipe}"> %p;]>',
        '<!DOCTYPE x SYSTEM "{pipe}">',
    ],
)
def test_nothing_outside_the_archive_is_even_opened(tmp_path, importer, doctype):
    # Opening a named pipe for reading blocks until a writer comes: a parser that tried to read
    # the entity would hang, so a load that finishes proves the pipe was never opened.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    data = attack(doctype.format(pipe=pipe), "&leak;", importer)
    result: list[Archive] = []
    worker = threading.Thread(target=lambda: result.append(load_attack(tmp_path, importer, data)))
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        with open(pipe, "wb"):  # release the blocked parser, then fail
            pass
        worker.join()
        pytest.fail("the parser opened a file outside the archive")
    assert "attack.xml" in {p.source for p in result[0].all_problems}


@pytest.mark.parametrize("importer", ["newsml-g2", "nitf"])
def test_nesting_beyond_the_default_limits_is_a_problem(tmp_path, importer):
    deep = "<p>" * 5000 + "deep" + "</p>" * 5000
    archive = load_attack(tmp_path, importer, attack("", deep, importer))
    [problem] = archive.all_problems
    assert problem.source == "attack.xml"
    assert "not well-formed XML" in problem.reason


def test_a_plain_doctype_without_entities_is_fine(tmp_path):
    data = attack("<!DOCTYPE nitf>", "Plain headline", "nitf")
    archive = load_attack(tmp_path, "nitf", data)
    assert archive.all_problems == ()
    assert [a.title for i in archive.issues for a in i.articles] == ["Plain headline"]


def test_html_pages_do_not_resolve_entities_or_fetch_dtds(tmp_path, secret_file):
    page = (
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret_file}">]>\n'
        f'<html><head><link rel="stylesheet" href="file://{secret_file}"></head><body>'
        '<font id="main-title">标题&leak;</font>'
        "<founder-content><!--enpcontent--><p>正文&leak;</p>"
        f'<p><img src="file://{secret_file}"></p><!--/enpcontent--></founder-content></body></html>'
    )
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "content_1.htm").write_text(page, encoding="utf-8")
    archive = load_archive(open_source(folder))
    assert SECRET not in everything_read(archive)
    assert [a.title for i in archive.issues for a in i.articles] == ["标题&leak;"]


@pytest.mark.parametrize("importer", sorted(ROOTS))
def test_a_cut_off_file_is_explained_without_parser_internals(tmp_path, importer):
    data = attack("", "Cut", importer)
    archive = load_attack(tmp_path, importer, data[: len(data) - 30])
    [problem] = archive.all_problems
    assert problem.reason.startswith("not well-formed XML (damaged or cut off?): ")
    assert "<string>" not in problem.reason
