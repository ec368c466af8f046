"""Quick pickling for the slotted frozen dataclasses a catalogue holds by the hundred thousand.

A frozen dataclass with slots unpickles through ``dataclasses``' own ``__setstate__``, which
looks up the fields and calls ``object.__setattr__`` by name for each value of each object:
slower than the ``__dict__`` it replaced (a national-5y reopen took 0.39 s instead of 0.28 s).
Here the state is a plain tuple and each value is set through its slot's descriptor directly.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_pickle(cls: T) -> T:
    """Give the slotted frozen dataclass ``cls`` a tuple state set slot by slot (a decorator).

    Put it above ``@dataclass(frozen=True, slots=True)``: the slots exist only on the class
    that decorator returns.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))
    setters = tuple(getattr(cls, name).__set__ for name in names)
    get = operator.attrgetter(*names)

    def getstate(self: Any) -> tuple[Any, ...]:
        state: tuple[Any, ...] = get(self)
        return state

    def setstate(self: Any, state: tuple[Any, ...]) -> None:
        for set_slot, value in zip(setters, state, strict=True):
            set_slot(self, value)

    setattr(cls, "__getstate__", getstate)  # noqa: B010 (typed methods mypy cannot check here)
    setattr(cls, "__setstate__", setstate)  # noqa: B010
    return cls
