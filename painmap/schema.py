"""The schema of the knowledge base (``data/``), as pydantic models.

Every file is checked against these at load; a field that is missing, misspelt or of the wrong
type is reported with its path (``self_care[2].dose``). Cross-references between files (source
ids, differential ids, landmarks) are checked afterwards, in :mod:`painmap.knowledge`.

>>> Claim(text="Worse on uneven ground.", sources=["seed-000"]).sources
('seed-000',)
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from painmap.vocabulary import PATTERN_KINDS, VIEW_IDS, ZONE_ROLES

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Sources = Annotated[tuple[SourceId, ...], Field(min_length=1)]

REGIONS = (
    "heel",
    "sole",
    "arch",
    "ball_of_foot",
    "toes",
    "top_of_foot",
    "inner_ankle",
    "outer_ankle",
    "back_of_heel",
    "achilles",
    "calf",
    "shin",
    "knee",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """A source a claim can cite: a seed article of the user's or a reference."""

    id: SourceId
    kind: Literal["seed", "book", "article", "review", "guideline", "web"]
    title: Text
    author: Text | None = None
    year: int | None = None
    file: Text | None = None
    url: Text | None = None
    detail: Text | None = None


class Claim(Strict):
    """One statement, with the sources that support it."""

    text: Text
    sources: Sources


class SelfCareStep(Strict):
    """A self-care step a person can try on their own, with its dose."""

    step: Text
    how: Text
    dose: Text
    frequency: Text | None
    trial: Text | None
    stop_if: Text | None
    sources: Sources


class Differential(Strict):
    """A look-alike pattern and the one point that tells the two apart."""

    id: Id
    point: Text
    sources: Sources


Ratio = Annotated[float, Field(gt=0, le=1000)]


class SymptomWeight(Strict):
    """How much a symptom makes a pattern more (positive) or less (negative) likely.

    ``weight`` stands for a likelihood ratio on the scale of ``data/model.yaml``; ``lr`` and
    ``lr_absent`` give a published ratio instead, when a source measured one.
    """

    id: Id
    weight: Annotated[int, Field(ge=-3, le=3)]
    sources: Sources
    lr: Ratio | None = None
    lr_absent: Ratio | None = None

    @field_validator("weight")
    @classmethod
    def _not_zero(cls, weight: int) -> int:
        if weight == 0:
            raise ValueError("a weight of 0 says nothing: leave the symptom out instead")
        return weight


class Offset(Strict):
    """A landmark moved by dx, dy millimetres."""

    at: Id
    dx: float = 0.0
    dy: float = 0.0


PointRef = Id | Offset | tuple[float, float]


class ZoneSpec(Strict):
    """A zone built from landmarks: joined (hull or path), widened by ``radius``, clipped.

    ``label`` names the place in plain words ("back of the heel"); a trigger-point site's
    ``refers`` lists the labels of the pattern's pain zones it sends pain to (all, if empty).
    """

    view: Literal[VIEW_IDS]
    role: Literal[ZONE_ROLES]
    points: Annotated[tuple[PointRef, ...], Field(min_length=1)]
    join: Literal["hull", "path"] = "hull"
    radius: Annotated[float, Field(gt=0, le=80)]
    label: Text | None = None
    refers: tuple[Text, ...] = ()


class Prior(Strict):
    """How common a pattern is: per 1000 people consulting with foot, ankle or lower-leg pain,
    and how long its pain lasts (weeks), since people with the pain now are what both make."""

    per_1000: Annotated[float, Field(gt=0, lt=1000)]
    sources: Sources
    note: Text | None = None
    duration_weeks: Annotated[float, Field(gt=0, le=104)]
    duration_sources: Sources
    duration_note: Text | None = None


class Pattern(Strict):
    """A trigger point, a ligament or a condition: what it is, how it shows, what helps."""

    id: Id
    kind: Literal[PATTERN_KINDS]
    name: Text
    aliases: tuple[Text, ...] = ()
    regions: Annotated[tuple[Literal[REGIONS], ...], Field(min_length=1)]
    summary: Text
    description: Annotated[tuple[Claim, ...], Field(min_length=1)]
    aggravating: Annotated[tuple[Claim, ...], Field(min_length=1)]
    checks: Annotated[tuple[Claim, ...], Field(min_length=1)]
    self_care: Annotated[tuple[SelfCareStep, ...], Field(min_length=1)]
    see_clinician: Annotated[tuple[Claim, ...], Field(min_length=1)]
    differentials: Annotated[tuple[Differential, ...], Field(min_length=1)]
    evidence: Text
    evidence_sources: Sources
    symptoms: tuple[SymptomWeight, ...] = ()
    prior: Prior | None = None
    requires: tuple[Id, ...] = ()
    requires_why: Text | None = None
    site_off_atlas: Text | None = None
    notes: tuple[Claim, ...] = ()
    zone_sources: Sources
    zones: Annotated[tuple[ZoneSpec, ...], Field(min_length=1)]


class Symptom(Strict):
    """A symptom id, the plain words that say and ask it, and, for a red flag, its warning.

    A red flag also says how soon to be seen (``urgency``) and may name what comes first, for
    safety, until a clinician rules it out (``first``: a condition id, or ``not_on_list`` for a
    cause the map does not hold: a clot, an infection, a blocked artery).
    """

    id: Id
    group: Literal["timing", "triggers", "quality", "signs", "age", "onset", "red_flags"]
    label: Text
    ask: Text
    message: Text | None = None
    urgency: Literal["emergency", "today", "soon"] | None = None
    first: Id | None = None
    sources: tuple[SourceId, ...] = ()


class Question(Strict):
    """One question of the app: its symptom ids, and whether one or several can be true."""

    id: Id
    ask: Text
    choose: Literal["one", "any"]
    options: Annotated[tuple[Id, ...], Field(min_length=2)]


class RatioPair(Strict):
    """A likelihood ratio when a finding is present, and when it was asked and is absent."""

    present: Ratio
    absent: Ratio


class LocationModel(Strict):
    """How a mark's place counts: a ratio per zone role, blurred by how precisely people point."""

    sigma_mm: Annotated[float, Field(gt=0, le=50)]
    reach_mm: Annotated[float, Field(gt=0, le=100)]
    role_lr: dict[Literal[ZONE_ROLES], Ratio]
    sources: Sources
    note: Text | None = None


class ModelSettings(Strict):
    """The parameters of the ranking (``data/model.yaml``), each with its sources."""

    grades: dict[
        Literal["seed", "book", "article", "review", "guideline", "web"],
        Annotated[float, Field(gt=0, le=1)],
    ]
    grade_sources: Sources
    weight_lr: dict[Literal[-3, -2, -1, 1, 2, 3], RatioPair]
    weight_sources: Sources
    location: LocationModel
    press: RatioPair
    press_sources: Sources
    not_on_list_weeks: Annotated[float, Field(gt=0, le=104)]
    not_on_list_weeks_sources: Sources
    muscle_prior_per_1000: Annotated[float, Field(gt=0, lt=1000)]
    muscle_not_on_list_per_1000: Annotated[float, Field(gt=0, lt=1000)]
    prior_sources: Sources
    likely: Annotated[float, Field(gt=0, lt=1)]
    possible: Annotated[float, Field(gt=0, lt=1)]
    word_sources: Sources
    ruled_out: Annotated[float, Field(gt=0, lt=1)]
    ruled_out_sources: Sources
    symptom_base_rate: Annotated[float, Field(gt=0, lt=1)]


class GuidanceTopic(Strict):
    """Advice that belongs to no single pattern."""

    id: SourceId
    title: Text
    text: Text
    sources: Sources
    steps: tuple[SelfCareStep, ...] = ()
