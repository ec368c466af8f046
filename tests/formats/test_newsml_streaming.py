"""A newsMessage (a whole feed, perhaps) read an item at a time: the same stories as read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats.common import markup
from reader.formats.newsml import newsml
from tests.conftest import REPO, SHARED


def _messages() -> list[Path]:
    files = sorted((REPO / "tests" / "data" / "newsml").rglob("*.xml"))
    if (SHARED / "samples").is_dir():
        files += sorted((SHARED / "samples").rglob("*.xml"))
    return [f for f in files if b"newsMessage" in f.read_bytes()[:4096]]


def _feed(items: int) -> bytes:
    body = "".join(
        f'<newsItem guid="urn:x:{n % 7}" version="{n}"><itemMeta><itemClass qcode="ninat:text"/>'
        f"</itemMeta><contentMeta><headline>Item {n}</headline></contentMeta><contentSet>"
        f'<inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text {n}.</p>'
        f"<p>More of {n}.</p></body></html></inlineXML></contentSet></newsItem>"
        for n in range(items)
    )
    return (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>'
        f"2024-03-13T04:00:00Z</sent></header><itemSet>{body}</itemSet></newsMessage>"
    ).encode()


def _whole(data: bytes, name: str) -> tuple[str, list[object], list[object]]:
    root = markup.parse_xml(data, name)
    items, packages = newsml._read_file(root, name, 3)
    return markup.local(root), [i.story for i in items], [_package(p) for p in packages]


def _streamed(data: bytes, name: str) -> tuple[str, list[object], list[object]]:
    kind, items, packages = newsml._read_message(data, name, 3)
    return kind, [i.story for i in items], [_package(p) for p in packages]


def _package(package: newsml.Package) -> dict[str, object]:
    # The same elements, whatever prefix a serialiser would give their namespace.
    refs = [
        [(e.tag, dict(e.attrib), (e.text or "").strip()) for e in ref.iter()]
        for ref in package.refs
    ]
    return {**package.__dict__, "refs": refs}


@pytest.mark.parametrize("path", _messages(), ids=lambda p: p.name)
def test_a_message_file_gives_the_same_items_streamed(path: Path) -> None:
    data = path.read_bytes()
    assert _streamed(data, path.name) == _whole(data, path.name)


def test_a_feed_of_many_items_gives_the_same_stories_streamed() -> None:
    data = _feed(3000)
    kind, stories, _ = _streamed(data, "feed.xml")
    assert (kind, stories) == _whole(data, "feed.xml")[:2]
    assert len(stories) == 3000
    assert stories[2999].paragraphs == ("Text 2999.", "More of 2999.")
    # Repeated guids are told apart by their place in the file, as when read whole.
    assert len({s.key for s in stories}) == 3000


def test_a_lone_item_is_not_a_message() -> None:
    with pytest.raises(newsml._NotAMessage):
        newsml._read_message(b'<newsItem guid="a"/>', "a.xml", 0)
