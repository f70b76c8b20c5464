"""One drawn view of the foot and leg: its outline, light detail lines and named landmarks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from shapely import LineString, Point, Polygon

from painmap.geometry import to_side
from painmap.vocabulary import Side

# The second tones of the body: hollows are shaded, what juts or bears weight is lighter, and
# the edge where the body turns away from the eye is softly darkened (the rim).
TONES = ("rim", "shade", "light")


@dataclass(frozen=True)
class Detail:
    """A light line drawn inside a view so a person finds their way (toe pad, tendon edge).

    With ``fill`` (one of :data:`TONES`) the line is closed and its inside painted in a second
    tone; ``caption`` is a word written on the figure beside it (e.g. "arch").
    """

    id: str
    label: str
    line: LineString
    fill: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class ViewMap:
    """A view as drawn for one side; coordinates in millimetres, x to the right, y up."""

    id: str
    side: str
    outline: Polygon
    details: tuple[Detail, ...]
    landmarks: Mapping[str, Point]
    fade_above: float | None = None  # a leg fades out above this height instead of a cut

    def for_side(self, side: str) -> ViewMap:
        """This view as it lies for ``side`` (a mirror image when the side changes)."""
        if side == self.side:
            return self
        return ViewMap(
            id=self.id,
            side=side,
            outline=to_side(self.outline, Side.LEFT),
            details=tuple(replace(d, line=to_side(d.line, Side.LEFT)) for d in self.details),
            landmarks=MappingProxyType(
                {k: to_side(p, Side.LEFT) for k, p in self.landmarks.items()}
            ),
            fade_above=self.fade_above,
        )

    def landmark_xy(self, landmark: str) -> tuple[float, float]:
        """The (x, y) of a landmark of this view; KeyError names the ones there are."""
        try:
            point = self.landmarks[landmark]
        except KeyError:
            known = ", ".join(sorted(self.landmarks))
            raise KeyError(
                f"no landmark {landmark!r} in the {self.id} view; it has {known}"
            ) from None
        return (point.x, point.y)
