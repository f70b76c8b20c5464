"""What the map component draws, as plain data: the body once per view and side, the rest per
change (zones, marks, notes), how the view is framed, and the map in words.

The body of each view (outline, tones, details, edge words, title) is written once to a static
file that the browser fetches and keeps; each change then sends only the overlay. plotly.js is
served from the plotly package's own file, by this app: nothing comes from a CDN.

>>> from painmap import Mark, load_atlas
>>> atlas = load_atlas()
>>> data = map_data(atlas, "posterior", "right", [Mark("posterior", 0, 30)], base_url="x")
>>> data["frames"]["foot"]["y"][1] < data["frames"]["whole"]["y"][1]
True
>>> data["description"].split(". ")[0]
'Right leg, back of heel, Achilles tendon and calf, seen from behind'
"""

from __future__ import annotations

import functools
import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import plotly

from painmap.marks import Mark, mark_name, numbered
from painmap.muscle_overlay import muscle_traces
from painmap.overlay import mark_traces, note_labels, scatter, zone_traces
from painmap.render import base_figure, frame
from painmap.style import PALETTE
from painmap.vocabulary import DORSAL, PLANTAR, ROLE_WORDS, VIEWS, Side
from painmap.wording import word

FOOT_FRAME_MM = 180  # a view opens on the foot and ankle: the heel to a hand above the ankle
SELECTED = "#1b1b1b"
PLOTLY_FILE = "plotly.min.js"


def frames(atlas, view: str, side: str) -> dict:
    """The axis ranges of the whole view and of the foot and ankle (what a view opens on)."""
    vmap = atlas.view(view, side)
    xrange, yrange, _ = frame(vmap)
    whole = {"x": xrange, "y": yrange}
    if yrange[1] - yrange[0] <= FOOT_FRAME_MM * 2:  # the sole and the top: all foot
        return {"whole": whole, "foot": whole}
    return {"whole": whole, "foot": {"x": xrange, "y": [yrange[0], yrange[0] + FOOT_FRAME_MM]}}


@functools.lru_cache(maxsize=16)
def body(atlas, view: str, side: str) -> str:
    """The body of one view as Plotly JSON (layout and traces), for the static file."""
    fig = base_figure(atlas, view, side).to_plotly_json()
    fig["layout"].pop("dragmode", None)
    return json.dumps(fig, separators=(",", ":"))


def publish(atlas, folder: Path) -> dict[tuple[str, str], str]:
    """Write plotly.js and every view's body under ``folder`` (the app's ``static``), once per
    atlas version; return each view and side's address relative to the app."""
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(plotly.__file__).parent / "package_data" / PLOTLY_FILE
    target = folder / PLOTLY_FILE
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        _write_whole(target, source.read_bytes())
    figures = folder / "figures"
    figures.mkdir(exist_ok=True)
    urls = {}
    for view in VIEWS:
        for side in (Side.RIGHT, Side.LEFT):
            name = f"{atlas.version}-{view}-{side}.json"
            path = figures / name
            if not path.exists():
                _write_whole(path, body(atlas, view, side).encode("utf-8"))
            urls[(view, side)] = f"app/static/figures/{name}"
    return urls


def _write_whole(path: Path, data: bytes) -> None:
    """Write a file all at once: another server on this folder never serves half of it."""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as part:
        part.write(data)
    os.replace(part.name, path)


def _nearest_landmark(vmap, x: float, y: float) -> str:
    best = min(vmap.landmarks.items(), key=lambda kv: math.hypot(kv[1].x - x, kv[1].y - y))
    return best[0].replace("_", " ")


def describe_map(atlas, view: str, side: str, items, highlight: Iterable[str]) -> str:
    """The map in words, for a screen reader: the view, each mark and area on it and where it
    lies, and the patterns drawn."""
    vmap = atlas.view(view, side)
    whole = "foot" if view in (PLANTAR, DORSAL) else "leg"
    words = [f"{side.capitalize()} {whole}, {VIEWS[view].title[0].lower()}{VIEWS[view].title[1:]}"]
    here = [(n, item) for n, item in numbered(items) if item.view == view]
    if not here:
        words.append("No marks on this view yet")
    for n, item in here:
        if isinstance(item, Mark):
            spot = _nearest_landmark(vmap, item.x, item.y)
            level = "" if item.intensity is None else f", pain {item.intensity:g} of 10"
            words.append(f"{mark_name(n, item)} near the {spot}{level}")
        else:
            c = item.polygon.representative_point()
            words.append(f"{mark_name(n, item)} around the {_nearest_landmark(vmap, c.x, c.y)}")
    drawn = [atlas.patterns[p].name for p in highlight]
    if drawn:
        words.append("Drawn: " + ", ".join(drawn))
    return ". ".join(words) + "."


def legend(atlas, view: str, highlight, strengths=None, colours=None) -> list[dict]:
    """Each drawn pattern with zones on ``view``: its name, the results' word for it, its
    colour and the roles drawn (main pain, spread, trigger-point site)."""
    model = atlas.knowledge.model
    zones = atlas.zones[atlas.zones.view == view]
    out = []
    for rank, pid in enumerate(highlight):
        roles = [r for r in ROLE_WORDS if ((zones.pattern_id == pid) & (zones.role == r)).any()]
        if not roles:
            continue
        chance = (strengths or {}).get(pid)
        out.append(
            {
                "name": f"{rank + 1} · {atlas.patterns[pid].name}",
                "word": "" if chance is None else word(chance, model.likely, model.possible),
                "colour": (colours or {}).get(pid) or PALETTE[rank % len(PALETTE)],
                "roles": [ROLE_WORDS[r] for r in roles],
            }
        )
    return out


def _selected_ring(item) -> list[dict]:
    return [
        scatter(
            x=[item.x],
            y=[item.y],
            mode="markers",
            hoverinfo="skip",
            showlegend=False,
            marker=dict(size=36, color="rgba(0,0,0,0)", line=dict(color=SELECTED, width=3)),
            name="selected mark",
        )
    ]


def map_data(
    atlas,
    view: str,
    side: str,
    items,
    highlight: Iterable[str] = (),
    strengths: Mapping[str, float] | None = None,
    colours=None,
    selected=None,
    notice: str | None = None,
    acked: int = 0,
    muscles: bool = False,
    base_url: str = "",
) -> dict:
    """Everything the component needs for one view, besides the body at ``base_url``."""
    items, highlight = list(items), list(highlight)
    layer = muscle_traces(atlas, view, side, strong=highlight) if muscles else []
    zones = zone_traces(atlas, view, side, highlight, strengths, None, colours)
    chosen = items[selected] if selected is not None and selected < len(items) else None
    ring = _selected_ring(chosen) if isinstance(chosen, Mark) and chosen.view == view else []
    # The legend is the component's own, under the drawing: inside the figure it would take
    # the drawing's room, and its height would change with every answer.
    layout = {"annotations": note_labels(items, view), "showlegend": False}
    on_view = [(i, m) for i, m in enumerate(items) if isinstance(m, Mark) and m.view == view]
    outline = atlas.view(view, side).outline
    home = outline.representative_point()
    return {
        "key": f"{view}-{side}",
        "short_title": f"{side.upper()} · {VIEWS[view].name}",  # when the full one does not fit
        "base_url": base_url,
        "frames": frames(atlas, view, side),
        "layout": layout,
        "traces": [*layer, *zones, *mark_traces(view, items), *ring],
        "marks": [{"index": i, "x": m.x, "y": m.y} for i, m in on_view],
        "count": len(items),
        "selected": selected,
        "home": [round(home.x, 1), round(home.y, 1)],
        "legend": legend(atlas, view, highlight, strengths, colours),
        "description": describe_map(atlas, view, side, items, highlight),
        "notice": notice or "",
        "acked": acked,
    }
