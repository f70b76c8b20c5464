"""What adding a file's days to an open log would change: new days, days that differ.

A file's day never replaces a logged day unless the person says yes; the days are then written
together (:meth:`painmap.progress.logbook.PersonLog.save_all`), all or none.

>>> from datetime import date
>>> logged = [Entry(date(2026, 1, 1), 8)]
>>> change = compare(logged, [Entry(date(2026, 1, 1), 0), Entry(date(2026, 1, 2), 5)])
>>> [e.day.day for e in change.new], [(a.first_steps, b.first_steps) for a, b in change.differ]
([2], [(8, 0)])
>>> change.words()
'1 new day; 1 day already logged differs (2026-01-01: pain at the first steps 8 → 0).'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from painmap.progress.entry import FIELDS, LABELS, Entry

SHOWN = 5  # days that differ named in the sentence; the rest are counted


@dataclass(frozen=True)
class Change:
    """The file's days set against the log's: new ones, ones that differ, ones the same."""

    new: tuple[Entry, ...]
    differ: tuple[tuple[Entry, Entry], ...]  # (logged, from the file)
    same: int

    def words(self) -> str:
        """The change in one sentence, to show before anything is written."""
        parts = [f"{len(self.new)} new day{'s' if len(self.new) != 1 else ''}"]
        if self.differ:
            named = "; ".join(_difference(a, b) for a, b in self.differ[:SHOWN])
            more = f"; and {len(self.differ) - SHOWN} more" if len(self.differ) > SHOWN else ""
            n = len(self.differ)
            parts.append(
                f"{n} day{'s' if n != 1 else ''} already logged "
                f"differ{'s' if n == 1 else ''} ({named}{more})"
            )
        if self.same:
            parts.append(f"{self.same} already logged the same")
        return "; ".join(parts) + "."


def _difference(logged: Entry, incoming: Entry) -> str:
    fields = [f for f in FIELDS if f != "day" and getattr(logged, f) != getattr(incoming, f)]
    said = ", ".join(
        f"{LABELS.get(f, f.replace('_', ' '))} {_value(logged, f)} → {_value(incoming, f)}"
        for f in fields[:3]
    )
    return f"{logged.day.isoformat()}: {said}"


def _value(entry: Entry, field: str) -> str:
    value = getattr(entry, field)
    return "none" if value in (None, "") else str(value)


def compare(logged: Sequence[Entry], incoming: Sequence[Entry]) -> Change:
    """How ``incoming`` (a file's days) would change ``logged`` (the open log's)."""
    by_day = {e.day: e for e in logged}
    new = tuple(e for e in incoming if e.day not in by_day)
    differ = tuple((by_day[e.day], e) for e in incoming if e.day in by_day and by_day[e.day] != e)
    same = sum(1 for e in incoming if by_day.get(e.day) == e)
    return Change(new, differ, same)
