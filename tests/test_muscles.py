"""The muscle layer: every trigger point's muscle drawn where its knots are, on the body,
mirrored for the left, and a broken muscles file named with its feature."""

from __future__ import annotations

import json
import re

import pytest
import shapely

from painmap import AtlasError, read_atlas
from painmap.cli import main
from painmap.contract import REFERRAL_SOURCE_IDS, VIEW_IDS
from painmap.geometry import mirror
from painmap.muscles import DEPTHS
from painmap.sites import site_groups, sites

TRIGGER_POINTS = [pid for pid in REFERRAL_SOURCE_IDS if pid != "sacrotuberous_ligament"]


@pytest.mark.parametrize("pid", TRIGGER_POINTS)
def test_every_knot_lies_in_its_muscle_drawn_on_the_knots_view(atlas, pid):
    knots = sites(atlas, pid)
    if atlas.patterns[pid].site_off_atlas:
        assert not knots and not atlas.muscle_layer().views_of(pid)
        return
    assert knots, "a trigger point on the atlas has at least one knot"
    for knot in knots:
        muscle = atlas.muscle_layer().muscle(pid, knot.view)
        assert muscle is not None, f"knot {knot.number} is on the {knot.view} view"
        assert muscle.shape.contains(knot.point), f"knot {knot.number}'s × is off the muscle"
        zone = atlas.zones[(atlas.zones.pattern_id == pid) & (atlas.zones.zone == knot.zone)]
        area = zone.geometry.iloc[0]
        assert area.intersection(muscle.shape).area >= 0.5 * area.area


def test_the_two_sources_off_the_map_are_named_and_not_drawn(atlas):
    off = sorted(p.id for p in atlas.patterns.values() if p.site_off_atlas)
    assert off == ["gluteus_minimus", "sacrotuberous_ligament"]
    drawn = {mid for mid, _ in atlas.muscle_layer().muscles}
    assert drawn == {pid for pid in TRIGGER_POINTS if pid != "gluteus_minimus"}


@pytest.mark.parametrize("view", VIEW_IDS)
def test_muscles_and_tendons_lie_on_the_body(atlas, view):
    body = atlas.view(view).outline
    layer = atlas.muscle_layer()
    for item in [*layer.in_view(view), *layer.tendons_in_view(view)]:
        assert item.shape.is_valid and item.depth in DEPTHS and item.name
        assert body.contains(item.shape), (item.id, view)


@pytest.mark.parametrize("view", VIEW_IDS)
def test_the_left_layer_is_the_mirror_of_the_right(atlas, view):
    right, left = atlas.muscle_layer("right"), atlas.muscle_layer("left")
    for a, b in zip(right.in_view(view), left.in_view(view), strict=True):
        assert (a.id, a.depth, a.name) == (b.id, b.depth, b.name)
        assert shapely.equals_exact(b.shape, mirror(a.shape), tolerance=0)
        assert atlas.view(view, "left").outline.contains(b.shape)


def test_the_deep_muscles_the_references_name_are_deep(atlas):
    layer = atlas.muscle_layer()
    # Soleus under the gastrocnemius, the deep posterior compartment, quadratus plantae under
    # flexor digitorum brevis (Gray's Anatomy; the plantar layers, podiapaedia).
    deep = [
        ("soleus", "posterior"),
        ("tibialis_posterior", "posterior"),
        ("flexor_digitorum_longus", "medial"),
        ("flexor_hallucis_longus", "posterior"),
        ("quadratus_plantae", "plantar"),
    ]
    assert all(layer.muscle(*key).depth == "deep" for key in deep)
    assert layer.muscle("gastrocnemius", "posterior").depth == "superficial"
    assert layer.muscle("flexor_digitorum_brevis", "plantar").depth == "superficial"
    # The tendons a therapist palpates are drawn where they run.
    tendons = set(layer.tendons)
    assert {
        ("achilles_tendon", "posterior"),
        ("tibialis_anterior_tendon", "dorsal"),
        ("fibular_tendons", "lateral"),
        ("tibialis_posterior_tendon", "medial"),
        ("flexor_digitorum_longus_tendon", "medial"),
    } <= tendons
    groove = atlas.view("lateral").landmarks["peroneal_groove"]
    assert layer.tendons[("fibular_tendons", "lateral")].shape.distance(groove) < 5
    tunnel = atlas.view("medial").landmarks["tarsal_tunnel"]
    assert layer.tendons[("tibialis_posterior_tendon", "medial")].shape.distance(tunnel) < 15


def test_each_knot_says_where_it_sends_pain(atlas):
    lines = [line for _, line in site_groups(atlas, "soleus")]
    assert lines[0] == "knot 1 → back of the heel and lower Achilles; under the heel (sole)"
    assert lines[-1] == "knot 3 → middle of the calf"
    # Knots that send pain to the same places share a line; unlabelled zones say role and view.
    (members, line), *_ = site_groups(atlas, "gastrocnemius")
    assert [s.number for s in members] == [1, 2, 3, 4]
    assert line.startswith("knots 1, 2, 3 and 4 → main pain on the sole")


def _muscles_file(root):
    return root / "maps" / "muscles.geojson"


def _edit(root, change):
    path = _muscles_file(root)
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))


def _feature(document, kind, fid, view):
    return next(
        f
        for f in document["features"]
        if f["properties"]["kind"] == kind
        and f["properties"]["id"] == fid
        and f["properties"]["view"] == view
    )


def _off_the_body(document):
    feature = _feature(document, "muscle", "soleus", "posterior")
    rings = feature["geometry"]["coordinates"]
    feature["geometry"]["coordinates"] = [[[x + 120, y] for x, y in ring] for ring in rings]


def _bowtie(document):
    feature = _feature(document, "muscle", "soleus", "posterior")
    feature["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[0, 100], [20, 200], [20, 100], [0, 200], [0, 100]]],
    }


def _rename(document):
    _feature(document, "muscle", "soleus", "posterior")["properties"]["id"] = "solius"


def _depth(document):
    _feature(document, "muscle", "soleus", "posterior")["properties"]["depth"] = "very deep"


def _tendon_owner(document):
    tendon = _feature(document, "tendon", "achilles_tendon", "posterior")
    tendon["properties"]["muscles"] = ["soleus", "calf"]


def _line(document):
    _feature(document, "muscle", "soleus", "posterior")["geometry"] = {
        "type": "LineString",
        "coordinates": [[0, 100], [0, 200]],
    }


CASES = {
    "muscle off the body": (
        _off_the_body,
        "muscle soleus on posterior",
        "outside the posterior view's body outline",
    ),
    "self-intersecting muscle": (_bowtie, "muscle soleus on posterior", "Self-intersection"),
    "unknown muscle id": (
        _rename,
        "muscle solius on posterior",
        "'solius' is not the id of a trigger point",
    ),
    "unknown depth": (_depth, "muscle soleus on posterior", "must be superficial or deep"),
    "tendon of an unknown muscle": (
        _tendon_owner,
        "tendon achilles_tendon on posterior",
        "unknown muscle: calf",
    ),
    "muscle drawn as a line": (
        _line,
        "muscle soleus on posterior",
        "must be a Polygon or MultiPolygon",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_muscles_file_is_named_with_its_feature(project_copy, case, capsys):
    change, item, words = CASES[case]
    _edit(project_copy, change)
    with pytest.raises(AtlasError) as caught:
        read_atlas(project_copy)
    messages = [str(p) for p in caught.value.problems]
    named = [m for m in messages if m.startswith("maps/muscles.geojson") and item in m]
    assert any(words in m for m in named), messages
    assert main(["validate", "--root", str(project_copy)]) == 1
    assert words in capsys.readouterr().out


def test_a_missing_muscles_file_is_said(project_copy):
    _muscles_file(project_copy).unlink()
    with pytest.raises(AtlasError, match=re.escape("maps/muscles.geojson: file is missing")):
        read_atlas(project_copy)


def test_validate_counts_the_layer(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "31 muscle outlines, 23 tendons" in out and "sound" in out
