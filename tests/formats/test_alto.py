"""ALTO page text: every dialect, spaces, hyphenation, block lookup, broken and hostile files."""

from __future__ import annotations

import pytest

from reader.formats.common.xmlhead import root_tag
from reader.formats.mets import alto
from reader.model import CorruptArchive
from tests.conftest import shared_path

DIALECTS = {
    "1.x, no namespace": "",
    "CCS": "http://schema.ccs-gmbh.com/ALTO",
    "v2": "http://www.loc.gov/standards/alto/ns-v2#",
    "v3": "http://www.loc.gov/standards/alto/ns-v3#",
    "v4": "http://www.loc.gov/standards/alto/ns-v4#",
}

BODY = """
<Layout><Page ID="P1" PHYSICAL_IMG_NR="3" PRINTED_IMG_NR="5"><PrintSpace ID="P1_PS1">
  <TextBlock ID="TB1">
    <TextLine ID="TL1"><String CONTENT="The"/><SP/><String CONTENT="council"/><SP/><String CONTENT="met"/><SP/><String CONTENT="yes" SUBS_TYPE="HypPart1" SUBS_CONTENT="yesterday"/><HYP CONTENT="-"/></TextLine>
    <TextLine ID="TL2"><String CONTENT="terday" SUBS_TYPE="HypPart2" SUBS_CONTENT="yesterday"/><SP/><String CONTENT="and"/><SP/><String CONTENT="ad"/><HYP CONTENT="¬"/></TextLine>
    <TextLine ID="TL3"><String CONTENT="journed."/></TextLine>
  </TextBlock>
  <ComposedBlock ID="CB1">
    <TextBlock ID="TB2"><TextLine ID="TL4"><String CONTENT="FOR"/><String CONTENT="SALE"/></TextLine></TextBlock>
    <TextBlock ID="TB3"><TextLine ID="TL5"><String CONTENT="Apply"/><SP/><String CONTENT="within."/></TextLine></TextBlock>
  </ComposedBlock>
  <Illustration ID="IL1"/>
</PrintSpace></Page></Layout>
"""


def page_xml(namespace: str, body: str = BODY) -> bytes:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<alto{xmlns}>{body}</alto>\n'.encode()


def one_block(lines: str, namespace: str = "") -> str:
    page = alto.parse_page(
        page_xml(namespace, f"<Layout><TextBlock ID='B'>{lines}</TextBlock></Layout>"), "p.xml"
    )
    return page.blocks["B"]


@pytest.mark.parametrize("namespace", DIALECTS.values(), ids=DIALECTS.keys())
def test_every_dialect_reads_the_same(namespace):
    page = alto.parse_page(page_xml(namespace), "p.xml")
    assert alto.is_alto(root_tag(page_xml(namespace)))
    assert page.page_id == "P1"
    assert (page.printed_number, page.physical_number) == ("5", "3")
    assert page.blocks == {
        "TB1": "The council met yesterday and adjourned.",
        "TB2": "FOR SALE",
        "TB3": "Apply within.",
    }


def test_alto_is_recognised_by_its_root_and_nothing_else():
    assert alto.is_alto(root_tag(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<alto>"))
    assert alto.is_alto(root_tag(b"<alto xmlns='http://www.loc.gov/standards/alto/ns-v5#'>"))
    assert not alto.is_alto(root_tag(b"<mets xmlns='http://www.loc.gov/METS/'>"))
    assert not alto.is_alto(root_tag(b"<alto xmlns='http://example.org/other'>"))
    assert not alto.is_alto(root_tag(b"plain text, not XML"))
    assert alto.is_alto(root_tag("<?xml version='1.0' encoding='UTF-16'?><alto>".encode("utf-16")))


def test_blocks_are_found_by_id_group_range_and_line():
    page = alto.parse_page(page_xml(DIALECTS["v3"]), "p.xml", line_ids={"TL2"})
    assert page.texts("TB3") == ["Apply within."]
    assert page.texts("CB1") == ["FOR SALE", "Apply within."]
    assert page.texts("P1") == page.all_texts() == list(page.blocks.values())
    assert page.texts("TB1", "TB2") == ["The council met yesterday and adjourned.", "FOR SALE"]
    assert page.texts("TL2") == ["and ad"]
    assert page.texts("IL1") == []  # known, but holds no text
    assert page.texts("TB99") is None


def test_spaces_come_from_sp_and_between_words_but_not_between_cjk():
    assert (
        one_block(
            "<TextLine><String CONTENT='a'/><SP/><String CONTENT='b'/><String CONTENT='c'/></TextLine>"
        )
        == "a b c"
    )
    cjk = "<TextLine><String CONTENT='本报'/><String CONTENT='讯'/><SP/><String CONTENT='县委'/></TextLine>"
    assert one_block(cjk) == "本报讯县委"
    mixed = "<TextLine><String CONTENT='2022'/><String CONTENT='年'/><SP/><String CONTENT='GDP'/></TextLine>"
    assert one_block(mixed) == "2022年 GDP"
    lines = "<TextLine><String CONTENT='第一行'/></TextLine><TextLine><String CONTENT='第二行'/></TextLine>"
    assert one_block(lines) == "第一行第二行"


def test_cjk_glyph_sample_from_the_alto_board():
    path = shared_path(
        "samples/altoxml-v4-chinese-glyph-sample/v4/GlyphSamples/Glyph_Sample04_Chinese.xml"
    )
    page = alto.parse_page(path.read_bytes(), path.name)
    assert page.all_texts() == ["義禮說選"]  # the Glyph Variant alternatives are not text


def test_hyphenation_without_subs_content_and_in_the_word_itself():
    hyp = "<TextLine><String CONTENT='harb'/><HYP CONTENT='-'/></TextLine><TextLine><String CONTENT='our'/></TextLine>"
    assert one_block(hyp) == "harbour"
    inline = (
        "<TextLine><String CONTENT='harb-'/></TextLine><TextLine><String CONTENT='our'/></TextLine>"
    )
    assert one_block(inline) == "harbour"
    # A real hyphen before a capital stays (Saint-Cloud split at its hyphen).
    named = "<TextLine><String CONTENT='Saint-'/></TextLine><TextLine><String CONTENT='Cloud'/></TextLine>"
    assert one_block(named) == "Saint- Cloud"


@pytest.mark.parametrize("mark", ["-", "¬", "⸗", "\u00ad"])
def test_a_hyphen_stored_as_the_last_string_of_a_line_joins_the_word(mark):
    """OCR-D's ground truth stores a line-end hyphen as a String of its own (no HYP)."""
    lines = (
        f"<TextLine><String CONTENT='der'/><String CONTENT='Aufklaͤ'/><String CONTENT='{mark}'/></TextLine>"
        "<TextLine><String CONTENT='rung'/><String CONTENT='hinderlich'/></TextLine>"
    )
    assert one_block(lines) == "der Aufklaͤrung hinderlich"
    # Before a capital a printed hyphen may be a compound's: it stays, as in a String; a break mark never does.
    compound = (
        f"<TextLine><String CONTENT='General'/><SP/><String CONTENT='{mark}'/></TextLine>"
        "<TextLine><String CONTENT='Synode'/></TextLine>"
    )
    kept = "General" if mark in "¬\u00ad" else f"General{mark} "
    assert one_block(compound) == f"{kept}Synode"
    # A dash inside a line is a word of its own (a soft hyphen is never shown), and the raw
    # text keeps every String as it is.
    assert mark == "\u00ad" or (
        one_block(
            f"<TextLine><String CONTENT='a'/><String CONTENT='{mark}'/><String CONTENT='b'/></TextLine>"
        )
        == f"a {mark} b"
    )
    page = alto.parse_page(
        page_xml("", f"<Layout><TextBlock ID='B'>{lines}</TextBlock></Layout>"), "p.xml", raw=True
    )
    assert page.blocks["B"] == f"der Aufklaͤ {mark}\nrung hinderlich"


def test_punctuation_strings_without_sp_are_set_against_their_word():
    """Ground truth tokenises each mark as a String and writes no SP: "Frage :" is "Frage:"."""
    tokens = ["Frage", ":", "Was", "iſt", "Aufklaͤrung", "?", "(", "S", ".", "516", ".", ")"]
    line = "".join(f"<String CONTENT='{t}'/>" for t in tokens)
    assert one_block(f"<TextLine>{line}</TextLine>") == "Frage: Was iſt Aufklaͤrung? (S. 516.)"
    # Where the file writes an SP before a mark (French setting, or the OCR's own choice), the
    # space is the file's and stays.
    spaced = "<TextLine><String CONTENT='Autriche'/><SP/><String CONTENT=')'/><SP/><String CONTENT=':'/></TextLine>"
    assert one_block(spaced) == "Autriche ) :"


def test_a_word_cut_at_the_end_of_a_block_keeps_a_hyphen_to_heal_later():
    assert (
        one_block("<TextLine><String CONTENT='the'/><SP/><String CONTENT='har'/><HYP/></TextLine>")
        == "the har-"
    )


def test_second_half_without_the_whole_word_on_the_first_is_kept():
    lines = (
        "<TextLine><String CONTENT='ad' SUBS_TYPE='HypPart1'/><HYP/></TextLine>"
        "<TextLine><String CONTENT='journed' SUBS_TYPE='HypPart2' SUBS_CONTENT='adjourned'/></TextLine>"
    )
    assert one_block(lines) == "adjourned"


def test_raw_mode_keeps_lines_and_hyphens_as_printed():
    page = alto.parse_page(page_xml(""), "p.xml", raw=True)
    assert page.blocks["TB1"] == "The council met yes-\nterday and ad¬\njourned."


def test_page_without_blocks_is_empty_not_an_error():
    page = alto.parse_page(page_xml("", "<Layout><Page ID='P9'/></Layout>"), "p.xml")
    assert (page.page_id, page.blocks, page.error) == ("P9", {}, None)


def test_truncated_file_keeps_the_blocks_before_the_cut():
    data = page_xml(DIALECTS["v2"])
    cut = data[: data.index(b'<TextBlock ID="TB3"')]
    page, note = alto.read_page(cut, "p.xml")
    assert list(page.blocks) == ["TB1", "TB2"]
    assert note.code == "xml_cut_short"
    assert "text after that point is lost" in note.text
    with pytest.raises(CorruptArchive, match="not well-formed"):
        alto.read_page(data[:60], "p.xml")


def test_mislabelled_windows_1252_is_read_again():
    body = "<Layout><TextBlock ID='B'><TextLine><String CONTENT='café'/><SP/><String CONTENT='crème'/></TextLine></TextBlock></Layout>"
    data = f'<?xml version="1.0" encoding="UTF-8"?><alto>{body}</alto>'.encode("cp1252")
    page, note = alto.read_page(data, "p.xml")
    assert page.blocks["B"] == "café crème"
    assert note.code == "read_as_windows_1252"
    assert "read as Windows-1252" in note.text


def test_utf16_file_is_read_as_it_declares():
    body = "<Layout><TextBlock ID='B'><TextLine><String CONTENT='人民'/></TextLine></TextBlock></Layout>"
    data = f'<?xml version="1.0" encoding="UTF-16"?><alto>{body}</alto>'.encode("utf-16")
    page, note = alto.read_page(data, "p.xml")
    assert (page.blocks["B"], note) == ("人民", None)


HOSTILE = {
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><alto><Layout><TextBlock ID="B"><TextLine>'
        '<String CONTENT="&c;"/></TextLine></TextBlock></Layout></alto>'
    ),
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        '<alto><Layout><TextBlock ID="B"><TextLine><String CONTENT="&x;"/></TextLine>'
        "</TextBlock></Layout></alto>"
    ),
    "external DTD": (
        '<?xml version="1.0"?><!DOCTYPE alto SYSTEM "http://example.invalid/alto.dtd">'
        '<alto><Layout><TextBlock ID="B"><TextLine><String CONTENT="x"/></TextLine>'
        "</TextBlock></Layout></alto>"
    ),
    "entities and no blocks": (
        '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/hostname">]><alto>&x;</alto>'
    ),
}


@pytest.mark.parametrize("document", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_xml_is_refused(document):
    with pytest.raises(CorruptArchive, match="refused for safety"):
        alto.read_page(document.encode(), "evil.xml")


def test_huge_text_node_is_refused_by_the_default_limits():
    big = "x" * (11 * 1024 * 1024)  # libxml2 refuses text nodes over 10 MB without huge_tree
    data = page_xml(
        "",
        f"<Layout><TextBlock ID='A'><TextLine><String CONTENT='ok'/></TextLine></TextBlock><TextBlock ID='B'>{big}</TextBlock></Layout>",
    )
    page, note = alto.read_page(data, "big.xml")
    assert list(page.blocks) == ["A"]
    assert note is not None and note.code == "xml_cut_short"
