"""PainMap's vocabulary, in one home: the views, the sides, the zone roles and the pattern kinds,
each an id (the contract's) with the words people read, and one way to check a value.

Roles and kinds are :class:`enum.StrEnum` members: they compare equal to their ids (so data
files and tables hold plain strings) but code names them, never spells or numbers them.

>>> Role.ESSENTIAL == "essential", ROLE_WORDS[Role.SPILLOVER]
(True, 'spread')
>>> [str(r) for r in CLAIM_ORDER]
['essential', 'trigger_point', 'spillover']
>>> check("sole", VIEW_IDS, "view")
Traceback (most recent call last):
...
ValueError: unknown view 'sole'; choose one of plantar, dorsal, medial, lateral, posterior
>>> edge_words("plantar", "left")
('medial (big-toe side)', 'lateral (little-toe side)')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Side(StrEnum):
    """The leg a map is of; the atlas is drawn for the right, the left is its mirror."""

    RIGHT = "right"
    LEFT = "left"


class Role(StrEnum):
    """What a zone of a pattern is, in the order the contract lists them."""

    ESSENTIAL = "essential"  # where most people with the pattern feel it
    SPILLOVER = "spillover"  # where some also feel it
    TRIGGER_POINT = "trigger_point"  # the muscle's knot, where pressing can set the pain off


class Kind(StrEnum):
    """What a pattern is."""

    TRIGGER_POINT = "trigger_point"
    LIGAMENT = "ligament"
    CONDITION = "condition"


class ResultList(StrEnum):
    """The two lists of the results: what it could be, and the muscles worth checking."""

    CONDITIONS = "condition"
    MUSCLES = "muscle"


VIEW_IDS = ("plantar", "dorsal", "medial", "lateral", "posterior")
SIDE_IDS = tuple(Side)
ZONE_ROLES = tuple(Role)
PATTERN_KINDS = tuple(Kind)

SIDE_WORDS = {Side.RIGHT: "Right", Side.LEFT: "Left"}
ROLE_WORDS = {
    Role.ESSENTIAL: "main pain",
    Role.SPILLOVER: "spread",
    Role.TRIGGER_POINT: "trigger point",
}
ROLE_ZONE_WORDS = {  # a zone named in a sentence ("Mark 1 lies in its main pain zone")
    Role.ESSENTIAL: "main pain zone",
    Role.SPILLOVER: "zone where the pain can spread",
    Role.TRIGGER_POINT: "trigger-point site",
}
KIND_WORDS = {
    Kind.TRIGGER_POINT: "trigger point",
    Kind.LIGAMENT: "ligament",
    Kind.CONDITION: "condition",
}
# A spot inside two zones of one pattern counts once, for the first role in this order.
CLAIM_ORDER = (Role.ESSENTIAL, Role.TRIGGER_POINT, Role.SPILLOVER)
# Drawn faint first, sites on top.
DRAW_ORDER = (Role.SPILLOVER, Role.ESSENTIAL, Role.TRIGGER_POINT)


@dataclass(frozen=True)
class ViewInfo:
    """How a view is named for people, and what its two vertical edges are for the right side."""

    id: str
    name: str
    title: str
    right_side_edges: tuple[str, str]
    on: str


VIEWS = {
    "plantar": ViewInfo(
        "plantar",
        "Sole",
        "Sole, seen from below",
        ("lateral (little-toe side)", "medial (big-toe side)"),
        "on the sole",
    ),
    "dorsal": ViewInfo(
        "dorsal",
        "Top",
        "Top of the foot, seen from above",
        ("medial (big-toe side)", "lateral (little-toe side)"),
        "on the top of the foot",
    ),
    "medial": ViewInfo(
        "medial",
        "Inner side",
        "Inner (medial) side of foot, ankle and lower leg",
        ("front (toes)", "back (heel)"),
        "on the inner side",
    ),
    "lateral": ViewInfo(
        "lateral",
        "Outer side",
        "Outer (lateral) side of foot, ankle and lower leg",
        ("back (heel)", "front (toes)"),
        "on the outer side",
    ),
    "posterior": ViewInfo(
        "posterior",
        "Back",
        "Back of heel, Achilles tendon and calf, seen from behind",
        ("medial (inner side)", "lateral (outer side)"),
        "on the back of the leg",
    ),
}
assert tuple(VIEWS) == VIEW_IDS
PLANTAR, DORSAL, MEDIAL, LATERAL, POSTERIOR = VIEW_IDS  # named where code means one view
VIEW_NAMES = {v: VIEWS[v].name for v in VIEW_IDS}


def check(value: str, allowed: Iterable[str], what: str) -> str:
    """``value`` if it is one of ``allowed``, else ValueError naming the valid ones (as shapely
    checks a string option)."""
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}")
    return value


def check_view(view: str) -> str:
    """Return ``view`` if it is a view id, else raise ValueError naming the valid ones."""
    return check(view, VIEW_IDS, "view")


def check_side(side: str) -> str:
    """Return ``side`` if it is a side id, else raise ValueError naming the valid ones."""
    return check(side, SIDE_IDS, "side")


def edge_words(view: str, side: str) -> tuple[str, str]:
    """The words for the left and right edges of ``view`` as drawn for ``side``."""
    left, right = VIEWS[check_view(view)].right_side_edges
    return (left, right) if check_side(side) == Side.RIGHT else (right, left)
