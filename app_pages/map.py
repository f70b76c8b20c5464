"""Where does it hurt? The map page: pick a view and a side, see the atlas."""

import streamlit as st

from app_pages.shared import SIDE_NAMES, VIEW_NAMES, atlas
from painmap.render import figure

st.title("Where does it hurt?")
left, right = st.columns([3, 1])
with right:
    side = st.radio(
        "Which side hurts?",
        list(SIDE_NAMES),
        format_func=lambda s: f"{SIDE_NAMES[s]} foot / leg",
        key="side",
    )
    labels = st.toggle("Name the landmarks", key="labels")
with left:
    view = st.radio(
        "View",
        list(VIEW_NAMES),
        format_func=VIEW_NAMES.get,
        horizontal=True,
        key="view",
    )
    fig = figure(atlas(), view, side=side, labels=labels)
    fig.update_layout(height=720)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False}, key="map")
