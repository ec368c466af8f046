"""``issue-reader page``: a page's hits as JSON in image pixels, and drawn into a PNG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from reader.cli import main
from reader.cli.page import HIT_FILL, HIT_OUTLINE, REGION_OUTLINE
from tests.conftest import shared_path
from tests.library.page_files import BOXES, IMAGE_SIZE, PAGE_SIZE, scaled, write_hocr_issue

SAMPLES = Path(__file__).parents[2] / "sample_issues"


def page_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["page", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def issue_id(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    assert main(["issues", str(folder), "--json"]) == 0
    (issue,) = json.loads(capsys.readouterr().out)
    return str(issue["id"])


def ints(box: tuple[int, int, int, int], factor: float = 0.5) -> list[int]:
    return [round(v) for v in scaled(box, factor)]


def blended(fill: tuple[int, int, int, int]) -> tuple[int, int, int]:
    """The colour a translucent fill gives on white."""
    alpha = fill[3] / 255
    return tuple(round(255 * (1 - alpha) + c * alpha) for c in fill[:3])  # type: ignore[return-value]


def near(pixel: tuple[int, ...], colour: tuple[int, ...], slack: int = 3) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel, colour, strict=False))


def test_json_lists_the_hits_boxes_in_image_pixels(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    data = page_json(capsys, str(folder), issue_id(capsys, folder), "--query", "frozen")
    assert data["page"] == 1
    assert data["size"] == list(IMAGE_SIZE)
    assert data["image"].endswith("page1.png") and data["image_found"] is True
    (hit,) = data["hits"]
    assert hit["text"] == "frozen" and hit["field"] == "body"
    assert hit["boxes"] == [ints(BOXES["fro-"]), ints(BOXES["zen"])]
    assert all(isinstance(v, int) for box in hit["boxes"] for v in box)


def test_an_article_id_shows_its_page(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    assert main(["articles", str(folder), issue_id(capsys, folder), "--json"]) == 0
    second = json.loads(capsys.readouterr().out)[1]
    data = page_json(capsys, str(folder), second["id"], "-q", "牛丼")
    assert data["page"] == 1
    assert [(h["article_id"], h["text"]) for h in data["hits"]] == [(second["id"], "牛丼")]


def test_the_png_has_the_hit_colour_inside_the_box(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    out = tmp_path / "page.png"
    assert (
        main(["page", str(folder), issue_id(capsys, folder), "-q", "harbour", "--png", str(out)])
        == 0
    )
    assert "harbour" in capsys.readouterr().out
    with Image.open(out) as picture:
        assert picture.size == IMAGE_SIZE
        left, top, right, bottom = ints(BOXES["harbour"])
        centre = picture.getpixel(((left + right) // 2, (top + bottom) // 2))
        assert near(centre, blended(HIT_FILL))
        assert near(picture.getpixel((left, (top + bottom) // 2)), HIT_OUTLINE[:3], 40)
        assert picture.getpixel((5, 5)) == (255, 255, 255)
        # "was", next to it, is no hit.
        was = ints(BOXES["was"])
        assert picture.getpixel(((was[0] + was[2]) // 2, (was[1] + was[3]) // 2)) == (255,) * 3


def test_the_png_outlines_the_articles_regions_and_scales(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    assert main(["articles", str(folder), issue_id(capsys, folder), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    out = tmp_path / "page.png"
    assert main(["page", str(folder), first["id"], "--png", str(out), "--scale", "2"]) == 0
    with Image.open(out) as picture:
        assert picture.size == (IMAGE_SIZE[0] * 2, IMAGE_SIZE[1] * 2)
        # The paragraph's region starts where its first word does: (100, 200) in the file.
        left, top = round(100 * 0.5 * 2), round(200 * 0.5 * 2)
        assert near(picture.getpixel((left, top + 10)), REGION_OUTLINE[:3])


def test_a_png_that_cannot_be_written_is_one_line(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    wanted = issue_id(capsys, folder)
    out = tmp_path / "paper"  # a folder
    assert main(["page", str(folder), wanted, "--png", str(out)]) == 1
    assert capsys.readouterr().err == f"issue-reader: error: cannot write {out}: it is a folder\n"
    typo = tmp_path / "typo" / "page.png"
    assert main(["page", str(folder), wanted, "--png", str(typo)]) == 1
    assert capsys.readouterr().err == (
        f"issue-reader: error: cannot write {typo}: the folder {typo.parent} does not exist\n"
    )
    assert not typo.parent.exists()


def test_a_missing_image_draws_a_white_page_and_names_the_file(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper", image=False)
    out = tmp_path / "page.png"
    wanted = issue_id(capsys, folder)
    assert main(["page", str(folder), wanted, "-q", "frozen", "--png", str(out)]) == 0
    assert "page1.png not found" in capsys.readouterr().err
    with Image.open(out) as picture:
        assert picture.size == PAGE_SIZE
        left, top, right, bottom = ints(BOXES["zen"], 1.0)
        assert near(picture.getpixel(((left + right) // 2, (top + bottom) // 2)), blended(HIT_FILL))
    data = page_json(capsys, str(folder), wanted)
    assert data["image_found"] is False and data["size"] == list(PAGE_SIZE)


def test_errors_exit_1_with_one_line(tmp_path, capsys) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    wanted = issue_id(capsys, folder)
    assert main(["page", str(folder), wanted, "--page", "9"]) == 1
    assert "no page 9" in capsys.readouterr().err
    assert main(["page", str(folder), "nothing-like-it"]) == 1
    assert "nothing-like-it" in capsys.readouterr().err
    assert main(["page", str(folder), wanted, "--scale", "0"]) == 1
    assert "--scale" in capsys.readouterr().err
    # A text issue has no pages to show.
    assert main(["page", str(SAMPLES), "2022-09-19"]) == 1
    assert "no pages" in capsys.readouterr().err


def test_help_names_the_command(capsys) -> None:
    assert main(["--help"]) == 0
    assert "page" in capsys.readouterr().out
    assert main(["page", "--help"]) == 0
    assert "--png" in capsys.readouterr().out


def test_alice_sample_png_marks_the_hits(tmp_path, capsys) -> None:
    folder = shared_path("samples/hocr-tools-alice-tesseract")
    wanted = issue_id(capsys, folder)
    data = page_json(capsys, str(folder), wanted, "--page", "2", "-q", "rabbit")
    if not data["hits"]:
        pytest.skip("needs the hOCR page layout")
    assert data["size"] == [2488, 3507]
    assert len(data["hits"]) == 7
    out = tmp_path / "alice.png"
    assert (
        main(["page", str(folder), wanted, "--page", "2", "-q", "rabbit", "--png", str(out)]) == 0
    )
    with Image.open(out) as picture:
        left, top, right, bottom = data["hits"][1]["boxes"][0]
        # Inside a word the scan is dark; the fill tints even its white gaps amber.
        column = [picture.getpixel(((left + right) // 2, y)) for y in range(top + 2, bottom - 2)]
        assert any(near(pixel, blended(HIT_FILL), 12) for pixel in column)
