"""Only reader.index.w3 touches whoosh's internals: its private modules and private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

INDEX = REPO / "reader" / "index"
ADAPTER = INDEX / "w3"
# Whoosh's public API, as the rest of reader.index may use it.
PUBLIC = {"whoosh.index", "whoosh.fields", "whoosh.analysis", "whoosh.formats", "whoosh.columns"}
OTHERS = sorted(p for p in INDEX.rglob("*.py") if not p.is_relative_to(ADAPTER))


def _whoosh_modules(tree: ast.AST) -> set[str]:
    """The whoosh modules a module imports (``from whoosh import fields`` is whoosh.fields)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "whoosh"}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "whoosh":
            if node.module == "whoosh":
                found |= {f"whoosh.{a.name}" for a in node.names}
            else:
                found.add(str(node.module))
    return found


def _own_private_names() -> set[str]:
    """Private names that reader.index (outside the adapter) defines itself."""
    names = set()
    for path in OTHERS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return {name for name in names if name.startswith("_")}


def test_the_adapter_is_a_package_of_its_own() -> None:
    assert (ADAPTER / "__init__.py").is_file()
    assert len(OTHERS) > 10


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_other_index_modules_import_only_whoosh_public_modules(path: Path) -> None:
    used = _whoosh_modules(ast.parse(path.read_text(encoding="utf-8")))
    assert used <= PUBLIC, used - PUBLIC


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_other_index_modules_use_no_private_name_of_another_package(path: Path) -> None:
    own = _own_private_names()
    reached = {
        node.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and node.attr not in own
    }
    assert not reached, reached


def test_the_checks_see_what_the_adapter_does() -> None:
    """The two checks above would fail for the adapter's own modules (they can fail)."""
    blocks = ast.parse((ADAPTER / "blocks.py").read_text(encoding="utf-8"))
    assert _whoosh_modules(blocks) - PUBLIC >= {"whoosh.codec.whoosh3", "whoosh.matching"}
    own = _own_private_names()
    reached = {n.attr for n in ast.walk(blocks) if isinstance(n, ast.Attribute)}
    assert {"_postfile", "_tindex", "_compression"} <= reached - own
