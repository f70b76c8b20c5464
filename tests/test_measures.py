"""Pain-drawing measures on shapes with answers known by hand, and on real maps."""

from __future__ import annotations

import pytest
import shapely

from painmap import Area, Mark
from painmap.measures import (
    MARK_RADIUS,
    change_words,
    drawing,
    extent,
    extent_words,
    main_zone,
    map_drawing,
    outlines,
    overlap,
    zone_cover,
)
from painmap.progress.visits import changes
from painmap.session import Session

from . import shapes
from .places import ATLAS, HEEL_AREA, INNER_FRONT_HEEL, TARSAL_TUNNEL


def test_a_square_inside_a_square():
    o = overlap(shapes.INNER_SQUARE, shapes.OUTER_SQUARE)
    assert (o.shared, o.combined) == (100.0, 400.0)
    assert (o.jaccard, o.first_covered, o.second_covered) == (0.25, 1.0, 0.25)
    whole = extent(shapes.INNER_SQUARE, shapes.OUTER_SQUARE)
    assert (whole.area["plantar"], whole.share["plantar"]) == (100.0, 0.25)


def test_two_half_overlapping_discs():
    o = overlap(shapes.DISC_A, shapes.DISC_B)
    assert o.shared == pytest.approx(shapes.LENS, rel=1e-3)
    assert o.combined == pytest.approx(2 * shapes.DISC - shapes.LENS, rel=1e-3)
    assert o.jaccard == pytest.approx(0.2430, abs=1e-3)
    assert o.first_covered == pytest.approx(shapes.LENS / shapes.DISC, rel=1e-3)  # 0.391


def test_half_shifted_squares_disjoint_ones_and_other_views():
    o = overlap(shapes.LEFT_HALF, shapes.SHIFTED_HALF)
    assert (o.jaccard, o.first_covered, o.second_covered) == pytest.approx((1 / 3, 0.5, 0.5))
    assert overlap(shapes.INNER_SQUARE, shapes.FAR_SQUARE).jaccard == 0.0
    elsewhere = overlap(shapes.INNER_SQUARE, shapes.SAME_SQUARE_ELSEWHERE)
    assert (elsewhere.shared, elsewhere.combined) == (0.0, 200.0)  # views never mix
    assert overlap(shapes.INNER_SQUARE, shapes.INNER_SQUARE).jaccard == 1.0
    assert overlap({}, {}).jaccard == 0.0


def test_marks_count_as_discs_and_overlapping_marks_once():
    one = drawing([Mark("plantar", 0, 0)])
    assert one["plantar"].area == pytest.approx(shapes.DISC, rel=5e-4)
    assert MARK_RADIUS == shapes.R
    pair = drawing([Mark("plantar", 0, 0), Mark("plantar", MARK_RADIUS, 0)])
    assert pair["plantar"].area == pytest.approx(2 * shapes.DISC - shapes.LENS, rel=1e-3)


def test_paint_off_the_body_does_not_count():
    on = map_drawing(ATLAS, [INNER_FRONT_HEEL])
    off = map_drawing(ATLAS, [Mark("plantar", 300, 300)])
    assert on["plantar"].area == pytest.approx(shapes.DISC, rel=5e-4)
    assert off == {}
    body = outlines(ATLAS)["plantar"]
    e = extent(on, outlines(ATLAS))
    assert e.share["plantar"] == pytest.approx(on["plantar"].area / body.area)
    assert e.share["dorsal"] == 0.0 and e.total_area == pytest.approx(on["plantar"].area)


def test_mirrored_maps_give_the_same_measures():
    right = [INNER_FRONT_HEEL, HEEL_AREA, TARSAL_TUNNEL]
    left = [item.mirrored() for item in right]
    r, lf = map_drawing(ATLAS, right, "right"), map_drawing(ATLAS, left, "left")
    assert extent(r, outlines(ATLAS)) == extent(lf, outlines(ATLAS))
    assert overlap(r, lf).jaccard == pytest.approx(1.0)
    for pid in ("plantar_fasciitis", "tarsal_tunnel_syndrome", "soleus"):
        assert zone_cover(ATLAS, left, "left", pid) == zone_cover(ATLAS, right, "right", pid)


def test_a_drawing_over_the_whole_main_zone_covers_all_of_it():
    zones = main_zone(ATLAS, "plantar_fasciitis")
    covering = [Area(v, tuple(z.convex_hull.buffer(2).exterior.coords)) for v, z in zones.items()]
    assert zone_cover(ATLAS, covering, "right", "plantar_fasciitis") == pytest.approx(1.0)
    sole_only = zones["plantar"].area / sum(z.area for z in zones.values())
    on_the_sole = [a for a in covering if a.view == "plantar"]
    assert zone_cover(ATLAS, on_the_sole, "right", "plantar_fasciitis") == pytest.approx(sole_only)
    assert zone_cover(ATLAS, [], "right", "plantar_fasciitis") == 0.0
    part = zone_cover(ATLAS, [INNER_FRONT_HEEL], "right", "plantar_fasciitis")
    assert 0.05 < part < 0.95


def test_the_change_in_words():
    assert change_words(shapes.OUTER_SQUARE, shapes.INNER_SQUARE) == (
        "Pain area 75 % smaller; all of it is where it was."
    )
    assert change_words(shapes.INNER_SQUARE, shapes.OUTER_SQUARE) == (
        "Pain area 300 % larger; 25 % of it is where it was."
    )
    assert change_words(shapes.LEFT_HALF, shapes.SHIFTED_HALF) == (
        "Pain area about the same size; 50 % of it is where it was."
    )
    assert change_words({}, shapes.INNER_SQUARE) == "Pain area: none marked then, 100 mm² now."
    assert change_words(shapes.INNER_SQUARE, {}) == "No pain area marked now (100 mm² then)."
    assert change_words({}, {}) is None


def test_two_visits_say_how_the_area_changed():
    before = Session(items=(HEEL_AREA, INNER_FRONT_HEEL))
    after = Session(items=(INNER_FRONT_HEEL,), side="right")
    lines = changes(ATLAS, before, after)
    area = next(line for line in lines if line.startswith("Pain area"))
    assert area.endswith("smaller; all of it is where it was.")
    mirrored = Session(items=tuple(i.mirrored() for i in after.items), side="left")
    assert area in changes(ATLAS, before, mirrored)  # the other side's map, mirrored first


def test_the_extents_and_overlap_in_figures():
    body = {"plantar": shapely.box(0, 0, 100, 100)}  # 10,000 mm²
    assert extent_words(shapes.LEFT_HALF, shapes.SHIFTED_HALF, body) == (
        "Painted area 100 mm² (1.0 % of the body drawn) then, 100 mm² (1.0 %) now; "
        "overlap of the two drawings (Jaccard index, 0 to 1): 0.33."
    )
