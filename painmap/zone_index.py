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

from painmap.contract import VIEW_IDS

ROLES = ("essential", "trigger_point", "spillover")


@dataclass(frozen=True)
class ViewIndex:
    """The zones of one view: geometry, pattern number and role number of each, and a tree."""

    outline: shapely.Polygon
    geometries: np.ndarray
    pattern: np.ndarray
    role: np.ndarray
    area: np.ndarray
    tree: STRtree


@dataclass(frozen=True, eq=False)
class ZoneIndex:
    """Per-view indexes over the zones of the patterns, and the patterns as arrays.

    Pattern numbers index ``patterns``, ``names``, ``kinds`` and the rows of ``profile``
    (symptom weights, one column per id of ``symptoms``).
    """

    patterns: tuple[str, ...]
    names: np.ndarray
    kinds: np.ndarray
    profile: np.ndarray
    symptoms: tuple[str, ...]
    views: dict[str, ViewIndex]


def build_index(zones, outlines: dict[str, shapely.Polygon], patterns, symptoms) -> ZoneIndex:
    """Index a zones frame (pattern_id, view, role, geometry) over the views' outlines.

    ``patterns`` maps id to :class:`~painmap.schema.Pattern`; ``symptoms`` lists symptom ids.
    """
    ids = tuple(dict.fromkeys(zones.pattern_id))
    number = {p: i for i, p in enumerate(ids)}
    column = {s: j for j, s in enumerate(symptoms)}
    profile = np.zeros((len(ids), len(symptoms)))
    for i, pid in enumerate(ids):
        for weight in patterns[pid].symptoms:
            profile[i, column[weight.id]] = weight.weight
    views = {}
    for view in VIEW_IDS:
        geoms, pats, roles = [], [], []
        here = zones[zones.view == view]
        for pid, group in here.groupby("pattern_id", sort=False):
            taken = shapely.Polygon()
            for r, role in enumerate(ROLES):
                shapes = group.geometry[group.role == role]
                if shapes.empty:
                    continue
                # A quarter-millimetre simplification keeps the drawing and makes every
                # distance and overlap measured per click several times cheaper.
                shape = shapely.union_all(list(shapes)).difference(taken).simplify(0.25)
                taken = taken.union(shape)
                if shape.is_empty:
                    continue
                geoms.append(shape)
                pats.append(number[pid])
                roles.append(r)
        geometries = np.array(geoms, dtype=object)
        shapely.prepare(geometries)
        outline = outlines[view]
        shapely.prepare(outline)
        views[view] = ViewIndex(
            outline=outline,
            geometries=geometries,
            pattern=np.array(pats, dtype=np.int64),
            role=np.array(roles, dtype=np.int64),
            area=shapely.area(geometries) if geoms else np.zeros(0),
            tree=STRtree(geometries),
        )
    return ZoneIndex(
        patterns=ids,
        names=np.array([patterns[p].name for p in ids], dtype=object),
        kinds=np.array([patterns[p].kind for p in ids], dtype=object),
        profile=profile,
        symptoms=tuple(symptoms),
        views=views,
    )


@functools.lru_cache(maxsize=4)
def index_for(atlas) -> ZoneIndex:
    """The zone index of an atlas, built on first use."""
    outlines = {v: atlas.view(v).outline for v in VIEW_IDS}
    return build_index(atlas.zones, outlines, atlas.patterns, tuple(atlas.knowledge.symptoms))
