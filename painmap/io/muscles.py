"""Read the muscle layer (``maps/muscles.geojson``), validated, into a :class:`MuscleLayer`.

Checked against the views already read and the patterns of the knowledge base: every muscle is
a trigger point's pattern id, every tendon names such muscles, every shape is a valid polygon on
a known view and lies on the body. Each fault names the file and the feature.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType

from shapely import MultiPolygon, Polygon

from painmap.contract import VIEW_IDS
from painmap.errors import AtlasError, Problem
from painmap.io.maps import read_feature_collection, read_geometry
from painmap.muscles import DEPTHS, Muscle, MuscleLayer, Tendon
from painmap.viewmap import ViewMap
from painmap.vocabulary import Side
from painmap.wording import noun

# Shapes are drawn on the body; a millimetre over the edge is the width of the outline's line.
EDGE_MM = 1.0


def read_muscles(
    path: Path,
    views: Mapping[tuple[str, str], ViewMap],
    muscle_ids: Collection[str],
    problems: list[Problem],
    label: str = "maps/muscles.geojson",
) -> MuscleLayer | None:
    """The layer at ``path`` for the right side, or None with its faults added to ``problems``.

    ``muscle_ids`` are the ids a muscle may have (the trigger points' pattern ids).
    """
    found: list[Problem] = []

    def fault(item, message):
        found.append(Problem(label, item, message))

    try:
        document = read_feature_collection(path, label)
    except AtlasError as err:
        problems.extend(err.problems)
        return None
    meta = document.get("painmap")
    meta = meta if isinstance(meta, dict) else {}
    if meta.get("layer") != "muscles" or meta.get("units") != "mm":
        fault(None, 'needs a "painmap" member with "layer": "muscles" and "units": "mm"')
    if meta.get("side", Side.RIGHT) != Side.RIGHT:
        fault(None, "the muscles are drawn for the right side only; the left is mirrored in code")
    features = document.get("features")
    if not isinstance(features, list):
        problems.extend([*found, Problem(label, None, '"features" is not a list')])
        return None

    muscles: dict[tuple[str, str], Muscle] = {}
    tendons: dict[tuple[str, str], Tendon] = {}
    for index, feature in enumerate(features):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        kind, mid, view = props.get("kind"), props.get("id"), props.get("view")
        item = f"feature {index} ({kind or 'no kind'} {mid or 'without id'} on {view})"
        if kind not in ("muscle", "tendon"):
            fault(item, 'property "kind" must be muscle or tendon')
            continue
        if not isinstance(mid, str) or not mid:
            fault(item, 'property "id" is missing')
            continue
        if view not in VIEW_IDS:
            fault(item, f"view {view!r} is not one of {', '.join(VIEW_IDS)}")
            continue
        depth, name = props.get("depth"), props.get("name")
        if depth not in DEPTHS:
            fault(item, f"depth {depth!r} must be {' or '.join(DEPTHS)}")
            continue
        if not isinstance(name, str) or not name.strip():
            fault(item, 'property "name" is missing')
            continue
        shape, why = read_geometry(feature, (Polygon, MultiPolygon))
        if why:
            fault(item, why)
            continue
        outline = views[(view, Side.RIGHT)].outline if (view, Side.RIGHT) in views else None
        if outline is not None and not outline.buffer(EDGE_MM).contains(shape):
            beyond = shape.difference(outline).area
            fault(item, f"lies outside the {view} view's body outline ({beyond:.0f} mm² off it)")
            continue
        if kind == "muscle":
            if mid not in muscle_ids:
                fault(item, f"{mid!r} is not the id of a trigger point in data/patterns")
            elif (mid, view) in muscles:
                fault(item, f"{mid} is drawn twice on the {view} view")
            else:
                muscles[(mid, view)] = Muscle(mid, view, name.strip(), depth, shape)
            continue
        owners = props.get("muscles")
        if not isinstance(owners, list) or not owners:
            fault(item, 'a tendon needs "muscles": the ids of the muscles it belongs to')
        elif unknown := [m for m in owners if m not in muscle_ids]:
            fault(
                item,
                f"belongs to unknown {noun(len(unknown), 'muscle')}: "
                + ", ".join(map(str, unknown)),
            )
        elif (mid, view) in tendons:
            fault(item, f"{mid} is drawn twice on the {view} view")
        else:
            tendons[(mid, view)] = Tendon(mid, view, name.strip(), depth, tuple(owners), shape)
    if found:
        problems.extend(found)
        return None
    return MuscleLayer(Side.RIGHT, MappingProxyType(muscles), MappingProxyType(tendons))
