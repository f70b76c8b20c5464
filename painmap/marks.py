"""A pain mark: a spot a person pointed at, on one view, in that side's own frame.

>>> Mark("plantar", 13, 58)
Mark(view='plantar', x=13.0, y=58.0, intensity=None)
>>> Mark("plantar", float("nan"), 2)
Traceback (most recent call last):
...
ValueError: mark coordinates must be finite numbers, got (nan, 2)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from painmap.views import check_view


@dataclass(frozen=True)
class Mark:
    """A point of pain on ``view`` at (x, y) mm; ``intensity`` 0 to 10 when given."""

    view: str
    x: float
    y: float
    intensity: float | None = None

    def __post_init__(self):
        check_view(self.view)
        try:
            x, y = float(self.x), float(self.y)
        except (TypeError, ValueError):
            raise ValueError(
                f"mark coordinates must be numbers, got ({self.x!r}, {self.y!r})"
            ) from None
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError(f"mark coordinates must be finite numbers, got ({self.x}, {self.y})")
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        if self.intensity is not None:
            level = float(self.intensity)
            if not 0 <= level <= 10:
                raise ValueError(f"intensity must be from 0 to 10, got {self.intensity}")
            object.__setattr__(self, "intensity", level)

    @classmethod
    def at(cls, atlas, view: str, landmark: str, side: str = "right", intensity=None) -> Mark:
        """A mark on a named landmark of ``view``, for ``side``."""
        x, y = atlas.view(view, side).landmark_xy(landmark)
        return cls(view, x, y, intensity)
