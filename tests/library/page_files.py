"""Small pages with coordinates and images, written by the page view's tests into tmp_path.

The hOCR page says its page is 1000×1400 pixels; its PNG is drawn at half that size (a scan
saved smaller than the OCR saw it), so every box in image pixels is the file's box × 0.5.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

# The boxes the file gives the words that the tests look for (left, top, right, bottom).
BOXES = {
    "Winter": (100, 100, 400, 160),
    "harbour": (210, 200, 400, 250),
    "was": (410, 200, 600, 250),
    "fro-": (610, 200, 900, 250),
    "zen": (100, 260, 300, 310),
    "solid.": (310, 260, 500, 310),
    "𠮷野家": (100, 600, 400, 650),
    "牛丼": (410, 600, 600, 650),
}
PAGE_SIZE = (1000, 1400)
IMAGE_SIZE = (500, 700)
SCALE = 0.5

_WORD = "<span class='ocrx_word' title='bbox {0} {1} {2} {3}; x_wconf 95'>{text}</span>"


def _word(text: str, box: tuple[int, int, int, int] | None = None) -> str:
    return _WORD.format(*(box or BOXES[text]), text=text)


def hocr_page(image: str = "page1.png") -> str:
    """One page: a heading (an article's title), a paragraph with ``fro-``/``zen`` across a
    line break, then a second article (heading ``Markets``) with CJK words."""
    line_1 = " ".join(_word(w) for w in ("harbour", "was", "fro-"))
    line_1 = _word("The", (100, 200, 200, 250)) + " " + line_1
    line_2 = " ".join(_word(w) for w in ("zen", "solid."))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title>
<meta name='ocr-system' content='tesseract 5.3.0' /></head><body>
<div class='ocr_page' id='page_1' title='image "{image}"; bbox 0 0 {PAGE_SIZE[0]} {PAGE_SIZE[1]}; ppageno 0'>
 <div class='ocr_carea' title="bbox 100 100 900 160"><p class='ocr_par'>
  <span class='ocr_header' title="bbox 100 100 400 160">{_word("Winter")}</span></p></div>
 <div class='ocr_carea' title="bbox 100 200 900 310"><p class='ocr_par'>
  <span class='ocr_line' title="bbox 100 200 900 250">{line_1}</span>
  <span class='ocr_line' title="bbox 100 260 900 310">{line_2}</span></p></div>
 <div class='ocr_carea' title="bbox 100 500 900 560"><p class='ocr_par'>
  <span class='ocr_header' title="bbox 100 500 500 560">{_word("Markets", (100, 500, 500, 560))}</span></p></div>
 <div class='ocr_carea' title="bbox 100 600 900 650"><p class='ocr_par'>
  <span class='ocr_line' title="bbox 100 600 900 650">{_word("𠮷野家")} {_word("牛丼")}</span></p></div>
</div></body></html>
"""


def write_hocr_issue(folder: Path, *, image: bool = True) -> Path:
    """A folder holding one hOCR page and (unless ``image`` is false) its half-size PNG."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page1.hocr").write_text(hocr_page(), encoding="utf-8")
    if image:
        Image.new("RGB", IMAGE_SIZE, "white").save(folder / "page1.png")
    return folder


def scaled(box: tuple[int, int, int, int], factor: float = SCALE) -> tuple[float, ...]:
    """A file box in image pixels."""
    return tuple(value * factor for value in box)


def alto_page(unit: str = "pixel") -> str:
    """A loose ALTO page in ``unit`` with a hyphenated word whose SUBS_CONTENT the text uses."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
 <Description><MeasurementUnit>{unit}</MeasurementUnit>
  <sourceImageInformation><fileName>page1.png</fileName></sourceImageInformation></Description>
 <Layout><Page ID="P1" WIDTH="1000" HEIGHT="1400" PHYSICAL_IMG_NR="1"><PrintSpace>
  <TextBlock ID="TB1" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="110">
   <TextLine HPOS="100" VPOS="200" WIDTH="800" HEIGHT="50">
    <String ID="S1" CONTENT="Die" HPOS="100" VPOS="200" WIDTH="100" HEIGHT="50"/><SP/>
    <String ID="S2" CONTENT="Aufklä" SUBS_TYPE="HypPart1" SUBS_CONTENT="Aufklärung"
      HPOS="610" VPOS="200" WIDTH="290" HEIGHT="50"/><HYP CONTENT="-"/></TextLine>
   <TextLine HPOS="100" VPOS="260" WIDTH="800" HEIGHT="50">
    <String ID="S3" CONTENT="rung" SUBS_TYPE="HypPart2" SUBS_CONTENT="Aufklärung"
      HPOS="100" VPOS="260" WIDTH="200" HEIGHT="50"/><SP/>
    <String ID="S4" CONTENT="ist" HPOS="310" VPOS="260" WIDTH="190" HEIGHT="50"/></TextLine>
  </TextBlock></PrintSpace></Page></Layout></alto>
"""
