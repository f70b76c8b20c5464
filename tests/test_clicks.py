"""What taps, drawn areas and double taps do to a map (painmap.clicks), without a browser."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from painmap import Area, Mark
from painmap.clicks import (
    LIMIT,
    MapState,
    apply_events,
    simplified_area,
)
from painmap.links import MAX_MARKS
from painmap.marks import AREA_POINTS

from .places import ATLAS


def _taps(*spots, start=1):
    return [{"seq": start + i, "kind": "tap", "x": x, "y": y} for i, (x, y) in enumerate(spots)]


def test_each_tap_becomes_a_mark_exactly_where_it_landed_once():
    events = _taps((13.26, 58.1), (0, 120), (-10, 200))
    state = apply_events(ATLAS, MapState(), "plantar", "right", events)
    assert [(m.x, m.y) for m in state.items] == [(13.26, 58.1), (0, 120), (-10, 200)]
    # The component sends every unanswered event again: nothing is applied twice.
    again = apply_events(ATLAS, state, "plantar", "right", events + _taps((5, 90), start=4))
    assert len(again.items) == 4 and again.acked == 4


def test_events_are_applied_in_order_whatever_order_they_come_in():
    events = list(reversed(_taps((0, 40), (0, 120), (0, 200))))
    state = apply_events(ATLAS, MapState(), "plantar", "right", events)
    assert [m.y for m in state.items] == [40, 120, 200]


def test_a_tap_on_a_mark_selects_it_instead_of_adding_one():
    state = apply_events(ATLAS, MapState(), "plantar", "right", _taps((13, 58)))
    state = apply_events(ATLAS, state, "plantar", "right", _taps((13.5, 58.5), start=2))
    assert len(state.items) == 1 and state.selected == 0
    chosen = apply_events(
        ATLAS, state, "plantar", "right", [{"seq": 3, "kind": "select", "index": 0}]
    )
    assert chosen.selected == 0


def test_a_tap_just_off_the_body_says_so_and_far_off_says_nothing():
    near = apply_events(ATLAS, MapState(), "plantar", "right", _taps((52, 130)))
    assert near.items == () and near.notice == "That is just off the foot: tap on the drawing."
    leg = apply_events(ATLAS, MapState(), "posterior", "right", _taps((72, 300)))
    assert leg.notice == "That is just off the leg: tap on the drawing."
    far = apply_events(ATLAS, MapState(), "plantar", "right", _taps((400, 900)))
    assert far.items == () and far.notice is None


def test_a_double_tap_takes_back_the_mark_its_first_tap_made():
    state = apply_events(ATLAS, MapState(), "plantar", "right", _taps((0, 40), (0, 120)))
    state = apply_events(ATLAS, state, "plantar", "right", [{"seq": 3, "kind": "cancel", "of": 1}])
    assert [m.y for m in state.items] == [120]
    # A later cancel of the second tap still finds it, though its place moved.
    state = apply_events(ATLAS, state, "plantar", "right", [{"seq": 4, "kind": "cancel", "of": 2}])
    assert state.items == ()


def test_the_mark_limit_holds_and_says_why():
    full = MapState(items=tuple(Mark("plantar", 0, 40 + i) for i in range(MAX_MARKS)))
    state = apply_events(ATLAS, full, "plantar", "right", _taps((0, 200)))
    assert len(state.items) == MAX_MARKS and state.notice == LIMIT


def test_a_drawn_area_is_kept_clipped_to_the_body_and_simplified():
    ring = [[20 * math.cos(t / 50), 100 + 40 * math.sin(t / 50)] for t in range(1500)]
    state = apply_events(
        ATLAS, MapState(), "plantar", "right", [{"seq": 1, "kind": "area", "points": ring}]
    )
    (area,) = state.items
    assert isinstance(area, Area) and len(area.points) <= AREA_POINTS
    assert ATLAS.view("plantar").outline.buffer(0.1).contains(area.polygon)
    assert area.polygon.area > 2000


def test_an_area_off_the_body_is_refused_with_a_sentence():
    off = [[300, 300], [320, 300], [320, 320]]
    state = apply_events(
        ATLAS, MapState(), "plantar", "right", [{"seq": 1, "kind": "area", "points": off}]
    )
    assert state.items == () and "off the body" in state.notice


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["seq", "kind", "x", "y", "points", "index", "of"]),
            st.none()
            | st.integers(-5, 50)
            | st.floats()
            | st.text(max_size=5)
            | st.sampled_from(["tap", "area", "select", "cancel"])
            | st.lists(st.lists(st.floats(-100, 300), max_size=3), max_size=5),
        ),
        max_size=25,
    )
)
def test_whatever_a_browser_sends_never_raises_and_keeps_the_rules(events):
    state = apply_events(ATLAS, MapState(), "plantar", "right", events)
    assert len(state.items) <= MAX_MARKS
    assert all(
        math.isfinite(m.x) and math.isfinite(m.y) for m in state.items if isinstance(m, Mark)
    )


def test_simplified_area_needs_three_real_points():
    outline = ATLAS.view("plantar").outline
    assert simplified_area("plantar", [[0, 0], [1, "a"], [2, 2]], outline) is None
