"""The user's settings (window, reading position, recent archives): the one module that touches them.

Stored as an ini file through QSettings. Lists and dicts are kept as JSON strings, because an ini
QSettings gives a one-element list back as a plain string (Frescobaldi's ``qsettings.py`` explains).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from reader.library import paths

_DEFAULTS: dict[str, Any] = {
    "last_archive": "",
    # The folder a file dialog last chose in, where the next one starts when no archive is open.
    "dialog_folder": "",
    # Per archive root: {"issue": id, "article": id, "scroll": fraction}.
    "positions": {},
    "recent": [],
    "search_history": [],
    "zoom": 0,
    "original_text": False,
    # What the reading pane shows: "text", "page" (the scan) or "both".
    "page_mode": "text",
    # The widths of the text and the page side by side (none yet: half each).
    "page_split": [],
    # "" follows the system locale; otherwise "en" or "zh_CN".
    "language": "",
    "geometry": "",
    "window_state": "",
    "splitter": [],
    # Characters of context on each side of a match in the concordance.
    "concordance_width": 40,
    # What a search covers: "archive" (the one open) or "library" (its ticked archives).
    "search_scope": "archive",
}
MAX_RECENT = 10
MAX_HISTORY = 50
MAX_POSITIONS = 50

_path: Path | None = None


def configure(path: Path | None) -> None:
    """Keep settings in ``path`` instead of the per-user default (tests use a tmp_path)."""
    global _path
    _path = path


def path() -> Path:
    """The ini file the settings live in."""
    if _path is not None:
        return _path
    return paths.settings_file()


def read(key: str) -> Any:
    """The stored value of ``key``, or its default; an unknown key raises KeyError."""
    default = _DEFAULTS[key]
    raw = _store().value(key)
    if raw is None:
        return _copy(default)
    try:
        return _parse(raw, default)
    except (TypeError, ValueError):
        # A hand-edited or older file: fall back rather than refuse to start.
        return _copy(default)


def write(**values: Any) -> None:
    """Store each value under its key; an unknown key raises KeyError before anything is written."""
    unknown = [key for key in values if key not in _DEFAULTS]
    if unknown:
        raise KeyError(", ".join(unknown))
    store = _store()
    for key, value in values.items():
        if isinstance(_DEFAULTS[key], list | dict):
            store.setValue(key, json.dumps(value, ensure_ascii=False))
        elif isinstance(_DEFAULTS[key], bool):
            store.setValue(key, "true" if value else "false")
        else:
            store.setValue(key, value)
    store.sync()


def remember(key: str, item: str, limit: int) -> list[str]:
    """Put ``item`` first in the list setting ``key`` (no duplicates, at most ``limit``)."""
    items = [item] + [i for i in read(key) if i != item]
    write(**{key: items[:limit]})
    return items[:limit]


def _store() -> QSettings:
    file = path()
    file.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(file), QSettings.Format.IniFormat)


def _parse(raw: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return str(raw).lower() in ("true", "1")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, list | dict):
        value = json.loads(str(raw))
        if not isinstance(value, type(default)):
            raise ValueError(f"expected {type(default).__name__}")
        return value
    return str(raw)


def _copy(value: Any) -> Any:
    return json.loads(json.dumps(value)) if isinstance(value, list | dict) else value
