"""Red flags first: how soon to be seen, and the one sentence that stands above every result.

While any red flag stands, the results still explain, but nothing to try at home is offered:
no self-care, no pressing a trigger point, until a clinician has seen it.

>>> from painmap import load_atlas
>>> urgency_of(load_atlas(), ["cannot_bear_weight", "cold_pale_foot"])
'emergency'
"""

from __future__ import annotations

from collections.abc import Iterable

URGENCIES = ("emergency", "today", "soon")  # most urgent first
URGENCY_WORDS = {
    "emergency": "now: call emergency services or go to an emergency department",
    "today": "today",
    "soon": "soon, within a few days",
}
CHECK_FIRST = "Get this checked first"


def urgency_of(atlas, red_flags: Iterable[str]) -> str | None:
    """The most urgent urgency among ``red_flags``, or None when there are none."""
    found = {atlas.knowledge.symptoms[f].urgency for f in red_flags}
    return next((u for u in URGENCIES if u in found), None)


def check_first(atlas, red_flags: Iterable[str]) -> str | None:
    """The sentence shown above every result while a red flag stands, or None."""
    urgency = urgency_of(atlas, red_flags)
    if urgency is None:
        return None
    return (
        f"{CHECK_FIRST}, {URGENCY_WORDS[urgency]}. Nothing below is a reason to wait, and "
        "nothing to try at home is offered until a clinician has seen it."
    )
