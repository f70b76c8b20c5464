"""Each kind of broken map file gives a clear error that names the file and the feature."""

from __future__ import annotations

import json
import re

import pytest

from painmap import AtlasError, read_atlas
from painmap.cli import main


def _edit(root, view, change):
    path = root / "maps" / f"{view}.geojson"
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))


def _feature(document, kind, fid):
    return next(
        f
        for f in document["features"]
        if f["properties"]["kind"] == kind and f["properties"]["id"] == fid
    )


def _bowtie(document):
    _feature(document, "outline", "outline")["geometry"]["coordinates"] = [
        [[0, 0], [200, 300], [200, 0], [0, 300], [0, 0]]
    ]


def _landmark_outside(document):
    _feature(document, "landmark", "heel_center")["geometry"]["coordinates"] = [500, 38]


def _drop_landmark(document):
    document["features"].remove(_feature(document, "landmark", "met_head_1"))


def _duplicate_landmark(document):
    document["features"].append(_feature(document, "landmark", "heel_center"))


def _unknown_kind(document):
    document["features"][1]["properties"]["kind"] = "tattoo"


def _in_metres(document):
    for feature in document["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "Point":
            geometry["coordinates"] = [c / 1000 for c in geometry["coordinates"]]
        elif geometry["type"] == "LineString":
            geometry["coordinates"] = [[x / 1000, y / 1000] for x, y in geometry["coordinates"]]
        else:
            geometry["coordinates"] = [
                [[x / 1000, y / 1000] for x, y in ring] for ring in geometry["coordinates"]
            ]


def _two_outlines(document):
    extra = json.loads(json.dumps(_feature(document, "outline", "outline")))
    extra["properties"]["id"] = "outline_2"
    document["features"].append(extra)


def _landmark_is_polygon(document):
    _feature(document, "landmark", "heel_center")["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[0, 30], [5, 30], [5, 35], [0, 30]]],
    }


def _nan_coordinate(document):
    _feature(document, "landmark", "heel_center")["geometry"]["coordinates"] = [float("nan"), 3]


def _wrong_view(document):
    document["painmap"]["view"] = "sole"


def _centimetres(document):
    document["painmap"]["units"] = "cm"


def _no_features(document):
    document["features"] = {"oops": 1}


def _unreadable_geometry(document):
    _feature(document, "detail", "heel_pad")["geometry"] = {"type": "LineString", "coordinates": 7}


def _open_filled_detail(document):
    arch = _feature(document, "detail", "arch_hollow")
    arch["geometry"]["coordinates"] = arch["geometry"]["coordinates"][:-1]


def _unknown_tone(document):
    _feature(document, "detail", "arch_hollow")["properties"]["fill"] = "dark"


CASES = {
    "self-intersecting outline": (_bowtie, "outline", "Self-intersection"),
    "landmark outside the outline": (
        _landmark_outside,
        "landmark heel_center",
        "outside the outline",
    ),
    "contract landmark missing": (_drop_landmark, "landmark met_head_1", "missing"),
    "duplicate landmark id": (_duplicate_landmark, "heel_center", "duplicate landmark id"),
    "unknown feature kind": (_unknown_kind, "feature 1", "must be outline, detail or landmark"),
    "drawn in metres": (_in_metres, "outline", "are the units right?"),
    "two outlines": (_two_outlines, None, "exactly one outline"),
    "landmark drawn as a polygon": (_landmark_is_polygon, "heel_center", "must be a Point"),
    "NaN coordinate": (_nan_coordinate, "heel_center", "not finite"),
    "view name unknown": (_wrong_view, None, "not a known view"),
    "units not mm": (_centimetres, None, 'units must be "mm"'),
    "features not a list": (_no_features, None, '"features" is not a list'),
    "geometry unreadable": (_unreadable_geometry, "heel_pad", "cannot be read"),
    "filled detail not closed": (_open_filled_detail, "arch_hollow", "a filled detail is a closed"),
    "unknown tone": (_unknown_tone, "arch_hollow", "fill rim, shade or light"),
}


@pytest.mark.parametrize("case", CASES)
def test_broken_map_file_is_named_with_its_feature(project_copy, case, capsys):
    change, item, words = CASES[case]
    _edit(project_copy, "plantar", change)
    with pytest.raises(AtlasError) as caught:
        read_atlas(project_copy)
    messages = [str(p) for p in caught.value.problems]
    assert any(
        m.startswith("maps/plantar.geojson") and words in m and (item is None or item in m)
        for m in messages
    ), messages
    # The command line says the same, one fault a line, and exits 1.
    assert main(["validate", "--root", str(project_copy)]) == 1
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "not valid JSON (line 1, column 1"),
        (b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        (b"[1, 2, 3]", "not a GeoJSON FeatureCollection"),
    ],
)
def test_unreadable_map_file(project_copy, content, words):
    (project_copy / "maps" / "dorsal.geojson").write_bytes(content)
    with pytest.raises(AtlasError, match=re.escape(words)):
        read_atlas(project_copy)


def test_missing_map_file_and_every_fault_listed_at_once(project_copy):
    (project_copy / "maps" / "medial.geojson").unlink()
    _edit(project_copy, "posterior", _landmark_outside_posterior)
    with pytest.raises(AtlasError) as caught:
        read_atlas(project_copy)
    messages = [str(p) for p in caught.value.problems]
    assert "maps/medial.geojson: file is missing" in messages
    assert any(m.startswith("maps/posterior.geojson: landmark calf_center") for m in messages)


def _landmark_outside_posterior(document):
    _feature(document, "landmark", "calf_center")["geometry"]["coordinates"] = [0, 900]


def test_sound_atlas_validates(capsys):
    assert main(["validate"]) == 0
    assert "sound" in capsys.readouterr().out
