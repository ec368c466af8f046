"""BLAKE2b without OpenSSL: ``hashlib`` loads OpenSSL's bindings (3–5 ms) for every process.

Every hash this program keeps (folder names, fingerprints, cache keys) is BLAKE2b, which
CPython implements itself in ``_blake2``; ``hashlib.blake2b`` is that same type. A
command-line search imports this instead of ``hashlib``; where ``_blake2`` is missing (another
interpreter), it is hashlib's.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b

__all__ = ["blake2b"]
