"""A reader's own publication aliases: masthead misreads they accepted (or dismissed), per archive.

Kept in the per-user config folder (:func:`reader.library.paths.aliases_file`), one small JSON
file per archive root, and applied on top of the archive's ``archive.toml`` every time the
archive is opened: the archive itself is never written. The catalogue cache holds what the
importers read; the aliases are applied after it, so changing them never makes it stale.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library import paths
from reader.library.destination import CannotWrite, failed
from reader.model import Archive, ArchiveSettings, Article, NotFound, ReaderError

if TYPE_CHECKING:
    from reader.library import misreads

log = logging.getLogger(__name__)


class AliasesNotKept(CannotWrite):
    """The reader's aliases cannot be written: their folder is read-only, or a file is in its way."""

    MESSAGE = "cannot keep the publication aliases in {path}: {reason}"


@dataclass(frozen=True)
class UserAliases:
    """What a reader decided for one archive.

    ``aliases`` maps a masthead spelling to the publication it means; ``dismissed`` lists the
    mastheads they said are right as printed (no suggestion for them again).
    """

    aliases: dict[str, str] = field(default_factory=dict)
    dismissed: tuple[str, ...] = ()


def read(root: str | os.PathLike[str]) -> UserAliases:
    """The reader's aliases for the archive at ``root``; none when there is no (readable) file."""
    path = paths.aliases_file(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):  # no file there (a file in its folder's way)
        return UserAliases()
    except OSError as exc:
        log.warning("ignoring the publication aliases in %s: %s", path, exc.strerror or exc)
        return UserAliases()
    except ValueError as exc:
        log.warning("ignoring the publication aliases in %s: %s", path, exc)
        return UserAliases()
    aliases = data.get("aliases") if isinstance(data, dict) else None
    dismissed = data.get("dismissed") if isinstance(data, dict) else None
    return UserAliases(
        {
            str(k): str(v)
            for k, v in (aliases if isinstance(aliases, dict) else {}).items()
            if isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        },
        tuple(m for m in (dismissed if isinstance(dismissed, list) else []) if isinstance(m, str)),
    )


def write(root: str | os.PathLike[str], chosen: UserAliases) -> Path:
    """Keep ``chosen`` as the reader's aliases for the archive at ``root``; return the file.

    Raises:
        AliasesNotKept: The file (or the folder it goes in) cannot be written.
    """
    path = paths.aliases_file(root)
    data = {
        "archive": str(Path(root).expanduser().resolve()),
        "aliases": dict(sorted(chosen.aliases.items())),
        "dismissed": sorted(set(chosen.dismissed)),
    }
    temp = path.with_name(f"{path.name}.{os.urandom(16).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise failed(str(path), exc, AliasesNotKept) from exc
    return path


def accept(archive: Archive, masthead: str, name: str) -> UserAliases:
    """Make ``masthead`` an alias of ``name`` for this archive, from the next open on.

    Raises:
        NotFound: No issue of the archive has ``masthead`` as its publication or masthead.
        ReaderError: ``name`` is empty or the same name.
        AliasesNotKept: The file cannot be written.
    """
    from reader.formats import fold_name  # here: reading the aliases (every search) needs none

    masthead, name = masthead.strip(), name.strip()
    if not name or fold_name(name) == fold_name(masthead):
        raise ReaderError(f"{name!r} is no other name for {masthead!r}")
    wanted = fold_name(masthead)
    if not any(
        wanted in (fold_name(issue.publication), fold_name(issue.masthead))
        for issue in archive.issues
    ):
        raise NotFound(f"no issue of this archive has the masthead {masthead!r}")
    chosen = read(archive.root)
    aliases = {m: n for m, n in chosen.aliases.items() if fold_name(m) != wanted}
    aliases[masthead] = name
    dismissed = tuple(m for m in chosen.dismissed if fold_name(m) != wanted)
    updated = UserAliases(aliases, dismissed)
    write(archive.root, updated)
    return updated


def dismiss(archive: Archive, masthead: str) -> UserAliases:
    """Remember that ``masthead`` is right as printed: it is not suggested again."""
    chosen = read(archive.root)
    if masthead in chosen.dismissed:
        return chosen
    updated = dataclasses.replace(chosen, dismissed=(*chosen.dismissed, masthead.strip()))
    write(archive.root, updated)
    return updated


def remove(archive: Archive, masthead: str) -> bool:
    """Forget the alias (or the dismissal) of ``masthead``; whether there was one."""
    from reader.formats import fold_name  # here: reading the aliases (every search) needs none

    chosen = read(archive.root)
    wanted = fold_name(masthead)
    aliases = {m: n for m, n in chosen.aliases.items() if fold_name(m) != wanted}
    dismissed = tuple(m for m in chosen.dismissed if fold_name(m) != wanted)
    if aliases == chosen.aliases and dismissed == chosen.dismissed:
        return False
    write(archive.root, UserAliases(aliases, dismissed))
    return True


def applied(archive: Archive, chosen: UserAliases) -> Archive:
    """``archive`` with the reader's aliases applied on top of its own settings."""
    if not chosen.aliases:
        return archive
    from reader.formats import apply_aliases

    issues = apply_aliases(archive.issues, chosen.aliases)
    return dataclasses.replace(archive, issues=tuple(issues))


def suggestions(
    archive: Archive,
    chosen: UserAliases,
    whole: Callable[[Article], Article] = lambda article: article,
) -> list[misreads.Suggestion]:
    """The mastheads of ``archive`` that look like misreads, less those the reader dismissed.

    ``whole`` gives a catalogue entry's text (``Library.with_text``).
    """
    settings = archive.settings
    declared = (settings.publication,) if settings.publication else ()
    from reader.library import misreads  # here: reading the aliases (every search) needs none

    return misreads.suggest(
        archive.issues, declared=declared, dismissed=chosen.dismissed, whole=whole
    )


def toml_text(settings: ArchiveSettings, masthead: str, name: str) -> str:
    """The ``archive.toml`` lines that make ``masthead`` an alias of ``name`` for everyone.

    When the archive's settings already name ``name``, their mastheads are kept in the list;
    the language is kept too, so the text can replace the file whole.
    """
    mastheads = [masthead]
    if settings.publication == name:
        mastheads = [*(m for m in settings.aliases if m != masthead), masthead]
    lines = [f"publication = {_toml_string(name)}"]
    lines.append(f"mastheads = [{', '.join(_toml_string(m) for m in mastheads)}]")
    if settings.language and settings.publication in ("", name):
        lines.append(f"language = {_toml_string(settings.language)}")
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    # A JSON string is a TOML basic string (the same escapes), CJK kept as written.
    # TOML forbids DEL unescaped, which JSON leaves as is.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
