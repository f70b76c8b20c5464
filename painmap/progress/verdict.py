"""Is it working? A plain answer for each self-care step tried, with the numbers behind it.

The method is seed-003's: try one step for 5 to 7 days, keep notes of pain and of how well you
move; less pain, or more activity before the pain starts, means the right direction even if
the pain is not gone; if nothing changes, try another step. Here a trial is a run of logged
days with the same step. Its last three days are compared with the three days logged before
it began (or, with no days before it, with its own first two days).

A change of pain counts when it is clinically important and larger than the person's own
day-to-day swing before the trial. Clinically important is Farrar et al. (2001): on a 0 to 10
scale a fall of about 2 points, or of about 30 %, is what people call "much improved"; below
one point (the scale's own step) nothing counts. The swing is the range of the day's pain over
the days the trial is compared with (highest minus lowest); with fewer than two such days it
cannot be measured, and the clinical threshold alone decides.

- **too early**: fewer than 5 days logged with the step;
- **helping**: the pain fell by a change that counts, or walking or standing time rose by a
  fifth or more while the pain rose by less than a point;
- **worse**: the pain rose by a change that counts and walking did not improve;
- **no change**: anything else.

>>> from datetime import date, timedelta
>>> days = [date(2026, 11, 1) + timedelta(n) for n in range(8)]
>>> log = [Entry(d, first_steps=7 - n // 2, step_id="ice") for n, d in enumerate(days)]
>>> v = judge(log)[-1]
>>> v.outcome, round(v.pain_before, 1), round(v.pain_after, 1)
('helping', 7.0, 4.3)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from painmap.measures import percent
from painmap.plain import quoted
from painmap.progress.entry import Entry
from painmap.wording import counted

MIN_DAYS = 5  # seed-003: give a step 5 to 7 days before judging it
COMPARED_DAYS = 3
IMPORTANT_POINTS = 2.0  # Farrar 2001: a change of about 2 points out of 10...
IMPORTANT_SHARE = 0.3  # ...or of about 30 % of the pain before is clinically important
MIN_POINTS = 1.0  # one step of the 0 to 10 scale: a smaller change never counts
WALK_SHARE = 0.2  # change in walking or standing time that counts
THRESHOLD_SOURCE = "farrar-pain-nrs-2001"
RULE = (
    "A change of pain counts when it is clinically important (2 points or 30 % out of 10, and "
    "at least 1 point) and larger than your own day-to-day swing in the days before the step."
)
_EPS = 1e-9  # means of whole and half points: compare at the edges without float noise


@dataclass(frozen=True)
class Trial:
    """A run of logged days with the same self-care step, and the days logged before it."""

    step_id: str
    step_name: str
    days: tuple[Entry, ...]
    before: tuple[Entry, ...]


@dataclass(frozen=True)
class Verdict:
    """The answer for one trial, and the figures it rests on."""

    trial: Trial
    outcome: str  # "too early", "helping", "no change" or "worse"
    answer: str
    pain_before: float | None
    pain_after: float | None
    walk_before: float | None
    walk_after: float | None
    swing: float | None = None

    @property
    def numbers(self) -> str:
        """The figures behind the answer, in one line."""
        if self.pain_before is None:
            return f"{counted(len(self.trial.days), 'day')} logged"
        change = self.pain_after - self.pain_before
        parts = [f"pain {self.pain_before:.1f} → {self.pain_after:.1f} out of 10"]
        if round(change, 1):
            way = "down" if change < 0 else "up"
            share = f", {percent(abs(change) / self.pain_before)}" if self.pain_before else ""
            parts[0] += f" ({way} {abs(change):.1f}{share})"
        if self.swing is None:
            parts.append("day-to-day swing before: not measured")
        else:
            parts.append(f"day-to-day swing before: {self.swing:.1f}")
        if self.walk_before is not None and self.walk_after is not None:
            parts.append(f"walking or standing {self.walk_before:.0f} → {self.walk_after:.0f} min")
        parts.append(f"{len(self.trial.days)} days logged")
        return "; ".join(parts)


def trials(entries: Sequence[Entry]) -> list[Trial]:
    """The trials in ``entries``, oldest first; days logged without a step belong to none."""
    ordered = sorted(entries, key=lambda e: e.day)
    found: list[Trial] = []
    run: list[Entry] = []
    for entry in ordered:
        if entry.step_id is None:
            continue
        if run and entry.step_id != run[0].step_id:
            found.append(_trial(run, ordered))
            run = []
        run.append(entry)
    if run:
        found.append(_trial(run, ordered))
    return found


def _trial(run: list[Entry], ordered: list[Entry]) -> Trial:
    earlier = [e for e in ordered if e.day < run[0].day][-COMPARED_DAYS:]
    name = next((e.step_name for e in run if e.step_name), run[0].step_id)
    return Trial(run[0].step_id, name, tuple(run), tuple(earlier))


def _mean(values) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def swing_of(days: Sequence[Entry]) -> float | None:
    """The day-to-day swing of ``days``: highest minus lowest day's pain; None for fewer
    than two days.

    >>> from datetime import date
    >>> swing_of([Entry(date(2026, 11, d), first_steps=p) for d, p in ((1, 5), (2, 7), (3, 6))])
    2.0
    """
    pains = [e.pain for e in days]
    return float(max(pains) - min(pains)) if len(pains) >= 2 else None


def counts(change: float, before: float, swing: float | None) -> bool:
    """Whether a change of pain (either way) counts: clinically important and beyond the swing.

    >>> counts(-2.0, 8.0, None), counts(-1.5, 5.0, 0.0), counts(-0.9, 3.0, None)
    (True, True, False)
    >>> counts(-2.0, 6.0, 2.0)  # no larger than the person's own day-to-day swing
    False
    """
    size = abs(change)
    important = size >= MIN_POINTS - _EPS and (
        size >= IMPORTANT_POINTS - _EPS or size >= IMPORTANT_SHARE * before - _EPS
    )
    return important and (swing is None or size > swing + _EPS)


def _why_not(change: float, before: float, swing: float | None) -> str:
    """Why a change of pain did not count, in words."""
    if abs(change) < 0.05:
        return "the pain is where it was"
    way = "fell" if change < 0 else "rose"
    said = f"the pain {way} by {abs(change):.1f}"
    if swing is not None and abs(change) <= swing + _EPS and counts(change, before, None):
        return f"{said}, no more than its usual day-to-day swing of {swing:.1f}"
    return f"{said}, less than a clear change (2 points or 30 %, and at least 1 point)"


def _verdict(trial: Trial, plan=None) -> Verdict:
    days = trial.days
    step = plan.step(trial.step_id) if plan else None
    if len(days) < MIN_DAYS:
        left = MIN_DAYS - len(days)
        answer = (
            f"Too early to tell: {len(days)} of at least {MIN_DAYS} days logged with "
            f"{quoted(trial.step_name, 80)}. Keep going for {counted(left, 'more day')}."
        )
        return Verdict(trial, "too early", answer, None, None, None, None)
    before = trial.before or days[:2]
    swing = swing_of(trial.before)
    after = days[-COMPARED_DAYS:]
    pain_before, pain_after = _mean(e.pain for e in before), _mean(e.pain for e in after)
    walk_before = _mean(e.walk_minutes for e in before)
    walk_after = _mean(e.walk_minutes for e in after)
    change = pain_after - pain_before
    important = counts(change, pain_before, swing)
    walk_better = (
        walk_before is not None
        and walk_after is not None
        and walk_after > walk_before
        and walk_after >= walk_before * (1 + WALK_SHARE)
    )
    name = quoted(trial.step_name, 80)
    if change < 0 and important:
        outcome = "helping"
        beyond = (
            f"more than its usual day-to-day swing of {swing:.1f}"
            if swing is not None
            else "though its usual day-to-day swing is not known (no days logged before)"
        )
        answer = (
            f"Yes, {name} seems to help: the pain fell by {-change:.1f} points, a clear "
            f"change, {beyond}. Keep it going; the pain will not be gone in a week."
        )
    elif walk_better and change < MIN_POINTS:
        outcome = "helping"
        answer = (
            f"Yes, {name} seems to help: more time on your feet without more pain. Keep "
            "it going; the pain will not be gone in a week."
        )
    elif change > 0 and important and not walk_better:
        outcome = "worse"
        answer = (
            f"No: the pain has gone up by {change:.1f} points while trying {name}. "
            "Stop it. "
            "If the pain keeps rising, see a clinician."
        )
        if step and step.not_working:
            answer += f" (This step's own warning: stop if {step.not_working}.)"
    else:
        outcome = "no change"
        following = plan.after(trial.step_id) if plan else None
        answer = f"Not yet: {_why_not(change, pain_before, swing)} with {name}. "
        answer += (
            f"Try the next step, {quoted(following.name, 80)}, or add it."
            if following
            else "Try another step, or ask a clinician."
        )
    if step and outcome != "worse" and len(days) < step.trial_days:
        answer += f" Its usual trial is {step.trial}; judge it again then."
    return Verdict(trial, outcome, answer, pain_before, pain_after, walk_before, walk_after, swing)


def judge(entries: Sequence[Entry], plan=None) -> list[Verdict]:
    """A verdict for every trial in ``entries``, oldest first; ``plan`` adds each step's
    own trial length and warning, and which step to try next."""
    return [_verdict(trial, plan) for trial in trials(entries)]
