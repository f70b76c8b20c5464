"""Is it working? A plain answer for each self-care step tried, with the numbers behind it.

The method is seed-003's: try one step for 5 to 7 days, keep notes of pain and of how well you
move; less pain, or more activity before the pain starts, means the right direction even if
the pain is not gone; if nothing changes, try another step. Here a trial is a run of logged
days with the same step. Its last three days are compared with the three days logged before
it began (or, with no days before it, with its own first two days).

- **too early**: fewer than 5 days logged with the step;
- **helping**: the day's pain fell by at least 1 point out of 10, or walking or standing time
  rose by a fifth or more without the pain rising;
- **worse**: the pain rose by at least 1 point and walking did not improve;
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

from painmap.progress.entry import Entry

MIN_DAYS = 5  # seed-003: give a step 5 to 7 days before judging it
COMPARED_DAYS = 3
PAIN_POINTS = 1.0  # change in the day's pain (0 to 10) that counts
WALK_SHARE = 0.2  # change in walking or standing time that counts


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

    @property
    def numbers(self) -> str:
        """The figures behind the answer, in one line."""
        if self.pain_before is None:
            return f"{len(self.trial.days)} day(s) logged"
        parts = [f"pain {self.pain_before:.1f} → {self.pain_after:.1f} out of 10"]
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


def _verdict(trial: Trial, plan=None) -> Verdict:
    days = trial.days
    step = plan.step(trial.step_id) if plan else None
    if len(days) < MIN_DAYS:
        left = MIN_DAYS - len(days)
        answer = (f"Too early to tell: {len(days)} of at least {MIN_DAYS} days logged with "
                  f"{trial.step_name!r}. Keep going for {left} more day(s).")  # fmt: skip
        return Verdict(trial, "too early", answer, None, None, None, None)
    before = trial.before or days[:2]
    after = days[-COMPARED_DAYS:]
    pain_before, pain_after = _mean(e.pain for e in before), _mean(e.pain for e in after)
    walk_before = _mean(e.walk_minutes for e in before)
    walk_after = _mean(e.walk_minutes for e in after)
    pain_change = pain_after - pain_before
    walk_better = (
        walk_before is not None
        and walk_after is not None
        and walk_after > walk_before
        and walk_after >= walk_before * (1 + WALK_SHARE)
    )
    if pain_change <= -PAIN_POINTS or (walk_better and pain_change < PAIN_POINTS):
        outcome = "helping"
        answer = (f"Yes, {trial.step_name!r} seems to help: less pain or more time on "
                  "your feet. Keep it going; the pain will not be gone in a week.")  # fmt: skip
    elif pain_change >= PAIN_POINTS and not walk_better:
        outcome = "worse"
        answer = (f"No: the pain has gone up while trying {trial.step_name!r}. Stop it. "
                  "If the pain keeps rising, see a clinician.")  # fmt: skip
        if step and step.not_working:
            answer += f" (This step's own warning: stop if {step.not_working}.)"
    else:
        outcome = "no change"
        following = plan.after(trial.step_id) if plan else None
        answer = f"Not yet: nothing much has changed with {trial.step_name!r}. "
        answer += (f"Try the next step, {following.name!r}, or add it."
                   if following else "Try another step, or ask a clinician.")  # fmt: skip
    if step and outcome != "worse" and len(days) < step.trial_days:
        answer += f" Its usual trial is {step.trial}; judge it again then."
    return Verdict(trial, outcome, answer, pain_before, pain_after, walk_before, walk_after)


def judge(entries: Sequence[Entry], plan=None) -> list[Verdict]:
    """A verdict for every trial in ``entries``, oldest first; ``plan`` adds each step's
    own trial length and warning, and which step to try next."""
    return [_verdict(trial, plan) for trial in trials(entries)]
