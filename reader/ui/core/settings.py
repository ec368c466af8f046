"""The user's settings (window, reading position, recent archives): the one module that touches them.

Stored as an ini file through QSettings. Lists and dicts are kept as JSON strings, because an ini
QSettings gives a one-element list back as a plain string (Frescobaldi's ``qsettings.py`` explains).

A settings folder that cannot be written (read-only, a file in its way) costs only the keeping:
the window starts with the defaults (or what the file holds), the values written are kept in
memory for the session, and :func:`when_unwritable` tells the window, once, why.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from reader.library import paths
from reader.library.destination import CannotWrite, failed

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
# Once the file is known not to be writable: the store of this session (its values in memory),
# why, and whom to tell (once).
_kept: QSettings | None = None
_failure: CannotWrite | None = None
_tell: Callable[[CannotWrite], None] | None = None


class SettingsNotKept(CannotWrite):
    """The settings file cannot be written: its folder is read-only, a file is in its way…"""

    MESSAGE = "cannot keep the settings in {path}: {reason}"


def configure(path: Path | None) -> None:
    """Keep settings in ``path`` instead of the per-user default (tests use a tmp_path)."""
    global _path, _kept, _failure, _tell
    _path = path
    _kept = _failure = _tell = None


def when_unwritable(tell: Callable[[CannotWrite], None]) -> None:
    """Call ``tell`` once with why the settings cannot be kept: now, if the file cannot be
    written (looked at now), else when a write fails."""
    global _tell
    _tell = tell
    if _failure is None:
        why = _why_unwritable(path())
        if why is not None:
            _unwritable(_store(), why)
    _say()


def unwritable() -> CannotWrite | None:
    """Why the settings cannot be kept (a :class:`SettingsNotKept`), once that is known (None:
    as far as is known, they can)."""
    return _failure


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
    if store.status() == QSettings.Status.AccessError and _kept is None:
        file = path()
        _unwritable(store, _why_unwritable(file) or SettingsNotKept.of(str(file), "unknown"))
        _say()


def remember(key: str, item: str, limit: int) -> list[str]:
    """Put ``item`` first in the list setting ``key`` (no duplicates, at most ``limit``)."""
    items = [item] + [i for i in read(key) if i != item]
    write(**{key: items[:limit]})
    return items[:limit]


def _store() -> QSettings:
    if _kept is not None:
        return _kept
    file = path()
    store = QSettings(str(file), QSettings.Format.IniFormat)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _unwritable(store, failed(str(file), exc, SettingsNotKept))
    return store


def _unwritable(store: QSettings, why: CannotWrite) -> None:
    """From now on, ``store`` (in memory) is the session's settings, and ``why`` is kept."""
    global _kept, _failure
    _kept, _failure = store, why


def _say() -> None:
    """Tell the window why the settings cannot be kept, once."""
    global _tell
    if _failure is not None and _tell is not None:
        tell, _tell = _tell, None
        tell(_failure)


def _why_unwritable(file: Path) -> CannotWrite | None:
    """Why ``file`` cannot be written as QSettings writes it (a new file beside it, moved over
    it), or None: QSettings says only that it failed."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
        os.close(handle)
        os.unlink(probe)
        with contextlib.suppress(FileNotFoundError), open(file, "r+b"):
            pass
    except OSError as exc:
        return failed(str(file), exc, SettingsNotKept)
    return None


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
