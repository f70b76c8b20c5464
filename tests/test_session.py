"""The map's state rules: chart selections to marks and areas, links in and out."""

from __future__ import annotations

import pytest

from painmap import Area, Mark
from painmap.session import (
    MAX_MARKS,
    add_mark,
    link_params,
    marks_per_view,
    parse_link,
    selection_to_marks,
)

CLICK = {"points": [{"curve_number": 0, "point_index": 41, "x": 13.2, "y": 57.9}]}


def test_a_click_on_the_lattice_becomes_a_mark():
    assert selection_to_marks(CLICK, "plantar") == ([Mark("plantar", 13.2, 57.9)], [])


def test_an_empty_selection_adds_nothing():
    # Plotly reports a second click on the same point, or a double click, as no selection.
    for empty in ({}, None, {"points": [], "box": [], "lasso": []}):
        assert selection_to_marks(empty, "plantar") == ([], [])


def test_points_of_other_traces_are_not_marks():
    other = {"points": [{"curve_number": 5, "x": 1, "y": 2}]}
    assert selection_to_marks(other, "plantar") == ([], [])


def test_a_box_becomes_an_area_and_the_points_inside_are_ignored():
    selection = {
        "points": [{"curve_number": 0, "x": 1, "y": 1}] * 30,
        "box": [{"x": [-10, 20], "y": [30, 60]}],
    }
    marks, areas = selection_to_marks(selection, "plantar")
    assert marks == []
    assert areas == [Area("plantar", ((-10, 30), (20, 30), (20, 60), (-10, 60)))]


def test_a_lasso_becomes_an_area():
    lasso = {"lasso": [{"x": [0, 10, 10, 0], "y": [0, 0, 10, 10]}]}
    marks, areas = selection_to_marks(lasso, "posterior")
    assert marks == [] and areas[0].view == "posterior"
    assert areas[0].polygon.area == pytest.approx(100)


def test_a_degenerate_or_broken_lasso_draws_nothing():
    for broken in (
        {"lasso": [{"x": [0, 1, 2], "y": [0, 1, 2]}]},  # no surface
        {"lasso": [{"x": [0, 1], "y": [0, 1]}]},  # too few points
        {"lasso": [{"x": [0, "a", 2], "y": [0, 1, None]}]},  # not numbers
        {"box": [{"x": [float("nan"), 1], "y": [0, 1]}]},
    ):
        assert selection_to_marks(broken, "plantar") == ([], [])


def test_a_second_tap_on_the_same_spot_is_the_same_mark():
    first = Mark("plantar", 13, 58)
    assert add_mark([first], Mark("plantar", 13.5, 58.5)) == [first]
    assert len(add_mark([first], Mark("plantar", 16, 58))) == 2
    assert len(add_mark([first], Mark("posterior", 13, 58))) == 2


def test_marks_are_counted_per_view():
    counts = marks_per_view([Mark("plantar", 0, 40), Mark("posterior", 0, 30),
                             Mark("plantar", 5, 40)])  # fmt: skip
    assert counts["plantar"] == 2 and counts["posterior"] == 1 and counts["medial"] == 0


def test_a_link_round_trips():
    marks = (Mark("plantar", 13.25, 58), Mark("posterior", -4, 72.5, 7))
    params = link_params("posterior", "left", marks)
    assert params == {"view": "posterior", "side": "left",
                      "marks": "plantar:13.2,58;posterior:-4,72.5@7"}  # fmt: skip
    state = parse_link(params)
    assert (state.view, state.side, state.warnings) == ("posterior", "left", ())
    assert [(m.view, m.x, m.y, m.intensity) for m in state.marks] == [
        ("plantar", 13.2, 58.0, None), ("posterior", -4.0, 72.5, 7.0)]  # fmt: skip


def test_an_empty_link_opens_the_default_map():
    assert parse_link({}) == parse_link({"marks": ""})
    state = parse_link({})
    assert (state.view, state.side, state.marks, state.warnings) == ("plantar", "right", (), ())
    assert link_params("plantar", "right", []) == {"view": "plantar", "side": "right"}


@pytest.mark.parametrize(
    ("params", "words", "kept"),
    [
        ({"view": "sole"}, "unknown view", {}),
        ({"side": "both"}, "unknown side", {}),
        ({"marks": "plantar:1,2;plantar:x,y"}, "could not be read", {}),
        ({"marks": "plantar:nan,2"}, "could not be read", {}),
        ({"marks": "sole:1,2"}, "could not be read", {}),
        ({"marks": "plantar:1,2@99"}, "could not be read", {}),
        ({"marks": ";".join(["plantar:1,2"] * (MAX_MARKS + 1))}, "more than", {}),
        ({"view": "posterior", "marks": "garbage"}, "could not be read", {"view": "posterior"}),
        ({"view": "x" * 5000}, "unknown view", {}),
    ],
)
def test_a_malformed_link_warns_and_opens_a_clean_map(params, words, kept):
    state = parse_link(params)
    assert state.marks == ()
    assert len(state.warnings) == 1 and words in state.warnings[0]
    assert len(state.warnings[0]) < 300  # a long link does not make a long message
    assert state.view == kept.get("view", "plantar")


def test_repeated_parameters_take_the_last():
    assert parse_link({"view": ["dorsal", "medial"]}).view == "medial"
