"""Speed of matching: figures printed, never asserted (``python -m painmap bench``).

Measures, on this machine and in one run:
- one click on the full atlas (``match`` end to end), median and p95;
- ten marks plus one drawn area, against the same query done by a naive loop over every zone
  with ``polygon.contains`` and ``distance`` (no spatial index), as a ratio;
- the same click on an atlas with 100 times the zones (each zone replicated and jittered).
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from types import MappingProxyType

import numpy as np
import pandas as pd
import shapely

from painmap.contract import VIEW_IDS
from painmap.location import phi
from painmap.marks import Area, Mark
from painmap.matching import match
from painmap.vocabulary import PLANTAR, POSTERIOR
from painmap.wording import counted


def random_marks(atlas, n: int, rng: np.random.Generator) -> list[Mark]:
    """``n`` marks spread uniformly over the body in every view."""
    marks = []
    while len(marks) < n:
        view = VIEW_IDS[rng.integers(len(VIEW_IDS))]
        outline = atlas.view(view).outline
        minx, miny, maxx, maxy = outline.bounds
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if shapely.contains_xy(outline, x, y):
            marks.append(Mark(view, x, y))
    return marks


def naive_location(atlas, items: list) -> dict[str, float]:
    """Location ratio per pattern by looping over every zone: the baseline to beat.

    The same model as :mod:`painmap.location` (each role's ratio, blurred by how precisely
    people point), with ``polygon.contains`` and ``distance`` per zone and no spatial index.
    """
    location = atlas.knowledge.model.location
    role_lr = location.role_lr
    excess: dict[str, float] = {}
    for item in items:
        best: dict[str, float] = {}
        polygon = item.polygon if isinstance(item, Area) else None
        point = None if polygon else shapely.Point(item.x, item.y)
        for zone in atlas.zones.itertuples():
            if zone.view != item.view:
                continue
            if polygon is not None:
                share = zone.geometry.intersection(polygon).area / polygon.area
                value = 1 + (role_lr[zone.role] - 1) * share
            else:
                inside = zone.geometry.contains(point)
                signed = (zone.geometry.boundary if inside else zone.geometry).distance(point)
                if not inside and signed > location.reach_mm:
                    continue
                blur = phi((signed if inside else -signed) / location.sigma_mm)
                value = 1 + (role_lr[zone.role] - 1) * blur
            best[zone.pattern_id] = max(best.get(zone.pattern_id, 1.0), value)
        for pid, value in best.items():
            excess[pid] = excess.get(pid, 0.0) + value - 1
    return {pid: 1 + value for pid, value in excess.items()}


def scaled_atlas(atlas, factor: int, rng: np.random.Generator):
    """The atlas with every pattern copied ``factor`` times, each copy's zones jittered."""
    zones, patterns = [], dict(atlas.patterns)
    for k in range(factor):
        copy = atlas.zones.copy()
        dx, dy = rng.uniform(-3, 3, size=(2, len(copy)))
        moves = zip(copy.geometry, dx, dy, strict=True)
        copy["geometry"] = [shapely.affinity.translate(g, a, b) for g, a, b in moves]
        if k:
            copy["pattern_id"] = copy.pattern_id + f"~{k}"
            patterns.update({f"{p}~{k}": m for p, m in atlas.patterns.items()})
        zones.append(copy)
    knowledge = dataclasses.replace(
        atlas.knowledge,
        zones=pd.concat(zones, ignore_index=True),
        patterns=MappingProxyType(patterns),
    )
    return dataclasses.replace(atlas, knowledge=knowledge)


def _timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered):7.3f} ms   p95 {p95:7.3f} ms"


def run(atlas, clicks: int = 1000, seed: int = 7) -> dict[str, float]:
    """Run every measurement and print it; return the medians (ms) for the caller."""
    rng = np.random.default_rng(seed)
    figures = {}
    print(f"atlas {atlas.version}: {len(atlas.patterns)} patterns, {len(atlas.zones)} zones")

    points = random_marks(atlas, clicks, rng)
    for mark in points[:50]:  # build the index and warm the caches, as a running app has
        match(atlas, [mark])
    queue = iter(points)
    one = _timed(lambda: match(atlas, [next(queue)]), clicks)
    figures["click_ms"] = statistics.median(one)
    print(f"one click, full atlas ({clicks} random spots):     {_summary(one)}")

    ten = [random_marks(atlas, 10, rng) for _ in range(max(10, clicks // 10))]
    area = Area(PLANTAR, ((-25, 20), (25, 20), (25, 80), (-25, 80)))
    queue = iter(ten)
    indexed = _timed(lambda: match(atlas, [*next(queue), area]), len(ten))
    queue = iter(ten)
    naive = _timed(lambda: naive_location(atlas, [*next(queue), area]), len(ten))
    figures["ten_ms"], figures["naive_ms"] = statistics.median(indexed), statistics.median(naive)
    print(f"ten marks + one area, spatial index:               {_summary(indexed)}")
    print(f"ten marks + one area, naive loop over every zone:  {_summary(naive)}")
    print(f"naive / indexed (medians): {figures['naive_ms'] / figures['ten_ms']:.1f} x")

    big = scaled_atlas(atlas, 100, rng)
    for mark in points[:50]:
        match(big, [mark])
    queue = iter(points)
    large = _timed(lambda: match(big, [next(queue)]), clicks)
    figures["click_100x_ms"] = statistics.median(large)
    print(f"one click, atlas x100 ({len(big.zones)} zones):     {_summary(large)}")
    return figures


def run_exports(atlas, repeats: int = 5) -> dict[str, float]:
    """Time image exports, cold (the first of a process: its browser starts; twice, or once if
    ``repeats`` is 1) and warm (the shared browser already running, ``repeats`` times)."""
    from painmap import imaging
    from painmap.export import export
    from painmap.session import Session

    session = Session(items=(Mark(PLANTAR, 13, 58, 7, note="first steps"), Mark(POSTERIOR, 0, 190)))
    figures = {}
    print("exports of one view (plantar), with marks, three patterns and a note:")
    for fmt in ("png", "pdf"):
        cold = []
        for _ in range(min(2, repeats)):
            imaging.stop()
            cold += _timed(lambda f=fmt: export(atlas, session, f, view=PLANTAR), 1)
        figures[f"{fmt}_cold_ms"] = statistics.median(cold)
        print(f"  {fmt.upper()} cold (browser started for it): {_summary(cold)}")
    for fmt in ("png", "pdf"):
        export(atlas, session, fmt, view=PLANTAR)  # the first of a format loads its page
        warm = _timed(lambda f=fmt: export(atlas, session, f, view=PLANTAR), repeats)
        figures[f"{fmt}_warm_ms"] = statistics.median(warm)
        print(f"  {fmt.upper()} warm (shared browser):        {_summary(warm)}")
    return figures


def run_fhir(atlas, repeats: int = 20, seed: int = 7) -> dict[str, float]:
    """Time the FHIR file: building and validating the Bundle, and reading it back."""
    import json

    from painmap.fhir.bundle import build, bundle_json
    from painmap.fhir.reading import read_bundle
    from painmap.session import Session

    rng = np.random.default_rng(seed)
    figures = {}
    print("FHIR R5 Bundle (fhir.resources), build and validate, then read back:")
    for n in (1, 10, 60):
        session = Session(items=tuple(random_marks(atlas, n, rng)), symptoms=("runner",))
        bundle_json(atlas, session)  # the first one loads the models
        made = _timed(lambda s=session: build(atlas, s), repeats)
        checked = _timed(lambda s=session: bundle_json(atlas, s), repeats)
        document = json.loads(bundle_json(atlas, session))
        read = _timed(lambda d=document: read_bundle(d, atlas), repeats)
        figures[f"fhir_{n}_ms"] = statistics.median(checked)
        print(f"  {counted(n, 'mark'):>8}, build only:          {_summary(made)}")
        print(f"  {counted(n, 'mark'):>8}, build and validate:  {_summary(checked)}")
        print(f"  {counted(n, 'mark'):>8}, validate and read:   {_summary(read)}")
    return figures
