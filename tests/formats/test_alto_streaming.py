"""ALTO read as a stream: the same text as from the whole tree, in bounded memory for one huge line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.formats.common import xmlsafe
from reader.formats.common.xmlhead import root_tag
from reader.formats.mets import alto
from reader.formats.mets.alto_text import BlockText, HyphenState
from tests.conftest import REPO, SHARED
from tests.generator.huge import write_alto_line

_LINE_ID = re.compile(rb'<(?:\w+:)?TextLine\b[^>]*?\sID="([^"]+)"')


def _alto_files() -> list[Path]:
    """Every ALTO page of the shared samples (when present) and of tests/data."""
    files = sorted((REPO / "tests" / "data").rglob("*.xml"))
    if (SHARED / "samples").is_dir():
        files += sorted((SHARED / "samples").rglob("*.xml"))
    return [f for f in files if alto.is_alto(root_tag(f.read_bytes()[:4096]))]


ALTO_FILES = _alto_files()


def whole_tree_blocks(
    data: bytes, line_ids: set[str], raw: bool
) -> tuple[dict[str, str], dict[str, str]]:
    """Block and line texts the way the reader took them before it streamed: each TextBlock
    found in the whole parsed tree, its lines and words fed to BlockText in document order."""
    root = xmlsafe.parse_bytes(data, "p.xml")
    blocks: dict[str, str] = {}
    lines: dict[str, str] = {}
    hyphens = HyphenState()
    for number, block in enumerate(root.iter("{*}TextBlock"), start=1):
        block_id = block.get("ID") or f"#{number}"
        text = BlockText(block.tag, block_id, line_ids, hyphens, lines, {}, {})
        for element in block.iter(text.line_tag, *text.word_tags):
            if element.tag == text.line_tag:
                text.line(element)
            else:
                text.word(element, raw)
        blocks[block_id] = text.finish(raw)
    return blocks, lines


def test_there_are_alto_files_to_compare():
    assert len(ALTO_FILES) >= 3


@pytest.mark.parametrize("path", ALTO_FILES, ids=lambda p: p.name)
def test_streaming_gives_the_text_of_the_whole_tree(path: Path):
    data = path.read_bytes()
    line_ids = {i.decode() for i in _LINE_ID.findall(data)}
    for raw in (False, True):
        page = alto.parse_page(data, path.name, line_ids, raw=raw)
        assert page.error is None
        blocks, lines = whole_tree_blocks(data, line_ids, raw)
        assert page.blocks == blocks
        assert list(page.blocks) == list(blocks)
        assert page.lines == lines


def test_a_page_that_is_one_line_of_many_words_reads_every_word(tmp_path: Path):
    path = tmp_path / "line.xml"
    write_alto_line(path, 5000)
    page = alto.parse_page(path.read_bytes(), path.name, {"P1_TL1"})
    (text,) = page.all_texts()
    # Every 40th word is hyphenated across two Strings and given whole: one word again.
    assert len(text.split()) == 5000
    assert page.lines["P1_TL1"] == text
    raw = alto.parse_page(path.read_bytes(), path.name, raw=True)
    assert raw.blocks["P1_TB1"].count("-") == path.read_bytes().count(b"<HYP ") > 80


def test_a_30_mb_line_is_read_under_a_memory_limit_that_the_whole_tree_exceeds(tmp_path: Path):
    # Reading the whole tree of this page took 640 MB; streamed it takes about 75.
    path = tmp_path / "line.xml"
    write_alto_line(path, 94_000)
    script = (
        "import resource, sys\n"
        "limit = 400 << 20\n"
        "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
        "from pathlib import Path\n"
        "from reader.formats.mets import alto\n"
        "page = alto.parse_page(Path(sys.argv[1]).read_bytes(), 'line.xml')\n"
        "print(page.error, len(page.all_texts()[0].split()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["None", "94000"]


def test_words_outside_any_block_are_no_text():
    data = (
        b"<alto><Layout><Page ID='P'><PrintSpace><String CONTENT='stray'/>"
        b"<TextBlock ID='B'><TextLine><String CONTENT='kept'/></TextLine></TextBlock>"
        b"</PrintSpace></Page></Layout></alto>"
    )
    assert alto.parse_page(data, "p.xml").blocks == {"B": "kept"}


def test_a_cut_line_keeps_the_blocks_before_it():
    words = "".join(f"<String CONTENT='w{n}'/><SP/>" for n in range(5000))
    data = (
        f"<alto><Layout><Page ID='P'><TextBlock ID='A'><TextLine><String CONTENT='first'/>"
        f"</TextLine></TextBlock><TextBlock ID='B'><TextLine>{words}"
    ).encode()
    page = alto.parse_page(data, "p.xml")
    assert page.blocks == {"A": "first"}
    assert page.error is not None
