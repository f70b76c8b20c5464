"""Read one view of the atlas from its GeoJSON file, validated, into a :class:`ViewMap`.

Every fault found is collected as a :class:`~painmap.errors.Problem` naming the file and the
feature, so ``python -m painmap validate`` can list them all at once.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import MappingProxyType

import shapely
from shapely import LineString, Point, Polygon

from painmap.contract import LANDMARK_IDS, VIEW_IDS
from painmap.errors import AtlasError, Problem
from painmap.viewmap import TONES, Detail, ViewMap
from painmap.vocabulary import Side

# A drawing of an adult foot and leg spans a few hundred millimetres. Far smaller or larger
# extents mean the file was saved in other units (centimetres, metres, degrees).
EXTENT_MM = (150.0, 1200.0)


def read_feature_collection(path: Path, name: str) -> dict:
    """The GeoJSON FeatureCollection at ``path``; AtlasError naming ``name`` if unreadable."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AtlasError([Problem(name, None, "file is missing")]) from None
    except UnicodeDecodeError:
        raise AtlasError([Problem(name, None, "is not UTF-8 text")]) from None
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}: {err.msg}"
        raise AtlasError([Problem(name, None, f"is not valid JSON ({where})")]) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise AtlasError([Problem(name, None, "is not a GeoJSON FeatureCollection")])
    return document


def read_geometry(feature, expected: tuple[type, ...]):
    """A feature's geometry, or the sentence saying why it cannot be used."""
    try:
        geometry = shapely.geometry.shape(feature.get("geometry") or {})
    except Exception as err:  # shapely raises several types for malformed GeoJSON
        return None, f"geometry cannot be read ({err})"
    coords = shapely.get_coordinates(geometry)
    if not coords.size or not all(math.isfinite(v) for v in coords.ravel()):
        return None, "geometry is empty or has coordinates that are not finite numbers"
    if not isinstance(geometry, expected):
        names = " or ".join(t.__name__ for t in expected)
        return None, f"must be a {names}, not a {geometry.geom_type}"
    if not geometry.is_valid:
        return None, f"invalid geometry: {shapely.is_valid_reason(geometry)}"
    return geometry, None


# Each kind of feature a view file holds, with the geometry it must have.
FEATURE_KINDS = {"outline": Polygon, "detail": LineString, "landmark": Point}


def _read_meta(meta, view: str, fault) -> float | None:
    """Check the file's "painmap" member; return its fade height, if any."""
    if not isinstance(meta, dict):
        fault(None, 'has no "painmap" member (view, side, units)')
        meta = {}
    if meta.get("view") != view or view not in VIEW_IDS:
        fault(
            None,
            f"view {meta.get('view')!r} is not a known view matching the file name "
            f"(known: {', '.join(VIEW_IDS)})",
        )
    if meta.get("units") != "mm":
        fault(None, f'units must be "mm", not {meta.get("units")!r}')
    if meta.get("side", Side.RIGHT) != Side.RIGHT:
        fault(None, "the atlas is drawn for the right side only; the left is mirrored in code")
    fade = meta.get("fade_above")
    if fade is not None and not (isinstance(fade, int | float) and math.isfinite(fade)):
        fault(None, f'"fade_above" must be a height in mm, not {fade!r}')
        return None
    return None if fade is None else float(fade)


def _read_detail(item: str, fid: str, props: dict, geometry, fault) -> Detail | None:
    fill, caption = props.get("fill"), props.get("caption")
    if fill is not None and (fill not in TONES or not geometry.is_closed):
        tones = f"{', '.join(TONES[:-1])} or {TONES[-1]}"
        fault(item, f"a filled detail is a closed line with fill {tones}")
        return None
    if caption is not None and not (isinstance(caption, str) and caption.strip()):
        fault(item, '"caption" must be a short text')
        return None
    return Detail(fid, str(props.get("label") or fid), geometry, fill, caption)


def _read_features(features: list, fault):
    """The outlines, details and landmarks among ``features``; each fault is reported."""
    outlines: list[Polygon] = []
    details: list[Detail] = []
    landmarks: dict[str, Point] = {}
    seen: set[tuple[str, str]] = set()
    for index, feature in enumerate(features):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = props if isinstance(props, dict) else {}
        kind, fid = props.get("kind"), props.get("id")
        item = f"feature {index} ({kind or 'no kind'} {fid or 'without id'})"
        if kind not in FEATURE_KINDS:
            *others, last = FEATURE_KINDS
            fault(item, f'property "kind" must be {", ".join(others)} or {last}')
            continue
        if not isinstance(fid, str) or not fid:
            fault(item, 'property "id" is missing')
            continue
        if (kind, fid) in seen:
            fault(item, f"duplicate {kind} id {fid!r}")
            continue
        seen.add((kind, fid))
        geometry, why = read_geometry(feature, (FEATURE_KINDS[kind],))
        if why:
            fault(item, why.replace("must be", f"a {kind} must be"))
        elif kind == "outline":
            outlines.append(geometry)
        elif kind == "detail":
            detail = _read_detail(item, fid, props, geometry, fault)
            details += [detail] if detail else []
        else:
            landmarks[fid] = geometry
    return outlines, details, landmarks


def _check_outline(view: str, outlines: list, landmarks: dict, fault) -> None:
    """One outline, of a foot's size in mm, holding every landmark; the contract's all there."""
    if len(outlines) != 1:
        fault(None, f"must have exactly one outline polygon, found {len(outlines)}")
    else:
        outline = outlines[0]
        minx, miny, maxx, maxy = outline.bounds
        extent = max(maxx - minx, maxy - miny)
        if not EXTENT_MM[0] <= extent <= EXTENT_MM[1]:
            fault(
                "outline",
                f"spans {extent:g} units; an adult foot and leg in millimetres "
                f"spans {EXTENT_MM[0]:g} to {EXTENT_MM[1]:g}: are the units right?",
            )
        for lid, point in landmarks.items():
            if not outline.contains(point):
                fault(f"landmark {lid}", f"at ({point.x:g}, {point.y:g}) lies outside the outline")
    for lid in LANDMARK_IDS.get(view, ()):
        if lid not in landmarks:
            fault(f"landmark {lid}", "is missing (it is part of the public contract)")


def read_view(path: Path, label: str | None = None) -> ViewMap:
    """Read and validate the view file at ``path``; raise AtlasError listing every fault.

    ``label`` is how the file is named in messages (default: the path as given).
    """
    name = label or str(path)
    problems: list[Problem] = []

    def fault(item, message):
        problems.append(Problem(name, item, message))

    document = read_feature_collection(path, name)
    view = Path(path).stem
    fade = _read_meta(document.get("painmap"), view, fault)
    features = document.get("features")
    if not isinstance(features, list):
        raise AtlasError([*problems, Problem(name, None, '"features" is not a list')])
    outlines, details, landmarks = _read_features(features, fault)
    _check_outline(view, outlines, landmarks, fault)
    if problems:
        raise AtlasError(problems)
    return ViewMap(view, Side.RIGHT, outlines[0], tuple(details), MappingProxyType(landmarks), fade)
