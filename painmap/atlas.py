"""The atlas: the five drawn views of the foot and lower leg and their muscle layer, read once
and validated.

>>> atlas = load_atlas()
>>> atlas.view("plantar", "left").landmark_xy("heel_center")
(-0.0, 38.0)
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.errors import AtlasError, Problem
from painmap.io.maps import read_view
from painmap.io.muscles import read_muscles
from painmap.knowledge import Knowledge, read_knowledge
from painmap.muscles import MuscleLayer
from painmap.settings import data_root
from painmap.version import __version__
from painmap.viewmap import ViewMap
from painmap.vocabulary import Kind, Side, check_side, check_view

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one atlas, one index
class Atlas:
    """The drawn views for both sides (``root/maps``) and the knowledge base (``root/data``)."""

    root: Path
    version: str
    views: Mapping[tuple[str, str], ViewMap] = field(repr=False)
    knowledge: Knowledge = field(repr=False)
    muscle_layers: Mapping[str, MuscleLayer] = field(repr=False)

    @property
    def zones(self) -> pd.DataFrame:
        """One row per zone: pattern_id, view, role, zone, geometry (right side), area (mm²)."""
        return self.knowledge.zones

    @property
    def patterns(self):
        """The patterns by id."""
        return self.knowledge.patterns

    def view(self, view: str, side: str = Side.RIGHT) -> ViewMap:
        """One view as it lies for ``side``."""
        return self.views[(check_view(view), check_side(side))]

    def muscle_layer(self, side: str = Side.RIGHT) -> MuscleLayer:
        """The muscles and tendons as they lie for ``side``."""
        return self.muscle_layers[check_side(side)]

    def landmarks(self, view: str | None = None, side: str = Side.RIGHT) -> pd.DataFrame:
        """Every landmark (of one view, or all), one row each: view, id, x, y."""
        rows = [
            {"view": v, "id": lid, "x": p.x, "y": p.y}
            for v in ((check_view(view),) if view else VIEW_IDS)
            for lid, p in self.view(v, side).landmarks.items()
        ]
        return pd.DataFrame(rows, columns=["view", "id", "x", "y"])


def read_atlas(root: Path | str = ROOT) -> Atlas:
    """Read and validate the atlas under ``root``; AtlasError lists every fault in every file."""
    root = Path(root)
    problems: list[Problem] = []
    views: dict[tuple[str, str], ViewMap] = {}
    digest = hashlib.sha256()
    for view in VIEW_IDS:
        path = root / "maps" / f"{view}.geojson"
        try:
            right = read_view(path, label=f"maps/{view}.geojson")
        except AtlasError as err:
            problems.extend(err.problems)
            continue
        for side in SIDE_IDS:
            views[(view, side)] = right.for_side(side)
    knowledge = read_knowledge(root, views, problems)
    trigger_points = {p.id for p in knowledge.patterns.values() if p.kind == Kind.TRIGGER_POINT}
    layer = read_muscles(root / "maps" / "muscles.geojson", views, trigger_points, problems)
    if problems:
        raise AtlasError(problems)
    for path in sorted([*root.glob("maps/*.geojson"), *root.glob("data/**/*.yaml")]):
        digest.update(path.read_bytes())
    version = f"{__version__}+{digest.hexdigest()[:10]}"
    layers = {side: layer.for_side(side) for side in SIDE_IDS}
    return Atlas(root=root, version=version, views=views, knowledge=knowledge, muscle_layers=layers)


def load_atlas(root: Path | str | None = None) -> Atlas:
    """The bundled atlas (maps/ and data/ beside the package), read once per process.

    ``root`` (or the environment variable ``PAINMAP_ROOT``) points at another project folder,
    e.g. a clinic's own edited maps and data.
    """
    return _load(Path(root or data_root() or ROOT).resolve())


@functools.cache
def _load(root: Path) -> Atlas:
    return read_atlas(root)
