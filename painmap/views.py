"""The five views of the atlas, and which of their edges is medial or lateral for each side.

The atlas is drawn for the right side; the left side is its mirror image in x. So for every
view the words on the left and right edges of the figure swap with the side.

>>> edge_words("plantar", "right")
('lateral (little-toe side)', 'medial (big-toe side)')
>>> edge_words("plantar", "left")
('medial (big-toe side)', 'lateral (little-toe side)')
"""

from __future__ import annotations

from dataclasses import dataclass

from painmap.contract import SIDE_IDS, VIEW_IDS


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


def check_view(view: str) -> str:
    """Return ``view`` if it is a view id, else raise ValueError naming the valid ones."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEW_IDS)}")
    return view


def check_side(side: str) -> str:
    """Return ``side`` if it is a side id, else raise ValueError naming the valid ones."""
    if side not in SIDE_IDS:
        raise ValueError(f"unknown side {side!r}; choose right or left")
    return side


def edge_words(view: str, side: str) -> tuple[str, str]:
    """The words for the left and right edges of ``view`` as drawn for ``side``."""
    left, right = VIEWS[check_view(view)].right_side_edges
    return (left, right) if check_side(side) == "right" else (right, left)
