"""Small hand-made OCR files (hOCR, PAGE-XML, ABBYY) for the OCR importers' tests."""

from __future__ import annotations

import itertools

_IDS = itertools.count(1)

HOCR_PAGE = """<div class='ocr_page' id='page_{n}' title='image "p{n}.png"; bbox 0 0 1000 1400; ppageno {p}'>
 <div class='ocr_carea' title="bbox 100 100 900 200">
  <p class='ocr_par'><span class='ocr_header' title="bbox 100 100 900 150">
   <span class='ocrx_word' title='bbox 100 100 300 150'>{title}</span></span></p>
 </div>
 <div class='ocr_carea' title="bbox 100 200 900 400">
  <p class='ocr_par'>
   <span class='ocr_line' title="bbox 100 200 900 250"><span class='ocrx_word'
     title='bbox 100 200 200 250'>The</span> <span class='ocrx_word'
     title='bbox 210 200 400 250'>harbour</span> <span class='ocrx_word'
     title='bbox 410 200 600 250'>was</span> <span class='ocrx_word'
     title='bbox 610 200 900 250'>fro-</span></span>
   <span class='ocr_line' title="bbox 100 260 900 310"><span class='ocrx_word'
     title='bbox 100 260 300 310'>zen</span> <span class='ocrx_word'
     title='bbox 310 260 500 310'>solid.</span></span>
  </p>
 </div>
</div>"""


def hocr(*titles: str) -> str:
    """An hOCR file of one page per title (each page: a heading, then one paragraph)."""
    pages = "\n".join(
        HOCR_PAGE.format(n=n, p=n - 1, title=title) for n, title in enumerate(titles, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
        '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title>\n'
        "<meta name='ocr-system' content='tesseract 5.3.0' /></head>\n"
        f"<body>\n{pages}\n</body></html>\n"
    )


# Vertical Japanese: three columns, written in the file left to right (as a layout tool that
# sorts by x might), to be read right to left; each column's characters given as words.
HOCR_VERTICAL = """<html><head><meta name='ocr-system' content='tesseract 5'/></head><body>
<div class='ocr_page' title='bbox 0 0 300 400'>
 <div class='ocr_carea' title='bbox 0 0 300 400'><p class='ocr_par'>
  <span class='ocr_line' title='bbox 10 10 60 300; textangle 90'>
   <span class='ocrx_word' title='bbox 10 110 60 160'>る</span>
   <span class='ocrx_word' title='bbox 10 10 60 60'>で</span>
   <span class='ocrx_word' title='bbox 10 60 60 110'>あ</span>
   <span class='ocrx_word' title='bbox 10 160 60 210'>。</span></span>
  <span class='ocr_line' title='bbox 110 10 160 300; textangle 90'>
   <span class='ocrx_word' title='bbox 110 10 160 60'>休</span>
   <span class='ocrx_word' title='bbox 110 60 160 110'>日</span></span>
  <span class='ocr_line' title='bbox 210 10 260 300; textangle 90'>
   <span class='ocrx_word' title='bbox 210 10 260 60'>明</span>
   <span class='ocrx_word' title='bbox 210 60 260 110'>日</span>
   <span class='ocrx_word' title='bbox 210 110 260 160'>は</span></span>
 </p></div></div></body></html>
"""

PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"


def page_xml(regions: str, order: str = "") -> str:
    """A PAGE-XML file with these regions and (optionally) this reading order."""
    reading = f"<ReadingOrder><OrderedGroup id='g'>{order}</OrderedGroup></ReadingOrder>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<PcGts xmlns="{PAGE_NS}"><Metadata><Creator>test</Creator></Metadata>\n'
        '<Page imageFilename="p.png" imageWidth="1000" imageHeight="1400">\n'
        f"{reading if order else ''}{regions}</Page></PcGts>\n"
    )


def text_line(text: str, box: str = "0,0 100,0 100,20 0,20", attributes: str = "") -> str:
    return (
        f"<TextLine id='l{next(_IDS)}' {attributes}><Coords points='{box}'/>"
        f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>"
    )


def word_line(*words: str) -> str:
    """A TextLine with Word elements only (no TextEquiv of its own)."""
    inner = "".join(
        f"<Word id='w{n}'><Coords points='0,0 1,0 1,1 0,1'/>"
        f"<TextEquiv><Unicode>{w}</Unicode></TextEquiv></Word>"
        for n, w in enumerate(words)
    )
    return f"<TextLine id='wl{next(_IDS)}'><Coords points='0,0 1,0 1,1 0,1'/>{inner}</TextLine>"


def region(region_id: str, lines: str, kind: str = "paragraph", attributes: str = "") -> str:
    return (
        f"<TextRegion id='{region_id}' type='{kind}' {attributes}>"
        f"<Coords points='0,0 1,0 1,1 0,1'/>{lines}</TextRegion>"
    )


def abbyy_page(*paragraphs: tuple[str, ...], size: str = "10.", heading: str = "") -> str:
    """A bare ABBYY ``page`` (no declaration, root or namespace), one ``par`` per tuple of lines.

    Lines are written as ``charParams``, one per character, as FineReader exports them.
    """
    pars = []
    if heading:
        pars.append(_abbyy_par((heading,), "24."))
    pars += [_abbyy_par(lines, size) for lines in paragraphs]
    return (
        '<page width="1000" height="1400" resolution="300">\r\n'
        '<block blockType="Text" l="0" t="0" r="1000" b="1400"><region><rect l="0" t="0" '
        'r="1000" b="1400"></rect></region>\r\n<text>\r\n' + "".join(pars) + "</text></block>\r\n"
        '<block blockType="Picture" l="0" t="0" r="10" b="10"></block>\r\n</page>'
    )


def _abbyy_par(lines: tuple[str, ...], size: str) -> str:
    out = ["<par>\r\n"]
    for number, line in enumerate(lines):
        top = 100 + 50 * number
        chars = "".join(
            f'<charParams l="{10 * i}" t="{top}" r="{10 * i + 9}" b="{top + 40}">{c}</charParams>\r\n'
            for i, c in enumerate(line)
        )
        out.append(
            f'<line baseline="{top + 35}" l="0" t="{top}" r="{10 * len(line)}" b="{top + 40}">'
            f'<formatting lang="EnglishUnitedStates" fs="{size}">\r\n{chars}</formatting></line>\r\n'
        )
    out.append("</par>\r\n")
    return "".join(out)


ABBYY_NS = "http://www.abbyy.com/FineReader_xml/FineReader10-schema-v1.xml"


def abbyy_document(*pages: str) -> str:
    """An ABBYY ``document`` with its namespace, holding these (bare) pages."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<document xmlns="{ABBYY_NS}" version="1.0" producer="test" pagesCount="{len(pages)}">\n'
        + "\n".join(pages)
        + "\n</document>\n"
    )
