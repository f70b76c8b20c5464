"""Broken maps or data: `validate` names each fault, and the app shows a friendly page."""

from __future__ import annotations

import json

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from painmap.cli import main

from .conftest import ROOT


def _yaml_edit(path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _json_edit(path, change):
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _outline(data):
    return next(f for f in data["features"] if f["properties"]["kind"] == "outline")


def invalid_polygon(root):
    _json_edit(
        root / "maps/plantar.geojson",
        lambda d: _outline(d)["geometry"].update(
            coordinates=[[[0, 0], [200, 300], [200, 0], [0, 300], [0, 0]]]
        ),
    )


def zone_outside(root):
    def change(d):
        d["zones"][0]["points"] = [[600, 600]]

    _yaml_edit(root / "data/patterns/soleus.yaml", change)


def unknown_landmark(root):
    def change(d):
        d["zones"][0]["points"] = ["heel_centre"]

    _yaml_edit(root / "data/patterns/soleus.yaml", change)


def unknown_pattern_id(root):
    def change(d):
        d["differentials"][0]["id"] = "plantar_fascitis"

    _yaml_edit(root / "data/patterns/soleus.yaml", change)


def duplicate_id(root):
    path = root / "data/sources"
    (path / "again.yaml").write_text((path / "seeds.yaml").read_text())


def missing_source(root):
    def change(d):
        d["checks"][0]["sources"] = ["nowhere-2020"]

    _yaml_edit(root / "data/patterns/soleus.yaml", change)


def bad_yaml(root):
    (root / "data/patterns/soleus.yaml").write_text("id: soleus\nkind: [trigger_point\n")


def empty_file(root):
    (root / "data/symptoms.yaml").write_text("")


def wrong_units(root):
    _json_edit(root / "maps/posterior.geojson", lambda d: d["painmap"].update(units="cm"))


def missing_map(root):
    (root / "maps/medial.geojson").unlink()


def binary_file(root):
    (root / "data/guidance.yaml").write_bytes(b"\x00\xff\xfe PNG")


BROKEN = {
    "invalid polygon": (invalid_polygon, "maps/plantar.geojson", "Self-intersection"),
    "zone outside the outline": (zone_outside, "data/patterns/soleus.yaml", "inside the outline"),
    "unknown landmark": (unknown_landmark, "data/patterns/soleus.yaml", "no landmark"),
    "unknown pattern id": (unknown_pattern_id, "data/patterns/soleus.yaml", "not another pattern"),
    "duplicate id": (duplicate_id, "data/sources/", "duplicate source id"),
    "missing source": (missing_source, "data/patterns/soleus.yaml", "unknown source"),
    "bad YAML": (bad_yaml, "data/patterns/soleus.yaml", "not valid YAML"),
    "empty file": (empty_file, "data/symptoms.yaml", "is empty"),
    "wrong units": (wrong_units, "maps/posterior.geojson", 'units must be "mm"'),
    "missing map file": (missing_map, "maps/medial.geojson", "file is missing"),
    "binary file": (binary_file, "data/guidance.yaml", "not UTF-8"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_file_is_named_and_the_app_shows_a_friendly_page(
    project_copy, case, capsys, monkeypatch
):
    breaks, file, words = BROKEN[case]
    breaks(project_copy)
    assert main(["validate", "--root", str(project_copy)]) == 1
    out = capsys.readouterr().out
    assert any(line.startswith(file) and words in line for line in out.splitlines()), out

    monkeypatch.setenv("PAINMAP_ROOT", str(project_copy))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception  # no traceback on screen
    assert "cannot start" in at.error[0].value
    assert words in at.code[0].value and file in at.code[0].value
