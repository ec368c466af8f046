"""Issue Reader: read and search archives of newspaper and magazine issues."""

import importlib.metadata

try:
    # The one definition of the version is pyproject.toml's, as installed.
    __version__ = importlib.metadata.version("issue-reader")
except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "unknown"
