"""The issues' fingerprints remembered beside the catalogue cache, so a search needs no catalogue.

Whether the index is current is a question about fingerprints (see ``indexes.fingerprints``),
and computing them needs the catalogue: on a ten-year weekly, unpickling it is most of a
command-line search. The fingerprints depend only on the files the catalogue is read from (its
stamp, which covers the importers' code too), on the reader's publication aliases, and on the
files the issues name; while all three are as they were, the remembered fingerprints are
the fingerprints. Never written inside the archive; a memo that cannot be read is a miss.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reader.formats import Source
from reader.library import cache_notes, paths, refused
from reader.library.aliases import UserAliases
from reader.library.catalogue import FileState
from reader.model import Archive, CorruptArchive

log = logging.getLogger(__name__)

# Bump when indexes.fingerprints changes what it hashes.
VERSION = 1


def memo_file(cache_root: Path | None, opened: Path) -> Path:
    """Where the fingerprints of the archive opened at ``opened`` are remembered."""
    root = cache_root if cache_root is not None else paths.catalogue_root()
    return Path(f"{paths.folder_in(root, opened)}.fingerprints.json")


def _key(stamp: str, user_aliases: UserAliases) -> list[object]:
    return [VERSION, stamp, sorted(user_aliases.aliases.items()), sorted(user_aliases.dismissed)]


def load(
    file: Path, stamp: str, user_aliases: UserAliases, source: Source
) -> dict[str, str] | None:
    """The remembered fingerprints, if they were made from the archive as it is now."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):  # none (a file in its folder's way: none)
        return None
    except OSError as exc:
        log.warning("ignoring the fingerprint memo %s: %s", file, exc.strerror or exc)
        return None
    except ValueError as exc:
        log.warning("ignoring the fingerprint memo %s: %s", file, exc)
        return None
    if not isinstance(data, dict) or data.get("key") != json.loads(
        json.dumps(_key(stamp, user_aliases))
    ):
        return None
    # The files an issue names that the catalogue's stamp does not cover (ignored kinds).
    for name, (size, mtime_ns) in data.get("extra", {}).items():
        try:
            info = source.info(name)
        except (OSError, CorruptArchive):
            return None
        if (info.size, info.mtime_ns) != (size, mtime_ns):
            return None
    # Files the system refused to read, which may read now with the same stamp (library.refused).
    refusals = data.get("refused", [])
    if not isinstance(refusals, list) or refused.readable_again(source, map(str, refusals)):
        return None
    found = data.get("fingerprints")
    return found if isinstance(found, dict) else None


def save(
    file: Path,
    stamp: str,
    user_aliases: UserAliases,
    state: FileState,
    named: set[str],
    source: Source,
    fingerprints: dict[str, str],
    refusals: list[str] | None = None,
) -> None:
    """Remember ``fingerprints``; ``named`` is every file the issues name (``state`` covers most).

    ``refusals`` are the files the system refused to read (:func:`refused.refused`): the memo
    is a miss once one of them reads.
    """
    extra = {}
    for name in sorted(named - state.keys()):
        try:
            info = source.info(name)
        except (OSError, CorruptArchive):
            return  # a file missing now: not worth remembering
        extra[name] = (info.size, info.mtime_ns)
    data = {
        "key": _key(stamp, user_aliases),
        "extra": extra,
        "refused": refusals or [],
        "fingerprints": fingerprints,
    }
    temp = file.with_name(f"{file.name}.{os.urandom(16).hex()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, file)
    except OSError as exc:
        cache_notes.cannot_cache(file, exc)  # once: the catalogue's failed the same way
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


@dataclass(frozen=True)
class Memo:
    """The memo of one opened archive: its file, its catalogue's stamp and the user's aliases."""

    file: Path
    stamp: str
    user_aliases: UserAliases

    def load(self, source: Source) -> dict[str, str] | None:
        """The remembered fingerprints, if they are still the archive's (see :func:`load`)."""
        return load(self.file, self.stamp, self.user_aliases, source)

    def keep(
        self, found: dict[str, str], archive: Archive, state: FileState, source: Source
    ) -> None:
        """Remember ``found``, the fingerprints of ``archive``, unless they are already."""
        if self.load(source) == found:
            return
        named = {name for issue in archive.issues for name in issue.files}
        refusals = refused.refused(archive)
        save(self.file, self.stamp, self.user_aliases, state, named, source, found, refusals)
