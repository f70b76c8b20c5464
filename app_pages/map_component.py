"""PainMap's own map component (Streamlit Components v2): a tap or a click places a mark
exactly where it lands, drawn in the browser at once; the rules live in :mod:`painmap.clicks`.

The JavaScript and CSS live beside this file; plotly.js and each view's body are served by
this app from ``static/`` (see :func:`painmap.map_payload.publish`), never from a CDN.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_pages import state
from painmap.clicks import apply_events

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


def pain_map(atlas, data: dict, view: str, side: str, key: str = "pain_map") -> None:
    """Mount the map with ``data`` (from :func:`painmap.map_payload.map_data`)."""
    _MAP(key=key, data=data, on_event_change=lambda: _on_event(atlas, key, view, side))
