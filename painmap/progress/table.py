"""The log as a table: a pandas frame for the screen, CSV for a spreadsheet.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-`` or ``@``) is
written with a leading apostrophe, so opening the CSV never runs anything from a note.

>>> from datetime import date
>>> print(entries_csv([Entry(date(2026, 11, 20), first_steps=6, note="=1+1")]), end="")
day,pain_first_steps,pain_end_of_day,walk_or_stand_minutes,step_id,step,note
2026-11-20,6,,,,,'=1+1
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from painmap.progress.entry import Entry

COLUMNS = {
    "day": "day",
    "first_steps": "pain_first_steps",
    "end_of_day": "pain_end_of_day",
    "walk_minutes": "walk_or_stand_minutes",
    "step_id": "step_id",
    "step_name": "step",
    "note": "note",
}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def entries_frame(entries: Sequence[Entry]) -> pd.DataFrame:
    """One row a day, oldest first, with the CSV's column names; whole numbers stay whole."""
    rows = [e.as_row() for e in sorted(entries, key=lambda e: e.day)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS)).rename(columns=COLUMNS)
    for column in ("pain_first_steps", "pain_end_of_day", "walk_or_stand_minutes"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _safe(text):
    return "'" + text if isinstance(text, str) and text.startswith(_FORMULA) else text


def entries_csv(entries: Sequence[Entry]) -> str:
    """The log as CSV text (UTF-8, one header row)."""
    frame = entries_frame(entries)
    for column in ("step_id", "step", "note"):
        frame[column] = frame[column].map(_safe)
    return frame.to_csv(index=False, lineterminator="\n")
