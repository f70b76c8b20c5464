"""The ranking: what it weighs, how it says it, and how it refuses bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from painmap import Area, Mark, analyse, match
from painmap.contract import LISTS, NOT_ON_LIST
from painmap.location import phi
from painmap.matching import COLUMNS
from painmap.next_question import best_question
from painmap.progress.plan import make_plan

from . import places as P
from .places import ATLAS


def _row(results, pid):
    return results.set_index("id").loc[pid]


def _first(results, name):
    return results[results.list == name].id.iloc[0]


def test_results_follow_the_contract_each_list_ranked_within_itself():
    results = match(ATLAS, [P.INNER_FRONT_HEEL])
    assert list(results.columns) == COLUMNS
    assert {"id", "kind", "name", "score"} <= set(results.columns)
    assert list(dict.fromkeys(results.list)) == list(LISTS)  # conditions, then muscles
    for name in LISTS:
        one = results[results.list == name]
        assert one.probability.is_monotonic_decreasing
        assert one["rank"].tolist() == list(range(1, len(one) + 1))
        assert (one.score == one.probability).all()
    assert set(results.kind[results.list == "muscle"]) <= {"trigger_point", "ligament"}
    assert set(results.attrs) >= {"red_flags", "unmatched_marks", "not_on_list", "first"}


def test_each_list_and_its_rest_add_up_to_one():
    analysis = analyse(ATLAS, [P.INNER_FRONT_HEEL, P.LOWER_CALF], ["first_steps_morning"])
    for name in LISTS:
        total = analysis.ranked(name).probability.sum() + analysis.not_on_list[name]
        assert total == pytest.approx(1.0, abs=1e-3)


def test_a_probability_is_the_product_of_its_factors_over_its_list_total():
    """What the README promises a therapist: the ranking can be checked by hand."""
    analysis = analyse(ATLAS, [P.INNER_FRONT_HEEL], ["first_steps_morning"], absent=["burning"])
    for row in analysis.results.itertuples():
        odds = math.prod(value for _, value in row.factors)
        assert odds / analysis.totals[row.list] == pytest.approx(row.probability, abs=1e-4)


def test_plantar_fasciitis_is_first_at_the_front_inner_heel_and_not_by_its_name():
    results = match(ATLAS, [P.INNER_FRONT_HEEL])
    conditions = results[results.list == "condition"]
    assert conditions.id.iloc[0] == "plantar_fasciitis"
    assert conditions.probability.iloc[0] > 2 * conditions.probability.iloc[1]
    # The heel spur is an X-ray finding, not a rival pain: never above plantar fasciitis.
    assert _row(results, "plantar_heel_spur")["rank"] > _row(results, "plantar_fasciitis")["rank"]


def test_a_main_zone_counts_more_than_a_spread_zone():
    results = match(ATLAS, [P.ACHILLES_MID])
    main = _row(results, "midportion_achilles_tendinopathy")
    spread = results[["spread" in r[0] for r in results.reasons]].iloc[0]
    assert "main pain zone" in main.reasons[0]
    assert main.location > spread.location > 1


def test_a_mark_at_a_zone_edge_counts_half_and_fades_with_distance():
    assert phi(0) == 0.5
    near = P.at("posterior", "achilles_midportion")
    values = [
        _row(
            match(ATLAS, [near, P.at("posterior", "achilles_midportion", dx=dx)]),
            "midportion_achilles_tendinopathy",
        ).location
        for dx in (0, 10, 20, 30, 40, 60)
    ]
    assert values == sorted(values, reverse=True)
    assert values[-1] == values[-2]  # beyond reach a mark says nothing at all


def test_pressing_a_site_is_evidence_both_ways():
    yes = match(ATLAS, [P.HEEL_PAD_CENTRE], pressed={"soleus": True})
    no = match(ATLAS, [P.HEEL_PAD_CENTRE], pressed={"soleus": False})
    plain = match(ATLAS, [P.HEEL_PAD_CENTRE])
    soleus = [_row(r, "soleus").probability for r in (no, plain, yes)]
    assert soleus == sorted(soleus) and soleus[0] < soleus[2]
    assert any("reproduced the pain" in r for r in _row(yes, "soleus").reasons)
    with pytest.raises(ValueError, match="only a muscle's site"):
        match(ATLAS, [P.HEEL_PAD_CENTRE], pressed={"plantar_fasciitis": True})


def test_an_answer_no_counts_too():
    plain = _row(match(ATLAS, [P.INNER_FRONT_HEEL]), "plantar_fasciitis")
    denied = match(ATLAS, [P.INNER_FRONT_HEEL], absent=["first_steps_morning"])
    pf = _row(denied, "plantar_fasciitis")
    assert pf.probability < plain.probability
    assert any(": no”" in r or "”: no" in r for r in pf.reasons)


def test_an_adult_is_not_given_a_childhood_disease():
    results = match(ATLAS, [P.HEEL_BACK], ["running_jumping", "adult"])
    conditions = results[results.list == "condition"]
    assert "severs_disease" not in conditions.id.head(3).tolist()
    child = match(ATLAS, [P.HEEL_BACK], ["running_jumping", "child_8_14"])
    assert _first(child, "condition") == "severs_disease"


def test_a_snap_makes_a_rupture_the_answer_until_ruled_out():
    analysis = analyse(ATLAS, [P.ACHILLES_MID], ["sudden_snap", "cannot_bear_weight"])
    assert analysis.first["condition"] == "achilles_rupture"
    assert _first(analysis.results, "condition") == "achilles_rupture"
    assert analysis.check_first
    plain = _row(match(ATLAS, [P.ACHILLES_MID]), "achilles_rupture")
    assert _row(analysis.results, "achilles_rupture").probability > plain.probability


@pytest.mark.parametrize("flag", ["calf_swelling_warmth", "hot_red_swollen_foot", "cold_pale_foot"])
def test_a_clot_an_infection_or_a_blocked_artery_comes_before_every_pattern(flag):
    analysis = analyse(ATLAS, [P.CALF_CENTRE], [flag])
    assert analysis.first == {name: NOT_ON_LIST for name in LISTS}
    assert analysis.check_first
    plan = make_plan(ATLAS, [P.CALF_CENTRE], [flag])
    assert plan.steps == () and plan.red_flags


def test_ties_are_said_never_hidden():
    results = match(ATLAS, [P.INNER_FRONT_HEEL, P.LOWER_CALF])
    for name in LISTS:
        one = results[results.list == name]
        gaps = np.abs(np.diff(one.probability.to_numpy()))
        assert (one.tied.to_numpy()[:-1][gaps < 0.005]).all()


def test_the_best_next_question_tells_the_look_alikes_apart():
    question = best_question(ATLAS, analyse(ATLAS, [P.INNER_FRONT_HEEL]))
    assert question is not None and question.gain > 0
    assert "Plantar fasciitis" in question.why
    asked = analyse(ATLAS, [P.INNER_FRONT_HEEL], [*question.options[:1]])
    again = best_question(ATLAS, asked)
    assert again is None or again.options != question.options
    assert best_question(ATLAS, analyse(ATLAS, [P.CALF_CENTRE], ["calf_swelling_warmth"])) is None


def test_marks_off_the_body_are_reported_never_dropped():
    outside_area = Area("plantar", ((200, 0), (260, 0), (260, 60)))
    results = match(ATLAS, [P.INNER_FRONT_HEEL, P.OFF_THE_BODY, outside_area])
    assert results.attrs["unmatched_marks"] == [2]
    assert results.attrs["unmatched_areas"] == [1]
    assert (results["items"] == 1).all()
    assert match(ATLAS, [P.OFF_THE_BODY]).empty


def test_an_area_counts_by_overlap_both_ways():
    results = match(ATLAS, [P.HEEL_AREA])
    fat_pad = _row(results, "heel_fat_pad_syndrome")
    assert "of it lies in its zones, covering" in fat_pad.reasons[0]
    small = Area("plantar", ((-3, 35), (3, 35), (3, 41), (-3, 41)))
    small_location = match(ATLAS, [small]).set_index("id").location
    assert small_location.get("heel_fat_pad_syndrome", 1.0) < fat_pad.location


def test_intensity_weights_a_mark():
    light = match(ATLAS, [Mark("plantar", 13, 58, 1), Mark("posterior", 0, 72, 10)])
    heavy = match(ATLAS, [Mark("plantar", 13, 58, 10), Mark("posterior", 0, 72, 1)])
    pf = "plantar_fasciitis"
    assert _row(heavy, pf).location > _row(light, pf).location


def test_left_side_equals_the_mirrored_right():
    right = match(ATLAS, [P.INNER_FRONT_HEEL, P.ACHILLES_MID], ["first_steps_morning"])
    left_marks = [Mark(m.view, -m.x, m.y) for m in (P.INNER_FRONT_HEEL, P.ACHILLES_MID)]
    left = match(ATLAS, left_marks, ["first_steps_morning"], side="left")
    assert right.drop(columns=["evidence"]).equals(left.drop(columns=["evidence"]))


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: Mark("plantar", math.nan, 3), "finite"),
        (lambda: Mark("plantar", 3, math.inf), "finite"),
        (lambda: Mark("sole", 3, 3), "unknown view 'sole'"),
        (lambda: Mark("plantar", 3, 3, intensity=11), "intensity"),
        (lambda: Mark.at(ATLAS, "plantar", "heel"), "no landmark 'heel'"),
        (lambda: match(ATLAS, [P.INNER_FRONT_HEEL], ["itchy"]), "unknown symptom"),
        (lambda: match(ATLAS, [P.INNER_FRONT_HEEL], side="middle"), "unknown side"),
        (lambda: match(ATLAS, [(13, 58)]), "must be a painmap.Mark or painmap.Area"),
        (lambda: match(ATLAS, [], ["burning"], absent=["burning"]), "both yes and no"),
        (lambda: match(ATLAS, [], ["adult", "over_60"]), "only one of"),
        (lambda: Area("plantar", ((0, 0), (1, 1))), "at least 3 points"),
        (lambda: Area("plantar", ((0, 0), (1, 1), (2, 2))), "enclose some surface"),
    ],
)
def test_bad_input_raises_a_clear_error(call, words):
    with pytest.raises(ValueError, match=words):
        call()
