"""The ranking's numbers, from the knowledge base: priors and likelihood ratios per pattern.

Every number comes from ``data/``: a condition's prior from its file, a symptom's ratio from its
weight on the published scale of ``data/model.yaml`` (or a measured ratio where a source gives
one). A ratio counts for less the weaker its best source: its logarithm is multiplied by the
grade of that source's kind (a guideline or review 1, a textbook less, a blog less still).
Built once per atlas, as arrays over the patterns, so a click costs a few numpy sums.

>>> from painmap import load_atlas
>>> profiles = profiles_for(load_atlas())
>>> pf = profiles.patterns.index("plantar_fasciitis")
>>> str(profiles.lists[pf]), round(float(profiles.present_ratio(pf, "first_steps_morning")), 2)
('condition', 6.0)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from painmap.contract import LIST_OF_KIND, ZONE_ROLES
from painmap.schema import LocationModel
from painmap.vocabulary import ResultList


def grade(knowledge, sources: Iterable[str]) -> float:
    """How much a number backed by ``sources`` counts: the grade of its best source's kind."""
    grades = knowledge.model.grades
    return max(grades[knowledge.sources[s].kind] for s in sources)


@dataclass(frozen=True, eq=False)
class Profiles:
    """The patterns as arrays: pattern numbers index every per-pattern array here.

    ``log_present`` and ``log_absent`` hold, per pattern and symptom (columns in the order of
    ``symptoms``), the graded log likelihood ratio of a yes and of a no; 0 where the pattern
    says nothing of the symptom.
    """

    patterns: tuple[str, ...]
    names: np.ndarray
    kinds: np.ndarray
    lists: np.ndarray
    prior: np.ndarray
    not_on_list_prior: dict[str, float]
    symptoms: tuple[str, ...]
    log_present: np.ndarray
    log_absent: np.ndarray
    location_grade: np.ndarray
    requires: tuple[tuple[str, ...], ...]
    press_log: tuple[np.ndarray, np.ndarray]
    role_lr: np.ndarray
    location: LocationModel

    def column(self, symptom: str) -> int:
        return self.symptoms.index(symptom)

    def present_ratio(self, pattern: int, symptom: str) -> float:
        """The graded likelihood ratio of a yes to ``symptom`` for one pattern."""
        return math.exp(self.log_present[pattern, self.column(symptom)])

    def members(self, name: str) -> np.ndarray:
        """The pattern numbers of one list (``condition`` or ``muscle``)."""
        return np.flatnonzero(self.lists == name)


def _symptom_logs(knowledge, patterns, symptoms):
    model = knowledge.model
    column = {s: j for j, s in enumerate(symptoms)}
    present = np.zeros((len(patterns), len(symptoms)))
    absent = np.zeros_like(present)
    for i, pattern in enumerate(patterns):
        for w in pattern.symptoms:
            scale = model.weight_lr[w.weight]
            g = grade(knowledge, w.sources)
            present[i, column[w.id]] = g * math.log(w.lr or scale.present)
            absent[i, column[w.id]] = g * math.log(w.lr_absent or scale.absent)
    return present, absent


def now_per_1000(knowledge) -> tuple[np.ndarray, float]:
    """Each pattern's prior among 1000 people with foot, ankle or lower-leg pain now, and the
    prior of "something not on this list".

    A condition's share of consultations times how long its pain lasts, renormalised with the
    causes the map does not hold (the rest of the consultations, lasting
    ``not_on_list_weeks``): a sprain starts often but settles in weeks, plantar fasciitis lasts
    months. Muscles start equal (``muscle_prior_per_1000``).
    """
    model = knowledge.model
    priors = [p.prior for p in knowledge.patterns.values()]
    starts = sum(prior.per_1000 for prior in priors if prior)
    weight = np.array([prior.per_1000 * prior.duration_weeks if prior else 0.0 for prior in priors])
    rest = max(1000.0 - starts, 0.0) * model.not_on_list_weeks  # data/ checks it is positive
    scale = 1000.0 / (weight.sum() + rest)
    muscles = np.array([prior is None for prior in priors])
    return np.where(muscles, model.muscle_prior_per_1000, weight * scale), rest * scale


def build_profiles(knowledge) -> Profiles:
    """The arrays of every pattern of ``knowledge``, in the order of its patterns."""
    model = knowledge.model
    patterns = list(knowledge.patterns.values())
    symptoms = tuple(knowledge.symptoms)
    lists = np.array([LIST_OF_KIND[p.kind] for p in patterns], dtype=object)
    prior, rest = now_per_1000(knowledge)
    present, absent = _symptom_logs(knowledge, patterns, symptoms)
    press = grade(knowledge, model.press_sources)
    is_muscle = (lists == "muscle").astype(float)
    return Profiles(
        patterns=tuple(knowledge.patterns),
        names=np.array([p.name for p in patterns], dtype=object),
        kinds=np.array([p.kind for p in patterns], dtype=object),
        lists=lists,
        prior=prior,
        not_on_list_prior={
            ResultList.CONDITIONS: rest,
            ResultList.MUSCLES: model.muscle_not_on_list_per_1000,
        },
        symptoms=symptoms,
        log_present=present,
        log_absent=absent,
        location_grade=np.array([grade(knowledge, p.zone_sources) for p in patterns]),
        requires=tuple(p.requires for p in patterns),
        press_log=(
            is_muscle * press * math.log(model.press.present),
            is_muscle * press * math.log(model.press.absent),
        ),
        role_lr=np.array([model.location.role_lr[r] for r in ZONE_ROLES]),
        location=model.location,
    )


@functools.lru_cache(maxsize=4)
def profiles_for(atlas) -> Profiles:
    """The profiles of an atlas's patterns, built on first use."""
    return build_profiles(atlas.knowledge)
