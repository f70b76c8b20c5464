"""A trigger point told as a therapist tells it: the muscle, the knot, the pain.

Three steps, each adding to the last, on one view: the muscle drawn strongly (the others faint);
then its trigger points ("knots"), each × numbered; then where each sends pain, the main pain
solid and the spread hatched, and a legend saying "knot 1 → back of the heel" (when knots send
pain to different places, each zone is tagged too: "from knots 1 and 2"). A view without the
muscle says where it is drawn.

>>> from painmap import load_atlas
>>> fig = trigger_point_figure(load_atlas(), "soleus", "posterior", step="pain")
>>> fig.layout.title.text
'Soleus · the pain'
>>> for name in legend_names(fig)[:3]:
...     print(name)
Soleus muscle (deep: dashed edge)
knot 1 → back of the heel and lower Achilles; under the heel (sole)
knot 2 → back of the heel and lower Achilles; under the heel (sole); middle of the calf
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from painmap.contract import VIEW_IDS
from painmap.geometry import site_point, to_side
from painmap.muscle_overlay import muscle_traces
from painmap.overlay import scatter, wrapped, zone_fills
from painmap.render import base_figure, view_title
from painmap.sites import knots, referred_by, site_groups, sites
from painmap.style import INK, PALETTE
from painmap.vocabulary import VIEWS, Kind, Role, Side, check_side, check_view

STEPS = ("muscle", "knot", "pain")
STEP_WORDS = {"muscle": "the muscle", "knot": "the knot", "pain": "the pain"}
PAIN_COLOUR = PALETTE[0]
LEGEND_ROLES = {
    Role.ESSENTIAL: "main pain (where most people feel it)",
    Role.SPILLOVER: "spread (where some also feel it)",
}
SUBTITLE_WIDTH = 58  # characters: the chart often stands in a third of the page
LEGEND_WIDTH = 64
# Legend order: the muscle, its knots, then the pain (traces are drawn in another order).
LEGEND_RANK = {"muscle": 1, Role.ESSENTIAL: 100, Role.SPILLOVER: 110}


def check_step(step: str) -> str:
    """Return ``step`` if it is one of :data:`STEPS`, else raise ValueError naming them."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}; choose one of {', '.join(STEPS)}")
    return step


def chart_views(atlas, pattern_id: str) -> list[str]:
    """The views that tell a pattern: where its knots are first, then where it hurts."""
    zones = atlas.zones[atlas.zones.pattern_id == pattern_id]
    knots = set(zones.view[zones.role == Role.TRIGGER_POINT])
    shown = set(zones.view)
    return [v for v in VIEW_IDS if v in knots] + [v for v in VIEW_IDS if v in shown - knots]


def explainable(atlas, ranked_ids=()) -> list[str]:
    """The trigger points a chart can explain: those of ``ranked_ids`` (e.g. the matches, best
    first) first, then the others by name.

    >>> from painmap import load_atlas
    >>> explainable(load_atlas(), ["plantar_fasciitis", "soleus"])[:2]
    ['soleus', 'abductor_digiti_minimi']
    """
    ids = [p.id for p in atlas.patterns.values() if p.kind == Kind.TRIGGER_POINT]
    first = [i for i in ranked_ids if i in ids]
    rest = sorted((i for i in ids if i not in first), key=lambda i: atlas.patterns[i].name)
    return [*first, *rest]


def views_words(views) -> str:
    """'the back view', 'the inner side and back views'."""
    names = [VIEWS[v].name.lower() for v in VIEW_IDS if v in views]
    if len(names) == 1:
        return f"the {names[0]} view"
    return f"the {', '.join(names[:-1])} and {names[-1]} views"


def _notes(atlas, pattern_id: str, view: str, step: str) -> list[str]:
    """What the view cannot show itself: a muscle or knots drawn on other views, or off it."""
    pattern = atlas.patterns[pattern_id]
    notes = []
    drawn = atlas.muscle_layer().views_of(pattern_id)
    if view not in drawn:
        if pattern.site_off_atlas:
            notes.append(
                f"{pattern.name}: its trigger points lie off this map ({pattern.site_off_atlas})"
            )
        elif drawn:
            notes.append(f"{pattern.name} is drawn on {views_words(drawn)}")
    if step != "muscle":
        for other in VIEW_IDS:
            numbers = [s.number for s in sites(atlas, pattern_id) if s.view == other]
            if numbers and other != view:
                verb = "is" if len(numbers) == 1 else "are"
                notes.append(f"{knots(numbers)} {verb} on {views_words([other])}")
    return notes


def _knot_traces(atlas, pattern_id: str, view: str, side: str, step: str) -> list[dict]:
    """The knots of ``view`` as numbered ×; at the pain step a legend line per group of knots
    that send pain to the same places."""
    traces = []
    for members, line in site_groups(atlas, pattern_id, view):
        points = [to_side(s.point, side) for s in members]
        name = wrapped(line, LEGEND_WIDTH) if step == "pain" else line.split(" → ")[0]
        traces.append(
            scatter(
                x=[p.x for p in points],
                y=[p.y for p in points],
                mode="markers+text",
                text=[f"  {s.number}" for s in members],
                textposition="middle right",
                textfont=dict(size=15, color=INK),
                marker=dict(symbol="x-thin", size=15, line=dict(width=4, color=INK)),
                name=name,
                hoverinfo="skip",
                showlegend=True,
                legendgroup="knots",
                legendrank=10 + members[0].number,
            )
        )
    return traces


def _pain_traces(atlas, pattern_id: str, view: str, side: str):
    zones = atlas.zones[(atlas.zones.pattern_id == pattern_id) & (atlas.zones.view == view)]
    traces, tags = [], []
    # A zone is tagged with its knots only when the knots send pain to different places.
    tagged = len({s.refers for s in sites(atlas, pattern_id)}) > 1
    for role in (Role.SPILLOVER, Role.ESSENTIAL):
        rows = zones[zones.role == role]
        if rows.empty:
            continue
        fills = zone_fills(
            role, list(rows.geometry), side, PAIN_COLOUR, 1.0, LEGEND_ROLES[role], role
        )
        for fill in fills:
            fill["legendrank"] = LEGEND_RANK[role]
        traces.extend(fills)
        for row in rows.itertuples():
            numbers = referred_by(atlas, pattern_id, int(row.zone))
            if not numbers or not tagged:
                continue
            p = site_point(to_side(row.geometry, side))
            tags.append(
                dict(
                    x=p.x,
                    y=p.y,
                    text=f"from {knots(numbers)}",
                    showarrow=False,
                    font=dict(size=11, color=PAIN_COLOUR),
                    bgcolor="rgba(255, 255, 255, 0.85)",
                    bordercolor=PAIN_COLOUR,
                    borderwidth=1,
                    borderpad=2,
                )
            )
    return traces, tags


def legend_names(fig: go.Figure) -> list[str]:
    """The legend's entries in the order it shows them, as read (wrapped lines joined)."""
    shown = sorted((t for t in fig.data if t.showlegend), key=lambda t: t.legendrank or 1000)
    return [html.unescape(t.name.replace("<br>", " ")) for t in shown]


def chart_parts(atlas, pattern_id: str, view: str, side: str = Side.RIGHT, step: str = "pain"):
    """What a trigger point's chart draws on one view, for a figure or a sheet's panel: the
    traces (muscle, pain, knots), the tags on the pain zones (annotations in data
    coordinates) and the notes of what the view cannot show."""
    if pattern_id not in atlas.patterns:
        raise ValueError(f"unknown pattern id {pattern_id!r}")
    check_view(view), check_side(side), check_step(step)
    upto = STEPS[: STEPS.index(step) + 1]
    # The other muscles faintly, for context, only where this one is drawn too.
    drawn = atlas.muscle_layer(side).muscle(pattern_id, view) is not None
    traces = muscle_traces(atlas, view, side, strong=[pattern_id], faint=drawn)
    for trace in traces:
        trace["legendrank"] = LEGEND_RANK["muscle"]
    tags: list[dict] = []
    if "pain" in upto:
        pain, tags = _pain_traces(atlas, pattern_id, view, side)
        traces.extend(pain)
    if "knot" in upto:
        traces.extend(_knot_traces(atlas, pattern_id, view, side, step))
    return traces, tags, _notes(atlas, pattern_id, view, step)


def trigger_point_figure(
    atlas, pattern_id: str, view: str, side: str = Side.RIGHT, step: str = "pain"
) -> go.Figure:
    """One view of a trigger point at one step of :data:`STEPS`: muscle, knot or pain.

    Each step shows what the ones before it showed. The legend names the muscle (and its
    depth), each knot and, at the pain step, where each knot sends pain, and what the main
    pain and the spread look like.
    """
    traces, tags, notes = chart_parts(atlas, pattern_id, view, side, step)
    fig = base_figure(atlas, view, side)
    fig.add_traces(traces)
    # Under the title, wrapped for a narrow column: the view, then what it cannot show.
    lines = "<br>".join(wrapped(line, SUBTITLE_WIDTH) for line in [view_title(view, side), *notes])
    name = atlas.patterns[pattern_id].name
    fig.update_layout(
        title=dict(
            text=f"{name} · {STEP_WORDS[step]}",
            subtitle=dict(text=lines, font=dict(size=12)),
        ),
        margin=dict(t=52 + 16 * max(3, lines.count("<br>"))),  # columns of charts line up
        annotations=[*fig.layout.annotations, *tags],
        showlegend=True,
        legend=dict(
            orientation="h", x=0, y=-0.01, yanchor="top", font=dict(size=12), traceorder="normal"
        ),
    )
    return fig
