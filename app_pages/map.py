"""Where does it hurt? Click on the map; see the trigger points and conditions that fit."""

import streamlit as st

from app_pages import mark_panels, panels, state
from app_pages.map_component import pain_map
from app_pages.shared import SIDE_NAMES, VIEW_NAMES, atlas, figure_urls
from painmap import plain
from painmap.map_payload import map_data
from painmap.marks import MAX_NOTE
from painmap.matching import analyse, drawn
from painmap.overlay import assign_colours
from painmap.session import marks_per_view
from painmap.session_file import UPLOAD_HELP

ATLAS = atlas()
state.init()
ss = st.session_state

with st.sidebar:
    st.file_uploader(
        "Open a saved session (JSON)",
        type=["json"],
        key="upload",
        help=UPLOAD_HELP,
        on_change=state.open_session,
        args=(ATLAS, "upload"),
    )
    st.header("About your pain")
    st.caption("Optional: answers sharpen the ranking.")
    panels.questions(ATLAS)
    st.text_area(
        "Session note",
        key="note",
        max_chars=MAX_NOTE,
        help="Printed on the exports; kept as plain text.",
    )
given = state.answers()
flags = [s for s in given["symptoms"] if s in ATLAS.knowledge.red_flags]

st.html(panels.STYLE)
st.caption(panels.DISCLAIMER)
panels.red_flags(ATLAS, flags)
for warning in ss.link_warnings:
    st.warning(plain.markdown(warning))
st.title("Where does it hurt?")


@st.fragment
def map_and_results():
    counts = marks_per_view(ss.marks)
    left, right = st.columns([5, 6], gap="medium")
    with left:
        view = st.radio(
            "View", list(VIEW_NAMES), horizontal=True, key="view", format_func=VIEW_NAMES.get
        )
        side = st.radio(
            "Side",
            list(SIDE_NAMES),
            horizontal=True,
            key="side",
            on_change=state.change_side,
            format_func=lambda s: f"{SIDE_NAMES[s]} foot and leg",
        )
        muscles = st.toggle("Show muscles", key="show_muscles")
        analysis = analyse(ATLAS, ss.marks, side=side, **given)
        shown = drawn(analysis.results, [ss.selected] if ss.selected else None)
        ss.colours = assign_colours(ss.get("colours", {}), shown)
        elsewhere = {v: n for v, n in counts.items() if n and v != view}
        if elsewhere:
            held = ", ".join(f"{VIEW_NAMES[v]} {n}" for v, n in elsewhere.items())
            st.caption(f"Marks on other views, counted in the results: {held}.")
        data = map_data(
            ATLAS,
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
            figure_urls(ATLAS)[(view, side)],
        )
        pain_map(ATLAS, data, view, side)
        if ss.get("notice"):
            st.warning(plain.markdown(ss.pop("notice")))
        mark_panels.selected_mark()
        mark_panels.map_actions()
        mark_panels.spot_by_name(ATLAS, view, side)
        panels.other_view_sites(ATLAS, list(shown), view)
        panels.downloads(ATLAS, state.current(), view)
    with right:
        st.subheader("What fits")
        panels.results(ATLAS, analysis)
        panels.next_question(ATLAS, analysis)
    if ss.selected:
        st.button("Back to all matches", on_click=state.select_pattern, args=(None,))
        panels.pattern_detail(ATLAS, ss.selected, analysis.check_first)
    state.sync_link()


map_and_results()
