"""The rendered figure: equal axes, no clutter, the side and the medial edge said in words."""

from __future__ import annotations

import pytest

from painmap import figure
from painmap.contract import VIEW_IDS
from painmap.marks import Mark


def _words(fig):
    return [a.text for a in fig.layout.annotations]


@pytest.mark.parametrize("view", VIEW_IDS)
@pytest.mark.parametrize("side", ["right", "left"])
def test_every_view_names_its_side_and_edges(atlas, view, side):
    fig = figure(atlas, view, side=side)
    assert fig.layout.title.text.startswith(side.upper())
    words = " ".join(_words(fig))
    if view in ("plantar", "dorsal", "posterior"):
        assert "medial" in words and "lateral" in words
    else:
        assert "front" in words and "back" in words
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.scaleratio == 1
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False


def test_medial_edge_swaps_with_the_side(atlas):
    assert _words(figure(atlas, "plantar", "right")) == [
        "lateral (little-toe side)",
        "medial (big-toe side)",
    ]
    assert _words(figure(atlas, "plantar", "left")) == [
        "medial (big-toe side)",
        "lateral (little-toe side)",
    ]
    assert _words(figure(atlas, "posterior", "right"))[0].startswith("medial")


def test_left_figure_is_drawn_mirrored(atlas):
    right = figure(atlas, "plantar", "right").data[0]
    left = figure(atlas, "plantar", "left").data[0]
    assert [(-x if x is not None else None) for x in right.x] == list(left.x)


def test_marks_are_numbered_in_order_and_only_on_their_view(atlas):
    marks = [Mark("plantar", 13, 58), Mark("posterior", 0, 30), Mark("plantar", 0, 118)]
    fig = figure(atlas, "plantar", marks=marks)
    drawn = next(t for t in fig.data if t.name == "marks")
    assert list(drawn.text) == ["1", "3"]
    assert list(drawn.x) == [13, 0]


def test_landmark_labels_are_optional(atlas):
    assert not any(t.name == "landmarks" for t in figure(atlas, "medial").data)
    labelled = figure(atlas, "medial", labels=True)
    names = next(t for t in labelled.data if t.name == "landmarks").text
    assert "tarsal tunnel" in names


def test_the_body_has_a_second_tone_and_names_the_arch(atlas):
    names = {t.name: t for t in figure(atlas, "plantar").data}
    assert {"body shade", "body light"} <= set(names)  # the arch hollow, the footprint
    assert list(names["captions"].text) == ["arch"]
    left = {t.name: t for t in figure(atlas, "plantar", side="left").data}
    assert left["captions"].x[0] == -names["captions"].x[0]


def _contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""

    def lum(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted([lum(a), lum(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_map_s_own_words_are_readable_where_they_are_drawn():
    """What the browser's contrast test cannot see (the dot is not the text's ancestor): a
    mark's white number on its dot, an area's label and the view's words on the skin."""
    from painmap.style import CAPTION, INK, MARK, SKIN

    assert _contrast("#ffffff", MARK) >= 4.5
    assert _contrast(MARK, SKIN) >= 4.5
    assert _contrast(INK, SKIN) >= 4.5 and _contrast(CAPTION, "#ffffff") >= 4.5
