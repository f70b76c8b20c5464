"""What a tap, a drawn area or a tap on a mark does to a map: the rules, as pure functions.

The map component draws a mark where the finger lands at once and sends its events to
Python, each with a sequence number; every event not yet answered comes again with the next
one. :func:`apply_events` applies those after ``acked`` exactly once, in order: a tap on the
body adds a mark (or, on an existing mark, selects it), a tap just off the body says so, a
drawn area is simplified and kept, a double tap cancels the tap it began with, the Delete key
removes a mark, and no map holds more than :data:`MAX_MARKS` marks and areas.

>>> from painmap import load_atlas
>>> atlas = load_atlas()
>>> tap = {"seq": 1, "kind": "tap", "x": 13, "y": 58}
>>> state = apply_events(atlas, MapState(), "plantar", "right", [tap])
>>> state.items, state.acked
((Mark(view='plantar', x=13.0, y=58.0, intensity=None),), 1)
>>> off = {"seq": 2, "kind": "tap", "x": 52, "y": 130}
>>> apply_events(atlas, state, "plantar", "right", [off]).notice
'That is just off the foot: tap on the drawing.'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import shapely

from painmap.links import MAX_MARKS, SAME_SPOT_MM
from painmap.marks import MAX_AREA_POINTS, Area, Mark, simplified
from painmap.vocabulary import DORSAL, PLANTAR

ON_BODY_MM = 3.0  # a tap this close outside the outline is still on the body
NEAR_BODY_MM = 25.0  # a tap further off is not aimed at the body: nothing to say
MAX_EVENTS = 20  # events read from one message: the component resends at most this many
LIMIT = f"A map holds at most {MAX_MARKS} marks and areas; remove some first."
OFF_BODY = {
    PLANTAR: "That is just off the foot: tap on the drawing.",
    DORSAL: "That is just off the foot: tap on the drawing.",
}
OFF_LEG = "That is just off the leg: tap on the drawing."


@dataclass(frozen=True)
class MapState:
    """The map's marks and areas in order, the last event applied, the mark selected (an index
    into ``items``), a notice for the person, and which mark each recent tap made."""

    items: tuple[Mark | Area, ...] = ()
    acked: int = 0
    selected: int | None = None
    notice: str | None = None
    made_by: tuple[tuple[int, int], ...] = field(default=(), repr=False)  # (seq, index)


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def simplified_area(view: str, points, outline) -> Area | None:
    """A drawn area as a valid, simplified polygon on the body, or None when it encloses
    nothing there; at most :data:`painmap.marks.AREA_POINTS` vertices are kept."""
    xy = [(_number(p[0]), _number(p[1])) for p in points[:MAX_AREA_POINTS] if len(p) == 2]
    xy = [(x, y) for x, y in xy if x is not None and y is not None]
    if len(xy) < 3:
        return None
    shape = shapely.make_valid(shapely.Polygon(xy)).buffer(0).intersection(outline)
    if shape.is_empty or shape.area < 1.0:
        return None
    if shape.geom_type != "Polygon":
        shape = max(getattr(shape, "geoms", [shape]), key=lambda g: g.area)
    shape = simplified(shape)
    if shape.is_empty or shape.geom_type != "Polygon":
        return None
    coords = tuple((round(x, 1), round(y, 1)) for x, y in shape.exterior.coords[:-1])
    return Area(view, coords) if len(coords) >= 3 else None


def _tap(state: MapState, atlas, view, side, x, y, seq) -> MapState:
    vmap = atlas.view(view, side)
    distance = vmap.outline.distance(shapely.Point(x, y))
    if distance > ON_BODY_MM:
        words = OFF_BODY.get(view, OFF_LEG) if distance <= NEAR_BODY_MM else None
        return replace(state, notice=words)
    for index, item in enumerate(state.items):
        same = isinstance(item, Mark) and item.view == view
        if same and math.hypot(item.x - x, item.y - y) <= SAME_SPOT_MM:
            return replace(state, selected=index, notice=None)
    if len(state.items) >= MAX_MARKS:
        return replace(state, notice=LIMIT)
    index = len(state.items)
    made = (*state.made_by[-(MAX_EVENTS - 1) :], (seq, index))
    return replace(
        state, items=(*state.items, Mark(view, x, y)), selected=None, notice=None, made_by=made
    )


def _cancel(state: MapState, of) -> MapState:
    index = dict(state.made_by).get(of)
    if index is None or index >= len(state.items):
        return state
    items = tuple(m for i, m in enumerate(state.items) if i != index)
    made = tuple((s, i if i < index else i - 1) for s, i in state.made_by if s != of)
    return replace(state, items=items, made_by=made, selected=None)


def apply_events(atlas, state: MapState, view: str, side: str, events) -> MapState:
    """``state`` after the events (dicts from the component) it has not applied yet.

    Malformed events are skipped, never raised: they come from a browser.
    """
    if not isinstance(events, list):
        return state
    fresh = [e for e in events[-MAX_EVENTS:] if isinstance(e, dict)]
    fresh = sorted((e for e in fresh if isinstance(e.get("seq"), int)), key=lambda e: e["seq"])
    for event in fresh:
        seq = event["seq"]
        if seq <= state.acked:
            continue
        state = replace(state, acked=seq, notice=None)
        kind = event.get("kind")
        if kind == "tap":
            x, y = _number(event.get("x")), _number(event.get("y"))
            if x is not None and y is not None:
                state = _tap(state, atlas, view, side, x, y, seq)
        elif kind == "area":
            points = event.get("points")
            if not isinstance(points, list):
                continue
            if len(state.items) >= MAX_MARKS:
                state = replace(state, notice=LIMIT)
                continue
            outline = atlas.view(view, side).outline
            area = simplified_area(view, [p for p in points if isinstance(p, list)], outline)
            if area is None:
                state = replace(state, notice="That area lies off the body: draw on the drawing.")
            else:
                state = replace(state, items=(*state.items, area), selected=None)
        elif kind == "select":
            index = event.get("index")
            if isinstance(index, int) and 0 <= index < len(state.items):
                state = replace(state, selected=index)
        elif kind == "cancel":
            state = _cancel(state, event.get("of"))
        elif kind == "remove":
            index = event.get("index")
            if isinstance(index, int) and 0 <= index < len(state.items):
                items = tuple(m for i, m in enumerate(state.items) if i != index)
                state = replace(state, items=items, selected=None, made_by=())
    return state
