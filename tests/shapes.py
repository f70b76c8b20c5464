"""Named test shapes with answers known by hand, in one place (millimetres, one view each)."""

from __future__ import annotations

import math

import shapely

R = 10.0  # the discs' radius

OUTER_SQUARE = {"plantar": shapely.box(0, 0, 20, 20)}  # 400 mm²
INNER_SQUARE = {"plantar": shapely.box(5, 5, 15, 15)}  # 100 mm², wholly inside the outer one
LEFT_HALF = {"plantar": shapely.box(0, 0, 10, 10)}
SHIFTED_HALF = {"plantar": shapely.box(5, 0, 15, 10)}  # half of it over LEFT_HALF
FAR_SQUARE = {"plantar": shapely.box(100, 100, 110, 110)}  # meets none of the others
SAME_SQUARE_ELSEWHERE = {"posterior": shapely.box(5, 5, 15, 15)}  # INNER_SQUARE on another view

# Two discs of radius R whose centres lie one radius apart: each centre on the other's rim.
DISC_A = {"plantar": shapely.Point(0, 0).buffer(R, 256)}
DISC_B = {"plantar": shapely.Point(R, 0).buffer(R, 256)}
LENS = R**2 * (2 * math.pi / 3 - math.sqrt(3) / 2)  # their shared area, by the circle-lens formula
DISC = math.pi * R**2
