"""Matching: from where it hurts, and how, to two ranked and explained lists.

Each pattern's odds are its prior times a likelihood ratio for where it hurts and one for each
answer (README, "How the ranking is made", says the same for therapists):

    odds = prior x location x answers
    location = (1 + sum over marks and areas of weight x (ratio - 1)) ** grade

A mark's ratio is 1 for a pattern it lies far from, so removing a mark never adds evidence to a
pattern, and nearby taps add up without multiplying. A pattern is in the running (listed) when
it explains a mark or an area and no answer sets it aside. Conditions and muscles are two
lists: within each, a probability is the pattern's odds over the sum of the listed patterns'
odds plus the prior of "something not on this list" (a cause the map does not hold).

A red flag warns, always; it may also put one thing first until a clinician rules it out: a
rupture after a snap, or "something not on this list" for a clot, an infection or a blocked
artery. While a red flag stands, nothing to try at home is offered.

>>> from painmap import Mark, load_atlas
>>> atlas = load_atlas()
>>> heel = Mark.at(atlas, "plantar", "medial_calcaneal_tubercle")
>>> results = match(atlas, [heel], ["first_steps_morning"])
>>> results[results.list == "condition"].id.iloc[0]
'plantar_fasciitis'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from painmap.answers import Answers, check_answers
from painmap.contract import LISTS, NOT_ON_LIST
from painmap.likelihood import profiles_for
from painmap.location import area_evidence, point_evidence
from painmap.marks import Area, Mark, mark_name, numbered
from painmap.vocabulary import VIEWS, ResultList, Side, check_side
from painmap.wording import tied, word
from painmap.zone_index import index_for

ON_BODY_MM = 3.0  # a tap this close outside the outline is still on the body
COLUMNS = [
    "id",
    "kind",
    "name",
    "score",
    "probability",
    "likelihood",
    "list",
    "rank",
    "tied",
    "first",
    "prior",
    "location",
    "answers",
    "explained",
    "items",
    "evidence",
    "supports",
    "contradicts",
    "reasons",
    "factors",
]


@dataclass
class Analysis:
    """What :func:`analyse` found.

    ``results`` holds the conditions, then the muscles, each list ranked within itself.
    Per list (``condition``, ``muscle``): ``not_on_list`` is the probability of "something not
    on this list", ``first`` what a red flag puts first (a condition id, ``not_on_list``, or
    None), ``totals`` the sum of the odds (a row's probability is the product of its
    ``factors`` over its list's total). ``check_first`` is True while any red flag stands:
    then nothing to try at home is offered until a clinician has seen it.
    """

    results: pd.DataFrame
    answers: Answers = field(default_factory=Answers)
    red_flags: list[str] = field(default_factory=list)
    unmatched_marks: list[int] = field(default_factory=list)
    unmatched_areas: list[int] = field(default_factory=list)
    not_on_list: dict[str, float] = field(default_factory=dict)
    first: dict[str, str | None] = field(default_factory=dict)
    totals: dict[str, float] = field(default_factory=dict)
    ruled_out: list[str] = field(default_factory=list)
    log_odds: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    listed: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool), repr=False)

    @property
    def check_first(self) -> bool:
        return bool(self.red_flags)

    def ranked(self, name: str) -> pd.DataFrame:
        """One list (``condition`` or ``muscle``), best first."""
        return self.results[self.results.list == name]


def check_symptoms(atlas, symptoms: Iterable[str]) -> list[str]:
    """The symptom ids, deduplicated; ValueError naming any unknown one."""
    return list(check_answers(atlas, symptoms).present)


# A mark's weight grows with its pain level, from 0.4 at 0 to 1 at 10 (as with no level given):
# a faint spot counts, but less than the worst one.
FAINTEST_WEIGHT, WEIGHT_PER_LEVEL = 0.4, 0.06


def _weight(item) -> float:
    if item.intensity is None:
        return 1.0
    return FAINTEST_WEIGHT + WEIGHT_PER_LEVEL * item.intensity


def _evidence(profiles, index, items, side):
    """The evidence of every mark and area on the body, and the numbers of the marks and
    of the areas that lie off it (marks and areas are numbered apart, in the order given)."""
    scored, unmatched = [], {Mark: [], Area: []}
    for n, item in numbered(items):
        kind, right = type(item), item.to_right(side)
        vindex, on = index.views[item.view], VIEWS[item.view].on
        if kind is Mark:
            if vindex.outline.distance(shapely.Point(right.x, right.y)) > ON_BODY_MM:
                unmatched[Mark].append(n)
                continue
            args = (mark_name(n, item), on, _weight(item), right.x, right.y)
            scored.append(point_evidence(profiles, vindex, *args))
        else:
            polygon = right.polygon.intersection(vindex.outline)
            if polygon.area <= 0:
                unmatched[Area].append(n)
                continue
            scored.append(
                area_evidence(profiles, vindex, mark_name(n, item), on, _weight(item), polygon)
            )
    return scored, unmatched[Mark], unmatched[Area]


def _answer_logs(profiles, answers: Answers):
    """Per pattern, the summed graded log ratio of the answers, the lowest of them (one answer
    can all but rule a pattern out), and the columns asked."""
    yes = [profiles.column(s) for s in answers.present]
    no = [profiles.column(s) for s in answers.absent]
    each = np.hstack([profiles.log_present[:, yes], profiles.log_absent[:, no]])
    logs, lowest = each.sum(axis=1), each.min(axis=1, initial=0.0)
    for pid, reproduced in answers.pressed:
        p = profiles.patterns.index(pid)
        logs[p] += profiles.press_log[0 if reproduced else 1][p]
    return logs, lowest, yes, no


def _symptom_words(log_ratio: float, denied: bool) -> str:
    if log_ratio < 0:
        return "argues against it"
    strong = log_ratio >= math.log(2.5)
    return "fits strongly" if strong else "fits"


def _answer_factors(knowledge, profiles, answers, yes, no, p: int) -> list[list]:
    """The answers that move pattern ``p``, as [reason, ratio] pairs."""
    out = []
    for sid, col, table, denied in [
        *((s, c, profiles.log_present, False) for s, c in zip(answers.present, yes, strict=True)),
        *((s, c, profiles.log_absent, True) for s, c in zip(answers.absent, no, strict=True)),
    ]:
        value = table[p, col]
        if value:
            label = knowledge.symptoms[sid].label
            said = f"“{label}”: no" if denied else f"“{label}”"
            out.append([f"{said} {_symptom_words(value, denied)}", math.exp(value)])
    for pid, reproduced in answers.pressed:
        if profiles.patterns[p] == pid:
            value = profiles.press_log[0 if reproduced else 1][p]
            said = "reproduced" if reproduced else "did not reproduce"
            out.append([f"Pressing its trigger-point site {said} the pain", math.exp(value)])
    return out


def _prior_words(profiles, p: int) -> str:
    if profiles.lists[p] == ResultList.CONDITIONS:
        return (
            f"How common: about {profiles.prior[p]:.3g} in 1000 people with foot, ankle or "
            "lower-leg pain"
        )
    return f"Starting weight among the muscles: {profiles.prior[p]:g}"


def _firsts(knowledge, red_flags) -> dict[str, str | None]:
    firsts = [knowledge.symptoms[f].first for f in red_flags if knowledge.symptoms[f].first]
    if NOT_ON_LIST in firsts:
        return {name: NOT_ON_LIST for name in LISTS}
    return {ResultList.CONDITIONS: firsts[0] if firsts else None, ResultList.MUSCLES: None}


def _objects(values: list) -> np.ndarray:
    """A 1-d object array holding each value as it is (lists stay lists)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _checked_items(marks) -> list:
    items = list(marks)
    for item in items:
        if not isinstance(item, (Mark, Area)):
            raise ValueError(f"a mark must be a painmap.Mark or painmap.Area, not {item!r}")
    return items


def _location_logs(profiles, scored):
    """Per pattern, the graded log evidence of where it hurts, and how many marks it explains."""
    n = len(profiles.patterns)
    excess, explained = np.zeros(n), np.zeros(n, dtype=np.int64)
    for item in scored:
        excess += item.weight * (item.ratio - 1.0)
        explained += item.explains
    return profiles.location_grade * np.log1p(excess), explained


def _set_aside(model, profiles, answers, explained, lowest):
    """Patterns an answer all but rules out, or that lack an answer they need (a child's
    disease without the age, a pain mostly off the map without where it is)."""
    given = set(answers.present)
    lacking = np.array([not set(needs) <= given for needs in profiles.requires])
    return (explained > 0) & ((lowest <= math.log(model.ruled_out)) | lacking)


def _share_lists(profiles, log_odds, log_location, listed, first):
    """Within each list, the listed patterns and "something not on this list" share it all: a
    pattern far from every mark, or set aside by an answer, is not in the running. Returns
    the probabilities, each list's not-on-list share and total, and the listed patterns in
    ranked order, list by list."""
    probability, not_on_list, totals, blocks = np.zeros(len(profiles.patterns)), {}, {}, []
    for name in LISTS:
        members = profiles.members(name)
        shown = members[listed[members]]
        rest = profiles.not_on_list_prior[name]
        total = totals[name] = float(np.exp(log_odds[shown]).sum() + rest)
        probability[shown] = np.exp(log_odds[shown]) / total
        not_on_list[name] = rest / total if total else 1.0
        order = np.lexsort((profiles.names[shown], -log_location[shown], -probability[shown]))
        ranked = shown[order]
        if first[name] not in (None, NOT_ON_LIST):
            top = profiles.patterns.index(first[name])
            ranked = np.r_[top, ranked[ranked != top]]
        blocks.append(ranked)
    ranked = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)
    return probability, not_on_list, totals, ranked


def _explanations(knowledge, profiles, answers, yes, no, scored, ranked, log_location):
    """For each ranked pattern: the evidence of each mark, the reasons in words, the factors
    of its probability, and the answers for and against it."""
    texts = [item.describe(ranked) for item in scored]
    labels = [item.label for item in scored]
    ratios = [item.ratio[ranked].tolist() for item in scored]
    count = f"Explains {{}} of the {len(scored)} marks and areas" if len(scored) > 1 else None
    out = {key: [] for key in ("evidence", "reasons", "factors", "supports", "contradicts")}
    for row, p in enumerate(ranked.tolist()):
        found = {labels[i]: round(ratios[i][row], 3) for i in range(len(scored)) if texts[i][row]}
        said = [texts[i][row] for i in range(len(scored)) if texts[i][row]]
        if count:
            said.append(count.format(len(found)))
        moved = _answer_factors(knowledge, profiles, answers, yes, no, p)
        said += [text for text, _ in moved]
        out["evidence"].append(found)
        out["reasons"].append(said)
        out["factors"].append(
            [
                [_prior_words(profiles, p), float(profiles.prior[p])],
                ["Where it hurts", float(np.exp(log_location[p]))],
                *moved,
            ]
        )
        graded = [
            (s, profiles.log_present[p, c]) for s, c in zip(answers.present, yes, strict=True)
        ]
        out["supports"].append([s for s, v in graded if v > 0])
        out["contradicts"].append([s for s, v in graded if v < 0])
    return {key: _objects(values) for key, values in out.items()}


def _ranks_and_ties(lists, chance):
    """Each row's rank within its own list, and whether it ties a neighbour there."""
    ties = np.zeros(len(lists), dtype=bool)
    ranks = np.zeros(len(lists), dtype=np.int64)
    for name in LISTS:
        where = np.flatnonzero(lists == name)
        ties[where] = tied(chance[where].tolist())
        ranks[where] = np.arange(1, len(where) + 1)
    return ranks, ties


def analyse(
    atlas,
    marks: Iterable[Mark | Area],
    symptoms: Iterable[str] = (),
    side=Side.RIGHT,
    *,
    absent: Iterable[str] = (),
    pressed=None,
) -> Analysis:
    """Rank the patterns for ``marks`` (points and areas, in ``side``'s frame) and answers.

    ``symptoms`` are the ids answered yes, ``absent`` those asked and answered no; ``pressed``
    maps a muscle's id to whether pressing its trigger-point site reproduced the pain.
    """
    side = check_side(side)
    items = _checked_items(marks)
    knowledge, model = atlas.knowledge, atlas.knowledge.model
    answers = check_answers(atlas, symptoms, absent, pressed)
    red_flags = [s for s in answers.present if knowledge.symptoms[s].group == "red_flags"]
    profiles, index = profiles_for(atlas), index_for(atlas)
    scored, off_marks, off_areas = _evidence(profiles, index, items, side)

    # Every pattern is scored at once; reasons are written only for the listed ones.
    log_location, explained = _location_logs(profiles, scored)
    log_answers, lowest, yes, no = _answer_logs(profiles, answers)
    # Rounded, so that the order of the marks cannot reorder near-ties.
    log_odds = np.round(np.log(profiles.prior) + log_location + log_answers, 9)
    first = _firsts(knowledge, red_flags)
    set_aside = _set_aside(model, profiles, answers, explained, lowest)
    listed = (explained > 0) & ~set_aside
    for name in LISTS:
        if first[name] not in (None, NOT_ON_LIST):
            listed[profiles.patterns.index(first[name])] = True
    probability, not_on_list, totals, ranked = _share_lists(
        profiles, log_odds, log_location, listed, first
    )

    lists, chance = profiles.lists[ranked], probability[ranked]
    ranks, ties = _ranks_and_ties(lists, chance)
    firsts = {first[name] for name in LISTS}
    # Columns built with their types given: pandas then skips inferring them, which would
    # otherwise cost more than the matching itself.
    rows = {
        "id": pd.array([profiles.patterns[p] for p in ranked], dtype="str"),
        "kind": pd.array(profiles.kinds[ranked], dtype="str"),
        "name": pd.array(profiles.names[ranked], dtype="str"),
        "score": np.round(chance, 4),
        "probability": np.round(chance, 4),
        "likelihood": pd.array(
            [word(v, model.likely, model.possible) for v in chance.tolist()], dtype="str"
        ),
        "list": pd.array(lists, dtype="str"),
        "rank": ranks,
        "tied": ties,
        "first": np.array([profiles.patterns[p] in firsts for p in ranked], dtype=bool),
        "prior": profiles.prior[ranked],
        "location": np.round(np.exp(log_location[ranked]), 4),
        "answers": np.round(np.exp(log_answers[ranked]), 4),
        "explained": explained[ranked],
        "items": np.full(len(ranked), len(scored), dtype=np.int64),
        **_explanations(knowledge, profiles, answers, yes, no, scored, ranked, log_location),
    }
    return Analysis(
        results=pd.DataFrame(rows, columns=COLUMNS, copy=False),
        answers=answers,
        red_flags=red_flags,
        unmatched_marks=off_marks,
        unmatched_areas=off_areas,
        not_on_list=not_on_list,
        first=first,
        totals=totals,
        log_odds=log_odds,
        listed=listed,
        ruled_out=[profiles.patterns[p] for p in np.flatnonzero(set_aside & ~listed)],
    )


def analyse_session(atlas, session) -> Analysis:
    """:func:`analyse` of a saved or current session (its marks, answers, presses and side)."""
    return analyse(
        atlas,
        session.items,
        session.symptoms,
        session.side,
        absent=session.absent,
        pressed=session.pressed,
    )


DRAWN = 2  # the best matches of each list drawn on a map


def drawn(results: pd.DataFrame, chosen=None) -> dict[str, float]:
    """The patterns a map draws, with their match strength: those ``chosen`` (pattern ids),
    else the best two of each list. A chosen pattern with no evidence is drawn full.

    >>> drawn(pd.DataFrame({"id": ["a", "b", "c", "d"], "score": [0.9, 0.5, 0.4, 0.1],
    ...                     "list": ["condition", "condition", "condition", "muscle"]}))
    {'a': 0.9, 'b': 0.5, 'd': 0.1}
    """
    scores = dict(zip(results.id, results.score, strict=True))
    if chosen:
        ids = list(chosen)
    else:
        ids = [p for name in LISTS for p in results.id[results.list == name][:DRAWN]]
    return {p: float(scores.get(p, 1.0)) for p in ids}


def match(atlas, marks, symptoms=(), side=Side.RIGHT, **answers) -> pd.DataFrame:
    """The patterns that fit, each list best first: id, kind, name, score, probability, ...

    Parameters
    ----------
    atlas : Atlas
        From :func:`painmap.load_atlas`.
    marks : iterable of Mark or Area
        Where it hurts, in ``side``'s own frame; numbered in the order given.
    symptoms : iterable of str
        Symptom ids answered yes. Red flags are reported in ``attrs["red_flags"]`` too.
    side : str
        ``"right"`` or ``"left"``.
    **answers
        ``absent`` (symptom ids answered no) and ``pressed`` (muscle id to True or False).

    Returns
    -------
    pandas.DataFrame
        One row per pattern in the running (it explains a mark or an area and no answer sets
        it aside; a pattern a red flag puts first is always in): the conditions, then the
        muscles, each ranked within itself. ``score`` is the ``probability`` within the row's
        ``list``. ``attrs`` holds ``red_flags``, ``unmatched_marks`` and ``unmatched_areas``
        (numbers of marks and areas off the body), ``not_on_list``, ``first`` and ``totals``
        (per list).
    """
    analysis = analyse(atlas, marks, symptoms, side, **answers)
    results = analysis.results
    results.attrs.update(
        red_flags=analysis.red_flags,
        unmatched_marks=analysis.unmatched_marks,
        unmatched_areas=analysis.unmatched_areas,
        not_on_list=analysis.not_on_list,
        first=analysis.first,
        totals=analysis.totals,
    )
    return results
