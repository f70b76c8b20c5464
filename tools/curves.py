"""Curves for the drawing tools: smooth curves through control points, bands along a line.

Everything is in millimetres of the reference foot, x to the right, y up.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely import LineString, Point, Polygon


def spline(points, closed=False, per_segment=12):
    """Centripetal Catmull-Rom curve through ``points``, as a list of (x, y).

    It passes through every point and never overshoots, so a control point is where the
    drawing goes.
    """
    p = np.asarray(points, dtype=float)
    if len(p) < 3:
        return [tuple(map(float, q)) for q in p]
    if closed:
        p = np.vstack([p[-1], p, p[0], p[1]])
    else:
        p = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        t0 = 0.0
        t1 = t0 + max(np.linalg.norm(p1 - p0), 1e-6) ** 0.5
        t2 = t1 + max(np.linalg.norm(p2 - p1), 1e-6) ** 0.5
        t3 = t2 + max(np.linalg.norm(p3 - p2), 1e-6) ** 0.5
        for t in np.linspace(t1, t2, per_segment, endpoint=False):
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append(tuple((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2))
    if not closed:
        out.append(tuple(p[-2]))
    return out


def ellipse(cx, cy, rx, ry, angle=0.0, n=36):
    """An ellipse of n points centred on (cx, cy), turned by ``angle`` degrees."""
    a = math.radians(angle)
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    return pts


def mirror_x(points):
    """Points mirrored in x (the right foot's drawing seen from its other side)."""
    return [(-x, y) for x, y in points]


def blob(points, per_segment=8) -> Polygon:
    """A smooth closed shape through ``points``, as a valid Polygon."""
    return shapely.make_valid(Polygon(spline(points, closed=True, per_segment=per_segment)))


def band(centre, widths, per_segment=10) -> Polygon:
    """A smooth band along the line ``centre``, ``widths[i]`` mm wide at ``centre[i]``.

    Tendons and strap-like muscles are drawn this way: a line where the anatomy runs, and how
    wide it is along the way.
    """
    line = np.asarray(spline(centre, per_segment=per_segment))
    knots = np.asarray(centre, dtype=float)
    # Width at each point of the smooth line: interpolated by distance along the control line.
    along = np.concatenate([[0], np.cumsum(np.linalg.norm(np.diff(knots, axis=0), axis=1))])
    here = np.concatenate([[0], np.cumsum(np.linalg.norm(np.diff(line, axis=0), axis=1))])
    width = np.interp(here / here[-1] * along[-1], along, widths)
    tangent = np.gradient(line, axis=0)
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]])
    normal /= np.linalg.norm(normal, axis=1, keepdims=True)
    left = line + normal * (width[:, None] / 2)
    right = line - normal * (width[:, None] / 2)
    body = shapely.make_valid(Polygon(np.vstack([left, right[::-1]])))
    caps = [Point(line[0]).buffer(width[0] / 2), Point(line[-1]).buffer(width[-1] / 2)]
    return shapely.union_all([body, *caps])  # rounded ends, as a tendon or muscle tapers


def ring(shape) -> list[tuple[float, float]]:
    """The outer ring of a (multi)polygon's largest part, as points."""
    parts = getattr(shape, "geoms", [shape])
    biggest = max(parts, key=lambda g: g.area)
    return [tuple(p) for p in biggest.exterior.coords[:-1]]


def polyline(points) -> LineString:
    """A smooth open line through ``points``."""
    return LineString(spline(points))
