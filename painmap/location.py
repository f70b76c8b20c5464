"""Where it hurts, as evidence: a likelihood ratio per pattern for each mark and drawn area.

A mark inside a zone multiplies the pattern's odds by the zone role's ratio (``data/model.yaml``:
main pain zone, trigger-point site, spread zone). People do not point to the millimetre, so the
zone is blurred by how precisely they point: a Gaussian of ``sigma_mm``. At a signed distance
``s`` from the zone's edge (positive inside) the mark counts ``Phi(s / sigma)`` of the way from
1 to the role's ratio: half at the edge, nearly all deep inside, fading outside, and nothing
(a ratio of exactly 1) beyond ``reach_mm``. A pattern takes its best zone for each mark.

A drawn area counts by overlap both ways, as the harmonic mean of the share of the area its
zones explain (each role weighted by its ratio) and the share of its main zone that is painful.

>>> phi(0.0), round(phi(1.0), 3)
(0.5, 0.841)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely

from painmap.vocabulary import ROLE_ZONE_WORDS, ZONE_ROLES, Role

# The index holds each zone's role as its position in ZONE_ROLES (numpy arrays of numbers).
ESSENTIAL = ZONE_ROLES.index(Role.ESSENTIAL)
SITE = ZONE_ROLES.index(Role.TRIGGER_POINT)
EXPLAINS_SIGMAS = 2  # a mark explains a pattern whose zone lies within two pointing errors
AREA_EXPLAINS = 0.25  # the overlap (harmonic mean of both shares) from which an area is explained


def phi(z: float) -> float:
    """The standard normal cumulative distribution at ``z``."""
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


@dataclass(frozen=True)
class ItemEvidence:
    """What one mark or area on the body says for every pattern (dense arrays by number).

    ``ratio`` is each pattern's likelihood ratio (1 where it says nothing); ``explains`` marks
    the patterns that account for the item. ``describe(numbers)`` gives the reason text for
    each of those patterns, None for the others.
    """

    label: str
    weight: float
    ratio: np.ndarray
    explains: np.ndarray
    describe: Callable[[np.ndarray], list[str | None]]


def _point_zones(vindex, x: float, y: float, reach: float):
    """The zones within ``reach`` of (x, y): their numbers and signed distances (mm)."""
    box = shapely.box(x - reach, y - reach, x + reach, y + reach)
    hits = vindex.tree.query(box)  # envelopes only: distances are measured once, below
    point = shapely.Point(x, y)
    outside = shapely.distance(vindex.geometries[hits], point)
    near = outside <= reach
    hits, outside = hits[near], outside[near]
    inside = outside == 0
    depth = np.zeros(len(hits))
    if inside.any():
        depth[inside] = shapely.distance(vindex.boundaries[hits[inside]], point)
    return hits, np.where(inside, depth, -outside)


def point_evidence(profiles, vindex, label: str, on: str, weight: float, x: float, y: float):
    """The evidence of a mark at (x, y) on one view (right side's frame)."""
    location = profiles.location
    n = len(profiles.patterns)
    ratio, explains = np.ones(n), np.zeros(n, dtype=bool)
    roles, signed = np.zeros(n, dtype=np.int64), np.zeros(n)
    hits, s = _point_zones(vindex, x, y, location.reach_mm)
    if len(hits):
        role = vindex.role[hits]
        blur = np.array([phi(v / location.sigma_mm) for v in s.tolist()])
        value = 1.0 + (profiles.role_lr[role] - 1.0) * blur
        patterns = vindex.pattern[hits]
        order = np.lexsort((-value, patterns))  # best zone of each pattern first
        first = order[np.r_[True, patterns[order][1:] != patterns[order][:-1]]]
        best = patterns[first]
        ratio[best], roles[best], signed[best] = value[first], role[first], s[first]
        explains[best] = s[first] >= -EXPLAINS_SIGMAS * location.sigma_mm

    def describe(numbers: np.ndarray) -> list[str | None]:
        out = []
        for ok, role, distance in zip(
            explains[numbers].tolist(),
            roles[numbers].tolist(),
            signed[numbers].tolist(),
            strict=True,
        ):
            if not ok:
                out.append(None)
                continue
            where = "lies in" if distance >= 0 else f"is {-distance:.0f} mm from"
            extra = " (pressing there can set the pain off)" if role == SITE else ""
            out.append(f"{label} {where} its {ROLE_ZONE_WORDS[ZONE_ROLES[role]]} {on}{extra}")
        return out

    return ItemEvidence(label, weight, ratio, explains, describe)


def _area_shares(profiles, vindex, polygon) -> dict[int, tuple[float, float]]:
    """Per pattern number: (share of the area explained, share of its main zone covered)."""
    role_lr = profiles.role_lr
    scale = role_lr - 1.0
    scale = scale / scale[ESSENTIAL]
    shares: dict[int, list[float]] = {}
    for h in vindex.tree.query(polygon, predicate="intersects").tolist():
        p, role = int(vindex.pattern[h]), int(vindex.role[h])
        overlap = shapely.intersection(vindex.geometries[h], polygon).area
        explained, covered, main = shares.setdefault(p, [0.0, 0.0, 0.0])
        shares[p][0] = explained + scale[role] * overlap / polygon.area
        if role == ESSENTIAL:
            shares[p][1] = covered + overlap / vindex.area[h]
            shares[p][2] = 1.0
        elif not main:  # no main zone on this view: its other zones stand in, at their weight
            shares[p][1] = max(covered, scale[role] * overlap / vindex.area[h])
    return {p: (min(a, 1.0), min(b, 1.0)) for p, (a, b, _) in shares.items()}


def area_evidence(profiles, vindex, label: str, on: str, weight: float, polygon):
    """The evidence of a drawn area (a polygon on one view, right side's frame)."""
    n = len(profiles.patterns)
    ratio, explains, shares = np.ones(n), np.zeros(n, dtype=bool), {}
    main = profiles.role_lr[ESSENTIAL] - 1.0
    for p, (a, b) in _area_shares(profiles, vindex, polygon).items():
        both = 2 * a * b / (a + b) if a + b else 0.0
        ratio[p], shares[p] = 1.0 + main * both, (a, b)
        explains[p] = both >= AREA_EXPLAINS

    def describe(numbers: np.ndarray) -> list[str | None]:
        return [
            f"{label} {on}: {shares[p][0]:.0%} of it lies in its zones, covering "
            f"{shares[p][1]:.0%} of its main zone"
            if explains[p]
            else None
            for p in numbers.tolist()
        ]

    return ItemEvidence(label, weight, ratio, explains, describe)
