"""The map's state rules: links in and out, marks counted per view."""

from __future__ import annotations

import pytest

from painmap import Mark
from painmap.links import MAX_MARKS, link_params, marks_per_view, parse_link


def test_marks_are_counted_per_view():
    counts = marks_per_view(
        [Mark("plantar", 0, 40), Mark("posterior", 0, 30), Mark("plantar", 5, 40)]
    )
    assert counts["plantar"] == 2 and counts["posterior"] == 1 and counts["medial"] == 0


def test_a_link_round_trips():
    marks = (Mark("plantar", 13.25, 58), Mark("posterior", -4, 72.5, 7))
    params = link_params("posterior", "left", marks)
    assert params == {
        "view": "posterior",
        "side": "left",
        "marks": "plantar:13.2,58;posterior:-4,72.5@7",
    }
    state = parse_link(params)
    assert (state.view, state.side, state.warnings) == ("posterior", "left", ())
    assert [(m.view, m.x, m.y, m.intensity) for m in state.marks] == [
        ("plantar", 13.2, 58.0, None),
        ("posterior", -4.0, 72.5, 7.0),
    ]


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
