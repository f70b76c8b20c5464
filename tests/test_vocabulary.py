"""One name, one home: views, sides, zone roles and pattern kinds are spelled only in
painmap/vocabulary.py (and the contract's tables); everywhere else they are named."""

from __future__ import annotations

import ast

import pytest

from painmap.vocabulary import PATTERN_KINDS, SIDE_IDS, VIEW_IDS, ZONE_ROLES

from .conftest import ROOT

WORDS = {str(w) for w in (*VIEW_IDS, *SIDE_IDS, *ZONE_ROLES, *PATTERN_KINDS)}
HOMES = {"painmap/vocabulary.py", "painmap/contract.py"}
# Plotly's own words for where a text sits ("left", "right") are not the legs' sides.
PLOTLY_PLACES = {"xanchor", "yanchor", "align", "textposition", "side", "anchor"}
FILES = sorted(
    path
    for folder in ("painmap", "app_pages")
    for path in (ROOT / folder).rglob("*.py")
    if str(path.relative_to(ROOT)) not in HOMES
)


def _spelled(tree: ast.AST) -> list[tuple[int, str]]:
    """The vocabulary words written as string literals, docstrings and Plotly places aside."""
    aside = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            aside.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.keyword) and node.arg in PLOTLY_PLACES:
            aside.add(id(node.value))
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in PLOTLY_PLACES:
                    aside.add(id(value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in WORDS and id(node) not in aside
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_view_side_role_or_kind_is_spelled_outside_the_vocabulary(path):
    assert _spelled(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_the_scan_finds_a_spelled_role():
    assert _spelled(ast.parse('role = "spillover"\nxanchor_ok = dict(xanchor="left")')) == [
        (1, "spillover")
    ]
