"""Where the reader has been (back and forward) and which issue lies nearest a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.model import Issue


@dataclass(frozen=True)
class Place:
    """An article (or just an issue) the reader looked at."""

    issue_id: str
    article_id: str = ""


class History:
    """Back and forward through what was read, like a browser's."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._at = -1
        self._limit = limit

    def visit(self, place: Place) -> None:
        """Record ``place`` as the current one; the forward list is dropped."""
        if self.current == place:
            return
        del self._places[self._at + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._at = len(self._places) - 1

    @property
    def current(self) -> Place | None:
        """Where the reader is, or None before the first visit."""
        return self._places[self._at] if self._at >= 0 else None

    def can_go_back(self) -> bool:
        """Whether there is an earlier place."""
        return self._at > 0

    def can_go_forward(self) -> bool:
        """Whether there is a later place (after going back)."""
        return self._at < len(self._places) - 1

    def back(self) -> Place | None:
        """Step back and return the place, or None at the start."""
        if not self.can_go_back():
            return None
        self._at -= 1
        return self._places[self._at]

    def forward(self) -> Place | None:
        """Step forward and return the place, or None at the end."""
        if not self.can_go_forward():
            return None
        self._at += 1
        return self._places[self._at]

    def retain(self, keep: Callable[[Place], bool]) -> None:
        """Forget the places ``keep`` refuses (their issue was removed from the archive).

        The current place becomes the nearest earlier one kept (or the first kept).
        """
        at = self._at
        kept = [(n, place) for n, place in enumerate(self._places) if keep(place)]
        self._places = [place for _n, place in kept]
        earlier = [i for i, (n, _place) in enumerate(kept) if n <= at]
        self._at = earlier[-1] if earlier else (0 if kept else -1)

    def clear(self) -> None:
        """Forget everything (another archive was opened)."""
        self._places, self._at = [], -1


def nearest_issue(issues: Sequence[Issue], date: dt.date, publication: str = "") -> Issue | None:
    """The dated issue closest to ``date`` (the earlier one on a tie), preferring ``publication``.

    Issues of ``publication`` are searched when it has any dated issue; otherwise all issues.
    """
    dated = [i for i in issues if i.date is not None]
    own = [i for i in dated if i.publication == publication]
    candidates = own or dated
    if not candidates:
        return None
    return min(candidates, key=lambda i: (abs((i.date - date).days), i.date))  # type: ignore[operator]
