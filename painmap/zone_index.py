"""A spatial index of the atlas's zones, built once per atlas, for fast matching.

Each pattern's zones on a view are merged by role into one geometry, and the roles are made
disjoint (a spot inside the main pain zone is not counted again as spread). All of them go into
one STRtree per view, so a click asks only the few zones within reach.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree

from painmap.vocabulary import CLAIM_ORDER, VIEW_IDS, ZONE_ROLES


@dataclass(frozen=True)
class ViewIndex:
    """The zones of one view: geometry, boundary, pattern number and role of each, and a tree.

    ``role`` holds positions in :data:`painmap.contract.ZONE_ROLES`.
    """

    outline: shapely.Polygon
    geometries: np.ndarray
    boundaries: np.ndarray
    pattern: np.ndarray
    role: np.ndarray
    area: np.ndarray
    tree: STRtree


@dataclass(frozen=True, eq=False)
class ZoneIndex:
    """Per-view indexes over the zones of the patterns; pattern numbers index ``patterns``."""

    patterns: tuple[str, ...]
    views: dict[str, ViewIndex]


def _view_index(zones, outline, number) -> ViewIndex:
    # Grouped in plain Python: a pandas mask per pattern and role took seconds on a large atlas.
    shapes_of: dict[str, dict[str, list]] = {}
    for pid, role, geometry in zip(zones.pattern_id, zones.role, zones.geometry, strict=True):
        shapes_of.setdefault(pid, {}).setdefault(role, []).append(geometry)
    geoms, pats, roles = [], [], []
    for pid, by_role in shapes_of.items():
        taken = shapely.Polygon()
        for role in CLAIM_ORDER:
            if role not in by_role:
                continue
            # A quarter-millimetre simplification keeps the drawing and makes every distance
            # and overlap measured per click several times cheaper.
            shape = shapely.union_all(by_role[role]).difference(taken).simplify(0.25)
            taken = taken.union(shape)
            if shape.is_empty:
                continue
            geoms.append(shape)
            pats.append(number[pid])
            roles.append(ZONE_ROLES.index(role))
    geometries = np.array(geoms, dtype=object)
    boundaries = shapely.boundary(geometries) if geoms else np.zeros(0, dtype=object)
    shapely.prepare(geometries)
    shapely.prepare(outline)
    return ViewIndex(
        outline=outline,
        geometries=geometries,
        boundaries=boundaries,
        pattern=np.array(pats, dtype=np.int64),
        role=np.array(roles, dtype=np.int64),
        area=shapely.area(geometries) if geoms else np.zeros(0),
        tree=STRtree(geometries),
    )


def build_index(zones, outlines: dict[str, shapely.Polygon], pattern_ids) -> ZoneIndex:
    """Index a zones frame (pattern_id, view, role, geometry) over the views' outlines.

    ``pattern_ids`` fixes the numbering; every pattern of ``zones`` must be among them.
    """
    ids = tuple(pattern_ids)
    number = {p: i for i, p in enumerate(ids)}
    views = {v: _view_index(zones[zones.view == v], outlines[v], number) for v in VIEW_IDS}
    return ZoneIndex(patterns=ids, views=views)


@functools.lru_cache(maxsize=4)
def index_for(atlas) -> ZoneIndex:
    """The zone index of an atlas, built on first use."""
    outlines = {v: atlas.view(v).outline for v in VIEW_IDS}
    return build_index(atlas.zones, outlines, tuple(atlas.patterns))
