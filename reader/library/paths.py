"""Where this program keeps its files per user: caches (indexes, catalogues), settings and logs.

Never inside an archive: archives may be read-only, shared or on removable media. Every
function here reads the environment when called (``XDG_CACHE_HOME`` and the like), so a test
or a second profile can point them elsewhere.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from reader import digests

APP_NAME = "issue-reader"
SETTINGS_NAME = f"{APP_NAME}.ini"


def user_cache_root() -> Path:
    """The per-user cache folder of this program (its indexes and catalogues live below it)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def index_root() -> Path:
    """The per-user cache folder that holds the indexes of all archives."""
    return user_cache_root() / "indexes"


def catalogue_root() -> Path:
    """The per-user cache folder that holds the cached catalogues, beside the indexes."""
    return user_cache_root() / "catalogues"


def folder_in(root: str | os.PathLike[str], archive: str | os.PathLike[str]) -> Path:
    """The folder (or file stem) below ``root`` for an archive, keyed by the archive's location.

    The same archive reached by another spelling of its path (``a/../a``, a symlink) gets the
    same folder; the name starts with the archive's own name so a person can tell them apart.
    """
    resolved = Path(archive).expanduser().resolve()
    # surrogateescape: a path that is not valid UTF-8 is hashed as its bytes (valid ones as ever).
    key = str(resolved).encode("utf-8", "surrogateescape")
    digest = digests.blake2b(key, digest_size=8).hexdigest()
    name = re.sub(r"[^\w.-]+", "_", resolved.name)[:40] or "archive"
    return Path(root) / f"{name}-{digest}"


def index_dir(archive: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> Path:
    """The folder of an archive's index below ``root`` (the per-user :func:`index_root` if None)."""
    return folder_in(index_root() if root is None else root, archive)


def runtime_dir() -> Path:
    """The per-user folder of this program's sockets (``issue-reader serve``'s).

    ``$XDG_RUNTIME_DIR/issue-reader`` where the session has one, else a folder of the user's
    own in the temporary folder, as tmux keeps its sockets. Its owner and mode are checked
    by whoever uses it: a folder in ``/tmp`` could have been made by someone else.
    """
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.path.isabs(base):
        return Path(base) / APP_NAME
    user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(os.environ.get("TMPDIR") or "/tmp") / f"{APP_NAME}-{user}"


def server_socket(
    archive: str | os.PathLike[str], index: str | os.PathLike[str], config: str | os.PathLike[str]
) -> Path:
    """The socket of the process serving searches of ``archive`` with its index in ``index``,
    for a user whose settings (their aliases) are in ``config``.

    Keyed by all three, resolved: the same archive with another index or other aliases is
    another server. The name is short: a socket's path may not be longer than about a
    hundred bytes.
    """
    key = "\0".join(str(Path(p).expanduser().resolve()) for p in (archive, index, config))
    digest = digests.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=8)
    return runtime_dir() / f"{digest.hexdigest()}.sock"


def config_dir() -> Path:
    """The per-user folder of this program's settings."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    """The window's settings file (an ini file in :func:`config_dir`)."""
    return config_dir() / SETTINGS_NAME


def aliases_file(archive: str | os.PathLike[str]) -> Path:
    """The file of a reader's publication aliases for the archive at ``archive`` (its root).

    In :func:`config_dir`, not the cache: they are the reader's choices, not rebuildable.
    """
    return Path(f"{folder_in(config_dir() / 'aliases', archive)}.json")


def data_dir() -> Path:
    """The per-user folder of what a reader makes and keeps (collections, saved searches)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def collections_file() -> Path:
    """The SQLite file of the reader's collections and saved searches (in :func:`data_dir`)."""
    return data_dir() / "collections.sqlite"


def log_dir() -> Path:
    """The per-user folder of this program's log files."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
