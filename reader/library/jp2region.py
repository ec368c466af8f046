"""Part of a JPEG 2000 scan decoded without the rest: OpenJPEG's decode area, through ctypes.

Pillow decodes a JPEG 2000 file whole, which for a 10,000 x 14,000 newspaper scan takes many
seconds and gigabytes of working memory; OpenJPEG itself can decode just an area at a chosen
resolution level (``opj_set_decode_area``), which a 1:1 view needs. This module calls the
OpenJPEG library that Pillow's wheel brings (or the system's) for that, and only that; when
there is no such library, or the file is something it does not handle (subsampled or
YCC components, more than four channels), it returns None and the caller decodes with Pillow.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import glob
import os
from pathlib import Path

import numpy as np
import PIL
from PIL import Image

_JP2_MAGIC = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_CODEC_J2K, _CODEC_JP2 = 0, 2
_SRGB, _GRAY = 1, 2  # OPJ_COLOR_SPACE values (0: unspecified, which is read by channel count)
# opj_dparameters_t is about 8.3 kB (two 4096-byte paths); a larger buffer is safe whatever
# the version adds at its end.
_PARAMETERS_BYTES = 16384


class _Component(ctypes.Structure):
    _fields_ = [
        *((name, ctypes.c_uint32) for name in ("dx", "dy", "w", "h", "x0", "y0", "prec")),
        *((name, ctypes.c_uint32) for name in ("bpp", "sgnd", "resno_decoded", "factor")),
        ("data", ctypes.POINTER(ctypes.c_int32)),
        ("alpha", ctypes.c_uint16),
    ]


class _Image(ctypes.Structure):
    _fields_ = [
        *((name, ctypes.c_uint32) for name in ("x0", "y0", "x1", "y1", "numcomps")),
        ("color_space", ctypes.c_int),
        ("comps", ctypes.POINTER(_Component)),
        ("icc_profile_buf", ctypes.c_void_p),
        ("icc_profile_len", ctypes.c_uint32),
    ]


@functools.cache
def _library() -> ctypes.CDLL | None:
    """OpenJPEG: the copy Pillow's wheel carries (already loaded with Pillow), else the system's."""
    base = Path(PIL.__file__).parent
    # Linux wheels: site-packages/pillow.libs; macOS: PIL/.dylibs; a PyInstaller bundle puts
    # the libraries beside the packages (or keeps pillow.libs). Windows links it into _imaging.
    folders = (base.parent / "pillow.libs", base / ".dylibs", base.parent)
    candidates = [
        name for folder in folders for name in sorted(glob.glob(str(folder / "libopenjp2*")))
    ]
    system = ctypes.util.find_library("openjp2")
    candidates += [system] if system else []
    for candidate in candidates:
        try:
            library = ctypes.CDLL(candidate)
            _declare(library)
            return library
        except (OSError, AttributeError):
            continue
    return None


def _declare(lib: ctypes.CDLL) -> None:
    pointer, boolean, uint = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32
    lib.opj_stream_create_default_file_stream.argtypes = [ctypes.c_char_p, boolean]
    lib.opj_stream_create_default_file_stream.restype = pointer
    lib.opj_stream_destroy.argtypes = [pointer]
    lib.opj_create_decompress.argtypes = [ctypes.c_int]
    lib.opj_create_decompress.restype = pointer
    lib.opj_destroy_codec.argtypes = [pointer]
    lib.opj_set_default_decoder_parameters.argtypes = [pointer]
    lib.opj_setup_decoder.argtypes = [pointer, pointer]
    lib.opj_setup_decoder.restype = boolean
    lib.opj_read_header.argtypes = [pointer, pointer, ctypes.POINTER(ctypes.POINTER(_Image))]
    lib.opj_read_header.restype = boolean
    lib.opj_set_decoded_resolution_factor.argtypes = [pointer, uint]
    lib.opj_set_decoded_resolution_factor.restype = boolean
    lib.opj_set_decode_area.argtypes = [pointer, ctypes.POINTER(_Image), *[ctypes.c_int32] * 4]
    lib.opj_set_decode_area.restype = boolean
    lib.opj_decode.argtypes = [pointer, pointer, ctypes.POINTER(_Image)]
    lib.opj_decode.restype = boolean
    lib.opj_end_decompress.argtypes = [pointer, pointer]
    lib.opj_end_decompress.restype = boolean
    lib.opj_image_destroy.argtypes = [ctypes.POINTER(_Image)]


def available() -> bool:
    """Whether area decoding can be tried at all (an OpenJPEG library was found)."""
    return _library() is not None


def decode_area(path: Path, level: int, box: tuple[int, int, int, int]) -> Image.Image | None:
    """The area ``box`` (in pixels of level ``level``: the image at 1/2**level) of a JPEG 2000 file.

    Returns None when OpenJPEG is not there or cannot do it (then decode with Pillow).
    """
    lib = _library()
    if lib is None:
        return None
    with open(path, "rb") as handle:
        head = handle.read(12)
    codec_kind = _CODEC_JP2 if head == _JP2_MAGIC else _CODEC_J2K
    stream = lib.opj_stream_create_default_file_stream(os.fsencode(path), 1)
    if not stream:
        return None
    codec = lib.opj_create_decompress(codec_kind)
    image = ctypes.POINTER(_Image)()
    try:
        parameters = ctypes.create_string_buffer(_PARAMETERS_BYTES)
        lib.opj_set_default_decoder_parameters(parameters)
        if not (
            lib.opj_setup_decoder(codec, parameters)
            and lib.opj_read_header(stream, codec, ctypes.byref(image))
        ):
            return None
        header = image.contents
        factor = 1 << level
        x0, y0 = header.x0 + box[0] * factor, header.y0 + box[1] * factor
        x1, y1 = (
            min(header.x1, header.x0 + box[2] * factor),
            min(header.y1, header.y0 + box[3] * factor),
        )
        ok = (
            lib.opj_set_decoded_resolution_factor(codec, level)
            and lib.opj_set_decode_area(codec, image, x0, y0, x1, y1)
            and lib.opj_decode(codec, stream, image)
            and lib.opj_end_decompress(codec, stream)
        )
        return _pixels(image.contents, (box[2] - box[0], box[3] - box[1])) if ok else None
    finally:
        if image:
            lib.opj_image_destroy(image)
        lib.opj_destroy_codec(codec)
        lib.opj_stream_destroy(stream)


def _pixels(image: _Image, wanted: tuple[int, int]) -> Image.Image | None:
    """The decoded components as an 8-bit Pillow image (None: a layout left to Pillow)."""
    count = image.numcomps
    if count not in (1, 2, 3, 4) or image.color_space not in (0, _SRGB, _GRAY):
        return None
    planes: list[np.ndarray] = []
    for index in range(count):
        component = image.comps[index]
        if component.dx != 1 or component.dy != 1 or (component.w, component.h) != wanted:
            return None
        values = np.ctypeslib.as_array(component.data, shape=(component.h, component.w))
        planes.append(_eight_bits(values, component.prec, bool(component.sgnd)))
    # Pillow infers the mode from the array's shape (L, LA, RGB, RGBA for 1-4 uint8 planes);
    # naming it is deprecated from Pillow 11.3 on.
    if count == 1:
        return Image.fromarray(planes[0])
    return Image.fromarray(np.dstack(planes))


def _eight_bits(values: np.ndarray, precision: int, signed: bool) -> np.ndarray:
    """Samples of any precision as 0-255 (8-bit unsigned ones, the usual scan, in one pass)."""
    if precision == 8 and not signed:
        return values.astype(np.uint8)
    wide = values.astype(np.int32)
    if signed:
        wide += 1 << (precision - 1)
    if precision > 8:
        wide >>= precision - 8
    elif precision < 8:
        wide <<= 8 - precision
    return np.clip(wide, 0, 255).astype(np.uint8)
