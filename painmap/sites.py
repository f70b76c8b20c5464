"""A trigger point's sites, numbered, and the pain zones each one refers to.

"Site 1 → back of the heel": the sites are a pattern's ``trigger_point`` zones, numbered 1, 2, ...
in the order its file gives them (over all views); each refers pain to the zones its ``refers``
names, or to all its pain zones. A zone without a label is called by its role and view.

>>> from painmap import load_atlas
>>> atlas = load_atlas()
>>> [s.number for s in sites(atlas, "soleus")]
[1, 2, 3]
>>> for _, line in site_groups(atlas, "soleus"):
...     print(line)
knot 1 → back of the heel and lower Achilles; under the heel (sole)
knot 2 → back of the heel and lower Achilles; under the heel (sole); middle of the calf
knot 3 → middle of the calf
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely import Point

from painmap.geometry import site_point
from painmap.vocabulary import ROLE_WORDS, VIEWS, Role


@dataclass(frozen=True)
class Site:
    """One trigger-point site of a pattern: its number, view, zone, point, and where it sends
    pain (the indexes of the pattern's zones, as in ``atlas.zones.zone``)."""

    number: int
    view: str
    zone: int
    point: Point
    refers: tuple[int, ...]


def sites(atlas, pattern_id: str) -> list[Site]:
    """The pattern's trigger-point sites on the atlas, numbered (right side's frame)."""
    rows = atlas.zones[
        (atlas.zones.pattern_id == pattern_id) & (atlas.zones.role == Role.TRIGGER_POINT)
    ]
    return [
        Site(n, row.view, int(row.zone), site_point(row.geometry), tuple(row.refers))
        for n, row in enumerate(rows.sort_values("zone").itertuples(), start=1)
    ]


def zone_place(atlas, pattern_id: str, zone: int, here: str | None = None) -> str:
    """A pain zone in words: its label, or its role and view ("main pain on the sole"); a
    labelled zone on another view than ``here`` says which view ("under the heel (sole)")."""
    row = atlas.zones[(atlas.zones.pattern_id == pattern_id) & (atlas.zones.zone == zone)].iloc[0]
    if not row.label:
        return f"{ROLE_WORDS[row.role]} {VIEWS[row.view].on}"
    return row.label if row.view == here else f"{row.label} ({VIEWS[row.view].name.lower()})"


def knots(numbers) -> str:
    """'knot 1', 'knots 1 and 3', 'knots 1, 2 and 4'."""
    numbers = [str(n) for n in numbers]
    if len(numbers) == 1:
        return f"knot {numbers[0]}"
    return f"knots {', '.join(numbers[:-1])} and {numbers[-1]}"


def site_groups(atlas, pattern_id: str, view: str | None = None) -> list[tuple[list[Site], str]]:
    """The sites (of ``view``, or all), those sending pain to the same zones together, each
    group with its line: 'knots 1 and 2 → back of the heel; under the heel (sole)'."""
    groups: dict[tuple[int, ...], list[Site]] = {}
    for site in sites(atlas, pattern_id):
        if view is None or site.view == view:
            groups.setdefault(site.refers, []).append(site)
    lines = []
    for refers, members in groups.items():
        here = view or members[0].view
        places = "; ".join(zone_place(atlas, pattern_id, z, here) for z in refers)
        lines.append((members, f"{knots(s.number for s in members)} → {places or 'off the map'}"))
    return lines


def referred_by(atlas, pattern_id: str, zone: int) -> list[int]:
    """The numbers of the sites that send pain to ``zone``."""
    return [s.number for s in sites(atlas, pattern_id) if zone in s.refers]
