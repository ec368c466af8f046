"""Small hand-made METS issues with ALTO pages that have coordinates, for the page tests."""

from __future__ import annotations

from pathlib import Path

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v3#"

# (id, CONTENT, HPOS, VPOS, WIDTH, HEIGHT, extra attributes); the id HYP makes a HYP element.
WordSpec = tuple[str, str, int, int, int, int, str]
HYP = "HYP"


def alto(
    lines: list[list[WordSpec]],
    *,
    unit: str = "pixel",
    size: tuple[int, int] = (2000, 3000),
    block: str = "TB1",
    extra: str = "",
) -> str:
    """An ALTO page with one TextBlock of these lines (each word a String with its box)."""
    text_lines = []
    for n, words in enumerate(lines, 1):
        parts = []
        for word_id, content, x, y, w, h, attributes in words:
            if word_id == HYP:
                parts.append('<HYP CONTENT="-"/>')
                continue
            if parts:
                parts.append("<SP/>")
            parts.append(
                f'<String ID="{word_id}" CONTENT="{content}" HPOS="{x}" VPOS="{y}"'
                f' WIDTH="{w}" HEIGHT="{h}" {attributes}/>'
            )
        text_lines.append(f'<TextLine ID="{block}_L{n}">{"".join(parts)}</TextLine>')
    width, height = size
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><alto xmlns="{ALTO_NS}">'
        f"<Description><MeasurementUnit>{unit}</MeasurementUnit></Description><Layout>"
        f'<Page ID="P1" WIDTH="{width}" HEIGHT="{height}" PHYSICAL_IMG_NR="1">'
        f'<PrintSpace ID="PS1"><TextBlock ID="{block}" HPOS="10" VPOS="10" WIDTH="900"'
        f' HEIGHT="900">{"".join(text_lines)}</TextBlock>{extra}</PrintSpace></Page>'
        "</Layout></alto>"
    )


def mets(pages: list[tuple[str, list[tuple[str, str, str]]]], articles: str = "") -> str:
    """A METS of pages: each an ALTO href and its other files as (use, href, mimetype).

    ``articles`` is the inside of a logical structMap's top div (none: a page-only METS).
    """
    groups: dict[str, list[str]] = {}
    physical = []
    for n, (alto_href, others) in enumerate(pages, 1):
        pointers = [f'<mets:area FILEID="ALTO{n}"/>']
        groups.setdefault("content", []).append(_file(f"ALTO{n}", alto_href, "text/xml"))
        for k, (use, href, mimetype) in enumerate(others, 1):
            file_id = f"F{n}_{k}"
            groups.setdefault(use, []).append(_file(file_id, href, mimetype))
            pointers.insert(0, f'<mets:area FILEID="{file_id}"/>')
        physical.append(
            f'<mets:div TYPE="page" ORDER="{n}" ORDERLABEL="{n + 10}"><mets:fptr><mets:par>'
            f"{''.join(pointers)}</mets:par></mets:fptr></mets:div>"
        )
    file_sec = "".join(
        f'<mets:fileGrp USE="{use}">{"".join(files)}</mets:fileGrp>'
        for use, files in groups.items()
    )
    logical = (
        f'<mets:structMap TYPE="LOGICAL"><mets:div TYPE="Newspaper">{articles}'
        "</mets:div></mets:structMap>"
        if articles
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><mets:mets xmlns:mets="http://www.loc.gov/METS/"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink" LABEL="The Test Courier, 1900-01-02">'
        f"<mets:fileSec>{file_sec}</mets:fileSec>"
        f'<mets:structMap TYPE="PHYSICAL"><mets:div TYPE="Newspaper">{"".join(physical)}'
        f"</mets:div></mets:structMap>{logical}</mets:mets>"
    )


def article(div_id: str, *areas: tuple[int, str, str]) -> str:
    """A logical ARTICLE div with one paragraph div per area (page, BEGIN, END)."""
    inner = "".join(
        f'<mets:div TYPE="PARAGRAPH"><mets:fptr><mets:area FILEID="ALTO{page}" BETYPE="IDREF"'
        f' BEGIN="{begin}"{f" END={chr(34)}{end}{chr(34)}" if end else ""}/></mets:fptr></mets:div>'
        for page, begin, end in areas
    )
    return f'<mets:div ID="{div_id}" TYPE="ARTICLE" LABEL="{div_id}">{inner}</mets:div>'


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write files (name → text or bytes) below a folder; returns the folder."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _file(file_id: str, href: str, mimetype: str) -> str:
    return (
        f'<mets:file ID="{file_id}" MIMETYPE="{mimetype}"><mets:FLocat LOCTYPE="URL"'
        f' xlink:href="{href}"/></mets:file>'
    )
