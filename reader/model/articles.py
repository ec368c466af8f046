"""An issue's articles kept compact by the library and made into entries only when used.

A national daily's catalogue holds a million articles; as objects they take most of a GB. A
library's catalogue keeps each issue's articles as one record on disk instead, and an
issue's ``articles`` is an :class:`Articles`: it knows how many there are (and which files
they come from) without decoding, and asks the library's ``decode`` for the entries when one
is read. The library keeps the issues decoded last, up to a bound, so walking every article
streams: each issue's entries are made when it is reached and let go later.

It behaves as the tuple it stands for: equal to it (and to an equal tuple), hashed alike,
pickled as that tuple (a copy sent elsewhere holds its entries, no decoder).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from reader.model.archive import Article


class Articles(Sequence["Article"]):
    """The articles of one issue, decoded by ``decode(key)`` when used (see the module doc).

    ``sources`` are the files the articles are read from, other than their issue's (most
    formats: none), so a walk over every file of an archive needs no entry.
    """

    __slots__ = ("_count", "_decode", "key", "sources")

    def __init__(
        self,
        decode: Callable[[int], tuple[Article, ...]],
        key: int,
        count: int,
        sources: tuple[str, ...] = (),
    ) -> None:
        self._decode = decode
        self.key = key
        self._count = count
        self.sources = sources

    def entries(self) -> tuple[Article, ...]:
        """The articles, decoded (or kept from a recent decoding)."""
        return self._decode(self.key)

    def decoded_by(self, decode: Callable[[int], tuple[Article, ...]]) -> bool:
        """Whether ``decode`` is the decoder these articles use (whose record ``key`` names)."""
        return self._decode == decode

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    @overload
    def __getitem__(self, at: int) -> Article: ...
    @overload
    def __getitem__(self, at: slice) -> tuple[Article, ...]: ...
    def __getitem__(self, at: int | slice) -> Article | tuple[Article, ...]:
        return self.entries()[at]

    def __iter__(self) -> Iterator[Article]:
        return iter(self.entries())

    def __reversed__(self) -> Iterator[Article]:
        return reversed(self.entries())

    def __contains__(self, item: object) -> bool:
        return item in self.entries()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Articles):
            if self.key == other.key and self._decode == other._decode:
                return True
            return self._count == other._count and self.entries() == other.entries()
        if isinstance(other, tuple):
            return self._count == len(other) and self.entries() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.entries())

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (self.entries(),)

    def __repr__(self) -> str:
        return repr(self.entries())
