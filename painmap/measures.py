"""Pain-drawing measures: how much of the body a map covers, and how two maps overlap.

Studies of digital pain drawings compare them by their *extent* (the painted area, and its
share of the body drawn) and by their *location* (the Jaccard index of two drawings: the area
they share over the area either covers). Here a drawing is, per view, the union of every area
drawn and of a disc of :data:`MARK_RADIUS` around every mark, in the right side's frame (a left
map is mirrored first, so both sides measure alike), clipped to the view's outline. Views are
measured apart and summed: the same heel seen from below and from behind counts on each view,
as it does on a paper drawing with several views.

>>> import shapely
>>> outer = {"plantar": shapely.box(0, 0, 20, 20)}
>>> inner = {"plantar": shapely.box(5, 5, 15, 15)}
>>> o = overlap(inner, outer)
>>> o.jaccard, o.first_covered, o.second_covered
(0.25, 1.0, 0.25)
>>> change_words(outer, inner)
'Pain area 75 % smaller; all of it is where it was.'
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import shapely
from shapely import Point, Polygon
from shapely.geometry.base import BaseGeometry

from painmap.contract import VIEW_IDS
from painmap.marks import Area, Mark
from painmap.vocabulary import Role, Side

# A tap says "here", not a point: a fingertip pressed on the skin to show where it hurts covers
# a disc about 2 cm across. A mark counts as that disc.
MARK_RADIUS = 10.0
DISC_SEGMENTS = 32  # per quarter circle: the disc's area is within 0.05 % of pi r²

Shapes = Mapping[str, BaseGeometry]
"""A drawing: its painted shape on each view that has one, in the right side's frame."""


def drawing(
    items: Iterable[Mark | Area],
    side: str = Side.RIGHT,
    bodies: Mapping[str, Polygon] | None = None,
) -> dict[str, BaseGeometry]:
    """The painted shape of ``items`` per view, mirrored to the right frame for a left map,
    and clipped to the outlines in ``bodies`` when given.

    >>> from painmap import Mark
    >>> d = drawing([Mark("plantar", 0, 0)])
    >>> round(d["plantar"].area), round(3.14159 * MARK_RADIUS**2)
    (314, 314)
    >>> drawing([Mark("plantar", -5, 0)], "left")["plantar"].centroid.x
    5.0
    """
    parts: dict[str, list[BaseGeometry]] = defaultdict(list)
    for item in items:
        item = item.to_right(side)
        if isinstance(item, Mark):
            parts[item.view].append(Point(item.x, item.y).buffer(MARK_RADIUS, DISC_SEGMENTS))
        else:
            parts[item.view].append(item.polygon)
    shapes = {}
    for view, pieces in parts.items():
        shape = shapely.union_all(pieces)
        if bodies is not None:
            shape = shape.intersection(bodies[view])
        if not shape.is_empty:
            shapes[view] = shape
    return shapes


def outlines(atlas) -> dict[str, Polygon]:
    """Each view's outline, right side."""
    return {view: atlas.view(view).outline for view in VIEW_IDS}


def map_drawing(atlas, items: Iterable[Mark | Area], side: str = Side.RIGHT) -> dict:
    """The drawing of a pain map on the atlas: marks and areas, clipped to the body."""
    return drawing(items, side, outlines(atlas))


@dataclass(frozen=True)
class Extent:
    """How much a drawing covers: mm² per view and in all, and the share of the outlines."""

    area: Mapping[str, float]
    share: Mapping[str, float]
    total_area: float
    total_share: float


def extent(shapes: Shapes, bodies: Mapping[str, Polygon]) -> Extent:
    """The extent of ``shapes`` on the views of ``bodies`` (each view's outline).

    >>> e = extent({"plantar": shapely.box(0, 0, 10, 10)}, {"plantar": shapely.box(0, 0, 20, 20),
    ...                                                     "dorsal": shapely.box(0, 0, 20, 20)})
    >>> e.area["plantar"], e.share["plantar"], e.total_area, e.total_share
    (100.0, 0.25, 100.0, 0.125)
    """
    area = {view: shapes[view].area if view in shapes else 0.0 for view in bodies}
    share = {view: area[view] / bodies[view].area for view in bodies}
    total = sum(area.values())
    return Extent(area, share, total, total / sum(b.area for b in bodies.values()))


@dataclass(frozen=True)
class Overlap:
    """Where two drawings meet: the area they share, and each one's own area (mm²)."""

    shared: float
    combined: float
    first: float
    second: float

    @property
    def jaccard(self) -> float:
        """Shared over combined area: 1 for the same drawing, 0 when they never meet."""
        return self.shared / self.combined if self.combined else 0.0

    @property
    def first_covered(self) -> float:
        """The share of the first drawing that the second covers."""
        return self.shared / self.first if self.first else 0.0

    @property
    def second_covered(self) -> float:
        """The share of the second drawing that the first covers."""
        return self.shared / self.second if self.second else 0.0


def overlap(first: Shapes, second: Shapes) -> Overlap:
    """How ``first`` and ``second`` overlap, summed over the views either has."""
    shared = combined = 0.0
    for view in set(first) | set(second):
        a, b = first.get(view), second.get(view)
        if a is not None and b is not None:
            shared += a.intersection(b).area
            combined += a.union(b).area
        else:
            combined += (a if a is not None else b).area
    area = sum(s.area for s in first.values()), sum(s.area for s in second.values())
    return Overlap(shared, combined, *area)


@functools.lru_cache(maxsize=256)
def main_zone(atlas, pattern_id: str) -> dict[str, BaseGeometry]:
    """A pattern's main pain (essential) zone per view, right side."""
    rows = atlas.zones[
        (atlas.zones.pattern_id == pattern_id) & (atlas.zones.role == Role.ESSENTIAL)
    ]
    return {view: shapely.union_all(list(group.geometry)) for view, group in rows.groupby("view")}


def zone_cover(atlas, items: Iterable[Mark | Area], side: str, pattern_id: str) -> float:
    """The share of ``pattern_id``'s main pain zone that the map's drawing covers."""
    return overlap(main_zone(atlas, pattern_id), map_drawing(atlas, items, side)).first_covered


def percent(share: float) -> str:
    """A share as whole percent: ``percent(0.523)`` gives ``'52 %'``."""
    return f"{round(share * 100)} %"


def cover_words(name: str, share: float) -> str:
    """The sentence for a pattern's detail: how much of its main zone the drawing covers.

    >>> cover_words("Soleus", 0.523)
    'Your drawing covers 52 % of the main pain zone of Soleus.'
    """
    return f"Your drawing covers {percent(share)} of the main pain zone of {name}."


def extent_words(before: Shapes, after: Shapes, bodies: Mapping[str, Polygon]) -> str:
    """The two drawings' extents and their overlap, in figures, for a clinician.

    >>> body = {"plantar": shapely.box(0, 0, 100, 100)}
    >>> outer = {"plantar": shapely.box(0, 0, 20, 20)}
    >>> inner = {"plantar": shapely.box(5, 5, 15, 15)}
    >>> extent_words(outer, inner, body)  # doctest: +NORMALIZE_WHITESPACE
    'Painted area 400 mm² (4.0 % of the body drawn) then, 100 mm² (1.0 %) now; overlap of the
     two drawings (Jaccard index, 0 to 1): 0.25.'
    """
    then, now = extent(before, bodies), extent(after, bodies)
    jaccard = overlap(before, after).jaccard
    return (
        f"Painted area {then.total_area:,.0f} mm² ({then.total_share:.1%} of the body drawn) "
        f"then, {now.total_area:,.0f} mm² ({now.total_share:.1%}) now; overlap of the two "
        f"drawings (Jaccard index, 0 to 1): {jaccard:.2f}."
    ).replace("%", " %")


def change_words(before: Shapes, after: Shapes) -> str | None:
    """How the painted area changed between two drawings, and how much of it stayed put;
    None when neither has any."""
    then, now = (sum(s.area for s in d.values()) for d in (before, after))
    if not then and not now:
        return None
    if not then:
        return f"Pain area: none marked then, {now:,.0f} mm² now."
    if not now:
        return f"No pain area marked now ({then:,.0f} mm² then)."
    change = round((now - then) / then * 100)
    size = "about the same size"
    if change:
        size = f"{abs(change)} % {'smaller' if change < 0 else 'larger'}"
    stayed = overlap(after, before).first_covered
    where = "all of it" if round(stayed * 100) == 100 else percent(stayed) + " of it"
    return f"Pain area {size}; {where} is where it was."
