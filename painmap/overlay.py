"""What is drawn over the body: patterns' zones, trigger-point sites, marks and areas.

Zones of several patterns are told apart by hue (the Okabe-Ito palette, safe for every common
colour blindness) and by the legend; how strongly a pattern matches shows as how solid its
fill is. The main pain zone has a solid fill and edge; the spread zone a hatched fill and a
dotted edge, so the two are told apart without colour; trigger-point sites are crosses (×).

Nothing drawn here takes hover (``hoverinfo="skip"``): on the app's map a tap places a mark
wherever the zones and marks are (the map component reads where the finger landed).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

from painmap.geometry import coords_xy, site_point, to_side
from painmap.marks import Area, Mark, mark_label, numbered
from painmap.plain import plotly
from painmap.style import INK, MARK, PALETTE
from painmap.vocabulary import DRAW_ORDER, ROLE_WORDS, Role
from painmap.wording import noun, word


def wrapped(value: str, width: int) -> str:
    """Text wrapped to ``width`` characters (six lines at most), as plain Plotly text."""
    lines = textwrap.wrap(value, width=width, max_lines=6, placeholder=" …") or [""]
    return "<br>".join(plotly(line) for line in lines)


def scatter(**props) -> dict:
    """A Plotly scatter trace as a plain dict: built without validation, which per click
    costs more than all the matching (figures handed to users are validated whole)."""
    return {"type": "scatter", **props}


def rgba(hex_colour: str, alpha: float) -> str:
    """``#rrggbb`` with an alpha, as Plotly's ``rgba(...)``."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha:.3f})"


def _outline_xy(geometries, side):
    xs: list[float | None] = []
    ys: list[float | None] = []
    for geometry in geometries:
        x, y = coords_xy(to_side(geometry, side))
        xs.extend([*x, None])
        ys.extend([*y, None])
    return xs, ys


# The main pain zone is graded, as Travell and Simons draw it: denser inside, fading to its edge.
CORE_MM = 3.5


def zone_fills(role, geometries, side, colour, strength, name, group) -> list[dict]:
    """The traces of one role's zones of one pattern: main pain solid with a denser core,
    spread hatched with a dotted edge, a trigger-point site dashed."""
    xs, ys = _outline_xy(geometries, side)
    solid = 0.25 + 0.45 * strength  # a stronger match is drawn more solid
    style = dict(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        name=name,
        legendgroup=group,
        hoverinfo="skip",
        showlegend=True,
    )
    if role == Role.ESSENTIAL:
        cores = [g.buffer(-CORE_MM).simplify(0.3) for g in geometries]
        cx, cy = _outline_xy([c for c in cores if not c.is_empty], side)
        core = scatter(
            x=cx,
            y=cy,
            mode="lines",
            fill="toself",
            fillcolor=rgba(colour, solid * 0.6),
            line=dict(width=0),
            hoverinfo="skip",
            showlegend=False,
            legendgroup=group,
            name=f"{name} (core)",
        )
        return [
            scatter(
                **style, fillcolor=rgba(colour, solid * 0.7), line=dict(color=colour, width=1.8)
            ),
            core,
        ]
    if role == Role.SPILLOVER:
        return [
            scatter(
                **style,
                fillcolor=rgba(colour, 0.08),
                fillpattern=dict(shape="/", fgcolor=rgba(colour, solid), size=7, solidity=0.25),
                line=dict(color=colour, width=1.4, dash="dot"),
            )
        ]
    return [
        scatter(
            **style, fillcolor=rgba(colour, 0.15), line=dict(color=colour, width=1.2, dash="dash")
        )
    ]


def zone_traces(
    atlas,
    view: str,
    side: str,
    highlight: Iterable[str],
    strengths: Mapping[str, float] | None = None,
    roles: Iterable[str] | None = None,
    colours: Mapping[str, str] | None = None,
) -> list[dict]:
    """Traces of the zones of ``highlight`` (pattern ids, in order) on ``view``.

    ``strengths`` (pattern id to its probability, 0..1) makes likelier patterns more solid and
    names them in the legend with the word the results use (likely, possible, less likely);
    without it every pattern is drawn full.
    ``roles`` limits the drawing to some roles (to show how pain spreads from a trigger point).
    ``colours`` (pattern id to colour) keeps each pattern's colour when answers re-rank it
    (see :func:`assign_colours`); without it, colours follow the order of ``highlight``.
    Every zone's edge is drawn again on top of all fills, so a zone covered by another one
    still shows where it lies.
    """
    highlight = list(dict.fromkeys(highlight))
    unknown = [p for p in highlight if p not in atlas.patterns]
    if unknown:
        raise ValueError(f"unknown pattern {noun(len(unknown), 'id')}: {', '.join(unknown)}")
    zones = atlas.zones[(atlas.zones.view == view) & atlas.zones.pattern_id.isin(highlight)]
    if roles is not None:
        zones = zones[zones.role.isin(list(roles))]
    model = atlas.knowledge.model
    traces = []
    for role in sorted(zones.role.unique(), key=DRAW_ORDER.index):
        for rank, pid in enumerate(highlight):
            rows = zones[(zones.pattern_id == pid) & (zones.role == role)]
            if rows.empty:
                continue
            colour = (colours or {}).get(pid) or PALETTE[rank % len(PALETTE)]
            strength = 1.0 if strengths is None else float(strengths.get(pid, 0.0))
            label = plotly(atlas.patterns[pid].name)
            if strengths is not None:
                label = f"{rank + 1} · {label} · {word(strength, model.likely, model.possible)}"
            name = f"{label}: {ROLE_WORDS[role]}"
            traces.extend(zone_fills(role, list(rows.geometry), side, colour, strength, name, pid))
            if role == Role.TRIGGER_POINT:
                sites = [site_point(to_side(g, side)) for g in rows.geometry]
                traces.append(
                    scatter(
                        x=[p.x for p in sites],
                        y=[p.y for p in sites],
                        mode="markers",
                        marker=dict(symbol="x-thin", size=16, line=dict(width=4, color=colour)),
                        name=f"{label}: trigger point ×",
                        legendgroup=pid,
                        hoverinfo="skip",
                        showlegend=False,
                    )
                )
    return [*traces, *_edges(traces)]


def _edges(traces: list[dict]) -> list[dict]:
    """Each filled zone's outline again, without its fill, to lie above every fill."""
    return [
        {**t, "fill": "none", "fillcolor": None, "showlegend": False, "name": f"{t['name']} edge"}
        for t in traces
        if t.get("fill") == "toself" and (t.get("line") or {}).get("width", 0) > 0
    ]


def assign_colours(kept: Mapping[str, str], pattern_ids: Iterable[str]) -> dict[str, str]:
    """A colour for each of ``pattern_ids``: the one it had (``kept``) if it still has one,
    else the first colour no other drawn pattern uses, so a colour stays with its pattern.

    >>> assign_colours({"soleus": PALETTE[1]}, ["plantar_fasciitis", "soleus"])
    {'plantar_fasciitis': '#0072B2', 'soleus': '#E69F00'}
    """
    ids = list(dict.fromkeys(pattern_ids))
    out = {p: kept[p] for p in ids if p in kept}
    free = [c for c in PALETTE if c not in out.values()]
    for pid in ids:
        if pid not in out:
            out[pid] = free.pop(0) if free else PALETTE[len(out) % len(PALETTE)]
    return {p: out[p] for p in ids}


def mark_size(intensity: float | None) -> float:
    """A mark's diameter in pixels: larger the stronger its pain (22 when none is given).

    >>> mark_size(None), mark_size(0), mark_size(10)
    (22.0, 18.0, 32.0)
    """
    return 22.0 if intensity is None else 18.0 + 1.4 * intensity


def mark_traces(
    view: str, marks: Iterable[Mark | Area], colour: str = MARK, name: str = "marks"
) -> list[dict]:
    """Numbered marks (1, 2, ... in order) and outlined areas (A1, A2, ...) on ``view``.

    Marks and areas are numbered apart, as the matcher does, over all views. ``colour`` and
    ``name`` tell two sets apart (a visit before and one after).
    """
    points, areas = [], []
    for n, item in numbered(marks):
        if item.view == view:
            (points if isinstance(item, Mark) else areas).append((n, item))
    traces = []
    for n, area in areas:
        xs = [x for x, _ in area.points] + [area.points[0][0]]
        ys = [y for _, y in area.points] + [area.points[0][1]]
        traces.append(
            scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=rgba(colour, 0.12),
                line=dict(color=colour, width=2, dash="dash"),
                name=f"{name}: area {n}",
                hoverinfo="skip",
                showlegend=False,
            )
        )
        c = area.polygon.representative_point()
        traces.append(
            scatter(
                x=[c.x],
                y=[c.y],
                mode="text",
                text=[f"A{n}"],
                hoverinfo="skip",
                textfont=dict(color=colour, size=13),
                showlegend=False,
                name=f"{name}: A{n}",
            )
        )
    if points:
        traces.append(
            scatter(
                x=[m.x for _, m in points],
                y=[m.y for _, m in points],
                mode="markers+text",
                text=[str(n) for n, _ in points],
                textfont=dict(color="white", size=12),
                textposition="middle center",
                marker=dict(
                    size=[mark_size(m.intensity) for _, m in points],
                    color=colour,
                    line=dict(color="white", width=2),
                ),
                hoverinfo="skip",
                name=name,
                showlegend=False,
            )
        )
    return traces


def labelled(items) -> list[tuple[str, Mark | Area]]:
    """Each mark and area with its label as the map shows it: '1', '2', ... and 'A1', ..."""
    return [(mark_label(n, item), item) for n, item in numbered(items)]


def note_labels(items, view: str, xref: str = "x", yref: str = "y") -> list[dict]:
    """An arrowed label by each mark or area of ``view`` that has a note."""
    labels = []
    for shown, item in labelled(items):
        if item.view != view or not item.note:
            continue
        anchor = (item.x, item.y) if isinstance(item, Mark) else item.polygon.centroid.coords[0]
        ax = -70 if anchor[0] > 0 else 70  # point inwards from the nearer edge
        ay = -40 if len(labels) % 2 == 0 else 40  # one label above, the next below: clear of both
        text = f"{shown}: {wrapped(item.note, 28)}"
        labels.append(
            dict(
                x=anchor[0],
                y=anchor[1],
                xref=xref,
                yref=yref,
                text=text,
                showarrow=True,
                arrowhead=2,
                arrowcolor=INK,
                ax=ax,
                ay=ay,
                align="left",
                bgcolor="rgba(255,255,255,0.92)",
                bordercolor=INK,
                borderwidth=1,
                font=dict(size=12, color=INK),
            )
        )
    return labels
