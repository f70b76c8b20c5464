"""Draw a view of the atlas as a Plotly figure: outline, detail lines, marks and labels.

>>> from painmap import load_atlas
>>> fig = figure(load_atlas(), "posterior", side="left")
>>> fig.layout.title.text
'LEFT leg · Back of heel, Achilles tendon and calf, seen from behind'
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Mapping

import plotly.graph_objects as go
import shapely

from painmap.geometry import coords_xy
from painmap.marks import Area, Mark
from painmap.muscle_overlay import muscle_traces
from painmap.overlay import mark_traces, note_labels, scatter, zone_traces
from painmap.style import CAPTION, DETAIL, FONT, INK, SKIN, SKIN_EDGE, TONE_FILLS
from painmap.viewmap import ViewMap
from painmap.vocabulary import DORSAL, PLANTAR, VIEWS, Side, check_side, check_view, edge_words


def view_title(view: str, side: str) -> str:
    """'RIGHT foot · Sole, seen from below' and the like."""
    whole = "foot" if view in (PLANTAR, DORSAL) else "leg"
    return f"{side.upper()} {whole} · {VIEWS[view].title}"


def body_traces(vmap: ViewMap, labels: bool = False) -> list[dict]:
    """The body of a view: filled outline, its second tones, light detail lines, captions
    (the arch), and landmark labels if asked."""
    xs, ys = coords_xy(vmap.outline)
    traces = [
        scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor=SKIN,
            line=dict(color=SKIN_EDGE, width=1.8),
            hoverinfo="skip",
            name="outline",
            showlegend=False,
        )
    ]
    for tone, colour in TONE_FILLS.items():
        tx, ty = _joined(d.line for d in vmap.details if d.fill == tone)
        if tx:
            traces.append(
                scatter(
                    x=tx,
                    y=ty,
                    mode="lines",
                    fill="toself",
                    fillcolor=colour,
                    line=dict(width=0),
                    hoverinfo="skip",
                    name=f"body {tone}",
                    showlegend=False,
                )
            )
    dx, dy = _joined(d.line for d in vmap.details if d.fill is None)
    traces.append(
        scatter(
            x=dx,
            y=dy,
            mode="lines",
            line=dict(color=DETAIL, width=1),
            hoverinfo="skip",
            name="details",
            showlegend=False,
        )
    )
    traces.extend(fade_traces(vmap))
    captioned = [d for d in vmap.details if d.caption]
    if captioned:
        spots = [d.line.interpolate(0.3, normalized=True) for d in captioned]
        traces.append(
            scatter(
                x=[p.x for p in spots],
                y=[p.y for p in spots],
                mode="text",
                text=[d.caption for d in captioned],
                hoverinfo="skip",
                name="captions",
                textposition="middle right",
                showlegend=False,
                textfont=dict(size=11, color=CAPTION, style="italic"),
            )
        )
    if labels:
        names = list(vmap.landmarks)
        traces.append(
            scatter(
                x=[vmap.landmarks[n].x for n in names],
                y=[vmap.landmarks[n].y for n in names],
                mode="markers+text",
                text=[n.replace("_", " ") for n in names],
                textposition="top center",
                textfont=dict(size=9, color=INK),
                marker=dict(size=5, color=INK),
                hoverinfo="text",
                name="landmarks",
                showlegend=False,
            )
        )
    return traces


FADE_STEPS = 6


def fade_traces(vmap: ViewMap) -> list[dict]:
    """White veils over the top of a leg, each higher one adding to the last, so the drawing
    fades out above ``vmap.fade_above`` (its outline's line too) instead of ending in a cut."""
    if vmap.fade_above is None:
        return []
    minx, _, maxx, top = vmap.outline.bounds
    veil = vmap.outline.buffer(3).simplify(0.5)  # a veil needs no finer edge (and clicks carry it)
    traces = []
    for k in range(FADE_STEPS):
        bottom = vmap.fade_above + k * (top - vmap.fade_above) / FADE_STEPS
        xs, ys = coords_xy(veil.intersection(shapely.box(minx - 5, bottom, maxx + 5, top + 5)))
        traces.append(
            scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                line=dict(width=0),
                fillcolor="rgba(255, 255, 255, 0.27)",
                hoverinfo="skip",
                name="fade",
                showlegend=False,
            )
        )
    return traces


def _joined(lines) -> tuple[list[float | None], list[float | None]]:
    """x and y of several lines as one trace, each line ended by a gap."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for line in lines:
        x, y = coords_xy(line)
        xs.extend([*x, None])
        ys.extend([*y, None])
    return xs, ys


def frame(vmap: ViewMap) -> tuple[list[float], list[float], list[dict]]:
    """Axis ranges for a view, and the words written along its two side edges."""
    minx, miny, maxx, maxy = vmap.outline.bounds
    pad = 0.05 * max(maxx - minx, maxy - miny)
    gutter = pad + 14  # room for the edge words, written along each edge
    left, right = edge_words(vmap.id, vmap.side)
    mid = (miny + maxy) / 2
    edge = dict(showarrow=False, font=dict(size=13, color=INK))
    words = [
        dict(text=left, x=minx - gutter / 2, y=mid, textangle=-90, **edge),
        dict(text=right, x=maxx + gutter / 2, y=mid, textangle=90, **edge),
    ]
    return [minx - gutter, maxx + gutter], [miny - pad, maxy + pad], words


def base_figure(atlas, view: str, side: str = Side.RIGHT, labels: bool = False) -> go.Figure:
    """The view with nothing on it but the body: outline, details, edge words and title."""
    vmap = atlas.view(check_view(view), check_side(side))
    fig = go.Figure(body_traces(vmap, labels))
    xrange, yrange, words = frame(vmap)
    fig.update_layout(
        title=dict(
            text=view_title(view, side), x=0.01, xanchor="left", font=dict(size=16, color=INK)
        ),
        font=dict(family=FONT, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=8, r=8, t=44, b=8),
        showlegend=False,
        xaxis=dict(visible=False, range=xrange, constrain="domain"),
        yaxis=dict(visible=False, range=yrange, scaleanchor="x", scaleratio=1),
        annotations=words,
        dragmode="pan",
    )
    return fig


@functools.lru_cache(maxsize=64)
def _base(atlas, view: str, side: str, labels: bool) -> dict:
    return base_figure(atlas, view, side, labels=labels).to_dict()


def figure(
    atlas,
    view: str,
    side: str = Side.RIGHT,
    marks: Iterable[Mark | Area] = (),
    highlight: Iterable[str] = (),
    labels: bool = False,
    strengths: Mapping[str, float] | None = None,
    validate: bool = True,
    roles: Iterable[str] | None = None,
    muscles: bool = False,
    colours: Mapping[str, str] | None = None,
) -> go.Figure:
    """The annotated figure of one view: outline, marks, and the zones of ``highlight``.

    Parameters
    ----------
    atlas : Atlas
        From :func:`painmap.load_atlas`.
    view : str
        A view id: plantar, dorsal, medial, lateral or posterior.
    side : str
        ``"right"`` or ``"left"``; the left side is the right's mirror image.
    marks : iterable of Mark or Area
        Pain marks and areas, numbered in the order given; those on other views are not drawn.
    highlight : iterable of str
        Pattern ids whose zones to draw, one colour each: main pain zone (solid), spread
        (hatched) and trigger-point sites (×).
    labels : bool
        Label the landmarks.
    strengths : mapping of str to float, optional
        Match strength (0 to 1) per highlighted pattern: drawn more solid when stronger and
        given in the legend.
    roles : iterable of str, optional
        Draw only these zone roles (essential, spillover, trigger_point).
    validate : bool
        Let Plotly check every property (a script or an export); the body is built and
        checked once per view and side, the overlay by this module.
    muscles : bool
        Draw the muscle layer: every muscle of the view faintly, the highlighted trigger
        points' muscles strongly.
    colours : mapping of str to str, optional
        A colour per highlighted pattern that stays with it (see ``overlay.assign_colours``).
    """
    base = _base(atlas, check_view(view), check_side(side), labels)
    highlight = list(highlight)
    layer = muscle_traces(atlas, view, side, strong=highlight) if muscles else []
    zones = zone_traces(atlas, view, side, highlight, strengths, roles, colours)
    layout = copy.deepcopy(base["layout"])
    if zones:
        layout["showlegend"] = True
        layout["legend"] = dict(orientation="h", x=0, y=-0.01, yanchor="top", font=dict(size=12))
    marks = list(marks)
    layout["annotations"] = [*layout.get("annotations", []), *note_labels(marks, view)]
    data = [*copy.deepcopy(base["data"]), *layer, *zones, *mark_traces(view, marks)]
    return go.Figure(dict(data=data, layout=layout), _validate=validate)
