"""The map's state as plain data: what a click, a lasso or a shared link turns into.

Pure functions, no Streamlit, so every rule here is unit-tested: a link's query parameters
become a view, a side and marks, with a plain warning for anything malformed; and the state
becomes query parameters again. What a tap does is in :mod:`painmap.clicks`.

>>> state = parse_link({"view": "posterior", "side": "left", "marks": "posterior:-3,72"})
>>> state.view, state.side, state.marks, state.warnings
('posterior', 'left', (Mark(view='posterior', x=-3.0, y=72.0, intensity=None),), ())
>>> link_params(state.view, state.side, state.marks)
{'view': 'posterior', 'side': 'left', 'marks': 'posterior:-3,72'}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.marks import Area, Mark
from painmap.notation import format_marks, parse_marks
from painmap.plain import quoted
from painmap.vocabulary import PLANTAR, Side

MAX_MARKS = 60  # more than anyone marks by hand; a longer link is refused, not truncated
SAME_SPOT_MM = 1.5  # a second tap this close to a mark is the same mark


@dataclass(frozen=True)
class LinkState:
    """What a link asks for, and why any part of it was set aside."""

    view: str = PLANTAR
    side: str = Side.RIGHT
    marks: tuple[Mark, ...] = ()
    warnings: tuple[str, ...] = ()


def _one(params: Mapping, key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return None if value is None else str(value)


def parse_link(params: Mapping) -> LinkState:
    """The view, side and marks a link's query parameters ask for.

    Anything malformed is set aside with a warning and the rest kept at its default: a bad
    mark list opens a clean map rather than a partial one, since half a pain map misleads.
    """
    warnings = []
    view, side = _one(params, "view"), _one(params, "side")
    if view is not None and view not in VIEW_IDS:
        warnings.append(f"The link names an unknown view ({quoted(view, 40)}); showing the sole.")
        view = None
    if side is not None and side not in SIDE_IDS:
        warnings.append(f"The link names an unknown side ({quoted(side, 40)}); showing the right.")
        side = None
    marks: tuple[Mark, ...] = ()
    text = _one(params, "marks")
    if text:
        try:
            marks = tuple(parse_marks(text))
        except ValueError as err:
            warnings.append(f"The link's marks could not be read ({err}); opening a clean map.")
        else:
            if len(marks) > MAX_MARKS:
                warnings.append(
                    f"The link holds {len(marks)} marks, more than the {MAX_MARKS} a map takes; "
                    "opening a clean map."
                )
                marks = ()
    return LinkState(view or PLANTAR, side or Side.RIGHT, marks, tuple(warnings))


def link_params(view: str, side: str, marks: Sequence[Mark]) -> dict[str, str]:
    """The query parameters that reopen this map (``marks`` only when there are some)."""
    params = {"view": view, "side": side}
    if marks:
        params["marks"] = format_marks(marks)
    return params


def marks_per_view(marks: Sequence[Mark | Area]) -> dict[str, int]:
    """How many marks and areas each view holds."""
    counts = dict.fromkeys(VIEW_IDS, 0)
    for mark in marks:
        counts[mark.view] += 1
    return counts
