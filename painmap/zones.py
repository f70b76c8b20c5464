"""Zones on the atlas, built from a pattern's recipes and the views' landmarks.

A recipe names landmarks (or moves them by dx, dy mm, or gives plain coordinates); the points
are joined as a convex hull or a path, widened by a radius and clipped to the view's outline.
Built from landmarks, a zone stays anatomically anchored when an outline is redrawn.

>>> import shapely
>>> from painmap.schema import ZoneSpec
>>> outline = shapely.box(-50, 0, 50, 260)
>>> spec = ZoneSpec(view="plantar", role="essential", points=[(0, 10)], radius=5)
>>> round(zone_shape(spec, {}, outline).area)
78
"""

from __future__ import annotations

import shapely
from shapely import LineString, MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry

from painmap.schema import Offset, ZoneSpec

# A zone is drawn mostly on the body; a recipe whose shape falls mostly outside the outline
# is a mistake (a wrong landmark, an offset of the wrong sign), not a zone to clip quietly.
MIN_INSIDE = 0.5


def resolve(point, landmarks) -> tuple[float, float]:
    """The (x, y) of one recipe point; KeyError for an unknown landmark."""
    if isinstance(point, str):
        p = landmarks[point]
        return (p.x, p.y)
    if isinstance(point, Offset):
        p = landmarks[point.at]
        return (p.x + point.dx, p.y + point.dy)
    return (float(point[0]), float(point[1]))


def raw_shape(spec: ZoneSpec, landmarks) -> BaseGeometry:
    """The zone before clipping: the points joined and widened by the radius."""
    xy = [resolve(p, landmarks) for p in spec.points]
    if len(xy) == 1:
        core = Point(xy[0])
    elif spec.join == "path":
        core = LineString(xy)
    else:
        core = MultiPoint(xy).convex_hull
    return core.buffer(spec.radius, quad_segs=12)


def zone_shape(spec: ZoneSpec, landmarks, outline: Polygon) -> BaseGeometry:
    """The zone clipped to the outline, made valid."""
    return shapely.make_valid(raw_shape(spec, landmarks).intersection(outline))


def inside_fraction(spec: ZoneSpec, landmarks, outline: Polygon) -> float:
    """How much of the unclipped zone lies on the body (0 to 1)."""
    shape = raw_shape(spec, landmarks)
    return shape.intersection(outline).area / shape.area
