"""Presentation: the current map full width, large, with the controls out of the way."""

import streamlit as st

from app_pages import panels, state
from app_pages.shared import VIEW_NAMES, atlas
from painmap.matching import analyse, drawn
from painmap.render import figure

ATLAS = atlas()
state.init()
ss = st.session_state
# Full width for a screen or a tablet: the sidebar and page padding go (local CSS only).
st.html(
    "<style>[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'] {display: none;}"
    " .block-container {padding-top: 1rem; max-width: 100%;}</style>"
)
given = state.answers()
if "present_view" not in ss:
    ss.present_view = ss.view


def follow():
    """The map page opens on the view last shown here."""
    if ss.present_view:
        ss.view = ss.kept["view"] = ss.present_view


view = (
    st.segmented_control(
        "View",
        list(VIEW_NAMES),
        format_func=VIEW_NAMES.get,
        key="present_view",
        on_change=follow,
        label_visibility="collapsed",
    )
    or ss.view
)
analysis = analyse(ATLAS, ss.marks, side=ss.side, **given)
shown = drawn(analysis.results, [ss.selected] if ss.selected else None)
fig = figure(ATLAS, view, ss.side, marks=ss.marks, highlight=list(shown), strengths=shown)
fig.update_layout(
    height=900, font=dict(size=18), title=dict(font=dict(size=24)), legend=dict(font=dict(size=17))
)
st.plotly_chart(fig, width="stretch", key="present", config={"displaylogo": False})
panels.red_flags(ATLAS, analysis.red_flags)
st.caption(panels.DISCLAIMER)
