"""The desktop-integration files in resources/: icon, PNG sizes, desktop entry and AppStream metainfo."""

from __future__ import annotations

import configparser
import shlex
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
ICONS = RESOURCES / "icons"
APP_ID = "io.github.issuereader.IssueReader"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SVG_NS = "{http://www.w3.org/2000/svg}"
# Every application size of the freedesktop icon theme specification's hicolor theme.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCES = {
    ICONS / "issue-reader.svg": ICONS / "hicolor/scalable/apps" / f"{APP_ID}.svg",
    ICONS / "issue-reader-symbolic.svg": ICONS / "hicolor/symbolic/apps" / f"{APP_ID}-symbolic.svg",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def safe_parse(path: Path) -> etree._ElementTree:
    """Parse XML without entities, DTDs or network access."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which must come first."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    length, kind = struct.unpack(">I4s", head[8:16])
    assert (length, kind) == (13, b"IHDR"), f"{path} does not start with IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    """The [Desktop Entry] group, keys kept case-sensitive (Name[zh_CN] is not name[zh_cn])."""
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def project() -> dict[str, Any]:
    """The [project] table of pyproject.toml."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    table: dict[str, Any] = pyproject["project"]
    return table


def run(*command: str) -> subprocess.CompletedProcess[str]:
    """Run a validator, capturing what it says."""
    return subprocess.run(command, capture_output=True, text=True, check=False)


def tool(name: str, package: str) -> str:
    """The path of a validator, or skip the test when it is not installed."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package})")
    return path


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_svg_is_self_contained_with_square_viewbox_and_title(source: Path) -> None:
    root = safe_parse(source).getroot()
    assert root.tag == f"{SVG_NS}svg"
    x, y, width, height = map(float, root.get("viewBox", "").replace(",", " ").split())
    assert (x, y) == (0, 0)
    assert width == height > 0
    title = root.find(f"{SVG_NS}title")
    assert title is not None and (title.text or "").strip()
    # No lettering that needs a font, and nothing fetched from elsewhere.
    assert root.find(f".//{SVG_NS}text") is None
    assert root.find(f".//{SVG_NS}image") is None
    assert not [el for el in root.iter() if "{http://www.w3.org/1999/xlink}href" in el.attrib]


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_theme_svg_is_an_exact_copy_of_its_source(source: Path) -> None:
    assert SOURCES[source].read_bytes() == source.read_bytes(), "run resources/icons/render.py"


@pytest.mark.parametrize("size", SIZES)
def test_png_has_its_exact_size_and_stays_small(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path) == (size, size)
    assert path.stat().st_size < 64 * 1024, "optimise it: python3 resources/icons/render.py"


def test_theme_holds_only_the_expected_folders() -> None:
    expected = {f"{size}x{size}" for size in SIZES} | {"scalable", "symbolic"}
    assert {path.name for path in (ICONS / "hicolor").iterdir()} == expected
    names = {APP_ID, f"{APP_ID}-symbolic"}
    for folder in (ICONS / "hicolor").iterdir():
        assert [path.stem for path in (folder / "apps").iterdir()] in ([name] for name in names)


def test_desktop_entry_names_icon_exec_and_window_class() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Issue Reader"
    assert entry["Name[zh_CN]"]
    assert entry["Icon"] == APP_ID
    command, *arguments = shlex.split(entry["Exec"])
    assert command in project()["scripts"], (
        "Exec must run the console script pyproject.toml installs"
    )
    # Every selected path in one start (%F): the window opens the first and says so of the rest;
    # %f would start the program once per path.
    assert arguments == ["%F"]
    assert entry["Terminal"] == "false"
    # Qt on X11 sets WM_CLASS's class to QCoreApplication.applicationName().
    assert entry["StartupWMClass"] == "issue-reader"
    assert {"inode/directory", "application/zip"} <= set(entry["MimeType"].split(";"))


def test_metainfo_agrees_with_the_desktop_entry() -> None:
    root = safe_parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == shlex.split(desktop_entry()["Exec"])[0]
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("content_rating[@type='oars-1.1']") is not None
    versions = [release.get("version") for release in root.iterfind("releases/release")]
    assert project()["version"] in versions, "add a <release> for the version in pyproject.toml"
    for url in root.iterfind(".//url"):
        assert (url.text or "").startswith("https://"), url.text
        assert "example." not in (url.text or ""), "no placeholder URLs"


def test_desktop_file_validate_reports_nothing() -> None:
    validator = tool("desktop-file-validate", "desktop-file-utils")
    result = run(validator, str(DESKTOP))
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_appstreamcli_validates_the_metainfo() -> None:
    validator = tool("appstreamcli", "appstream")
    result = run(validator, "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstreamcli_validates_the_installed_tree(tmp_path: Path) -> None:
    """Laid out as a package installs them, the metainfo, desktop entry and icons find each other."""
    validator = tool("appstreamcli", "appstream")
    share = tmp_path / "usr/share"
    for source, folder in ((DESKTOP, "applications"), (METAINFO, "metainfo")):
        (share / folder).mkdir(parents=True)
        shutil.copy(source, share / folder)
    shutil.copytree(ICONS / "hicolor", share / "icons/hicolor")
    result = run(validator, "validate-tree", "--no-net", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
