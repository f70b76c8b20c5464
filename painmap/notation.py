"""Marks and areas written as text: on the command line and in shared links.

A mark is ``VIEW:X,Y`` (millimetres, in the side's own frame) or ``VIEW:LANDMARK``, with an
optional intensity ``@N`` (0 to 10). An area is ``VIEW:X1,Y1 X2,Y2 X3,Y3 ...``. A link holds
several marks joined by ``;``.

>>> parse_mark("plantar:13,58@7")
Mark(view='plantar', x=13.0, y=58.0, intensity=7.0)
>>> format_marks([Mark("plantar", 13, 58), Mark("posterior", -0.5, 30.25)])
'plantar:13,58;posterior:-0.5,30.2'
"""

from __future__ import annotations

import re

from painmap.marks import Area, Mark
from painmap.vocabulary import Side, check_view

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_XY = re.compile(rf"^({_NUMBER}),({_NUMBER})$")


def _split(text: str, what: str) -> tuple[str, str]:
    view, sep, rest = text.strip().partition(":")
    if not sep or not rest:
        raise ValueError(f"{what} {text!r} must look like VIEW:X,Y or VIEW:LANDMARK")
    return check_view(view.strip()), rest.strip()


def parse_mark(text: str, atlas=None, side: str = Side.RIGHT) -> Mark:
    """A mark from ``VIEW:X,Y[@N]`` or, given an atlas, ``VIEW:LANDMARK[@N]``."""
    view, rest = _split(text, "mark")
    rest, _, level = rest.partition("@")
    intensity = None
    if level:
        try:
            intensity = float(level)
        except ValueError:
            raise ValueError(f"mark {text!r}: intensity {level!r} is not a number") from None
    found = _XY.match(rest.replace(" ", ""))
    if found:
        return Mark(view, float(found[1]), float(found[2]), intensity)
    if atlas is None or not re.fullmatch(r"[a-z0-9_]+", rest):
        raise ValueError(f"mark {text!r} must look like VIEW:X,Y or VIEW:LANDMARK")
    return Mark.at(atlas, view, rest, side=side, intensity=intensity)


def parse_area(text: str) -> Area:
    """An area from ``VIEW:X1,Y1 X2,Y2 X3,Y3 ...``."""
    view, rest = _split(text, "area")
    points = []
    for pair in rest.split():
        found = _XY.match(pair)
        if not found:
            raise ValueError(f"area {text!r}: {pair!r} is not a point X,Y")
        points.append((float(found[1]), float(found[2])))
    return Area(view, tuple(points))


def _number(value: float) -> str:
    """A number to 0.1, its trailing zeros dropped; never "-0".

    >>> _number(12.50), _number(-0.04)
    ('12.5', '0')
    """
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_mark(mark: Mark) -> str:
    """``VIEW:X,Y`` to 0.1 mm (finer than any finger), with ``@N`` when an intensity is set."""
    text = f"{mark.view}:{_number(mark.x)},{_number(mark.y)}"
    return text if mark.intensity is None else f"{text}@{_number(mark.intensity)}"


def format_marks(marks) -> str:
    """Marks joined for a link: ``VIEW:X,Y;VIEW:X,Y``."""
    return ";".join(format_mark(m) for m in marks)


def parse_marks(text: str) -> list[Mark]:
    """Marks from a link's ``VIEW:X,Y;VIEW:X,Y``; ValueError naming the first bad one."""
    return [parse_mark(part) for part in text.split(";") if part.strip()]
