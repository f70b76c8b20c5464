"""Where does it hurt? Tap the map; see the conditions and the muscles that fit.

On a phone the columns stack: the map, then the best matches and the questions that tell them
apart, then naming a spot, other views and saving, further down.
"""

import streamlit as st

from app_pages import mark_panels, panels, saving, state
from app_pages.map_component import pain_map
from app_pages.shared import atlas, refusals_said
from painmap.links import marks_per_view
from painmap.marks import MAX_NOTE
from painmap.matching import analyse
from painmap.vocabulary import SIDE_WORDS, VIEW_NAMES

ATLAS = atlas()
state.init()
ss = st.session_state


@st.fragment
def page():
    with refusals_said():  # a fragment keeps its errors from the navigation's
        _page()


def _page():
    given = state.answers()
    flags = [s for s in given["symptoms"] if s in ATLAS.knowledge.red_flags]
    st.title("Where does it hurt?")
    st.caption(panels.DISCLAIMER)
    panels.red_flags(ATLAS, flags)
    panels.notices()
    left, right = st.columns([5, 6], gap="medium")
    with left:
        view = st.radio(
            "View", list(VIEW_NAMES), horizontal=True, key="view", format_func=VIEW_NAMES.get
        )
        pick_side, layer = st.columns([3, 2], vertical_alignment="bottom")
        side = pick_side.radio(
            "Side (foot and leg)",
            list(SIDE_WORDS),
            horizontal=True,
            key="side",
            on_change=state.change_side,
            format_func=SIDE_WORDS.get,
        )
        muscles = layer.toggle("Show muscles", key="show_muscles")
        analysis = analyse(ATLAS, ss.marks, side=side, **given)
        elsewhere = {v: n for v, n in marks_per_view(ss.marks).items() if n and v != view}
        if elsewhere:
            held = ", ".join(f"{VIEW_NAMES[v]} {n}" for v, n in elsewhere.items())
            st.caption(f"Marks on other views, counted in the results: {held}.")
        shown = pain_map(ATLAS, analysis, view, side, muscles)
        mark_panels.selected_mark()
        mark_panels.map_actions()
    with right:
        st.subheader("What fits")
        panels.results(ATLAS, analysis)
        panels.next_question(ATLAS, analysis)
        with st.expander("About your pain: answers sharpen the ranking", expanded=True):
            panels.questions(ATLAS)
    spot, keep = st.columns([5, 6], gap="medium")
    with spot:
        mark_panels.spot_by_name(ATLAS, view, side)
        panels.other_view_sites(ATLAS, list(shown), view)
    with keep:
        st.subheader("Save or share")
        st.text_area(
            "Session note",
            key="note",
            max_chars=MAX_NOTE,
            help="Printed on the exports; kept as plain text.",
        )
        saving.downloads(ATLAS, state.current(), view)
        saving.share_link()
        panels.open_file(ATLAS)
    if ss.selected:
        panels.detail_dialog(ATLAS, ss.selected, analysis.check_first)
    state.sync_link()


page()
