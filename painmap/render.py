"""Draw a view of the atlas as a Plotly figure: outline, detail lines, marks and labels.

>>> from painmap import load_atlas
>>> fig = figure(load_atlas(), "posterior", side="left")
>>> fig.layout.title.text
'LEFT leg · Back of heel, Achilles tendon and calf, seen from behind'
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

from painmap.geometry import coords_xy, to_side
from painmap.marks import Mark
from painmap.viewmap import ViewMap
from painmap.views import VIEWS, check_side, check_view, edge_words

SKIN = "#f5e3d5"
SKIN_EDGE = "#8a6552"
DETAIL = "rgba(138, 101, 82, 0.45)"
INK = "#2f3b45"
MARK = "#c0392b"
FONT = "DejaVu Sans, Arial, sans-serif"
# Okabe-Ito: told apart by people with every common form of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442")
ROLE_STYLE = {  # essential: strong fill and a solid edge; spillover: a faint fill, dotted edge
    "essential": dict(opacity=0.55, dash="solid", width=1.6),
    "spillover": dict(opacity=0.2, dash="dot", width=1.4),
    "trigger_point": dict(opacity=0.25, dash="dash", width=1.2),
}
ROLE_WORDS = {"essential": "main pain", "spillover": "spread", "trigger_point": "trigger point"}


def view_title(view: str, side: str) -> str:
    """'RIGHT foot · Sole, seen from below' and the like."""
    whole = "foot" if view in ("plantar", "dorsal") else "leg"
    return f"{side.upper()} {whole} · {VIEWS[view].title}"


def body_traces(vmap: ViewMap, labels: bool = False) -> list[go.Scatter]:
    """The body of a view: filled outline, light detail lines, and landmark labels if asked."""
    xs, ys = coords_xy(vmap.outline)
    traces = [
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor=SKIN,
            line=dict(color=SKIN_EDGE, width=1.8),
            hoverinfo="skip",
            name="outline",
        )
    ]
    dx: list[float | None] = []
    dy: list[float | None] = []
    for detail in vmap.details:
        x, y = coords_xy(detail.line)
        dx.extend([*x, None])
        dy.extend([*y, None])
    traces.append(
        go.Scatter(
            x=dx,
            y=dy,
            mode="lines",
            line=dict(color=DETAIL, width=1),
            hoverinfo="skip",
            name="details",
        )
    )
    if labels:
        names = list(vmap.landmarks)
        traces.append(
            go.Scatter(
                x=[vmap.landmarks[n].x for n in names],
                y=[vmap.landmarks[n].y for n in names],
                mode="markers+text",
                text=[n.replace("_", " ") for n in names],
                textposition="top center",
                textfont=dict(size=9, color=INK),
                marker=dict(size=5, color=INK),
                hoverinfo="text",
                name="landmarks",
            )
        )
    return traces


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


def base_figure(atlas, view: str, side: str = "right", labels: bool = False) -> go.Figure:
    """The view with nothing on it but the body: outline, details, edge words and title."""
    vmap = atlas.view(check_view(view), check_side(side))
    fig = go.Figure(body_traces(vmap, labels))
    xrange, yrange, words = frame(vmap)
    fig.update_layout(
        title=dict(
            text=view_title(view, side), x=0.5, xanchor="center", font=dict(size=16, color=INK)
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


def add_marks(fig: go.Figure, view: str, marks: Iterable[Mark]) -> go.Figure:
    """Number the marks (1, 2, ... in the order given) and draw those that lie on ``view``."""
    numbered = [(i, m) for i, m in enumerate(marks, start=1) if m.view == view]
    if numbered:
        fig.add_trace(
            go.Scatter(
                x=[m.x for _, m in numbered],
                y=[m.y for _, m in numbered],
                mode="markers+text",
                text=[str(i) for i, _ in numbered],
                textfont=dict(color="white", size=12),
                textposition="middle center",
                marker=dict(size=22, color=MARK, line=dict(color="white", width=2)),
                hovertext=[f"Mark {i}" for i, _ in numbered],
                hoverinfo="text",
                name="marks",
            )
        )
    return fig


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def zone_traces(atlas, view: str, side: str, highlight, colours=None) -> list[go.Scatter]:
    """Traces of the zones of the ``highlight`` pattern ids on ``view``; trigger points as ×.

    ``colours`` maps pattern id to a colour; by default the palette in the order given.
    """
    highlight = list(dict.fromkeys(highlight))
    unknown = [p for p in highlight if p not in atlas.patterns]
    if unknown:
        raise ValueError(f"unknown pattern id(s): {', '.join(unknown)}")
    colours = colours or {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(highlight)}
    zones = atlas.zones[(atlas.zones.view == view) & atlas.zones.pattern_id.isin(highlight)]
    order = {"spillover": 0, "essential": 1, "trigger_point": 2}  # faint first, sites on top
    traces = []
    for role in sorted(zones.role.unique(), key=order.get):
        for pid in highlight:
            rows = zones[(zones.pattern_id == pid) & (zones.role == role)]
            if rows.empty:
                continue
            style, colour = ROLE_STYLE[role], colours[pid]
            name = f"{atlas.patterns[pid].name}: {ROLE_WORDS[role]}"
            xs: list[float | None] = []
            ys: list[float | None] = []
            for geometry in rows.geometry:
                x, y = coords_xy(to_side(geometry, side))
                xs.extend([*x, None])
                ys.extend([*y, None])
            traces.append(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    fill="toself",
                    fillcolor=_rgba(colour, style["opacity"]),
                    line=dict(color=colour, width=style["width"], dash=style["dash"]),
                    name=name,
                    legendgroup=pid,
                    hoverinfo="name",
                    showlegend=True,
                )
            )
            if role == "trigger_point":
                sites = [to_side(g, side).representative_point() for g in rows.geometry]
                traces.append(
                    go.Scatter(
                        x=[p.x for p in sites],
                        y=[p.y for p in sites],
                        mode="markers",
                        marker=dict(symbol="x-thin", size=16, line=dict(width=4, color=colour)),
                        name=f"{atlas.patterns[pid].name}: trigger point ×",
                        legendgroup=pid,
                        hoverinfo="name",
                        showlegend=False,
                    )
                )
    return traces


def add_zones(fig: go.Figure, atlas, view: str, side: str, highlight, colours=None) -> go.Figure:
    """Draw the zones of ``highlight`` on the figure of ``view``, with a legend below it."""
    traces = zone_traces(atlas, view, side, highlight, colours)
    if traces:
        fig.add_traces(traces)
        fig.update_layout(
            showlegend=True,
            legend=dict(orientation="h", x=0, y=-0.02, yanchor="top", font=dict(size=12)),
        )
    return fig


def figure(
    atlas,
    view: str,
    side: str = "right",
    marks: Iterable[Mark] = (),
    highlight: Iterable[str] = (),
    labels: bool = False,
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
    marks : iterable of Mark
        Pain marks, numbered in the order given; those on other views are not drawn.
    highlight : iterable of str
        Pattern ids whose zones to draw: main pain (essential), spread (spillover) and
        trigger-point sites (×), one colour per pattern.
    labels : bool
        Label the landmarks.
    """
    fig = base_figure(atlas, view, side, labels=labels)
    add_zones(fig, atlas, view, side, highlight)
    return add_marks(fig, view, marks)
