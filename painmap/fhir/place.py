"""Where a mark lies, said the way FHIR R5's BodyStructure says it: the nearest landmark, and
how many millimetres from it in which anatomical directions.

Each view's x and y axes run along two anatomical directions, given here for the right side's
frame (a left map is mirrored first, so the words hold for both sides). On the sole, seen from
below, x runs towards the big-toe (medial) edge and y towards the toes (distal).

>>> from painmap import load_atlas
>>> p = place(load_atlas(), "plantar", -19.0, 62.0, "left")
>>> p.landmark, p.steps
('medial_calcaneal_tubercle', (('medial', 6.0), ('distal', 4.0)))
>>> words(p)
'6.0 mm medial and 4.0 mm distal of the medial calcaneal tubercle'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from painmap.vocabulary import DORSAL, LATERAL, MEDIAL, PLANTAR, POSTERIOR, Side

# Per view: the directions of +x, -x, +y and -y (right side's frame), matching the edge words
# of painmap.vocabulary (a test checks the two agree).
AXES = {
    PLANTAR: (MEDIAL, LATERAL, "distal", "proximal"),
    DORSAL: (LATERAL, MEDIAL, "distal", "proximal"),
    MEDIAL: (POSTERIOR, "anterior", "superior", "inferior"),
    LATERAL: ("anterior", POSTERIOR, "superior", "inferior"),
    POSTERIOR: (LATERAL, MEDIAL, "superior", "inferior"),
}
DIRECTIONS = tuple(dict.fromkeys(d for axes in AXES.values() for d in axes))
SMALLEST_MM = 0.05  # a shorter step rounds to 0.0 mm: it is left out


@dataclass(frozen=True)
class Place:
    """A spot on a view: its nearest landmark, and (direction, mm) steps from it."""

    view: str
    landmark: str
    steps: tuple[tuple[str, float], ...]


def place(atlas, view: str, x: float, y: float, side: str) -> Place:
    """The place of the spot (x, y), given in ``side``'s own frame on ``view``."""
    x = x if side == Side.RIGHT else -x
    landmarks = atlas.view(view).landmarks
    name = min(landmarks, key=lambda k: math.hypot(landmarks[k].x - x, landmarks[k].y - y))
    dx, dy = x - landmarks[name].x, y - landmarks[name].y
    plus_x, minus_x, plus_y, minus_y = AXES[view]
    steps = ((plus_x if dx > 0 else minus_x, abs(dx)), (plus_y if dy > 0 else minus_y, abs(dy)))
    return Place(view, name, tuple((d, round(mm, 1)) for d, mm in steps if mm >= SMALLEST_MM))


def landmark_words(landmark: str) -> str:
    """A landmark's id in words: ``'medial calcaneal tubercle'``."""
    return landmark.replace("_", " ")


def words(p: Place) -> str:
    """The place in words: ``'6.0 mm medial and 4.0 mm distal of the heel center'``."""
    where = f"the {landmark_words(p.landmark)}"
    if not p.steps:
        return f"on {where}"
    return " and ".join(f"{mm:.1f} mm {d}" for d, mm in p.steps) + f" of {where}"
