"""One fuzz case from a seed and a number: a sample unit, its mutations, how it is wrapped."""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.corpus import Unit
from tests.fuzz.mutations import MUTATIONS

SEARCHED_BYTES = 1_000_000
WRAPPERS = (
    "folder",
    "folder",
    "folder",
    "file",
    "zip",
    "zip_of_zips",
    "zip_bad_member",
    "zip_mutated",
    "zip_odd_names",
)


@dataclass(frozen=True)
class Case:
    """A case made on disk: what to open, and how it was made (to name it when it fails)."""

    number: int
    path: Path
    description: str
    search: bool


def make_case(seed: int, number: int, units: list[Unit], folder: Path) -> Case:
    """Build case ``number`` of ``seed`` below ``folder``; the same arguments, the same bytes."""
    rng = random.Random(f"{seed}:{number}")
    unit = rng.choice(units)
    names = [name for name, _ in unit.files]
    target = rng.choice(names)
    chosen = [rng.choice(sorted(MUTATIONS)) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    wrapper = rng.choice(WRAPPERS)
    files = {name: path.read_bytes() for name, path in unit.files}
    for mutation in chosen:
        files[target] = MUTATIONS[mutation](files[target], rng)
    description = f"{unit.name} {target} [{', '.join(chosen)}] in {wrapper}"
    root = folder / f"case-{number}"
    if wrapper == "file":
        files = {target.rsplit("/", 1)[-1]: files[target]}
    path = _wrap(wrapper, files, root, rng)
    # Every eighth case is indexed and searched too, when it is small: indexing runs at a few
    # hundred kB a second, so megabytes of text take seconds without anything being wrong.
    small = sum(len(data) for data in files.values()) <= SEARCHED_BYTES
    return Case(number, path, description, search=number % 8 == 0 and small)


def _wrap(wrapper: str, files: dict[str, bytes], root: Path, rng: random.Random) -> Path:
    if wrapper == "folder":
        return _write_folder(files, root / "archive", rng)
    if wrapper == "file":
        [name] = files
        return _write_folder(files, root / "archive", rng, odd_names=False) / name
    packed = _zip_bytes(files)
    if wrapper == "zip_of_zips":
        packed = _zip_bytes({"inner.zip": packed, **dict(list(files.items())[:1])})
    elif wrapper == "zip_bad_member":
        packed = _bad_member(packed, rng)
    elif wrapper == "zip_mutated":
        packed = MUTATIONS[rng.choice(("flip_bytes", "truncate", "flip_markup"))](packed, rng)
    elif wrapper == "zip_odd_names":
        packed = _zip_bytes({_odd_name(name, rng): data for name, data in files.items()})
        if rng.random() < 0.5:
            packed = _without_utf8_flags(packed)
    root.mkdir(parents=True, exist_ok=True)
    path = root / "archive.zip"
    path.write_bytes(packed)
    return path


def _write_folder(
    files: dict[str, bytes], folder: Path, rng: random.Random, *, odd_names: bool = True
) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if odd_names and sys.platform == "linux" and rng.random() < 0.2:
        # A copy of one file under a name that is not valid UTF-8.
        name, data = rng.choice(sorted(files.items()))
        odd = os.fsdecode(os.fsencode(name.rsplit("/", 1)[-1]) + b"\xff\xfe.xml")
        (folder / odd).write_bytes(data)
    return folder


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _bad_member(packed: bytes, rng: random.Random) -> bytes:
    """The zip with one member damaged: its data, its compression method or its flags."""
    data = bytearray(packed)
    headers = [i for i in range(len(data) - 4) if data[i : i + 4] == b"PK\x01\x02"]
    locals_ = [i for i in range(len(data) - 4) if data[i : i + 4] == b"PK\x03\x04"]
    if not headers:
        return packed
    which = rng.randrange(len(headers))
    damage = rng.choice(("method", "encrypted", "data", "sizes"))
    central = headers[which]
    if damage == "method":
        data[central + 10 : central + 12] = struct.pack("<H", rng.choice((1, 9, 14, 97, 99)))
    elif damage == "encrypted":
        data[central + 8] |= 0x1
    elif damage == "sizes":
        data[central + 24 : central + 28] = struct.pack("<I", rng.choice((0, 1, 2**31, 2**32 - 1)))
    elif which < len(locals_):
        start = locals_[which] + 30
        for offset in range(rng.randint(1, 40)):
            if start + offset < len(data):
                data[start + offset] ^= 0xA5
    return bytes(data)


def _odd_name(name: str, rng: random.Random) -> str:
    return rng.choice(
        (
            name,
            f"../{name}",
            f"/abs/{name}",
            name.replace("/", "\\"),
            f"C:/{name}",
            f"dir/{name}",
            f"{name}\u00e9\u5b57",
            f"__MACOSX/{name}",
        )
    )


def _without_utf8_flags(packed: bytes) -> bytes:
    """The zip as old tools write it: names in UTF-8 bytes but not flagged as UTF-8."""
    data = bytearray(packed)
    for signature, offset in ((b"PK\x01\x02", 9), (b"PK\x03\x04", 7)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset] &= ~0x08 & 0xFF
            at = data.find(signature, at + 4)
    return bytes(data)
