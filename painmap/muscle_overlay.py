"""The muscle layer drawn over a view: every muscle faintly, or chosen ones strongly.

Muscles are red-brown, tendons ivory, as anatomy plates draw them; a superficial muscle has a
solid edge, a deep one (under another muscle) a dashed edge and a paler fill, so depth is told
without colour. Like the zones, nothing here takes hover (``hoverinfo="skip"``).

>>> from painmap import load_atlas
>>> traces = muscle_traces(load_atlas(), "posterior", strong=["soleus"])
>>> [t["name"] for t in traces if t.get("showlegend")]
['Soleus muscle (deep: dashed edge)']
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from painmap.geometry import coords_xy, site_point
from painmap.overlay import scatter
from painmap.style import MUSCLE, TENDON, TENDON_EDGE
from painmap.vocabulary import Side

DEPTH_WORDS = {"superficial": "solid edge", "deep": "deep: dashed edge"}
DASH = {"superficial": "solid", "deep": "dash"}


def _rgba(rgb, alpha: float) -> str:
    return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {alpha:.2f})"


def _xy(shapes) -> tuple[list, list]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for shape in shapes:
        x, y = coords_xy(shape)
        xs.extend([*x, None])
        ys.extend([*y, None])
    return xs, ys


FIBRE_LINES = {0: "-", 45: "/", 90: "|", 135: "\\"}


def fibres(shape) -> str:
    """The hatching that runs nearest the muscle's long axis, hinting at its fibres.

    >>> from shapely import box
    >>> fibres(box(0, 0, 10, 80)), fibres(box(0, 0, 80, 10))
    ('|', '-')
    """
    ring = list(shape.minimum_rotated_rectangle.exterior.coords)
    sides = [(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]) for i in range(2)]
    dx, dy = max(sides, key=lambda d: math.hypot(*d))
    angle = math.degrees(math.atan2(dy, dx)) % 180
    nearest = min(FIBRE_LINES, key=lambda a: min(abs(angle - a), 180 - abs(angle - a)))
    return FIBRE_LINES[nearest]


def _fill(xs, ys, fill, edge, width, dash, name, legend=False, group=None) -> dict:
    return scatter(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=fill,
        hoverinfo="skip",
        line=dict(color=edge, width=width, dash=dash),
        name=name,
        showlegend=legend,
        legendgroup=group,
    )


def muscle_traces(
    atlas,
    view: str,
    side: str = Side.RIGHT,
    strong: Iterable[str] = (),
    faint: bool = True,
    names: bool = False,
) -> list[dict]:
    """Traces of the muscle layer on ``view`` for ``side``.

    Parameters
    ----------
    strong : iterable of str
        Muscle (pattern) ids drawn strongly, with their tendons, and named in the legend.
    faint : bool
        Draw every other muscle and tendon of the view faintly, for context.
    names : bool
        Write each muscle's name on it (for sheets of the anatomy).
    """
    layer = atlas.muscle_layer(side)
    strong = [m for m in dict.fromkeys(strong) if layer.muscle(m, view)]
    traces = []
    if faint:
        for depth in ("deep", "superficial"):
            shown = [m.shape for m in layer.in_view(view) if m.depth == depth]
            if shown:
                traces.append(
                    _fill(
                        *_xy(shown),
                        _rgba(MUSCLE, 0.05 if depth == "deep" else 0.1),
                        _rgba(MUSCLE, 0.42),
                        0.8,
                        DASH[depth],
                        f"muscles ({depth})",
                    )
                )
        # Deep tendons only with their own muscle: faint, they would criss-cross the sole.
        shown = [t.shape for t in layer.tendons_in_view(view) if t.depth == "superficial"]
        if shown:
            traces.append(
                _fill(
                    *_xy(shown),
                    _rgba(TENDON, 0.7),
                    _rgba(TENDON_EDGE, 0.55),
                    0.7,
                    "solid",
                    "tendons",
                )
            )
    for mid in strong:
        muscle = layer.muscle(mid, view)
        deep = muscle.depth == "deep"
        name = f"{muscle.name} muscle ({DEPTH_WORDS[muscle.depth]})"
        trace = _fill(
            *_xy([muscle.shape]),
            _rgba(MUSCLE, 0.3 if deep else 0.42),
            _rgba(MUSCLE, 1),
            2.2,
            DASH[muscle.depth],
            name,
            True,
            mid,
        )
        trace["fillpattern"] = dict(
            shape=fibres(muscle.shape),
            fgcolor=_rgba(MUSCLE, 0.35),
            bgcolor=trace["fillcolor"],
            size=6,
            solidity=0.12,
        )
        traces.append(trace)
        tendons = [t.shape for t in layer.tendons_in_view(view) if mid in t.muscles]
        if tendons:
            traces.append(
                _fill(
                    *_xy(tendons),
                    _rgba(TENDON, 1),
                    _rgba(TENDON_EDGE, 1),
                    1.2,
                    "solid",
                    f"{muscle.name}: tendon",
                    False,
                    mid,
                )
            )
    if names:
        shown = layer.in_view(view)
        spots = [site_point(m.shape) for m in shown]
        traces.append(
            scatter(
                x=[p.x for p in spots],
                y=[p.y for p in spots],
                mode="text",
                text=[m.name.split(" (")[0] for m in shown],
                hoverinfo="skip",
                textfont=dict(size=8, color=_rgba(MUSCLE, 1)),
                name="muscle names",
                showlegend=False,
            )
        )
    return traces
