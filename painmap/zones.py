"""Zones on the atlas, built from a pattern's recipes and the views' landmarks.

A recipe names landmarks (or moves them by dx, dy mm, or gives plain coordinates); the points
are joined as a convex hull or a path, widened by a radius and clipped to the view's outline.
Built from landmarks, a zone stays anatomically anchored when an outline is redrawn.

Referral maps are drawn by hand with irregular edges, not as capsules: the widened shape's edge
is moved out by a smooth ripple (at most :data:`RIPPLE` of the radius, the same for the same
recipe every time), and clipping to the outline makes it follow the body's contour.

>>> import shapely
>>> from painmap.schema import ZoneSpec
>>> outline = shapely.box(-50, 0, 50, 260)
>>> spec = ZoneSpec(view="plantar", role="essential", points=[(0, 10)], radius=5)
>>> 78 < zone_shape(spec, {}, outline).area < 100  # a disc of radius 5, its edge rippled out
True
"""

from __future__ import annotations

import functools
import zlib

import numpy as np
import shapely
from shapely import LineString, MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry

from painmap.schema import Offset, ZoneSpec

# A zone is drawn mostly on the body; a recipe whose shape falls mostly outside the outline
# is a mistake (a wrong landmark, an offset of the wrong sign), not a zone to clip quietly.
MIN_INSIDE = 0.5
# How far a zone's edge ripples out, as a share of its radius, and at most in mm.
RIPPLE, RIPPLE_MM = 0.15, 2.5
SIMPLIFY_MM = 0.2  # a zone is drawn and matched no finer than this


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
    return _drawn(tuple(resolve(p, landmarks) for p in spec.points), spec.radius, spec.join)


# Shapely geometries are immutable, so one drawing serves every zone drawn from the same points:
# the check that a zone lies on the body and the clipped zone, and each atlas read again.
@functools.lru_cache(maxsize=2048)
def _drawn(xy: tuple[tuple[float, float], ...], radius: float, join: str) -> BaseGeometry:
    if len(xy) == 1:
        core = Point(xy[0])
    elif join == "path":
        core = LineString(xy)
    else:
        core = MultiPoint(xy).convex_hull
    seed = zlib.crc32(repr((list(xy), radius, join)).encode())
    return ripple(core.buffer(radius, quad_segs=12), radius, seed)


def ripple(shape: Polygon, radius: float, seed: int) -> BaseGeometry:
    """``shape`` with its edge moved out along its normal by a smooth, seeded ripple (three
    waves round the edge), so it reads as drawn by hand. The edge only ever moves outwards, by
    0 to :data:`RIPPLE` of ``radius``: every point the recipe covers stays covered.

    >>> disc = Point(0, 0).buffer(10)
    >>> wavy = ripple(disc, 10, seed=1)
    >>> wavy.contains(disc.buffer(-0.01)), wavy.equals(ripple(disc, 10, seed=1))
    (True, True)
    """
    ring = shapely.segmentize(shape.exterior, 1.5)
    xy = np.asarray(ring.coords)[:-1]
    if not ring.is_ccw:
        xy = xy[::-1]
    step = np.linalg.norm(np.roll(xy, -1, axis=0) - xy, axis=1)
    s = np.concatenate([[0], np.cumsum(step)[:-1]]) / step.sum()
    rng = np.random.default_rng(seed)
    amplitude = min(RIPPLE * radius, RIPPLE_MM)
    wave = sum(
        a * np.sin(2 * np.pi * (k * s + rng.random())) for k, a in ((2, 0.5), (3, 0.3), (5, 0.2))
    )
    tangent = np.roll(xy, -1, axis=0) - np.roll(xy, 1, axis=0)
    normal = np.column_stack(
        [tangent[:, 1], -tangent[:, 0]]
    )  # outward: the ring runs anticlockwise
    normal /= np.linalg.norm(normal, axis=1, keepdims=True)
    outward = (wave - wave.min()) / (np.ptp(wave) or 1.0)  # 0 to 1: the edge only ever grows
    # Out by at least the 0.2 mm the drawing is simplified by, so the recipe stays covered.
    moved = Polygon(xy + normal * (SIMPLIFY_MM + 0.05 + amplitude * outward)[:, None])
    return shapely.make_valid(moved).buffer(0).simplify(SIMPLIFY_MM)


def zone_shape(spec: ZoneSpec, landmarks, outline: Polygon) -> BaseGeometry:
    """The zone clipped to the outline, made valid."""
    return shapely.make_valid(raw_shape(spec, landmarks).intersection(outline))


def inside_fraction(spec: ZoneSpec, landmarks, outline: Polygon) -> float:
    """How much of the unclipped zone lies on the body (0 to 1)."""
    shape = raw_shape(spec, landmarks)
    return shape.intersection(outline).area / shape.area
