"""Matching: from where it hurts (and how) to a ranked, explained list of patterns.

How a score is made (the README says the same for therapists):

1. Location. Each mark gets evidence from each pattern: 1.0 inside its main pain (essential)
   zone, 0.8 on a trigger-point site, 0.5 inside its spread (spillover) zone; just outside a
   zone the evidence falls off smoothly (a Gaussian of 5 mm), to nothing beyond 20 mm. A drawn
   area counts by overlap both ways: the share of the area the pattern's zones explain and the
   share of the main pain zone that is painful, combined as their harmonic mean. The location
   score is the intensity-weighted mean over all marks and areas on the body, so a pattern
   that explains every mark ranks above one that explains only some.
2. Symptoms. The answered symptoms' weights in the pattern's profile (-3 to 3) are summed and
   turned into a fit between 0 and 1 (0.5 when nothing is said); the score is the location
   score times 0.6 + 0.4 x fit. Symptoms tip the balance between places that fit; they never
   make a pattern appear where no mark is.
3. Red flags are reported apart, always, whatever the ranking.

>>> from painmap import Mark, load_atlas
>>> atlas = load_atlas()
>>> heel = Mark.at(atlas, "plantar", "medial_calcaneal_tubercle")
>>> "plantar_fasciitis" in match(atlas, [heel], ["first_steps_morning"]).id.head(3).tolist()
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from painmap.marks import Area, Mark
from painmap.views import VIEWS, check_side
from painmap.zone_index import index_for

ROLE_WEIGHT = np.array([1.0, 0.8, 0.5])  # essential, trigger_point, spillover (ROLES order)
ROLE_WORDS = ("main pain zone", "trigger-point site", "zone where the pain can spread")
FALLOFF_MM = 5.0
REACH_MM = 20.0
ON_BODY_MM = 3.0  # a tap this close outside the outline is still on the body
EXPLAINS = 0.25  # evidence from which a pattern is said to explain a mark
COLUMNS = [
    "id", "kind", "name", "score", "location", "symptom_fit", "explained", "items",
    "evidence", "supports", "contradicts", "reasons",
]  # fmt: skip


@dataclass
class Analysis:
    """What :func:`analyse` found: ranked results, red flags, and what lay off the body."""

    results: pd.DataFrame
    red_flags: list[str] = field(default_factory=list)
    unmatched_marks: list[int] = field(default_factory=list)
    unmatched_areas: list[int] = field(default_factory=list)


def _weight(item) -> float:
    return 1.0 if item.intensity is None else 0.4 + 0.06 * item.intensity


def _point_evidence(vindex, x: float, y: float):
    """Pattern numbers within reach of (x, y), with the evidence, role and distance (mm) of
    each one's best zone: four arrays."""
    reach = shapely.box(x - REACH_MM, y - REACH_MM, x + REACH_MM, y + REACH_MM)
    hits = vindex.tree.query(reach)  # envelopes only: distances are measured once, below
    distances = shapely.distance(vindex.geometries[hits], shapely.Point(x, y))
    near = distances <= REACH_MM
    hits, distances = hits[near], distances[near]
    roles = vindex.role[hits]
    values = ROLE_WEIGHT[roles] * np.exp(-0.5 * (distances / FALLOFF_MM) ** 2)
    patterns = vindex.pattern[hits]
    order = np.lexsort((-values, patterns))  # best zone of each pattern first
    first = order[np.r_[True, patterns[order][1:] != patterns[order][:-1]]] if len(order) else order
    return patterns[first], values[first], roles[first], distances[first]


def _area_evidence(vindex, polygon):
    """Per pattern number: (evidence, share of the area explained, share of main zone covered)."""
    hits = vindex.tree.query(polygon, predicate="intersects")
    shares: dict[int, list[float]] = {}
    for h in hits:
        p, role = int(vindex.pattern[h]), int(vindex.role[h])
        overlap = shapely.intersection(vindex.geometries[h], polygon).area
        explained, covered, main = shares.setdefault(p, [0.0, 0.0, 0.0])
        shares[p][0] = explained + ROLE_WEIGHT[role] * overlap / polygon.area
        if role == 0:
            shares[p][1] = covered + overlap / vindex.area[h]
            shares[p][2] = 1.0
        elif not main:  # no main zone on this view: its other zones stand in, at their weight
            shares[p][1] = max(covered, ROLE_WEIGHT[role] * overlap / vindex.area[h])
    out = {}
    for p, (a, b, _) in shares.items():
        a, b = min(a, 1.0), min(b, 1.0)
        out[p] = (2 * a * b / (a + b) if a + b else 0.0, a, b)
    return out


def check_symptoms(atlas, symptoms: Iterable[str]) -> list[str]:
    """The symptom ids, deduplicated; ValueError naming any unknown one."""
    symptoms = list(dict.fromkeys(symptoms))
    unknown = [s for s in symptoms if s not in atlas.knowledge.symptoms]
    if unknown:
        raise ValueError(f"unknown symptom id(s): {', '.join(unknown)}")
    return symptoms


@dataclass(frozen=True)
class ItemEvidence:
    """What one mark or area on the body says for every pattern (a dense array by number).

    ``describe(numbers)`` gives the reason text for each of those patterns that it explains,
    None for the others; it works on many patterns at once because a click can match hundreds.
    """

    label: str
    weight: float
    values: np.ndarray
    describe: Callable[[np.ndarray], list[str | None]]


def _point_item(index, vindex, label: str, on: str, weight: float, x: float, y: float):
    n = len(index.patterns)
    values, roles, dists = np.zeros(n), np.zeros(n, dtype=np.int64), np.zeros(n)
    patterns, v, r, d = _point_evidence(vindex, x, y)
    values[patterns], roles[patterns], dists[patterns] = v, r, d

    def describe(numbers: np.ndarray) -> list[str | None]:
        out = []
        for ok, role, distance in zip(
            (values[numbers] >= EXPLAINS).tolist(), roles[numbers].tolist(),
            dists[numbers].tolist(), strict=True,
        ):  # fmt: skip
            if not ok:
                out.append(None)
                continue
            where = "lies in" if distance == 0 else f"is {distance:.0f} mm from"
            extra = " (pressing there can set the pain off)" if role == 1 else ""
            out.append(f"{label} {where} its {ROLE_WORDS[role]} {on}{extra}")
        return out

    return ItemEvidence(label, weight, values, describe)


def _area_item(index, vindex, label: str, on: str, weight: float, polygon):
    values, shares = np.zeros(len(index.patterns)), {}
    for p, (value, a, b) in _area_evidence(vindex, polygon).items():
        values[p], shares[p] = value, (a, b)

    def describe(numbers: np.ndarray) -> list[str | None]:
        return [
            f"{label} {on}: {shares[p][0]:.0%} of it lies in its zones, covering "
            f"{shares[p][1]:.0%} of its main zone"
            if values[p] >= EXPLAINS
            else None
            for p in numbers.tolist()
        ]

    return ItemEvidence(label, weight, values, describe)


def _evidence(index, items, side):
    """The evidence of every mark and area on the body, and the numbers of the marks and
    of the areas that lie off it."""
    counts = {Mark: 0, Area: 0}
    scored, unmatched = [], {Mark: [], Area: []}
    for item in items:
        kind = type(item)
        counts[kind] += 1
        n, right = counts[kind], item.to_right(side)
        vindex, on = index.views[item.view], VIEWS[item.view].on
        if kind is Mark:
            if vindex.outline.distance(shapely.Point(right.x, right.y)) > ON_BODY_MM:
                unmatched[Mark].append(n)
                continue
            args = (f"Mark {n}", on, _weight(item), right.x, right.y)
            scored.append(_point_item(index, vindex, *args))
        else:
            polygon = right.polygon.intersection(vindex.outline)
            if polygon.area <= 0:
                unmatched[Area].append(n)
                continue
            scored.append(_area_item(index, vindex, f"Area {n}", on, _weight(item), polygon))
    return scored, unmatched[Mark], unmatched[Area]


def _symptom_reasons(labels, weights) -> list[str]:
    out = []
    for label, w in zip(labels, weights, strict=True):
        if w:
            verdict = "argues against it" if w < 0 else "fits strongly" if w >= 2 else "fits"
            out.append(f"“{label}” {verdict}")
    return out


def _objects(values: list) -> np.ndarray:
    """A 1-d object array holding each value as it is (lists stay lists)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _symptoms_where(answered, weights, ranked, sign: int) -> list[list[str]]:
    """Per ranked pattern, the answered symptoms whose weight has ``sign``."""
    if not answered:
        return [[] for _ in ranked]
    return [[s for s, w in zip(answered, weights[p], strict=True) if w * sign > 0] for p in ranked]


def analyse(atlas, marks: Iterable[Mark | Area], symptoms: Iterable[str] = (), side="right"):
    """Rank the patterns for ``marks`` (points and areas, in ``side``'s frame) and symptoms."""
    side = check_side(side)
    items = list(marks)
    for item in items:
        if not isinstance(item, (Mark, Area)):
            raise ValueError(f"a mark must be a painmap.Mark or painmap.Area, not {item!r}")
    symptoms = check_symptoms(atlas, symptoms)
    knowledge = atlas.knowledge
    red_flags = [s for s in symptoms if knowledge.symptoms[s].group == "red_flags"]
    answered = [s for s in symptoms if s not in red_flags]
    index = index_for(atlas)
    scored, off_marks, off_areas = _evidence(index, items, side)

    # Every pattern is scored at once; reasons are written only for those with evidence.
    location = np.zeros(len(index.patterns))
    for item in scored:
        location += item.weight * item.values
    location /= sum(item.weight for item in scored) or 1.0
    weights = index.profile[:, [index.symptoms.index(s) for s in answered]]
    fit = 1 / (1 + np.exp(-0.5 * weights.sum(axis=1)))
    # Rounded before ranking, so that the order of the marks cannot reorder near-ties.
    location, score = np.round(location, 9), np.round(location * (0.6 + 0.4 * fit), 9)
    # A pattern is listed when it explains at least one mark or area; faint evidence from a
    # zone a finger's width away still adds to the score of a pattern that is listed.
    explains = np.zeros(len(index.patterns), dtype=bool)
    for item in scored:
        explains |= item.values >= EXPLAINS
    hit = np.flatnonzero(explains)
    ranked = hit[np.lexsort((index.names[hit], -location[hit], -score[hit]))]

    # Per item, then per pattern: each item's values and texts come as one batch.
    texts = [item.describe(ranked) for item in scored]
    values = [np.round(item.values[ranked], 3).tolist() for item in scored]
    labels = [item.label for item in scored]
    evidence, reasons = [], []
    symptom_labels = [knowledge.symptoms[s].label for s in answered]
    count = f"Explains {{}} of the {len(scored)} marks and areas" if len(scored) > 1 else None
    for row, p in enumerate(ranked):
        found = {labels[i]: values[i][row] for i in range(len(scored)) if texts[i][row]}
        said = [texts[i][row] for i in range(len(scored)) if texts[i][row]]
        if count:
            said.append(count.format(len(found)))
        if symptom_labels:
            said += _symptom_reasons(symptom_labels, weights[p])
        evidence.append(found)
        reasons.append(said)

    # Columns built with their types given: pandas then skips inferring them, which would
    # otherwise cost more than the matching itself.
    rows = {
        "id": pd.array([index.patterns[p] for p in ranked], dtype="str"),
        "kind": pd.array(index.kinds[ranked], dtype="str"),
        "name": pd.array(index.names[ranked], dtype="str"),
        "score": np.round(score[ranked], 4),
        "location": np.round(location[ranked], 4),
        "symptom_fit": np.round(fit[ranked], 4),
        "explained": np.array([len(found) for found in evidence], dtype=np.int64),
        "items": np.full(len(ranked), len(scored), dtype=np.int64),
        "evidence": _objects(evidence),
        "supports": _objects(_symptoms_where(answered, weights, ranked, 1)),
        "contradicts": _objects(_symptoms_where(answered, weights, ranked, -1)),
        "reasons": _objects(reasons),
    }
    return Analysis(
        pd.DataFrame(rows, columns=COLUMNS, copy=False), red_flags, off_marks, off_areas
    )


DRAWN = 3  # the best matches drawn on a map


def drawn(results: pd.DataFrame, chosen=None) -> dict[str, float]:
    """The patterns a map draws, with their match strength: those ``chosen`` (pattern ids),
    else the best three. A chosen pattern with no evidence is drawn full.

    >>> drawn(pd.DataFrame({"id": ["a", "b", "c", "d"], "score": [0.9, 0.5, 0.4, 0.1]}))
    {'a': 0.9, 'b': 0.5, 'c': 0.4}
    """
    scores = dict(zip(results.id, results.score, strict=True))
    ids = list(chosen) if chosen else list(results.id[:DRAWN])
    return {p: float(scores.get(p, 1.0)) for p in ids}


def match(atlas, marks, symptoms=(), side="right") -> pd.DataFrame:
    """The patterns that fit, best first: id, kind, name, score (0 to 1), reasons, ...

    Parameters
    ----------
    atlas : Atlas
        From :func:`painmap.load_atlas`.
    marks : iterable of Mark or Area
        Where it hurts, in ``side``'s own frame; numbered in the order given.
    symptoms : iterable of str
        Contract symptom ids. Red-flag ids are reported in ``attrs["red_flags"]``.
    side : str
        ``"right"`` or ``"left"``.

    Returns
    -------
    pandas.DataFrame
        One row per pattern with any evidence, best first. ``attrs`` holds ``red_flags`` and
        ``unmatched_marks`` / ``unmatched_areas`` (numbers of marks and areas off the body).
    """
    analysis = analyse(atlas, marks, symptoms, side)
    results = analysis.results
    results.attrs.update(
        red_flags=analysis.red_flags,
        unmatched_marks=analysis.unmatched_marks,
        unmatched_areas=analysis.unmatched_areas,
    )
    return results
