"""Page images: size from the header, each format and mode decoded right, scale and clip exact."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from reader.formats import FolderSource, ZipSource
from reader.library import Library, images
from reader.library.image_cache import RasterCache
from reader.library.rasters import to_image
from reader.model import CorruptArchive, Page
from tests.formats.pdf_files import write_pdf
from tests.library.image_files import pattern, pixels, save


def test_jpeg_size_scale_and_clip(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.jpg", pattern(640, 480), quality=95)
    assert images.image_size(source, page) == (640, 480)
    reference = Image.open(tmp_path / "p.jpg").convert("RGB")

    clip = images.render(source, page, 1.0, (100, 50, 300, 250), RasterCache())
    assert (clip.width, clip.height, clip.format) == (200, 200, "RGB")
    assert np.array_equal(pixels(to_image(clip)), pixels(reference.crop((100, 50, 300, 250))))

    # A quarter comes from the decoder's own 1/4 scaling, close to averaging the full image.
    quarter = images.render(source, page, 0.25, None, RasterCache())
    assert (quarter.width, quarter.height) == (160, 120)
    averaged = pixels(reference.reduce(4))
    assert np.abs(pixels(to_image(quarter)) - averaged).mean() < 6


def test_scale_between_levels_gives_the_exact_size(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.png", pattern(1000, 700))
    raster = images.render(source, page, 0.3, (10, 20, 510, 420), RasterCache())
    assert (raster.width, raster.height) == (150, 120)
    expected = (
        Image.open(tmp_path / "p.png")
        .crop((10, 20, 510, 420))
        .resize((150, 120), Image.Resampling.BOX)
    )
    assert np.abs(pixels(to_image(raster)) - pixels(expected)).mean() < 8
    zoomed = images.render(source, page, 2.5, (100, 100, 140, 120), RasterCache())
    assert (zoomed.width, zoomed.height) == (100, 50)


def test_clip_is_clamped_to_the_image(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.png", pattern(300, 200))
    raster = images.render(source, page, 1.0, (250, -40, 900, 80), RasterCache())
    assert (raster.width, raster.height) == (50, 80)


def test_cmyk_jpeg_comes_out_in_rgb(tmp_path: Path) -> None:
    red = Image.new("CMYK", (64, 48), (0, 255, 255, 0))
    source, page = save(tmp_path, "cmyk.jpg", red, quality=95)
    raster = images.render(source, page, 1.0, None, RasterCache())
    assert raster.format == "RGB"
    r, g, b = pixels(to_image(raster))[24, 32]
    assert r > 230 and g < 30 and b < 30


def test_palette_png_keeps_colours_and_transparency(tmp_path: Path) -> None:
    image = Image.new("P", (40, 20))
    image.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255] + [0] * 759)
    image.paste(1, (0, 0, 20, 20))
    image.paste(2, (20, 0, 40, 20))
    source, page = save(tmp_path, "opaque.png", image)
    raster = images.render(source, page, 1.0, None, RasterCache())
    assert raster.format == "RGB"
    assert tuple(pixels(to_image(raster))[10, 5]) == (255, 0, 0)
    assert tuple(pixels(to_image(raster))[10, 35]) == (0, 0, 255)

    image.info["transparency"] = 2
    image.save(tmp_path / "clear.png", transparency=2)
    raster = images.render(source, Page(1, image="clear.png"), 1.0, None, RasterCache())
    assert raster.format == "RGBA"
    assert pixels(to_image(raster))[10, 35][3] == 0
    assert tuple(pixels(to_image(raster))[10, 5]) == (255, 0, 0, 255)


def test_multipage_tiff_frame_by_image_index(tmp_path: Path) -> None:
    first = Image.new("RGB", (60, 40), (200, 0, 0))
    second = Image.new("RGB", (90, 30), (0, 0, 200))
    first.save(tmp_path / "two.tif", save_all=True, append_images=[second])
    source = FolderSource(tmp_path)
    page = Page(2, image="two.tif", image_index=1)
    assert images.image_size(source, page) == (90, 30)
    raster = images.render(source, page, 1.0, None, RasterCache())
    assert tuple(pixels(to_image(raster))[15, 45]) == (0, 0, 200)
    assert images.image_size(source, Page(1, image="two.tif")) == (60, 40)


def test_one_bit_tiff_scales_to_grey(tmp_path: Path) -> None:
    bits = np.zeros((64, 64), dtype=bool)
    bits[:, 32:] = True  # right half white
    bits[::2, :16] = True  # stripes on the left: half black, half white
    image = Image.fromarray(bits)
    assert image.mode == "1"
    source, page = save(tmp_path, "bits.tif", image, compression="group4")
    full = images.render(source, page, 1.0, None, RasterCache())
    assert full.format == "L"
    values = pixels(to_image(full))
    assert values[10, 50] == 255 and values[10, 20] == 0
    half = pixels(to_image(images.render(source, page, 0.5, None, RasterCache())))
    assert half.shape == (32, 32)
    assert half[5, 25] == 255 and half[5, 12] == 0
    assert 100 < half[5, 3] < 160  # the stripes average to grey, not lost


def test_sixteen_bit_tiff_keeps_its_top_byte(tmp_path: Path) -> None:
    values = np.array([[0, 16384, 32768, 65535]] * 4, dtype=np.uint16)
    source, page = save(tmp_path, "deep.tif", Image.fromarray(values))
    raster = images.render(source, page, 1.0, None, RasterCache())
    assert raster.format == "L"
    assert list(pixels(to_image(raster))[0]) == [0, 64, 128, 255]


def test_jpeg_2000_reduced_and_clipped(tmp_path: Path) -> None:
    source, page = save(tmp_path, "p.jp2", pattern(512, 384), irreversible=False)
    assert images.image_size(source, page) == (512, 384)
    reference = Image.open(tmp_path / "p.jp2").convert("RGB")
    quarter = images.render(source, page, 0.25, None, RasterCache())
    assert (quarter.width, quarter.height) == (128, 96)
    # The wavelet's own low-pass: the gradients agree with averaging (the fine stripes may not).
    difference = pixels(to_image(quarter)) - pixels(reference.reduce(4))
    assert np.abs(difference[..., :2]).mean() < 3
    clip = images.render(source, page, 1.0, (40, 30, 240, 130), RasterCache())
    assert np.array_equal(pixels(to_image(clip)), pixels(reference.crop((40, 30, 240, 130))))


def test_jpeg_2000_with_few_resolution_levels_is_halved_further(tmp_path: Path) -> None:
    source, page = save(tmp_path, "few.jp2", pattern(800, 600), num_resolutions=2)
    raster = images.render(source, page, 0.1, None, RasterCache())  # level 3; the file has 1
    assert (raster.width, raster.height) == (80, 60)
    broken = (tmp_path / "few.jp2").read_bytes()[:400]
    (tmp_path / "cut.jp2").write_bytes(broken)
    with pytest.raises(CorruptArchive):
        images.render(source, Page(1, image="cut.jp2"), 0.1, None, RasterCache())


def test_pdf_page_rendered_at_the_scale_and_clip(tmp_path: Path) -> None:
    write_pdf(tmp_path / "two.pdf", [["A line of text " * 3] * 20, []])
    source = FolderSource(tmp_path)
    page = Page(1, image="two.pdf")
    # 420 x 595 points at PDF_DPI.
    assert images.PDF_DPI == 150
    assert images.image_size(source, page) == (875, 1240)
    full = images.render(source, page, 1.0, None, RasterCache())
    assert (full.width, full.height) == (875, 1240)
    clip = images.render(source, page, 1.0, (101, 57, 333, 222), RasterCache())
    assert (clip.width, clip.height) == (232, 165)
    expected = pixels(to_image(full))[57:222, 101:333]
    assert np.array_equal(pixels(to_image(clip)), expected)
    assert expected.min() < 100  # the clip holds text, not only paper
    half = images.render(source, page, 0.5, None, RasterCache())
    assert (half.width, half.height) == (438, 620)
    # At any scale a clip is the same pixels as the whole page at that scale (glyphs may be
    # rasterized a shade apart at another origin).
    for scale, clip in ((0.7, (100.0, 100.0, 500.0, 400.0)), (2.0, (60.5, 80.0, 300.0, 200.25))):
        whole = pixels(to_image(images.render(source, page, scale, None, RasterCache())))
        part = images.render(source, page, scale, clip, RasterCache())
        x0, y0 = round(clip[0] * scale), round(clip[1] * scale)
        assert (part.width, part.height) == (
            round((clip[2] - clip[0]) * scale),
            round((clip[3] - clip[1]) * scale),
        )
        expected = whole[y0 : y0 + part.height, x0 : x0 + part.width]
        assert np.abs(pixels(to_image(part)) - expected).mean() < 0.01
    # The second page is the drawing: its middle is the filled rectangle.
    drawn = images.render(
        source, Page(2, image="two.pdf", image_index=1), 0.25, None, RasterCache()
    )
    assert tuple(pixels(to_image(drawn))[155, 109]) == (120, 110, 100)


def test_missing_image_names_the_file(tmp_path: Path) -> None:
    source = FolderSource(tmp_path)
    page = Page(3, image="scans/0003.jp2")
    assert images.image_size(source, page) is None
    assert images.image_missing(source, page) == "scans/0003.jp2"
    with pytest.raises(CorruptArchive) as raised:
        images.render(source, page, 0.5)
    assert raised.value.reason.code == "no_such_path"
    assert images.image_missing(source, Page(1)) == ""
    assert images.image_size(source, Page(1)) is None
    # A name leading out of the archive is missing too, never read.
    assert images.image_missing(source, Page(1, image="../outside.png")) == "../outside.png"


def test_unreadable_image_is_a_corrupt_archive(tmp_path: Path) -> None:
    (tmp_path / "bad.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 cut")
    source = FolderSource(tmp_path)
    with pytest.raises(CorruptArchive) as raised:
        images.image_size(source, Page(1, image="bad.jpg"))
    assert raised.value.reason.code == "cannot_read_file"
    with pytest.raises(CorruptArchive) as raised:
        images.image_size(source, Page(1, image="bad.pdf"))
    assert raised.value.reason.code == "pdf_unreadable"


def test_image_inside_a_zip(tmp_path: Path) -> None:
    pattern(200, 100).save(tmp_path / "p.png")
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.write(tmp_path / "p.png", "issue/p.png")
    with ZipSource(tmp_path / "a.zip") as source:
        page = Page(1, image="issue/p.png")
        assert images.image_size(source, page) == (200, 100)
        raster = images.render(source, page, 0.5, None, RasterCache())
        assert (raster.width, raster.height) == (100, 50)
        assert images.image_missing(source, Page(1, image="issue/q.png")) == "issue/q.png"


def test_a_library_page_image_through_its_source(tmp_path: Path) -> None:
    (tmp_path / "issue.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    pattern(120, 80).save(tmp_path / "scan.png")
    with Library.open(tmp_path) as library:
        page = Page(1, image="scan.png")
        assert images.image_size(library.source, page) == (120, 80)
        assert images.image_missing(library.source, Page(1, image="gone.png")) == "gone.png"
