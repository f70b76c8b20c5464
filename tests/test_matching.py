"""The matching engine: how it judges, what it says, and how it refuses bad input."""

from __future__ import annotations

import itertools
import math

import pytest

from painmap import Area, Mark, analyse, match
from painmap.matching import COLUMNS

from . import places as P
from .places import ATLAS


def _row(results, pid):
    return results.set_index("id").loc[pid]


def test_results_follow_the_contract_and_come_best_first():
    results = match(ATLAS, [P.INNER_FRONT_HEEL])
    assert list(results.columns) == COLUMNS
    assert {"id", "kind", "name", "score"} <= set(results.columns)
    assert results.score.is_monotonic_decreasing
    assert results.score.between(0, 1).all()
    assert results.attrs == {"red_flags": [], "unmatched_marks": [], "unmatched_areas": []}


def test_essential_counts_more_than_spillover():
    # Achilles mid-portion: main pain zone of the mid-portion tendinopathy, spread of others.
    results = match(ATLAS, [P.ACHILLES_MID])
    essential = _row(results, "midportion_achilles_tendinopathy")
    spread = _row(results, "sacrotuberous_ligament")
    assert "main pain zone" in essential.reasons[0] and "spread" in spread.reasons[0]
    assert essential.location == 1.0 and spread.location == 0.5


def test_evidence_falls_off_smoothly_just_outside_a_zone():
    def location(dx):
        # A second mark in the zone keeps the pattern listed while the first one moves away.
        mark = P.at("posterior", "achilles_midportion", dx=dx)
        row = match(ATLAS, [mark, P.ACHILLES_MID]).set_index("id")
        return row.location["midportion_achilles_tendinopathy"]

    values = [location(dx) for dx in (0, 10, 12, 14, 16, 18, 20, 25)]
    assert values[0] == 1.0 and 0.5 <= values[-1] < 0.51  # the moving mark: all to nothing
    assert all(a >= b for a, b in itertools.pairwise(values))
    # No cliff: each millimetre step changes the evidence by a fraction, not all at once.
    assert all(a - b < 0.35 for a, b in itertools.pairwise(values))


def test_pressing_a_trigger_point_site_is_evidence():
    results = match(ATLAS, [P.LOWER_CALF])
    soleus = _row(results, "soleus")
    assert any("trigger-point site" in r for r in soleus.reasons)


def test_a_pattern_that_explains_every_mark_outranks_one_that_explains_one():
    results = match(ATLAS, [P.HEEL_BACK, P.LOWER_CALF])
    soleus = _row(results, "soleus")
    assert soleus.explained == 2 and "Explains 2 of the 2 marks and areas" in soleus.reasons
    one_only = results[results.explained == 1]
    assert (soleus.score > one_only.score).all()


def test_an_area_counts_by_overlap_both_ways():
    results = match(ATLAS, [P.HEEL_AREA])
    fat_pad = _row(results, "heel_fat_pad_syndrome")
    assert "of it lies in its zones, covering" in fat_pad.reasons[0]
    small = Area("plantar", ((-3, 35), (3, 35), (3, 41), (-3, 41)))
    # A small area inside the zone explains itself fully but covers little of the zone.
    small_location = match(ATLAS, [small]).set_index("id").location
    assert small_location.get("heel_fat_pad_syndrome", 0.0) < fat_pad.location


def test_symptoms_shift_the_ranking_and_a_contradiction_lowers_it():
    plain = match(ATLAS, [P.INNER_FRONT_HEEL])
    morning = match(ATLAS, [P.INNER_FRONT_HEEL], ["first_steps_morning"])
    burning = match(ATLAS, [P.INNER_FRONT_HEEL], ["burning"])
    pf = "plantar_fasciitis"
    assert _row(morning, pf).score > _row(plain, pf).score > _row(burning, pf).score
    assert "burning" in _row(burning, pf).contradicts
    assert any("argues against it" in r for r in _row(burning, pf).reasons)
    assert morning.id[0] == pf


def test_red_flags_are_reported_apart_and_do_not_rank():
    results = match(ATLAS, [P.INNER_FRONT_HEEL], ["cold_pale_foot", "first_steps_morning"])
    assert results.attrs["red_flags"] == ["cold_pale_foot"]
    baseline = match(ATLAS, [P.INNER_FRONT_HEEL], ["first_steps_morning"])
    assert results.score.tolist() == baseline.score.tolist()
    assert analyse(ATLAS, [], ["calf_swelling_warmth"]).red_flags == ["calf_swelling_warmth"]


def test_marks_off_the_body_are_reported_never_dropped():
    outside_area = Area("plantar", ((200, 0), (260, 0), (260, 60)))
    results = match(ATLAS, [P.INNER_FRONT_HEEL, P.OFF_THE_BODY, outside_area])
    assert results.attrs["unmatched_marks"] == [2]
    assert results.attrs["unmatched_areas"] == [1]
    assert (results["items"] == 1).all()
    assert match(ATLAS, [P.OFF_THE_BODY]).empty


def test_left_side_equals_the_mirrored_right():
    right = match(ATLAS, [P.INNER_FRONT_HEEL, P.ACHILLES_MID], ["first_steps_morning"])
    left_marks = [Mark(m.view, -m.x, m.y) for m in (P.INNER_FRONT_HEEL, P.ACHILLES_MID)]
    left = match(ATLAS, left_marks, ["first_steps_morning"], side="left")
    assert right.drop(columns=["evidence"]).equals(left.drop(columns=["evidence"]))


def test_intensity_weights_a_mark():
    light = match(ATLAS, [Mark("plantar", 13, 58, 1), Mark("posterior", 0, 72, 10)])
    heavy = match(ATLAS, [Mark("plantar", 13, 58, 10), Mark("posterior", 0, 72, 1)])
    pf = "plantar_fasciitis"
    assert _row(heavy, pf).score > _row(light, pf).score


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
        (lambda: Area("plantar", ((0, 0), (1, 1))), "at least 3 points"),
        (lambda: Area("plantar", ((0, 0), (1, 1), (2, 2))), "enclose some surface"),
    ],
)
def test_bad_input_raises_a_clear_error(call, words):
    with pytest.raises(ValueError, match=words):
        call()
