"""Properties of the ranking that must hold for any input (hypothesis)."""

from __future__ import annotations

import numpy as np
import shapely
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.ops import nearest_points

from painmap import Area, Mark, analyse, match
from painmap.contract import LISTS, VIEW_IDS
from painmap.likelihood import profiles_for
from painmap.location import phi
from painmap.zone_index import index_for

from .places import ATLAS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ASKED = [s for s in ATLAS.knowledge.symptoms if ATLAS.knowledge.symptoms[s].group != "age"]
ASKED = [s for s in ASKED if ATLAS.knowledge.symptoms[s].group != "onset"]
PROFILES = profiles_for(ATLAS)
REACH = ATLAS.knowledge.model.location.reach_mm
SIGMA = ATLAS.knowledge.model.location.sigma_mm


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
answers = st.lists(st.sampled_from(ASKED), max_size=4, unique=True)


def _probabilities(results):
    return dict(zip(results.id, results.probability, strict=True))


@SETTINGS
@given(st.lists(on_body(), min_size=2, max_size=6), st.randoms(use_true_random=False), answers)
def test_results_do_not_depend_on_mark_order(marks, random, symptoms):
    shuffled = list(marks)
    random.shuffle(shuffled)
    a, b = match(ATLAS, marks, symptoms), match(ATLAS, shuffled, symptoms)
    assert a.id.tolist() == b.id.tolist()
    assert a.probability.tolist() == b.probability.tolist()


@SETTINGS
@given(st.lists(on_body(), min_size=1, max_size=5), answers)
def test_a_left_mark_matches_like_its_mirror_on_the_right(marks, symptoms):
    left = [Mark(m.view, -m.x, m.y, m.intensity) for m in marks]
    right = match(ATLAS, marks, symptoms)
    assert _probabilities(match(ATLAS, left, symptoms, side="left")) == _probabilities(right)


@SETTINGS
@given(st.lists(on_body() | boxes, max_size=6), answers, answers)
def test_each_list_and_its_rest_add_up_to_one(items, yes, no):
    no = [s for s in no if s not in yes]
    analysis = analyse(ATLAS, items, yes, absent=no)
    for name in LISTS:
        shown = analysis.ranked(name).probability.sum()
        assert 0 <= analysis.not_on_list[name] <= 1 + 1e-9
        assert abs(shown + analysis.not_on_list[name] - 1) < 1e-3


@SETTINGS
@given(st.lists(on_body(), min_size=1, max_size=5), answers, st.sampled_from(ASKED))
def test_a_supporting_answer_never_lowers_its_pattern(marks, symptoms, extra):
    assume(extra not in symptoms)
    before = analyse(ATLAS, marks, symptoms)
    after = analyse(ATLAS, marks, [*symptoms, extra])
    column = PROFILES.column(extra)
    ratio = PROFILES.log_present[:, column]
    for name in LISTS:
        members = PROFILES.members(name)
        for p in members[ratio[members] > 0]:
            assert after.log_odds[p] >= before.log_odds[p]
            if ratio[p] == ratio[members].max():  # the one it supports most gains outright
                pid = PROFILES.patterns[p]
                was = _probabilities(before.results).get(pid)
                now = _probabilities(after.results).get(pid)
                assert was is None or now >= was - 1e-9


@SETTINGS
@given(st.lists(on_body() | boxes, min_size=2, max_size=6), st.data())
def test_removing_a_mark_never_adds_evidence_to_a_pattern(items, data):
    drop = data.draw(st.integers(0, len(items) - 1))
    fewer = items[:drop] + items[drop + 1 :]
    before = match(ATLAS, items).set_index("id").location
    after = match(ATLAS, fewer).set_index("id").location
    for pid, value in after.items():
        assert value <= before.get(pid, 1.0) + 1e-9


def _list_of(pid: str) -> str:
    return PROFILES.lists[PROFILES.patterns.index(pid)]


def _alone():
    """(view, pattern, x, y): points 4 mm or more inside one pattern's zone with no zone of
    another pattern of its list within reach."""
    zones = ATLAS.zones
    out = []
    for zone in zones.itertuples():
        if ATLAS.patterns[zone.pattern_id].requires:
            continue  # set aside until the answer it needs is given
        others = zones[(zones.view == zone.view) & (zones.pattern_id != zone.pattern_id)]
        others = others[[_list_of(p) == _list_of(zone.pattern_id) for p in others.pattern_id]]
        near = shapely.union_all(list(others.geometry)).buffer(REACH)
        core = zone.geometry.buffer(-4)
        for x, y in _lattice(core, 2.3) if not core.is_empty else []:
            if not near.contains(shapely.Point(x, y)):
                out.append((zone.view, zone.pattern_id, float(x), float(y)))
    return out


ALONE = _alone()


@SETTINGS
@given(st.sampled_from(ALONE))
def test_a_point_only_one_pattern_reaches_ranks_it_first_in_its_list(place):
    view, pattern_id, x, y = place
    results = match(ATLAS, [Mark(view, x, y)])
    assert results[results.list == _list_of(pattern_id)].id.iloc[0] == pattern_id


def _best_zone(pid: str, mark: Mark):
    """The zone (as indexed) that a pattern's evidence for ``mark`` comes from."""
    vindex = index_for(ATLAS).views[mark.view]
    here = shapely.Point(mark.x, mark.y)
    mine = np.flatnonzero(vindex.pattern == PROFILES.patterns.index(pid))

    def value(h):
        inside = vindex.geometries[h].contains(here)
        signed = (
            vindex.boundaries[h].distance(here) if inside else -vindex.geometries[h].distance(here)
        )
        return (PROFILES.role_lr[vindex.role[h]] - 1) * phi(signed / SIGMA)

    return vindex.geometries[max(mine, key=value)]


@SETTINGS
@given(on_body(), st.floats(0.05, 0.95))
def test_moving_a_mark_towards_its_best_zone_never_lowers_its_location(mark, step):
    results = match(ATLAS, [mark])
    assume(not results.empty)
    pid = results.id.iloc[-1]
    target = nearest_points(_best_zone(pid, mark), shapely.Point(mark.x, mark.y))[0]
    closer = Mark(
        mark.view, mark.x + step * (target.x - mark.x), mark.y + step * (target.y - mark.y)
    )
    before = results.set_index("id").location[pid]
    after = match(ATLAS, [closer]).set_index("id").location.get(pid, 1.0)
    assert after >= before - 1e-9


@SETTINGS
@given(st.lists(anywhere | boxes, max_size=8), answers, st.sampled_from(["right", "left"]))
def test_random_valid_input_never_raises(items, symptoms, side):
    analysis = analyse(ATLAS, items, symptoms, side)
    results = analysis.results
    assert results.probability.between(0, 1).all()
    n_marks = sum(isinstance(i, Mark) for i in items)
    assert all(1 <= n <= n_marks for n in analysis.unmatched_marks)
