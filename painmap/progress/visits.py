"""Before and after: the pain maps of two visits, side by side or on one figure, and in words.

>>> from painmap import Mark, load_atlas
>>> from painmap.session import Session
>>> atlas = load_atlas()
>>> before = Session(items=(Mark("plantar", 13, 58, 8), Mark("plantar", 0, 30, 6)))
>>> after = Session(items=(Mark("plantar", 13, 58, 3),))
>>> for line in changes(atlas, before, after):  # doctest: +NORMALIZE_WHITESPACE
...     print(line)
Marks and areas: 2 then, 1 now.
Pain area 50 % smaller; all of it is where it was.
Painted area 628 mm² (0.3 % of the body drawn) then, 314 mm² (0.1 %) now; overlap of the
  two drawings (Jaccard index, 0 to 1): 0.50.
Strongest pain marked: 8 then, 3 now (out of 10).
Likeliest condition both times: Plantar fasciitis.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime

import plotly.graph_objects as go

from painmap.matching import analyse_session
from painmap.measures import change_words, extent_words, map_drawing, outlines
from painmap.overlay import mark_traces
from painmap.render import figure
from painmap.session import Session
from painmap.vocabulary import ResultList

BEFORE_COLOUR = "#6b7a86"  # slate: the earlier visit recedes, the latest stays in mark red


def _label(when: Date) -> str:
    """A visit's day, and its time when it has one (two visits can share a day)."""
    day = when.strftime("%d %b %Y").lstrip("0")
    return f"{day}, {when:%H:%M}" if isinstance(when, datetime) else day


def visit_figure(atlas, view: str, session: Session, day: Date, role: str) -> go.Figure:
    """One visit's map on ``view``, titled with its role (before or after) and day."""
    fig = figure(atlas, view, session.side, marks=session.items, validate=False)
    fig.update_layout(title=dict(text=f"{role.capitalize()} · {_label(day)}"))
    return fig


def overlaid_figure(
    atlas, view: str, before: Session, after: Session, before_day: Date, after_day: Date
) -> go.Figure:
    """Both visits on one figure of ``view`` (the later visit's side): earlier marks as slate
    rings, later ones in red, each set named in the legend."""
    fig = figure(atlas, view, after.side, validate=False)
    earlier = [m.mirrored() for m in before.items] if before.side != after.side else before.items
    names = {"before": f"Before · {_label(before_day)}", "after": f"After · {_label(after_day)}"}
    # Earlier marks are rings, numbered above, drawn first: a later mark on the same spot sits
    # inside its ring instead of hiding it.
    for trace in mark_traces(view, earlier, colour=BEFORE_COLOUR, name=names["before"]):
        if trace["name"] == names["before"]:
            trace["marker"] = dict(
                size=34, color="rgba(0,0,0,0)", line=dict(color=BEFORE_COLOUR, width=3)
            )
            trace.update(
                textposition="top center",
                showlegend=True,
                textfont=dict(color=BEFORE_COLOUR, size=12),
            )
        fig.add_trace(trace)
    for trace in mark_traces(view, after.items, name=names["after"]):
        trace["showlegend"] = trace["name"] == names["after"]
        fig.add_trace(trace)
    fig.update_layout(title=dict(text=f"{names['before']} and {names['after']}"), showlegend=True)
    return fig


def _strongest(session: Session) -> float | None:
    levels = [m.intensity for m in session.items if m.intensity is not None]
    return max(levels) if levels else None


def area_change(atlas, before: Session, after: Session) -> str | None:
    """How the painted area changed between two visits (each mirrored to the right frame)."""
    drawn = [map_drawing(atlas, s.items, s.side) for s in (before, after)]
    return change_words(*drawn)


def since_words(atlas, day: Date, before: Session, now: Session) -> str | None:
    """One line for the handout: how the pain area changed since the visit of ``day``.

    >>> from painmap import Area, Mark, load_atlas
    >>> then = Session(items=(Area("plantar", ((-20, 20), (20, 20), (20, 70), (-20, 70))),))
    >>> since_words(load_atlas(), Date(2026, 11, 2), then, Session(items=(Mark("plantar", 0, 38),)))
    'Since your visit of 2 Nov 2026: pain area 84 % smaller; all of it is where it was.'
    """
    area = area_change(atlas, before, now)
    return f"Since your visit of {_label(day)}: {area[0].lower()}{area[1:]}" if area else None


def changes(atlas, before: Session, after: Session) -> list[str]:
    """What changed between two visits, in plain sentences: how much was marked, its area
    and where it lies, how strong, and which condition is likeliest."""
    lines = [f"Marks and areas: {len(before.items)} then, {len(after.items)} now."]
    area = area_change(atlas, before, after)
    if area:
        drawn = [map_drawing(atlas, s.items, s.side) for s in (before, after)]
        lines += [area, extent_words(*drawn, outlines(atlas))]
    then, now = _strongest(before), _strongest(after)
    if then is not None and now is not None:
        lines.append(f"Strongest pain marked: {then:g} then, {now:g} now (out of 10).")
    best = []
    for session in (before, after):
        results = analyse_session(atlas, session).ranked(ResultList.CONDITIONS)
        best.append(atlas.patterns[results.iloc[0].id].name if len(results) else "nothing")
    if best[0] == best[1]:
        lines.append(f"Likeliest condition both times: {best[0]}.")
    else:
        lines.append(f"Likeliest condition: {best[0]} then, {best[1]} now.")
    return lines
