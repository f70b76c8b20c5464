"""A pain mark: a spot a person pointed at, on one view, in that side's own frame.

>>> Mark("plantar", 13, 58)
Mark(view='plantar', x=13.0, y=58.0, intensity=None)
>>> Mark("plantar", float("nan"), 2)
Traceback (most recent call last):
...
ValueError: mark coordinates must be finite numbers, got (nan, 2)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import shapely
from shapely import Polygon

from painmap.vocabulary import Side, check_view

MAX_NOTE = 2000  # characters: a paragraph, not a document
# An area's points read, from a finger, a file or a link: a finger's stroke has a few hundred,
# and mending a self-crossing outline costs time that grows faster than its points.
MAX_AREA_POINTS = 2000
AREA_POINTS = 120  # vertices an area's shape keeps once simplified: its shape, not its jitter


def check_note(value) -> str:
    """``value`` as a note: text of at most MAX_NOTE characters, kept exactly as written."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"a note must be text, got {type(value).__name__}")
    if len(value) > MAX_NOTE:
        raise ValueError(f"a note holds at most {MAX_NOTE} characters, this one {len(value)}")
    return value


def check_intensity(value) -> float | None:
    """``value`` as a pain intensity from 0 to 10, or None; ValueError otherwise."""
    if value is None:
        return None
    try:
        level = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"intensity must be a number from 0 to 10, got {value!r}") from None
    if not 0 <= level <= 10:  # also refuses NaN
        raise ValueError(f"intensity must be from 0 to 10, got {value}")
    return level


@dataclass(frozen=True)
class Mark:
    """A point of pain on ``view`` at (x, y) mm; ``intensity`` 0 to 10 when given; a note."""

    view: str
    x: float
    y: float
    intensity: float | None = None
    note: str = field(default="", repr=False)

    def __post_init__(self):
        check_view(self.view)
        object.__setattr__(self, "note", check_note(self.note))
        try:
            x, y = float(self.x), float(self.y)
        except (TypeError, ValueError):
            raise ValueError(
                f"mark coordinates must be numbers, got ({self.x!r}, {self.y!r})"
            ) from None
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError(f"mark coordinates must be finite numbers, got ({self.x}, {self.y})")
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "intensity", check_intensity(self.intensity))

    @classmethod
    def at(cls, atlas, view: str, landmark: str, side: str = Side.RIGHT, intensity=None) -> Mark:
        """A mark on a named landmark of ``view``, for ``side``; ValueError if there is none."""
        try:
            x, y = atlas.view(view, side).landmark_xy(landmark)
        except KeyError as err:
            raise ValueError(err.args[0]) from None
        return cls(view, x, y, intensity)

    def mirrored(self) -> Mark:
        """The same spot on the other side (the sides' frames are mirror images in x)."""
        return replace(self, x=-self.x)

    def to_right(self, side: str) -> Mark:
        """This mark, given in ``side``'s own frame, as it lies on the right side's atlas."""
        return self if side == Side.RIGHT else self.mirrored()


def simplified(polygon: Polygon):
    """``polygon`` simplified to at most :data:`AREA_POINTS` vertices, then made valid (a
    self-crossing outline mended). Simplified first: mending costs time that grows with the
    square of the crossings, and a zig-zag of 2,000 points has a million.

    >>> import numpy as np
    >>> t = np.linspace(0, 2 * np.pi, 1000, endpoint=False)
    >>> ring = Polygon(np.c_[20 * np.cos(t), 20 * np.sin(t)])
    >>> len(simplified(ring).exterior.coords) <= AREA_POINTS
    True
    """
    ring, tolerance = polygon.exterior, 0.5
    while len(ring.coords) > AREA_POINTS:
        ring = ring.simplify(tolerance, preserve_topology=False)
        tolerance *= 2
    if len(ring.coords) < 4:
        return Polygon()
    shape = shapely.make_valid(Polygon(ring)).buffer(0)
    while shapely.get_num_coordinates(shape) > AREA_POINTS:  # mending can add vertices
        shape = shape.simplify(tolerance)
        tolerance *= 2
    return shape


@dataclass(frozen=True)
class Area:
    """A painful area drawn on ``view`` (lasso or box): a polygon of (x, y) mm points.

    >>> round(Area("plantar", ((0, 0), (10, 0), (10, 10))).polygon.area)
    50
    """

    view: str
    points: tuple[tuple[float, float], ...]
    intensity: float | None = None
    note: str = field(default="", repr=False)
    shape: Polygon = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        check_view(self.view)
        object.__setattr__(self, "note", check_note(self.note))
        if len(self.points) > MAX_AREA_POINTS:
            raise ValueError(
                f"an area holds at most {MAX_AREA_POINTS:,} points, this one {len(self.points):,}"
            )
        try:
            points = tuple((float(x), float(y)) for x, y in self.points)
        except (TypeError, ValueError):
            raise ValueError("an area's points must be pairs of numbers") from None
        if len(points) < 3:
            raise ValueError(f"an area needs at least 3 points, got {len(points)}")
        if not all(math.isfinite(v) for p in points for v in p):
            raise ValueError("an area's points must be finite numbers")
        object.__setattr__(self, "points", points)
        object.__setattr__(self, "intensity", check_intensity(self.intensity))
        object.__setattr__(self, "shape", simplified(Polygon(points)))
        if self.shape.area <= 0:
            raise ValueError("an area must enclose some surface (its points are in a line)")

    @property
    def polygon(self) -> Polygon:
        """The area as a valid polygon (a self-crossing lasso is mended, not refused), made
        once when the area is."""
        return self.shape

    def mirrored(self) -> Area:
        """The same area on the other side (the sides' frames are mirror images in x)."""
        return replace(self, points=tuple((-x, y) for x, y in self.points))

    def to_right(self, side: str) -> Area:
        """This area, given in ``side``'s own frame, as it lies on the right side's atlas."""
        return self if side == Side.RIGHT else self.mirrored()


def numbered(items) -> list[tuple[int, Mark | Area]]:
    """Each mark and area with its number: marks and areas are numbered apart, in the order
    given, over all views. The one numbering the reasons, the map and the exports use.

    >>> heel = Area("plantar", ((-9, 20), (9, 20), (0, 40)))
    >>> items = [Mark("plantar", 0, 40), heel, Mark("dorsal", 0, 50)]
    >>> [mark_name(n, item) for n, item in numbered(items)]
    ['Mark 1', 'Area 1', 'Mark 2']
    """
    counts, out = {Mark: 0, Area: 0}, []
    for item in items:
        counts[type(item)] += 1
        out.append((counts[type(item)], item))
    return out


def mark_label(n: int, item: Mark | Area) -> str:
    """How the map labels it: '2' for a mark, 'A1' for an area."""
    return str(n) if isinstance(item, Mark) else f"A{n}"


def mark_name(n: int, item: Mark | Area) -> str:
    """How a sentence names it: 'Mark 2', 'Area 1'."""
    return f"{'Mark' if isinstance(item, Mark) else 'Area'} {n}"
