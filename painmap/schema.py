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

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Sources = Annotated[tuple[SourceId, ...], Field(min_length=1)]

REGIONS = (
    "heel", "sole", "arch", "ball_of_foot", "toes", "top_of_foot", "inner_ankle",
    "outer_ankle", "back_of_heel", "achilles", "calf", "shin", "knee",
)  # fmt: skip


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


class SymptomWeight(Strict):
    """How much a symptom makes a pattern more (positive) or less (negative) likely."""

    id: Id
    weight: Annotated[int, Field(ge=-3, le=3)]
    sources: Sources

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

    view: Literal["plantar", "dorsal", "medial", "lateral", "posterior"]
    role: Literal["essential", "spillover", "trigger_point"]
    points: Annotated[tuple[PointRef, ...], Field(min_length=1)]
    join: Literal["hull", "path"] = "hull"
    radius: Annotated[float, Field(gt=0, le=80)]
    label: Text | None = None
    refers: tuple[Text, ...] = ()


class Pattern(Strict):
    """A trigger point, a ligament or a condition: what it is, how it shows, what helps."""

    id: Id
    kind: Literal["trigger_point", "ligament", "condition"]
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
    site_off_atlas: Text | None = None
    notes: tuple[Claim, ...] = ()
    zones: Annotated[tuple[ZoneSpec, ...], Field(min_length=1)]


class Symptom(Strict):
    """A symptom id of the contract, the plain words that ask about it, and its warning."""

    id: Id
    group: Literal["timing", "triggers", "quality", "signs", "red_flags"]
    label: Text
    message: Text | None = None
    sources: tuple[SourceId, ...] = ()


class GuidanceTopic(Strict):
    """Advice that belongs to no single pattern."""

    id: SourceId
    title: Text
    text: Text
    sources: Sources
    steps: tuple[SelfCareStep, ...] = ()
