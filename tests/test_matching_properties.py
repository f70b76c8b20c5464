"""Properties of matching that must hold for any input (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import shapely
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.ops import nearest_points

from painmap import Area, Mark, analyse, match
from painmap.contract import SYMPTOM_IDS, VIEW_IDS
from painmap.matching import FALLOFF_MM, ROLE_WEIGHT
from painmap.zone_index import ROLES

from .places import ATLAS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SYMPTOMS = [s for group in SYMPTOM_IDS.values() for s in group]


def _lattice(geometry, step: float) -> np.ndarray:
    minx, miny, maxx, maxy = geometry.bounds
    xs, ys = np.meshgrid(np.arange(minx, maxx, step), np.arange(miny, maxy, step))
    inside = shapely.contains_xy(geometry, xs, ys)
    return np.column_stack([xs[inside], ys[inside]])


BODY = {v: _lattice(ATLAS.view(v).outline, 1.7) for v in VIEW_IDS}


@st.composite
def on_body(draw):
    """A mark somewhere on the body of a view (right side), off any regular grid."""
    view = draw(st.sampled_from(VIEW_IDS))
    x, y = BODY[view][draw(st.integers(0, len(BODY[view]) - 1))]
    jitter = st.floats(-0.5, 0.5)
    x, y = x + draw(jitter), y + draw(jitter)
    return Mark(view, x, y, draw(st.none() | st.integers(0, 10)))


anywhere = st.builds(
    Mark,
    st.sampled_from(VIEW_IDS),
    st.floats(-700, 700),
    st.floats(-200, 700),
    st.none() | st.floats(0, 10),
)
boxes = st.builds(
    lambda view, x, y, w, h: Area(view, ((x, y), (x + w, y), (x + w, y + h), (x, y + h))),
    st.sampled_from(VIEW_IDS),
    st.floats(-300, 300),
    st.floats(-100, 500),
    st.floats(0.5, 120),
    st.floats(0.5, 120),
)


def _scores(results):
    return dict(zip(results.id, results.score, strict=True))


@SETTINGS
@given(st.lists(on_body(), min_size=2, max_size=6), st.randoms(use_true_random=False),
       st.lists(st.sampled_from(SYMPTOMS), max_size=4))  # fmt: skip
def test_results_do_not_depend_on_mark_order(marks, random, symptoms):
    shuffled = list(marks)
    random.shuffle(shuffled)
    a, b = match(ATLAS, marks, symptoms), match(ATLAS, shuffled, symptoms)
    assert a.id.tolist() == b.id.tolist()
    assert a.score.tolist() == b.score.tolist()


@SETTINGS
@given(st.lists(on_body(), min_size=1, max_size=5), st.lists(st.sampled_from(SYMPTOMS), max_size=3))
def test_a_left_mark_matches_like_its_mirror_on_the_right(marks, symptoms):
    left = [Mark(m.view, -m.x, m.y, m.intensity) for m in marks]
    right = match(ATLAS, marks, symptoms)
    assert _scores(match(ATLAS, left, symptoms, side="left")) == _scores(right)


ESSENTIAL = ATLAS.zones[ATLAS.zones.role == "essential"].reset_index(drop=True)


def _deep_points():
    """(view, pattern, x, y): points 4 mm or more inside exactly one pattern's essential zone."""
    out = []
    for zone in ESSENTIAL.itertuples():
        others = ESSENTIAL[
            (ESSENTIAL.view == zone.view) & (ESSENTIAL.pattern_id != zone.pattern_id)
        ]
        elsewhere = shapely.union_all(list(others.geometry))
        core = zone.geometry.buffer(-4)
        for x, y in _lattice(core, 2.3) if not core.is_empty else []:
            if not elsewhere.contains(shapely.Point(x, y)):
                out.append((zone.view, zone.pattern_id, float(x), float(y)))
    return out


DEEP = _deep_points()


@SETTINGS
@given(st.sampled_from(DEEP))
def test_a_point_deep_inside_one_essential_zone_ranks_that_pattern_first(place):
    view, pattern_id, x, y = place
    assert match(ATLAS, [Mark(view, x, y)]).id[0] == pattern_id


@SETTINGS
@given(on_body(), st.floats(0.05, 0.95))
def test_moving_a_mark_towards_a_zone_never_lowers_its_score(mark, step):
    """Towards the zone the pattern's evidence comes from. (Towards merely the nearest of its
    zones, a score can fall: hypothesis found a mark 7.3 mm from a spread zone and 7.9 mm from
    the main one, where the main zone, weighted higher, was the one that counted.)"""
    results = match(ATLAS, [mark])
    assume(not results.empty)
    pid = results.id.iloc[-1]
    zones = ATLAS.zones[(ATLAS.zones.pattern_id == pid) & (ATLAS.zones.view == mark.view)]
    here = shapely.Point(mark.x, mark.y)
    weights = [
        ROLE_WEIGHT[ROLES.index(role)] * math.exp(-0.5 * (g.distance(here) / FALLOFF_MM) ** 2)
        for role, g in zip(zones.role, zones.geometry, strict=True)
    ]
    best = zones.geometry.iloc[max(range(len(weights)), key=weights.__getitem__)]
    target = nearest_points(best, here)[0]
    closer = Mark(mark.view, mark.x + step * (target.x - mark.x),
                  mark.y + step * (target.y - mark.y))  # fmt: skip
    before = _scores(results)[pid]
    after = _scores(match(ATLAS, [closer])).get(pid, 0.0)
    assert after >= before - 1e-9


@SETTINGS
@given(st.integers(0, len(ESSENTIAL) - 1), st.floats(2, 30), st.floats(0.1, 1))
def test_more_painful_area_inside_a_zone_never_lowers_its_score(row, size, grow):
    zone = ESSENTIAL.loc[row]
    centre = zone.geometry.representative_point()
    small = shapely.box(centre.x - size, centre.y - size, centre.x + size, centre.y + size)
    # Grown only into the zone (half a millimetre in from its edge: the index keeps zones to
    # a quarter of a millimetre), so every added bit of pain lies in the pattern's zone.
    inside = zone.geometry.buffer(-0.5)
    bigger = small.union(inside.intersection(small.buffer(grow * 40)))
    assume(bigger.geom_type == "Polygon" and not bigger.interiors)
    before = _scores(match(ATLAS, [Area(zone.view, tuple(small.exterior.coords)[:-1])]))
    after = _scores(match(ATLAS, [Area(zone.view, tuple(bigger.exterior.coords)[:-1])]))
    assert after.get(zone.pattern_id, 0.0) >= before.get(zone.pattern_id, 0.0)


@SETTINGS
@given(st.lists(anywhere | boxes, max_size=8), st.lists(st.sampled_from(SYMPTOMS), max_size=6),
       st.sampled_from(["right", "left"]))  # fmt: skip
def test_random_valid_input_never_raises(items, symptoms, side):
    analysis = analyse(ATLAS, items, symptoms, side)
    results = analysis.results
    assert results.score.between(0, 1).all()
    n_marks = sum(isinstance(i, Mark) for i in items)
    assert all(1 <= n <= n_marks for n in analysis.unmatched_marks)
