"""Geometry helpers shared by the atlas, the zones and the matcher.

The atlas is drawn for the right side only; the left side is the mirror image in x, so a
point, a shape or a whole view changes side by negating x.

>>> from shapely import Point
>>> mirror(Point(12, 40)).coords[0]
(-12.0, 40.0)
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from painmap.vocabulary import Side


def mirror(geometry: BaseGeometry) -> BaseGeometry:
    """The mirror image of ``geometry`` in x (right side to left, and back)."""
    return shapely.transform(geometry, lambda xy: xy * np.array([-1.0, 1.0]))


def to_side(geometry: BaseGeometry, side: str) -> BaseGeometry:
    """``geometry`` drawn in the right side's frame, as it lies for ``side``."""
    return geometry if side == Side.RIGHT else mirror(geometry)


def site_point(geometry: BaseGeometry) -> shapely.Point:
    """Where a zone's mark is drawn (a trigger point's ×): its middle, or a point surely inside.

    >>> site_point(shapely.box(0, 0, 4, 2)).coords[0]
    (2.0, 1.0)
    """
    centre = geometry.centroid
    return centre if geometry.contains(centre) else geometry.representative_point()


def coords_xy(geometry: BaseGeometry) -> tuple[list[float | None], list[float | None]]:
    """x and y lists of a geometry's outline(s) for plotting, parts separated by ``None``.

    >>> coords_xy(shapely.box(0, 0, 1, 1))[0][:3]
    [1.0, 1.0, 0.0]
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for part in getattr(geometry, "geoms", [geometry]):
        rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
        for ring in rings:
            if xs:
                xs.append(None)
                ys.append(None)
            x, y = ring.xy
            xs.extend(float(v) for v in x)
            ys.extend(float(v) for v in y)
    return xs, ys
