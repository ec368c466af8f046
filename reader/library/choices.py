"""The concordance's orders and default width: apart, so ``issue-reader --help`` names them cheaply."""

from __future__ import annotations

from typing import Literal

Order = Literal["left", "right", "date"]
ORDERS: tuple[Order, ...] = ("left", "right", "date")
DEFAULT_WIDTH = 40
