"""The drawn atlas: every contract landmark in place, valid shapes, mirrored sides, anatomy."""

from __future__ import annotations

import pytest
import shapely

from painmap.contract import LANDMARK_IDS, VIEW_IDS
from painmap.geometry import mirror


@pytest.mark.parametrize("view", VIEW_IDS)
def test_every_contract_landmark_lies_inside_its_outline(atlas, view):
    vmap = atlas.view(view)
    for landmark in LANDMARK_IDS[view]:
        assert vmap.outline.contains(vmap.landmarks[landmark]), landmark


@pytest.mark.parametrize("view", VIEW_IDS)
def test_outlines_and_details_are_valid_and_inside(atlas, view):
    vmap = atlas.view(view)
    assert vmap.outline.is_valid
    for detail in vmap.details:
        assert detail.line.is_valid, detail.id
        # Detail lines are drawn on the body, not beside it (1 mm for the line's own width).
        assert vmap.outline.buffer(1).contains(detail.line), detail.id


@pytest.mark.parametrize("view", VIEW_IDS)
def test_left_side_is_the_exact_mirror_of_the_right(atlas, view):
    right, left = atlas.view(view, "right"), atlas.view(view, "left")
    assert shapely.equals_exact(left.outline, mirror(right.outline), tolerance=0)
    for name, point in right.landmarks.items():
        assert left.landmark_xy(name) == (-point.x, point.y)
    assert [d.id for d in left.details] == [d.id for d in right.details]


def test_reference_foot_is_of_adult_size_and_proportion(atlas):
    _, miny, _, maxy = atlas.view("plantar").outline.bounds
    length = maxy - miny
    assert 240 <= length <= 280  # the contract's reference foot
    ball = atlas.view("plantar").outline.intersection(shapely.box(-100, 170, 100, 171)).bounds
    heel = atlas.view("plantar").outline.intersection(shapely.box(-100, 30, 100, 31)).bounds
    ball_width, heel_width = ball[2] - ball[0], heel[2] - heel[0]
    assert 0.35 <= ball_width / length <= 0.42  # forefoot width is about 38 % of length
    assert 0.22 <= heel_width / length <= 0.28  # heel width is about 25 % of length
    assert ball_width > heel_width


def test_sole_anatomical_order(atlas):
    p = {k: v for k, v in atlas.view("plantar").landmarks.items()}
    heads = [p[f"met_head_{i}"] for i in range(1, 6)]
    # Heel behind the arch behind the ball behind the toes.
    assert (
        p["heel_center"].y < p["heel_front_edge"].y < p["central_arch"].y < min(h.y for h in heads)
    )
    assert max(h.y for h in heads) < p["hallux_plantar"].y
    # Seen from below, the right foot's big-toe side (medial) is on the right: heads 1 to 5 run
    # from medial (+x) to lateral (-x), and the first is further forward than the fifth.
    assert [h.x for h in heads] == sorted((h.x for h in heads), reverse=True)
    assert heads[0].y > heads[4].y
    assert p["medial_calcaneal_tubercle"].x > p["heel_center"].x > p["lateral_heel_plantar"].x
    assert p["medial_arch"].x > p["central_arch"].x > p["lateral_border_mid"].x
    assert p["met_head_3"].x > p["third_web_space"].x > p["met_head_4"].x
    assert p["hallux_plantar"].x > p["lesser_toes_plantar"].x


def test_top_of_foot_is_the_sole_seen_from_the_other_side(atlas):
    top, sole = atlas.view("dorsal"), atlas.view("plantar")
    assert shapely.equals_exact(top.outline, mirror(sole.outline), tolerance=0)
    d = top.landmarks
    assert d["hallux_dorsal"].x < 0 < d["dorsal_lateral_midfoot"].x  # big toe medial, on the left
    assert d["front_of_ankle"].y < d["dorsal_first_metatarsal"].y < d["hallux_dorsal"].y


def test_inner_side_anatomical_order(atlas):
    m = atlas.view("medial").landmarks
    # Toes to the left: big-toe joint in front of the navicular, in front of the malleolus.
    assert m["first_mtp_joint"].x < m["medial_arch"].x < m["navicular_tuberosity"].x
    assert m["navicular_tuberosity"].x < m["medial_malleolus"].x < m["achilles_insertion"].x
    # The tarsal tunnel lies behind and below the inner ankle bone.
    assert m["tarsal_tunnel"].x > m["medial_malleolus"].x
    assert m["tarsal_tunnel"].y < m["medial_malleolus"].y
    # Achilles: insertion, then mid-portion 2 to 6 cm above it, then the calf.
    rise = m["achilles_midportion"].y - m["achilles_insertion"].y
    assert 20 <= rise <= 60
    assert m["achilles_midportion"].y < m["lower_medial_calf"].y < m["medial_calf_belly"].y


def test_outer_side_anatomical_order(atlas):
    lat = atlas.view("lateral").landmarks
    med = atlas.view("medial").landmarks
    # The outer ankle bone sits lower than the inner one.
    assert lat["lateral_malleolus"].y < med["medial_malleolus"].y
    # Toes to the right: sinus tarsi in front of and below the malleolus, peroneal groove behind.
    assert lat["sinus_tarsi"].x > lat["lateral_malleolus"].x > lat["peroneal_groove"].x
    assert lat["sinus_tarsi"].y < lat["lateral_malleolus"].y
    assert lat["peroneal_groove"].y < lat["lateral_malleolus"].y
    assert lat["lateral_heel"].x < lat["fifth_metatarsal_base"].x < lat["lateral_foot_border"].x
    assert lat["lateral_calf_mid"].y < lat["fibular_head"].y
    assert lat["achilles_insertion"].x < lat["lateral_malleolus"].x


def test_back_view_anatomical_order(atlas):
    b = atlas.view("posterior").landmarks
    chain = [
        "heel_back",
        "achilles_insertion",
        "achilles_midportion",
        "musculotendinous_junction",
        "calf_center",
        "back_of_knee",
    ]
    assert [b[k].y for k in chain] == sorted(b[k].y for k in chain)
    # Seen from behind, the right leg's inner side is on the left.
    assert b["heel_medial_wall"].x < b["achilles_insertion"].x < b["heel_lateral_wall"].x
    assert b["medial_calf_belly"].x < 0 < b["lateral_calf_belly"].x
    assert b["haglund_bump"].x > 0  # the upper back OUTER corner of the heel bone
    assert b["achilles_insertion"].y < b["retrocalcaneal_space"].y
    # The inner calf muscle reaches lower than the outer one.
    assert b["lower_medial_calf"].y < b["lateral_calf_belly"].y


def test_landmark_table_covers_the_contract(atlas):
    frame = atlas.landmarks()
    assert list(frame.columns) == ["view", "id", "x", "y"]
    for view in VIEW_IDS:
        assert set(LANDMARK_IDS[view]) <= set(frame.loc[frame.view == view, "id"])
