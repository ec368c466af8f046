"""Issue Reader: read and search archives of newspaper and magazine issues."""

from __future__ import annotations

import os

# numpy's OpenBLAS starts a thread per core when numpy is imported, and those threads spin
# while they wait: 100-130 ms of CPU in every process that imports numpy (a search, each
# index worker), for matrix work the app never does (its numpy is element-wise). One thread,
# unless the user chose otherwise; set here, before anything of the app imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def __getattr__(name: str) -> str:
    # ``__version__`` is looked up when asked for (--version, the About box), without
    # importlib.metadata, which costs more than the rest of ``issue-reader --help``.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from reader import versions

    # The one definition of the version is pyproject.toml's, as installed; "unknown" in a
    # source tree that was never installed.
    version = versions.version("issue-reader") or "unknown"
    globals()["__version__"] = version
    return version
