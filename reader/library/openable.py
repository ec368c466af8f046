"""What File › Open File… offers: the endings of the files the importers read, and zips."""

from __future__ import annotations

# A whole archive packed in one file (opened by its bytes, whatever its name).
PACKED = (".zip",)


def file_patterns() -> list[str]:
    """Glob patterns (``*.pdf``) for every file ending the importers read, and for zips.

    Taken from the format registry, so a format added there is offered without more ado.
    """
    from reader.formats import file_suffixes  # the importers load on first use: not at start

    return [f"*{suffix}" for suffix in (*file_suffixes(), *PACKED)]
