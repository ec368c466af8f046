"""The optional ``archive.toml`` at an archive's root: publication name, masthead spellings."""

from __future__ import annotations

from reader.formats.common.source import Source
from reader.formats.common.textio import decode_text
from reader.model import ArchiveSettings, CorruptArchive, Problem, Reason

SETTINGS_FILE = "archive.toml"


def read_settings(source: Source) -> tuple[ArchiveSettings, list[Problem]]:
    """Read ``archive.toml`` if there is one; a broken file is a problem and defaults apply.

    The file looks like::

        publication = "今日长子"
        mastheads = ["今日长子", "今日长孑"]   # spellings in the files (OCR misreads too)
        language = "zh-Hans"
    """
    if not _exists(source):
        return ArchiveSettings(), []
    # Imported here: a search on a built index imports this module (for SETTINGS_FILE, a
    # catalogue's name check) but reads no settings, and tomllib takes a few milliseconds.
    import tomllib

    try:
        data = tomllib.loads(decode_text(source.read_bytes(SETTINGS_FILE), SETTINGS_FILE))
    except CorruptArchive as exc:
        return ArchiveSettings(), [Problem(SETTINGS_FILE, exc.reason)]
    except tomllib.TOMLDecodeError as exc:
        return ArchiveSettings(), [Problem(SETTINGS_FILE, Reason.of("bad_toml", detail=exc))]
    publication = data.get("publication", "")
    mastheads = data.get("mastheads", [])
    language = data.get("language", "")
    if not isinstance(publication, str) or not isinstance(language, str):
        return ArchiveSettings(), [Problem(SETTINGS_FILE, Reason.of("settings_not_text"))]
    if not isinstance(mastheads, list) or not all(isinstance(m, str) for m in mastheads):
        reason = Reason.of("settings_mastheads_not_list")
        return ArchiveSettings(), [Problem(SETTINGS_FILE, reason)]
    return ArchiveSettings(publication.strip(), tuple(m.strip() for m in mastheads), language), []


def _exists(source: Source) -> bool:
    # A stat, not source.names(): listing walks the whole archive, which the registry does anyway.
    try:
        source.info(SETTINGS_FILE)
    except OSError:
        return False
    return True
