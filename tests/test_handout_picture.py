"""The handout's picture: the view with the marks large, the others small."""

from __future__ import annotations

from painmap import Mark
from painmap.handout import handout_figure
from painmap.session import Session

from .places import ATLAS
from .test_export import SESSION

BOX_MM = (186, 112)  # the picture's box on the A4 page (handout STYLE)
BEFORE_MM2 = 2309  # the sole as drawn when all five views were equally small (measured)


def drawn_mm2(fig, n: int) -> float:
    """The area, in mm² on the page, where subplot ``n`` (1-based) draws its view."""
    m = fig.layout.margin
    width, height = fig.layout.width - m.l - m.r, fig.layout.height - m.t - m.b
    scale = min(BOX_MM[0] / fig.layout.width, BOX_MM[1] / fig.layout.height)
    suffix = "" if n == 1 else str(n)
    xa, ya = fig.layout[f"xaxis{suffix}"], fig.layout[f"yaxis{suffix}"]
    w = (xa.domain[1] - xa.domain[0]) * width
    h = (ya.domain[1] - ya.domain[0]) * height
    aspect = (xa.range[1] - xa.range[0]) / (ya.range[1] - ya.range[0])
    w, h = (w, w / aspect) if w / aspect <= h else (h * aspect, h)
    return w * h * scale**2


def test_the_most_marked_view_is_drawn_large_and_first():
    fig = handout_figure(ATLAS, SESSION)
    assert fig.layout.annotations[0].text == "Sole · 2 marks"
    assert drawn_mm2(fig, 1) >= 2 * BEFORE_MM2
    assert all(drawn_mm2(fig, n) < drawn_mm2(fig, 1) / 2 for n in range(2, 6))


def test_the_large_view_follows_the_marks():
    session = Session(side="left", items=(Mark("posterior", 0, 190, 5), Mark("posterior", 5, 150)))
    fig = handout_figure(ATLAS, session)
    assert fig.layout.annotations[0].text == "Back · 2 marks"
    assert [a.text for a in fig.layout.annotations[1:5]] == [
        "Sole",
        "Top",
        "Inner side",
        "Outer side",
    ]
