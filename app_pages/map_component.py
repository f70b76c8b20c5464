"""PainMap's own map component (Streamlit Components v2): a tap or a click places a mark
exactly where it lands, drawn in the browser at once; the rules live in :mod:`painmap.clicks`.

The JavaScript and CSS live beside this file; plotly.js and each view's body are served by
this app from ``static/`` (see :func:`painmap.map_payload.publish`), never from a CDN.
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from app_pages import state
from app_pages.shared import figure_urls
from painmap.clicks import apply_events
from painmap.map_payload import map_data
from painmap.matching import drawn
from painmap.overlay import assign_colours

HERE = Path(__file__).parent
_MAP = st.components.v2.component(
    "painmap_map",
    js=(HERE / "map_component.js").read_text(encoding="utf-8"),
    css=(HERE / "map_component.css").read_text(encoding="utf-8"),
    isolate_styles=False,  # plotly.js styles its chart through the page's stylesheet
)
ss = st.session_state


def _on_event(atlas, key: str, view: str, side: str) -> None:
    """Apply the component's events to the map kept in the session."""
    event = (ss.get(key) or {}).get("event") or {}
    state.remember()
    state.keep_map(apply_events(atlas, state.map_state(), view, side, event.get("events")))


def pain_map(atlas, analysis, view: str, side: str, muscles=False, key="pain_map") -> dict:
    """Mount the map of ``view`` with the session's marks and the patterns ``analysis`` draws;
    return those patterns with their strengths."""
    shown = drawn(analysis.results, [ss.selected] if ss.selected else None)
    ss.colours = assign_colours(ss.get("colours", {}), shown)
    data = map_data(
        atlas,
        view,
        side,
        ss.marks,
        list(shown),
        shown,
        ss.colours,
        ss.get("selected_mark"),
        ss.pop("map_notice", None),
        ss.get("map_acked", 0),
        muscles,
        figure_urls(atlas)[(view, side)],
    )
    _MAP(key=key, data=data, on_event_change=lambda: _on_event(atlas, key, view, side))
    return shown


def chart(fig, description: str, key: str) -> None:
    """Draw a whole Plotly figure as tall as the window allows, with no tools (presentation)."""
    _MAP(key=key, data={"chart": json.loads(fig.to_json()), "description": description})
