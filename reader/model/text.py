"""The stand-in for an article's text that the catalogue keeps outside memory: it refuses to be read.

A catalogue of a national daily holds a million articles; their text (a billion characters)
stays on disk and the library reads an article's text when it is asked for. A catalogue entry's
``paragraphs`` is then one of two shared stand-ins, which still tell whether there is body text
(the article list marks the articles without) but raise :class:`TextNotRead` on any other use:
a caller that forgot to ask the library fails at once, never shows an empty article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NoReturn, SupportsIndex


class TextNotRead(RuntimeError):
    """An article's text was read from a catalogue entry that leaves it out (ask the library)."""

    def __init__(self) -> None:
        super().__init__(
            "this article's text is not in the catalogue: use Library.article() or "
            "Library.with_text() to read it"
        )


class Unread(tuple[str, ...]):
    """Paragraphs left out of the catalogue: empty to compare and hash, an error to read."""

    __slots__ = ()
    # Whether the article the stand-in replaces has any body text.
    has_text = False

    def _refuse(self) -> NoReturn:
        raise TextNotRead

    def __iter__(self) -> Iterator[str]:
        self._refuse()

    def __len__(self) -> int:
        self._refuse()

    def __getitem__(self, index: SupportsIndex | slice) -> NoReturn:
        self._refuse()

    def __contains__(self, item: object) -> bool:
        self._refuse()

    def __repr__(self) -> str:
        return f"<{'text' if self.has_text else 'no text'}, not read>"

    def __reduce__(self) -> str:
        # Pickled by name: a cached catalogue loads the two shared stand-ins, not copies.
        return "UNREAD_TEXT" if self.has_text else "UNREAD_EMPTY"


class _UnreadText(Unread):
    __slots__ = ()
    has_text = True


UNREAD_TEXT: Unread = _UnreadText()
UNREAD_EMPTY: Unread = Unread()
