"""Where does it hurt? Click on the map; see the trigger points and conditions that fit."""

import streamlit as st

from app_pages import panels, state
from app_pages.shared import SIDE_NAMES, VIEW_NAMES, atlas
from painmap.marks import MAX_NOTE, Mark
from painmap.matching import analyse, drawn
from painmap.render import figure
from painmap.session import marks_per_view

ATLAS = atlas()
state.init()
ss = st.session_state

with st.sidebar:
    st.file_uploader(
        "Open a saved session (JSON)",
        type=["json"],
        key="upload",
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
    st.warning(warning)
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
        highlight = list(shown)
        elsewhere = {v: n for v, n in counts.items() if n and v != view}
        if elsewhere:
            held = ", ".join(f"{VIEW_NAMES[v]} {n}" for v, n in elsewhere.items())
            st.caption(f"Marks on other views, counted in the results: {held}.")
        chart_key = f"map-{view}-{side}"
        fig = figure(
            ATLAS,
            view,
            side,
            marks=ss.marks,
            highlight=highlight,
            strengths=shown,
            clickable=True,
            validate=False,
            muscles=muscles,
        )
        # A vertical tool bar keeps clear of the title; hoverdistance bounds how far off the
        # body a tap still snaps to its edge.
        fig.update_layout(
            height=680, clickmode="event+select", hoverdistance=12, modebar=dict(orientation="v")
        )
        st.plotly_chart(
            fig,
            key=chart_key,
            on_select=lambda: state.on_map_select(chart_key, view),
            selection_mode=("points", "box", "lasso"),
            width="stretch",
            config={"displaylogo": False, "scrollZoom": False},
        )
        if ss.get("notice"):
            st.warning(ss.pop("notice"))
        panels.other_view_sites(ATLAS, highlight, view)
        marks_list()
        panels.downloads(ATLAS, state.current(), view)
    with right:
        st.subheader("What fits")
        panels.results(ATLAS, analysis)
        panels.next_question(ATLAS, analysis)
    if ss.selected:
        st.button("Back to all matches", on_click=state.select_pattern, args=(None,))
        panels.pattern_detail(ATLAS, ss.selected, analysis.check_first)
    state.sync_link()


def marks_list():
    if not ss.marks:
        return
    # Shown on request: a row of widgets per mark would slow every click as marks add up.
    if not st.toggle(f"Edit your marks and areas ({len(ss.marks)})", key="edit_marks"):
        return
    numbers = {}
    for i, item in enumerate(ss.marks):
        numbers[type(item)] = numbers.get(type(item), 0) + 1
        kind = "Mark" if isinstance(item, Mark) else "Area"
        label = f"{kind} {numbers[type(item)]} · {VIEW_NAMES[item.view]}"
        name, strength, remove = st.columns([2, 3, 2], vertical_alignment="center")
        name.write(label)
        key = f"intensity-{ss.generation}-{i}"
        strength.select_slider(
            f"How strong is the pain at {label}?",
            ["not set", *range(11)],
            value="not set" if item.intensity is None else int(item.intensity),
            key=key,
            on_change=state.set_intensity,
            args=(i, key),
            label_visibility="collapsed",
        )
        remove.button(
            f"Remove {label}",
            key=f"remove-{ss.generation}-{i}",
            on_click=state.remove_mark,
            args=(i,),
        )
        note = f"note-{ss.generation}-{i}"
        st.text_input(
            f"Note for {label}",
            value=item.note,
            key=note,
            max_chars=MAX_NOTE,
            on_change=state.set_note,
            args=(i, note),
        )
    st.button("Remove all marks", on_click=state.clear_marks, type="primary")


map_and_results()
