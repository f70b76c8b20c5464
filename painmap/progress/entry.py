"""One day of a progress log: pain at the first steps and at the end of the day, how long one
could walk or stand, which self-care step was done, and a note.

Every field is checked when the entry is made, so a bad one is refused with a sentence that
names the field, and nothing half-checked reaches the database.

>>> from datetime import date
>>> Entry(date(2026, 11, 20), first_steps=6, end_of_day="4", walk_minutes=30).end_of_day
4
>>> Entry(date(2026, 11, 20), first_steps=11)
Traceback (most recent call last):
...
ValueError: pain at the first steps must be a whole number from 0 to 10, got 11
>>> Entry(date(2026, 11, 20), first_steps="bad")
Traceback (most recent call last):
...
ValueError: pain at the first steps must be a whole number from 0 to 10, got 'bad'
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date as Date

from painmap.marks import check_note
from painmap.plain import quoted

MAX_WALK_MINUTES = 24 * 60
EARLIEST = Date(1900, 1, 1)
MAX_STEP_NAME = 200

LABELS = {
    "day": "the day",
    "first_steps": "pain at the first steps",
    "end_of_day": "pain at the end of the day",
    "walk_minutes": "minutes of walking or standing",
}


def _whole(value, name: str, top: int) -> int | None:
    """``value`` as a whole number from 0 to ``top``, or None when it is empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    problem = f"{LABELS[name]} must be a whole number from 0 to {top}, got {quoted(value)}"
    if isinstance(value, bool):
        raise ValueError(problem)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(problem) from None
    if not number.is_integer() or not 0 <= number <= top:  # also refuses NaN and infinity
        raise ValueError(problem)
    return int(number)


def check_day(value) -> Date:
    """``value`` (a date or ``YYYY-MM-DD``) as a day; whether it has come is the log's check."""
    if isinstance(value, str):
        try:
            value = Date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"the day must be a date like 2026-11-23, got {quoted(value)}"
            ) from None
    if not isinstance(value, Date):
        raise ValueError(f"the day must be a date like 2026-11-23, got {quoted(value)}")
    if value < EARLIEST:
        raise ValueError(f"the day {value.isoformat()} is too long ago to log")
    return value


@dataclass(frozen=True)
class Entry:
    """A day of the log. At least one pain score is needed; the rest may be left empty."""

    day: Date
    first_steps: int | None = None
    end_of_day: int | None = None
    walk_minutes: int | None = None
    step_id: str | None = None
    step_name: str | None = None
    note: str = field(default="", repr=False)

    def __post_init__(self):
        set_ = object.__setattr__
        set_(self, "day", check_day(self.day))
        set_(self, "first_steps", _whole(self.first_steps, "first_steps", 10))
        set_(self, "end_of_day", _whole(self.end_of_day, "end_of_day", 10))
        set_(self, "walk_minutes", _whole(self.walk_minutes, "walk_minutes", MAX_WALK_MINUTES))
        if self.first_steps is None and self.end_of_day is None:
            raise ValueError("give at least one pain score (first steps or end of the day)")
        for name in ("step_id", "step_name"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or len(value) > MAX_STEP_NAME):
                raise ValueError(f"the self-care step must be a short text, got {quoted(value)}")
            set_(self, name, value or None)
        set_(self, "note", check_note(self.note))

    @property
    def pain(self) -> float:
        """The day's pain: the mean of the scores given."""
        scores = [s for s in (self.first_steps, self.end_of_day) if s is not None]
        return sum(scores) / len(scores)

    def as_row(self) -> dict:
        """The entry as plain values (the day as ``YYYY-MM-DD``), for files and tables."""
        row = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**row, "day": self.day.isoformat()}


FIELDS = tuple(f.name for f in fields(Entry))
"""An entry's fields in order: the log's columns and a session file's keys."""
