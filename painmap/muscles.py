"""The muscle layer: the muscles of the trigger points, and their main tendons, on each view.

Drawn once for the right side (``maps/muscles.geojson``, read by :mod:`painmap.io.muscles`), the
left being its mirror image. A muscle is named by its pattern id (``soleus``) and drawn in every
view where it shows, as superficial (solid) or deep (dashed, under another muscle).

>>> from painmap import load_atlas
>>> layer = load_atlas().muscle_layer()
>>> soleus = layer.muscle("soleus", "posterior")
>>> soleus.name, soleus.depth
('Soleus', 'deep')
>>> sorted(layer.views_of("soleus"))
['lateral', 'medial', 'posterior']
>>> left = load_atlas().muscle_layer("left").muscle("soleus", "posterior")
>>> left.shape.bounds[0] == -soleus.shape.bounds[2]
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from shapely.geometry.base import BaseGeometry

from painmap.geometry import to_side
from painmap.vocabulary import Side

DEPTHS = ("superficial", "deep")  # superficial drawn solid, deep dashed


@dataclass(frozen=True)
class Muscle:
    """One muscle as it shows in one view: its outline (a polygon or several), depth and name."""

    id: str
    view: str
    name: str
    depth: str
    shape: BaseGeometry


@dataclass(frozen=True)
class Tendon:
    """A main tendon in one view, the muscles it belongs to, its depth and name."""

    id: str
    view: str
    name: str
    depth: str
    muscles: tuple[str, ...]
    shape: BaseGeometry


@dataclass(frozen=True)
class MuscleLayer:
    """Every muscle and tendon drawn, for one side; look them up by id and view."""

    side: str
    muscles: Mapping[tuple[str, str], Muscle]
    tendons: Mapping[tuple[str, str], Tendon]

    def for_side(self, side: str) -> MuscleLayer:
        """The layer as it lies for ``side`` (a mirror image when the side changes)."""
        if side == self.side:
            return self

        def flip(items):
            return MappingProxyType(
                {k: replace(v, shape=to_side(v.shape, Side.LEFT)) for k, v in items.items()}
            )

        return MuscleLayer(side, flip(self.muscles), flip(self.tendons))

    def muscle(self, muscle_id: str, view: str) -> Muscle | None:
        """The muscle ``muscle_id`` as drawn on ``view``, or None where it does not show."""
        return self.muscles.get((muscle_id, view))

    def in_view(self, view: str) -> list[Muscle]:
        """The muscles of ``view``, deep ones first (they are painted under the others)."""
        shown = [m for (_, v), m in self.muscles.items() if v == view]
        return sorted(shown, key=lambda m: DEPTHS.index(m.depth), reverse=True)

    def tendons_in_view(self, view: str) -> list[Tendon]:
        """The tendons of ``view``, deep ones first."""
        shown = [t for (_, v), t in self.tendons.items() if v == view]
        return sorted(shown, key=lambda t: DEPTHS.index(t.depth), reverse=True)

    def views_of(self, muscle_id: str) -> list[str]:
        """The views on which ``muscle_id`` is drawn."""
        return [v for (m, v) in self.muscles if m == muscle_id]
