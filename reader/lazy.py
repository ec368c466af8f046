"""A package's names loaded on first use (PEP 562), so importing one light module stays light."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def names_from(package: str, homes: Mapping[str, str], *, first: str = "") -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports each name from its home module.

    Args:
        package: The package's ``__name__``.
        homes: Each name, and the module it comes from (absolute).
        first: A module to import before any name (one that sets something up), or "".

    Returns:
        The ``__getattr__``; it keeps each value in the package, so the next use is a plain
        lookup.
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if first:
            importlib.import_module(first)
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
