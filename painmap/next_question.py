"""The best next question: the one whose answer would most change what it could be.

For each question not yet answered, the expected information gain over the conditions' list
(with "something not on this list"): the entropy of the probabilities now, less the entropy
expected after the answer, each answer weighed by how likely it is given what is known. A
symptom's chance of a yes, given a pattern, comes from its likelihood ratios for a yes and for
a no and the base rate of a yes (``data/model.yaml``); a choose-one question (an age, how it
started) has one outcome per option, each as likely as its ratio among the options' ratios.

>>> from painmap import Mark, load_atlas
>>> from painmap.matching import analyse
>>> atlas = load_atlas()
>>> heel = Mark.at(atlas, "plantar", "medial_calcaneal_tubercle")
>>> bool(best_question(atlas, analyse(atlas, [heel])).gain > 0)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from painmap.contract import NOT_ON_LIST
from painmap.likelihood import profiles_for
from painmap.vocabulary import ResultList

MIN_GAIN = 0.01  # bits: an answer expected to tell less than this is not worth asking


@dataclass(frozen=True)
class NextQuestion:
    """A question worth asking, why, and how much it is expected to tell (bits)."""

    question: str
    options: tuple[str, ...]
    choose: str
    why: str
    gain: float


def _entropy(p: np.ndarray) -> float:
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def _outcomes(profiles, question, members, answered, rate: float) -> list[list]:
    """The questions to weigh within one question of the app: each a list of outcomes, and
    each outcome (the likelihood of that answer for every member pattern, then for the rest).

    A choose-one question is one question with an outcome per option; a choose-any question
    is asked option by option, each a yes or a no.
    """
    cols = [profiles.column(s) for s in question.options]
    yes = np.exp(profiles.log_present[np.ix_(members, cols)])
    no = np.exp(profiles.log_absent[np.ix_(members, cols)])
    if question.choose == "one":
        # One answer of k: each option's chance given a pattern is its ratio over the sum of
        # the options' ratios (the rest: 1 in k each).
        k, total = len(cols), yes.sum(axis=1)
        return [(question.options, [np.r_[yes[:, i] / total, 1 / k] for i in range(k)])]
    asked = []
    for i, option in enumerate(question.options):
        if option not in answered:
            p_yes = rate * yes[:, i] / (rate * yes[:, i] + (1 - rate) * no[:, i])
            asked.append(((option,), [np.r_[p_yes, rate], np.r_[1 - p_yes, 1 - rate]]))
    return asked


def _gain(prior: np.ndarray, outcomes) -> float:
    """The expected drop in entropy (bits) of ``prior`` from one answer."""
    chances = [like.dot(prior) for like in outcomes]
    total = sum(chances)
    after = sum(
        c / total * _entropy(like * prior / c)
        for c, like in zip(chances, outcomes, strict=True)
        if c > 0
    )
    return _entropy(prior) - after


def _why(names, prior, outcomes) -> str:
    """Which two of the likeliest conditions the answer tells apart most."""
    top = np.argsort(-prior[:-1])[:4]
    best, pair = 0.0, None
    for i, a in enumerate(top):
        for b in top[i + 1 :]:
            spread = max(abs(np.log(like[a] / like[b])) for like in outcomes)
            if spread > best:
                best, pair = spread, (a, b)
    if pair is None:
        return "It helps tell what it could be from something not on this list."
    return f"This helps tell {names[pair[0]]} from {names[pair[1]]}."


def best_question(atlas, analysis) -> NextQuestion | None:
    """The unanswered question that would most change the conditions' list, or None."""
    profiles, knowledge = profiles_for(atlas), atlas.knowledge
    members = profiles.members(ResultList.CONDITIONS)
    members = members[analysis.listed[members]]
    if not len(members) or analysis.first.get(ResultList.CONDITIONS) == NOT_ON_LIST:
        return None
    odds = np.exp(analysis.log_odds[members])
    rest = min(max(analysis.not_on_list[ResultList.CONDITIONS], 0.0), 1.0)
    prior = np.r_[odds / odds.sum() * (1 - rest), rest]
    answered = analysis.answers.asked
    rate = knowledge.model.symptom_base_rate
    best: NextQuestion | None = None
    for question in knowledge.questions:
        if question.id == "red_flags":
            continue  # always asked in full, in its own box, never one by one
        if question.choose == "one" and answered & set(question.options):
            continue
        for options, outcomes in _outcomes(profiles, question, members, answered, rate):
            gain = _gain(prior, outcomes)
            if gain > MIN_GAIN and (best is None or gain > best.gain):
                one = question.choose == "one"
                ask = question.ask if one else knowledge.symptoms[options[0]].ask
                why = _why(profiles.names[members], prior, outcomes)
                best = NextQuestion(ask, options, question.choose, why, round(float(gain), 3))
    return best
