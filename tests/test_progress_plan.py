"""The self-care plan, the verdicts on each step tried, the chart and the CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from painmap import Mark
from painmap.progress.chart import progress_figure
from painmap.progress.entry import Entry
from painmap.progress.plan import make_plan, step_id
from painmap.progress.table import entries_csv
from painmap.progress.verdict import judge, trials

START = date(2026, 10, 1)


def _log(pains, step="stretch", walks=None, start=START, name="Stretch the calf"):
    walks = walks or [None] * len(pains)
    return [
        Entry(
            start + timedelta(days=n),
            first_steps=p,
            end_of_day=p,
            walk_minutes=w,
            step_id=step,
            step_name=name if step else None,
        )
        for n, (p, w) in enumerate(zip(pains, walks, strict=True))
    ]


@pytest.fixture(scope="module")
def heel_plan(atlas):
    return make_plan(atlas, [Mark("plantar", 13, 58)], ["first_steps_morning"])


def test_the_plan_starts_with_the_best_match_and_adds_the_general_advice(heel_plan, atlas):
    names = [s.name for s in heel_plan.steps]
    fasciitis = [c.step for c in atlas.patterns["plantar_fasciitis"].self_care]
    assert names[:4] == fasciitis[:4]
    for general in (
        "Use a heel cup in both shoes",
        "Wear silicone toe spacers",
        "Do articulated bridges",
    ):
        assert general in names
    assert len(names) == len(set(names))  # no step twice
    assert "Roll the sole over a frozen water bottle" in names  # quadratus plantae's massage


def test_every_step_carries_its_dose_trial_warning_and_sources(heel_plan, atlas):
    for step in heel_plan.steps:
        assert step.dose and step.how and step.sources
        assert step.trial_days >= 2
        assert all(s in atlas.knowledge.sources for s in step.sources)
    first = heel_plan.steps[0]
    assert (
        first.not_working and first.see_clinician and first.for_patterns == ("Plantar fasciitis",)
    )
    assert heel_plan.method_sources == ("seed-003",) and "5 to 7 days" in heel_plan.method


def test_trial_lengths_are_read_from_the_knowledge_base(heel_plan):
    by_id = {s.id: s for s in heel_plan.steps}
    assert by_id["stretch-the-calf-against-a-wall"].trial_days == 14  # "about 2 weeks"
    assert by_id["stretch-the-sole-before-the-first-steps"].trial_days == 7  # "5 to 7 days"


def test_red_flags_come_before_the_plan(atlas):
    plan = make_plan(atlas, [Mark("posterior", 0, 72)], ["sudden_snap"])
    assert plan.red_flags and "snap" in plan.red_flags[0].lower()


def test_step_ids_are_stable_slugs():
    assert step_id("Roll the sole over a frozen water bottle") == (
        "roll-the-sole-over-a-frozen-water-bottle"
    )


def test_the_next_step_follows_in_plan_order(heel_plan):
    first, second = heel_plan.steps[:2]
    assert heel_plan.after(None) == first and heel_plan.after(first.id) == second
    assert heel_plan.after(heel_plan.steps[-1].id) is None


def test_fewer_than_five_days_is_too_early():
    verdict = judge(_log([7, 6, 5, 4]))[0]
    assert verdict.outcome == "too early" and "4 of at least 5 days" in verdict.answer
    assert "1 more day" in verdict.answer


def test_less_pain_after_a_week_is_helping():
    verdict = judge(_log([7, 7, 6, 6, 5, 4, 4]))[0]
    assert verdict.outcome == "helping"
    assert verdict.pain_before == 7 and verdict.pain_after == pytest.approx(13 / 3)
    assert "7.0 → 4.3 out of 10" in verdict.numbers


def test_more_walking_with_the_same_pain_is_helping():
    verdict = judge(_log([5] * 7, walks=[20, 20, 20, 25, 30, 30, 30]))[0]
    assert verdict.outcome == "helping" and "20 → 30 min" in verdict.numbers


def test_rising_pain_is_worse_and_says_stop(heel_plan):
    step = heel_plan.steps[0]
    verdict = judge(_log([3, 3, 4, 4, 5, 5, 6], step=step.id, name=step.name), heel_plan)[0]
    assert verdict.outcome == "worse"
    assert "Stop it" in verdict.answer and step.not_working in verdict.answer


def test_no_change_points_to_the_next_step(heel_plan):
    step, following = heel_plan.steps[1], heel_plan.steps[2]
    verdict = judge(_log([5, 5, 6, 5, 5, 5, 5], step=step.id, name=step.name), heel_plan)[0]
    assert verdict.outcome == "no change" and following.name in verdict.answer


def test_a_second_step_is_judged_against_the_days_before_it():
    log = _log([6] * 7, step="a", name="A") + _log(
        [6, 5, 5, 4, 4, 3, 3], step="b", name="B", start=START + timedelta(days=7)
    )
    first, second = judge(log)
    assert (first.outcome, second.outcome) == ("no change", "helping")
    assert [e.day for e in second.trial.before] == [START + timedelta(days=n) for n in (4, 5, 6)]


def test_days_without_a_step_belong_to_no_trial_but_serve_as_the_baseline():
    log = _log([8, 8, 8], step=None) + _log([7, 6, 5, 4, 4], start=START + timedelta(days=3))
    (trial,) = trials(log)
    assert len(trial.days) == 5 and [e.first_steps for e in trial.before] == [8, 8, 8]


def test_the_chart_draws_both_pains_the_walking_and_a_band_per_trial():
    log = _log([6] * 7, step="a", name="Ice") + _log(
        [5, 4, 4, 3, 3],
        step="b",
        name="Stretch",
        walks=[10, 20, 20, 30, 30],
        start=START + timedelta(days=7),
    )
    fig = progress_figure(log, judge(log))
    assert [len(t.x) for t in fig.data] == [12, 12, 12]
    labels = [a.text for a in fig.layout.annotations]
    assert labels == ["1. Ice · no change", "2. Stretch · helping"]
    assert len(fig.layout.shapes) == 2


def test_the_csv_has_one_row_a_day_and_never_a_formula():
    log = [
        Entry(
            START,
            first_steps=6,
            end_of_day=4,
            walk_minutes=30,
            step_id="ice",
            step_name="Ice",
            note='=HYPERLINK("http://x")',
        ),
        Entry(START + timedelta(days=1), end_of_day=3, note="fine, ünïcode ✓"),
    ]
    rows = list(csv.DictReader(io.StringIO(entries_csv(log))))
    assert [r["day"] for r in rows] == ["2026-10-01", "2026-10-02"]
    assert rows[0]["pain_first_steps"] == "6" and rows[1]["pain_first_steps"] == ""
    assert rows[0]["note"].startswith("'=") and rows[1]["note"] == "fine, ünïcode ✓"


def _halves(pain: float) -> tuple[int, int]:
    """Two whole scores whose mean is ``pain`` (a whole or half point)."""
    return int(pain), int(2 * pain) - int(pain)


def _before_and_trial(before, after):
    """Days with no step (``before``), then a five-day trial whose last three days are
    ``after``."""
    pains = [*before, after[0], after[0], *after]
    days = []
    for n, pain in enumerate(pains):
        first, end = _halves(pain)
        step = "stretch" if n >= len(before) else None
        name = "Stretch the calf" if step else None
        day = START + timedelta(days=n)
        days.append(Entry(day, first_steps=first, end_of_day=end, step_id=step, step_name=name))
    return days


@pytest.mark.parametrize(
    ("before", "after", "outcome", "words"),
    [
        ([8, 8, 8], [6, 6, 6], "helping", "fell by 2.0 points"),  # 2 points exactly (25 %)
        ([8, 8, 8], [6.5, 6, 6], "no change", "less than a clear change"),  # 1.8 points, 23 %
        ([5, 5, 5], [3.5, 3.5, 3.5], "helping", "fell by 1.5"),  # 30 % exactly
        ([5, 5, 5], [4, 3.5, 3.5], "no change", "less than a clear change"),  # 27 %
        ([2, 2, 2], [1, 1, 2], "no change", "at least 1 point"),  # 33 %, but under a point
        ([3, 3, 3], [2, 2, 2], "helping", "fell by 1.0"),  # one point, 33 %
        ([5, 6, 7], [4, 4, 4], "no change", "no more than its usual day-to-day swing of 2.0"),
        ([5, 6, 7], [4, 4, 3.5], "helping", "more than its usual day-to-day swing of 2.0"),
        ([4, 4, 4], [6, 6, 6], "worse", "gone up by 2.0 points"),  # 2 points up exactly
        ([6, 6, 6], [7.5, 7.5, 7.5], "no change", "rose by 1.5"),  # 25 % up
        ([3, 4, 5], [6, 6, 6], "no change", "usual day-to-day swing of 2.0"),  # up 2, swing 2
    ],
)
def test_the_verdict_at_the_edges_of_its_thresholds(before, after, outcome, words):
    verdict = judge(_before_and_trial(before, after))[0]
    assert verdict.trial.before and len(verdict.trial.days) == 5
    assert verdict.outcome == outcome, verdict.answer
    assert words in verdict.answer


def test_the_verdict_says_its_numbers_and_the_swing():
    verdict = judge(_before_and_trial([5, 6, 7], [4, 4, 3.5]))[0]
    assert verdict.swing == 2.0
    assert verdict.numbers == (
        "pain 6.0 → 3.8 out of 10 (down 2.2, 36 %); day-to-day swing before: 2.0; 5 days logged"
    )
    alone = judge(_log([7, 7, 6, 6, 5, 4, 4]))[0]  # no days before the trial
    assert alone.swing is None and "swing before: not measured" in alone.numbers
    assert "usual day-to-day swing is not known" in alone.answer


def test_the_threshold_cites_its_source(atlas):
    from painmap.progress.verdict import THRESHOLD_SOURCE

    source = atlas.knowledge.sources[THRESHOLD_SOURCE]
    assert source.author.startswith("John T. Farrar") and source.year == 2001
    assert "11-point numerical pain rating scale" in source.title
