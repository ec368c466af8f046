"""The pyramid and its cache: levels reused when zooming, large levels in tiles, a byte budget kept."""

from __future__ import annotations

import os
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from reader.formats import FolderSource, ZipSource
from reader.library import images, jp2region
from reader.library.image_cache import RasterCache
from reader.library.rasters import Raster, to_image
from reader.model import Page
from tests.conftest import shared_path
from tests.library.image_files import pattern, pixels, save


def raster(nbytes: int) -> Raster:
    return Raster(nbytes, 1, "L", nbytes, bytes(nbytes))


def test_cache_evicts_the_least_recently_used_under_its_budget() -> None:
    cache = RasterCache(budget=1000)
    for name in "abcd":
        cache.put(name, raster(300))
    assert cache.used == 900 and len(cache) == 3
    assert "a" not in cache
    assert cache.get("b") is not None  # b is now the most recent: c goes next
    cache.put("e", raster(300))
    assert "c" not in cache and "b" in cache and "e" in cache
    cache.put("huge", raster(5000))  # larger than the budget: not kept, nothing pushed out
    assert "huge" not in cache and len(cache) == 3
    cache.budget = 400
    assert cache.used <= 400 and list(k for k in "bde" if k in cache) == ["e"]
    cache.put("e", raster(100))  # replacing counts the new size only
    assert cache.used == 100


def test_cache_stays_within_budget_under_threads() -> None:
    cache = RasterCache(budget=10_000)

    def fill(offset: int) -> None:
        for i in range(500):
            cache.put((offset, i), raster(97))
            cache.get((offset, i - 3))

    threads = [threading.Thread(target=fill, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.used == 97 * len(cache) <= 10_000


def test_levels_are_powers_of_two_at_least_as_sharp() -> None:
    assert [images.level_for(s) for s in (4.0, 1.0, 0.99, 0.5, 0.26, 0.25, 0.12)] == [
        0,
        0,
        0,
        1,
        1,
        2,
        3,
    ]


def test_zooming_within_a_level_reuses_it(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.png", pattern(800, 600))
    cache = RasterCache()
    images.render(source, page, 0.3, None, cache)
    kept = cache.used
    assert kept == 400 * 300 * 3  # level 1, decoded once, whole
    images.render(source, page, 0.45, None, cache)
    images.render(source, page, 0.35, (0, 0, 400, 300), cache)
    assert cache.used == kept
    images.render(source, page, 0.6, None, cache)
    assert cache.used == kept + 800 * 600 * 3  # level 0 joins it


def test_a_large_level_is_kept_in_tiles_near_the_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small numbers stand for a 10,000-pixel scan: 64-pixel tiles, levels above 64 x 64 tiled.
    monkeypatch.setattr(images, "TILE", 64)
    monkeypatch.setattr(images, "WHOLE_PIXELS", 64 * 64)
    source, page = save(tmp_path, "p.png", pattern(640, 640))
    reference = Image.open(tmp_path / "p.png")
    tile_bytes = 64 * 64 * 3
    cache = RasterCache(budget=20 * tile_bytes)
    clip = (100, 90, 230, 200)  # tiles 1-3 across, 1-3 down: 9 of the 100
    shown = images.render(source, page, 1.0, clip, cache)
    assert np.array_equal(pixels(to_image(shown)), pixels(reference.crop(clip)))
    # The wanted tiles plus the nearest others, up to half the budget: never all 100.
    assert 9 <= len(cache) <= 11 and cache.used <= 20 * tile_bytes
    assert images.render_cached(source, page, 1.0, clip, cache) is not None
    # A distant view is not cached yet; a coarser level would do but is not decoded either.
    assert images.render_cached(source, page, 1.0, (500, 500, 600, 600), cache) is None
    far = images.render(source, page, 1.0, (500, 500, 600, 600), cache)
    assert np.array_equal(pixels(to_image(far)), pixels(reference.crop((500, 500, 600, 600))))


def test_cached_picture_comes_from_a_coarser_level_at_once(tmp_path: Path) -> None:
    y, x = np.mgrid[0:768, 0:1024]
    blocks = (((x // 32) + (y // 32)) % 2 * 200 + 20).astype(np.uint8)
    source, page = save(tmp_path, "p.jpg", Image.fromarray(blocks), quality=95)
    cache = RasterCache()
    assert images.render_cached(source, page, 1.0, None, cache) is None
    images.render(source, page, 0.25, None, cache)  # the fitted view: level 2
    blurred = images.render_cached(source, page, 1.0, (0, 0, 512, 384), cache)
    assert blurred is not None and (blurred.width, blurred.height) == (512, 384)
    sharp = images.render(source, page, 1.0, (0, 0, 512, 384), cache)
    # The same picture, only softer at the blocks' edges; and in place (two pixels off is worse).
    difference = np.abs(pixels(to_image(sharp)) - pixels(to_image(blurred))).mean()
    shifted = np.abs(pixels(to_image(sharp))[:, 2:] - pixels(to_image(blurred))[:, :-2]).mean()
    assert difference < 20 and shifted > difference + 3


def test_a_changed_file_is_decoded_again(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.png", Image.new("RGB", (50, 40), (10, 20, 30)))
    cache = RasterCache()
    first = images.render(source, page, 1.0, None, cache)
    Image.new("RGB", (60, 40), (200, 20, 30)).save(tmp_path / "p.png")
    os.utime(tmp_path / "p.png", ns=(1, 1))  # a different stamp whatever the clock did
    second = images.render(source, page, 1.0, None, cache)
    assert (first.width, second.width) == (50, 60)
    assert pixels(to_image(second))[0, 0][0] == 200


def test_workers_decoding_the_same_page_agree(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.jpg", pattern(900, 700), quality=90)
    cache = RasterCache()
    results: list[bytes] = []

    def work() -> None:
        results.append(images.render(source, page, 0.5, (0, 0, 600, 600), cache).data)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and len(set(results)) == 1
    assert len(cache) == 1  # one level-1 picture, decoded once and shared


def test_sample_kant_tiff() -> None:
    folder = shared_path("samples/ocrd-kant_aufklaerung_1784/data")
    source, page = FolderSource(folder), Page(1, image="OCR-D-IMG/INPUT_0020.tif")
    assert images.image_size(source, page) == (1457, 2084)
    fitted = images.render(source, page, 600 / 1457, None, RasterCache())
    assert (fitted.width, fitted.format) == (600, "RGB")
    reference = Image.open(folder / "OCR-D-IMG/INPUT_0020.tif").convert("RGB")
    clip = images.render(source, page, 1.0, (200, 300, 700, 600), RasterCache())
    assert np.array_equal(pixels(to_image(clip)), pixels(reference.crop((200, 300, 700, 600))))


def test_sample_alice_png() -> None:
    folder = shared_path("samples/hocr-tools-alice-tesseract/test/testdata")
    source, page = FolderSource(folder), Page(1, image="alice_1.png")
    assert images.image_size(source, page) == (2488, 3507)
    fitted = images.render(source, page, 0.25, None, RasterCache())
    assert (fitted.width, fitted.height, fitted.format) == (622, 877, "L")


def test_sample_nordstern_pdf_page() -> None:
    folder = shared_path(
        "samples/open-oni-mnhi-nordstern-1878-01-03/batch_mnhi_german_ver01/data/sn83045350/00295876384/1878010301"
    )
    source, page = FolderSource(folder), Page(1, image="0011.pdf")
    # 1030.5 x 1458.36 points at 150 dpi.
    assert images.image_size(source, page) == (2147, 3038)
    fitted = images.render(source, page, 1200 / 2147, None, RasterCache())
    assert (fitted.width, fitted.height) == (1200, 1698)
    full = pixels(to_image(images.render(source, page, 1.0, None, RasterCache())).convert("L"))
    clip = images.render(source, page, 1.0, (500, 700, 1700, 1500), RasterCache())
    assert (clip.width, clip.height) == (1200, 800)
    # pdfium resamples the embedded scan for each clip on its own grid: alike, not identical.
    shown = pixels(to_image(clip).convert("L"))
    assert np.corrcoef(full[700:1500, 500:1700].ravel(), shown.ravel())[0, 1] > 0.85


@pytest.mark.parametrize("name", ["p.jp2", "p.j2k"])
def test_a_large_jpeg_2000_level_decodes_only_the_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    if not jp2region.available():
        pytest.skip("no OpenJPEG library to call (Pillow's wheel carries one on Linux and macOS)")
    monkeypatch.setattr(images, "TILE", 64)
    monkeypatch.setattr(images, "WHOLE_PIXELS", 64 * 64)
    source, page = save(tmp_path, name, pattern(640, 480), irreversible=False)
    reference = Image.open(tmp_path / name).convert("RGB")
    cache = RasterCache()  # room for every tile: only the decoded area can fill it
    clip = (300, 200, 420, 290)  # tiles 4-6 across, 3-4 down
    shown = images.render(source, page, 1.0, clip, cache)
    assert np.array_equal(pixels(to_image(shown)), pixels(reference.crop(clip)))
    assert len(cache) == 6  # the six tiles of the view; not all 80
    # A reduced level, cut from its own area: the same as Pillow's reduction of the file.
    reference.close()
    with Image.open(tmp_path / name) as reduced:
        reduced.reduce = 1  # type: ignore[assignment, method-assign]
        halved = reduced.convert("RGB").crop((10, 20, 300, 200))
    shown = images.render(source, page, 0.5, (20, 40, 600, 400), cache)
    assert np.array_equal(pixels(to_image(shown)), pixels(halved))


def test_a_jpeg_2000_in_a_zip_is_decoded_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(images, "TILE", 64)
    monkeypatch.setattr(images, "WHOLE_PIXELS", 64 * 64)
    pattern(300, 200).save(tmp_path / "p.jp2", irreversible=False)
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.write(tmp_path / "p.jp2", "p.jp2")
    reference = Image.open(tmp_path / "p.jp2").convert("RGB")
    with ZipSource(tmp_path / "a.zip") as source:
        shown = images.render(
            source, Page(1, image="p.jp2"), 1.0, (100, 50, 200, 150), RasterCache()
        )
    assert np.array_equal(pixels(to_image(shown)), pixels(reference.crop((100, 50, 200, 150))))
