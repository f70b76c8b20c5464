"""A self-care plan: steps from the knowledge base, to be tried one at a time.

The steps come from the best-matching patterns first (their own self-care, in the order the
knowledge base gives it), then from the general heel and foot advice that seed-003 offers
"whatever the cause" (heel cups, toe spacers, foot mobility, glute work). Each step keeps its
dose, how often, how long to try it, what means it is not working, and when to see a
clinician. While a red flag stands, the plan holds no step at all: get it checked first.

>>> from painmap import Mark, load_atlas
>>> atlas = load_atlas()
>>> plan = make_plan(atlas, [Mark("plantar", 13, 58)])
>>> plan.steps[0].name
'Stretch the calf against a wall'
>>> plan.steps[0].for_patterns[0]
'Plantar fasciitis'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from painmap.marks import Area, Mark
from painmap.matching import Analysis, analyse
from painmap.vocabulary import ResultList, Side

# Patterns the plan draws from, per list: the best matches, not every faint one.
PATTERNS = {ResultList.CONDITIONS: 2, ResultList.MUSCLES: 1}
STEPS_OF_BEST = 4  # steps from the best match; then fewer from each next one
STEPS_OF_OTHERS = 2
GENERAL_TOPICS = (
    "heel-cup-both-shoes",
    "toe-room-and-foot-muscles",
    "heel-and-foot-mobility",
    "glutes-and-feet",
)
METHOD_TOPIC = "try-one-thing-at-a-time"
DEFAULT_TRIAL_DAYS = 7  # seed-003: give one step 5 to 7 days, then judge it
_TRIAL = re.compile(r"(\d+)(?:\s*to\s*(\d+))?\s*(day|week)")


@dataclass(frozen=True)
class PlanStep:
    """One step of the plan, with everything needed to try it and to judge it."""

    id: str
    name: str
    how: str
    dose: str
    frequency: str | None
    trial: str | None
    not_working: str | None
    see_clinician: tuple[str, ...]
    for_patterns: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def trial_days(self) -> int:
        """How many days to give the step before a first judgement (the top of its range)."""
        found = _TRIAL.search((self.trial or "").replace("a couple of", "2"))
        if not found:
            return DEFAULT_TRIAL_DAYS
        top = int(found.group(2) or found.group(1))
        return top * (7 if found.group(3) == "week" else 1)


@dataclass(frozen=True)
class Plan:
    """The steps in the order to try them, the red flags that come before them, the method."""

    steps: tuple[PlanStep, ...]
    red_flags: tuple[str, ...]
    method: str
    method_sources: tuple[str, ...]

    def step(self, step_id: str) -> PlanStep | None:
        """The step with ``step_id``, or None (a log may name a step no longer in the plan)."""
        return next((s for s in self.steps if s.id == step_id), None)

    def after(self, step_id: str | None) -> PlanStep | None:
        """The step to try after ``step_id`` (the first one when it is None or unknown)."""
        ids = [s.id for s in self.steps]
        if step_id not in ids:
            return self.steps[0] if self.steps else None
        index = ids.index(step_id) + 1
        return self.steps[index] if index < len(ids) else None


def step_id(name: str) -> str:
    """A stable id from a step's name: ``'Use a heel cup'`` gives ``'use-a-heel-cup'``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _step(care, see_clinician: tuple[str, ...], pattern_name: str | None) -> PlanStep:
    return PlanStep(
        id=step_id(care.step),
        name=care.step,
        how=care.how,
        dose=care.dose,
        frequency=care.frequency,
        trial=care.trial,
        not_working=care.stop_if,
        see_clinician=see_clinician,
        for_patterns=(pattern_name,) if pattern_name else (),
        sources=tuple(care.sources),
    )


def make_plan(
    atlas,
    items: Iterable[Mark | Area],
    symptoms: Iterable[str] = (),
    side: str = Side.RIGHT,
    **answers,
) -> Plan:
    """The plan for a pain map: its marks and areas, and the answers (see ``analyse``)."""
    return plan_from(atlas, analyse(atlas, list(items), list(symptoms), side=side, **answers))


def plan_from(atlas, analysis: Analysis) -> Plan:
    """The plan for a pain map already analysed (e.g. by ``analyse_session``)."""
    flags = tuple(atlas.knowledge.symptoms[f].message for f in analysis.red_flags)
    method = next(t for t in atlas.knowledge.guidance if t.id == METHOD_TOPIC)
    if analysis.check_first:
        return Plan((), flags, method.text, tuple(method.sources))
    best = [analysis.ranked(name).head(n) for name, n in PATTERNS.items()]
    chosen: dict[str, PlanStep] = {}
    for rank, row in enumerate(pd.concat(best).itertuples()):
        pattern = atlas.patterns[row.id]
        clinician = tuple(c.text for c in pattern.see_clinician)
        for care in pattern.self_care[: STEPS_OF_BEST if rank == 0 else STEPS_OF_OTHERS]:
            new = _step(care, clinician, pattern.name)
            old = chosen.get(new.id)
            if old is None:
                chosen[new.id] = new
            elif pattern.name not in old.for_patterns:  # one step serving two patterns
                chosen[new.id] = _with_pattern(old, pattern.name, clinician)
    topics = {t.id: t for t in atlas.knowledge.guidance}
    for topic_id in GENERAL_TOPICS:
        for care in topics[topic_id].steps:
            chosen.setdefault(step_id(care.step), _step(care, (), None))
    return Plan(tuple(chosen.values()), flags, method.text, tuple(method.sources))


def _with_pattern(step: PlanStep, name: str, clinician: tuple[str, ...]) -> PlanStep:
    extra = tuple(c for c in clinician if c not in step.see_clinician)
    return PlanStep(
        **{
            **step.__dict__,
            "for_patterns": (*step.for_patterns, name),
            "see_clinician": step.see_clinician + extra,
        }
    )
