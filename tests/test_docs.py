"""The docs and the code agree: contract ids, README commands, maps/README landmark table."""

from __future__ import annotations

import re

import pytest

from painmap import contract
from painmap.contract import LANDMARK_IDS, VIEW_IDS

from .conftest import ROOT, SHARED

CONTRACT = SHARED / "CONTRACT.md"


def _backticked(text: str) -> set[str]:
    return set(re.findall(r"`([a-z0-9_]+)`", text))


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


@pytest.fixture(scope="module")
def contract_text():
    if not CONTRACT.exists():
        pytest.skip(f"{CONTRACT} is not beside this checkout")
    return CONTRACT.read_text()


def test_views_and_sides_match_the_contract(contract_text):
    table = _section(contract_text, "| view id |", "- Units")
    assert set(re.findall(r"\| `([a-z]+)` \|", table)) == set(VIEW_IDS)
    assert "`right`, `left`" in contract_text


def test_landmarks_match_the_contract(contract_text):
    section = _section(contract_text, "## Landmarks", "Where a name could be read two ways")
    for line in re.split(r"\n- ", section)[1:]:
        view, ids = line.split(":", 1)
        assert set(LANDMARK_IDS[view.strip()]) == _backticked(ids), view


def test_pattern_and_symptom_ids_match_the_contract(contract_text):
    patterns = _section(contract_text, "## Pattern ids", "## Symptom ids")
    sources, conditions = patterns.split("Conditions (kind `condition`):")
    assert _backticked(sources) - {"trigger_point", "ligament"} == set(contract.REFERRAL_SOURCE_IDS)
    assert _backticked(conditions) == set(contract.CONDITION_IDS)
    symptoms = _section(contract_text, "## Symptom ids", "## Command line")
    assert _backticked(symptoms) == {s for group in contract.SYMPTOM_IDS.values() for s in group}


def test_maps_readme_lists_every_landmark_at_its_place(atlas):
    text = (ROOT / "maps" / "README.md").read_text()
    rows = re.findall(r"\| `(\w+)` \| `(\w+)` \| (-?[\d.]+) \| (-?[\d.]+) \|", text)
    listed = {(v, i): (float(x), float(y)) for v, i, x, y in rows}
    expected = {(r.view, r.id): (r.x, r.y) for r in atlas.landmarks().itertuples()}
    assert listed == expected


def test_readme_names_the_two_setup_commands():
    text = (ROOT / "README.md").read_text()
    assert "make run" in text and "make test" in text
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_readme_lists_every_command_of_the_command_line():
    from painmap.cli import build_parser

    commands = (ROOT / "README.md").read_text().split("## Command line", 1)[1].split("## ", 1)[0]
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        nested = [a for a in command._actions if a.dest == "log_command"]
        names = [f"{name} {n}" for n in nested[0].choices] if nested else [name]
        for full in names:
            assert f"`python -m painmap {full}" in commands, full


def _readme_section(title: str) -> str:
    return (ROOT / "README.md").read_text().split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_layout_names_every_module_of_the_tree():
    layout = _readme_section("Layout")
    named = set(re.findall(r"`([\w./-]+)`", layout))
    modules = [
        p
        for folder in ("painmap", "app_pages", "tools", "tests")
        for p in (ROOT / folder).glob("**/*")
        if p.suffix in {".py", ".js", ".css", ".sh"}
        and p.stem not in {"__init__", "__main__"}
        and "browser" not in p.parts
        and not p.stem.startswith("test_")
    ]
    missing = [
        str(p.relative_to(ROOT)) for p in modules if p.stem not in named and p.name not in named
    ]
    assert missing == []


def test_readme_lists_every_setting_and_nothing_reads_the_environment_elsewhere():
    import ast

    from painmap.settings import SETTINGS

    table = _readme_section("Settings")
    assert [name for name in SETTINGS if f"| `{name}` |" not in table] == []
    readers = []
    for path in [*(ROOT / "painmap").rglob("*.py"), *(ROOT / "app_pages").glob("*.py")]:
        if path.name == "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv"}:
                readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert readers == []


def test_the_version_is_written_once_and_read_by_pyproject():
    import tomllib

    import painmap
    from painmap.version import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["dynamic"] == ["version"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "painmap.version.__version__" and painmap.__version__ == __version__
