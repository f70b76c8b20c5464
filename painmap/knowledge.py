"""The knowledge base: patterns, their zones on the atlas, symptoms, sources and guidance.

Read from ``data/`` by :func:`read_knowledge`, which checks every cross-reference (source ids,
differentials, symptom ids, landmarks) and builds every zone, so a broken file is reported with
its file and item before anything uses it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import pandas as pd
import shapely
from pydantic import BaseModel

from painmap.contract import CONDITION_IDS, NOT_ON_LIST, PATTERN_IDS, SYMPTOM_IDS
from painmap.errors import Problem
from painmap.fhir.codes import Code, read_codes
from painmap.io.knowledge import (
    read_guidance,
    read_model,
    read_patterns,
    read_questions,
    read_sources,
    read_symptoms,
)
from painmap.schema import GuidanceTopic, ModelSettings, Pattern, Question, Source, Symptom
from painmap.viewmap import ViewMap
from painmap.vocabulary import Kind, Role, Side
from painmap.zones import MIN_INSIDE, inside_fraction, zone_shape

ZONE_COLUMNS = ["pattern_id", "view", "role", "zone", "geometry", "area", "label", "refers"]


@dataclass(frozen=True)
class Knowledge:
    """Everything PainMap knows, validated: look things up here, never in the files."""

    patterns: Mapping[str, Pattern] = field(repr=False)
    sources: Mapping[str, Source] = field(repr=False)
    symptoms: Mapping[str, Symptom] = field(repr=False)
    guidance: tuple[GuidanceTopic, ...] = field(repr=False)
    zones: pd.DataFrame = field(repr=False)
    questions: tuple[Question, ...] = field(repr=False)
    model: ModelSettings = field(repr=False)
    codes: Mapping[str, Code] = field(repr=False, default_factory=dict)

    @property
    def red_flags(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.symptoms.values() if s.group == "red_flags")

    def main_view(self, pattern_id: str) -> str:
        """The view where most of the pattern's main pain zone lies."""
        return self._views_of[pattern_id][0]

    def site_views(self, pattern_id: str) -> list[str]:
        """The views that show the pattern's trigger-point site(s)."""
        return list(self._views_of[pattern_id][1])

    @functools.cached_property
    def _views_of(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Per pattern: its main view and its site views, worked out once (asked per click)."""
        out = {}
        for pid, rows in self.zones.groupby("pattern_id", sort=False):
            essential = rows[rows.role == Role.ESSENTIAL]
            areas = (essential if not essential.empty else rows).groupby("view")["area"].sum()
            sites = tuple(dict.fromkeys(rows.view[rows.role == Role.TRIGGER_POINT]))
            out[pid] = (str(areas.idxmax()), sites)
        return out

    def patterns_frame(self) -> pd.DataFrame:
        """One row per pattern: id, kind, name, aliases, regions."""
        rows = [
            {"id": p.id, "kind": p.kind, "name": p.name, "aliases": p.aliases, "regions": p.regions}
            for p in self.patterns.values()
        ]
        return pd.DataFrame(rows, columns=["id", "kind", "name", "aliases", "regions"])


def cited_sources(model: BaseModel, where: str = "") -> Iterator[tuple[str, str]]:
    """Every (item, source id) cited anywhere inside ``model``."""
    for name, value in model:
        here = f"{where}.{name}" if where else name
        if name == "sources" or name.endswith("_sources"):
            yield from ((here, s) for s in value)
        elif isinstance(value, BaseModel):
            yield from cited_sources(value, here)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from cited_sources(item, f"{here}[{i}]")


def _check_symptoms(symptoms: dict[str, Symptom], problems: list[Problem]) -> None:
    label = "data/symptoms.yaml"
    expected = {s: g for g, ids in SYMPTOM_IDS.items() for s in ids}
    for sid, group in expected.items():
        if sid not in symptoms:
            problems.append(Problem(label, sid, "is missing (it is part of the public contract)"))
        elif symptoms[sid].group != group:
            problems.append(Problem(label, sid, f"belongs to group {group!r}"))
    for symptom in symptoms.values():
        if symptom.group != "red_flags":
            continue
        if not (symptom.message and symptom.sources and symptom.urgency):
            problems.append(
                Problem(label, symptom.id, "a red flag needs a message, an urgency and sources")
            )
        if symptom.first not in (None, NOT_ON_LIST, *CONDITION_IDS):
            problems.append(
                Problem(
                    label,
                    symptom.id,
                    f"first: {symptom.first!r} is not a condition id or {NOT_ON_LIST!r}",
                )
            )


def _check_questions(questions, symptoms, problems: list[Problem]) -> None:
    """Every symptom is asked by exactly one question; every option is a symptom."""
    label = "data/questions.yaml"
    asked: dict[str, str] = {}
    for question in questions:
        for option in question.options:
            if option not in symptoms:
                problems.append(Problem(label, question.id, f"unknown symptom {option!r}"))
            elif option in asked:
                problems.append(
                    Problem(label, question.id, f"{option!r} is asked already by {asked[option]}")
                )
            asked.setdefault(option, question.id)
    for sid in symptoms:
        if sid not in asked:
            problems.append(Problem(label, None, f"no question asks {sid!r}"))


def _build_zones(pattern: Pattern, views, problems: list[Problem]) -> list[dict]:
    label = f"data/patterns/{pattern.id}.yaml"
    rows = []
    for index, spec in enumerate(pattern.zones):
        item = f"zones[{index}] ({spec.view} {spec.role})"
        vmap: ViewMap | None = views.get((spec.view, Side.RIGHT))
        if vmap is None:  # the view's own file is broken, and reported as such
            continue
        try:
            fraction = inside_fraction(spec, vmap.landmarks, vmap.outline)
        except KeyError as err:
            problems.append(Problem(label, item, f"no landmark {err} in the {spec.view} view"))
            continue
        if fraction < MIN_INSIDE:
            problems.append(
                Problem(label, item, f"only {fraction:.0%} of the zone lies inside the outline")
            )
            continue
        shape = zone_shape(spec, vmap.landmarks, vmap.outline)
        rows.append(
            {
                "pattern_id": pattern.id,
                "view": spec.view,
                "role": spec.role,
                "zone": index,
                "geometry": shape,
                "area": shape.area,
                "label": spec.label or "",
                "refers": _refers(pattern, index, spec, label, problems),
            }
        )
    roles = {r["role"] for r in rows}
    complete = len(rows) == len(pattern.zones)  # no zone was refused above
    if Role.ESSENTIAL not in roles and complete:
        problems.append(Problem(label, "zones", "needs at least one essential zone"))
    lacks_site = pattern.kind == Kind.TRIGGER_POINT and Role.TRIGGER_POINT not in roles
    if lacks_site and complete and not pattern.site_off_atlas:
        problems.append(
            Problem(
                label,
                "zones",
                "a trigger point needs a trigger_point zone at its site "
                "(or site_off_atlas saying where the site is)",
            )
        )
    if pattern.kind == Kind.CONDITION and Role.TRIGGER_POINT in roles:
        problems.append(Problem(label, "zones", "a condition has no trigger_point zones"))
    return rows


def _refers(pattern: Pattern, index: int, spec, label: str, problems: list[Problem]):
    """The indexes of the pain zones a trigger-point site sends pain to (all when unsaid)."""
    pain = {i: z for i, z in enumerate(pattern.zones) if z.role != Role.TRIGGER_POINT}
    if spec.role != Role.TRIGGER_POINT:
        if spec.refers:
            problems.append(Problem(label, f"zones[{index}]", "only a trigger_point zone refers"))
        return ()
    if not spec.refers:
        return tuple(pain)
    named = {z.label: i for i, z in pain.items() if z.label}
    unknown = [r for r in spec.refers if r not in named]
    if unknown:
        known = "; ".join(named) or "none: give the pain zones a label"
        problems.append(
            Problem(
                label,
                f"zones[{index}].refers",
                f"no pain zone labelled {unknown[0]!r} (labels: {known})",
            )
        )
    return tuple(named[r] for r in spec.refers if r in named)


def _check_pattern(pattern: Pattern, known: Mapping, problems: list[Problem]) -> None:
    label = f"data/patterns/{pattern.id}.yaml"
    sources, patterns, symptoms = known["sources"], known["patterns"], known["symptoms"]
    for item, sid in cited_sources(pattern):
        if sid not in sources:
            problems.append(Problem(label, item, f"cites unknown source {sid!r}"))
    if pattern.kind == Kind.CONDITION and pattern.prior is None:
        problems.append(Problem(label, "prior", "a condition needs a prior (how common it is)"))
    if pattern.id in PATTERN_IDS:
        want_condition = pattern.id in CONDITION_IDS
        if (pattern.kind == Kind.CONDITION) != want_condition:
            problems.append(Problem(label, "kind", f"{pattern.kind!r} contradicts the contract"))
    for i, diff in enumerate(pattern.differentials):
        if diff.id not in patterns or diff.id == pattern.id:
            problems.append(
                Problem(label, f"differentials[{i}]", f"{diff.id!r} is not another pattern")
            )
    for sid in pattern.requires:
        if sid not in symptoms:
            problems.append(Problem(label, "requires", f"unknown symptom {sid!r}"))
    if pattern.requires and not pattern.requires_why:
        problems.append(Problem(label, "requires_why", "say why the pattern needs those answers"))
    seen = set()
    for i, weight in enumerate(pattern.symptoms):
        item = f"symptoms[{i}]"
        if weight.id not in symptoms:
            problems.append(Problem(label, item, f"unknown symptom {weight.id!r}"))
        if weight.id in seen:
            problems.append(Problem(label, item, f"{weight.id!r} is listed twice"))
        seen.add(weight.id)


def _check_distinct(zones: pd.DataFrame, problems: list[Problem]) -> None:
    """No two patterns may be drawn with the same geometry on a view."""
    if zones.empty:
        return
    merged = zones.groupby(["pattern_id", "view"])["geometry"].agg(shapely.union_all)
    for view, group in merged.groupby(level="view"):
        shapes = list(group.items())
        for i, ((a, _), ga) in enumerate(shapes):
            for (b, _), gb in shapes[i + 1 :]:
                if ga.symmetric_difference(gb).area < 1.0:
                    problems.append(
                        Problem(
                            f"data/patterns/{b}.yaml",
                            "zones",
                            f"draws the same shape as {a} on the {view} view",
                        )
                    )


def read_knowledge(root: Path, views, problems: list[Problem]) -> Knowledge:
    """Read ``root/data`` against the views already read; faults go to ``problems``."""
    data = Path(root) / "data"
    sources: dict[str, Source] = {}
    for source in read_sources(data, problems):
        if source.id in sources:
            problems.append(Problem("data/sources/", source.id, "duplicate source id"))
        sources[source.id] = source
    symptoms = {s.id: s for s in read_symptoms(data, problems)}
    _check_symptoms(symptoms, problems)
    questions = tuple(read_questions(data, problems))
    _check_questions(questions, symptoms, problems)
    model = read_model(data, problems)
    for item, sid in cited_sources(model) if model else ():
        if sid not in sources:
            problems.append(Problem("data/model.yaml", item, f"cites unknown source {sid!r}"))
    guidance = tuple(read_guidance(data, problems))
    for topic in guidance:
        for item, sid in cited_sources(topic):
            if sid not in sources:
                problems.append(
                    Problem("data/guidance.yaml", f"{topic.id}: {item}", f"unknown source {sid!r}")
                )
    patterns = {p.id: p for p in read_patterns(data, problems)}
    for pid in PATTERN_IDS:
        if pid not in patterns and not (data / "patterns" / f"{pid}.yaml").exists():
            problems.append(Problem(f"data/patterns/{pid}.yaml", None, "is missing"))
    known = {"sources": sources, "patterns": patterns, "symptoms": symptoms}
    rows = []
    for pattern in patterns.values():
        _check_pattern(pattern, known, problems)
        rows.extend(_build_zones(pattern, views, problems))
    zones = pd.DataFrame(rows, columns=ZONE_COLUMNS)
    _check_distinct(zones, problems)
    starts = sum(p.prior.per_1000 for p in patterns.values() if p.prior)
    if starts >= 1000:
        problems.append(
            Problem(
                "data/patterns/",
                "prior",
                f"the conditions' priors add up to "
                f"{starts:g} in 1000, leaving nothing for causes not on the map",
            )
        )
    codes = read_codes(data, views, problems)
    return Knowledge(
        patterns=MappingProxyType(patterns),
        sources=MappingProxyType(sources),
        symptoms=MappingProxyType(symptoms),
        guidance=guidance,
        zones=zones,
        questions=questions,
        model=model,
        codes=MappingProxyType(codes),
    )
