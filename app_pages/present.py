"""Presentation: the current map full width, large, with the controls out of the way; or one
trigger point explained to a client step by step: the muscle, the knot, the pain."""

import streamlit as st

from app_pages import panels, state
from app_pages.map_component import chart, pain_map
from app_pages.shared import atlas
from painmap.matching import analyse
from painmap.trigger_chart import STEP_WORDS, STEPS, chart_views, explainable, trigger_point_figure
from painmap.vocabulary import VIEW_NAMES

ATLAS = atlas()
state.init()
ss = st.session_state
# Full width for a screen or a tablet (local CSS only); the top keeps room for the navigation.
st.html("<style>[data-testid='stMainBlockContainer'] {max-width: 100%;}</style>")
given = state.answers()
if "present_view" not in ss:
    ss.present_view = ss.view


def follow():
    """The map page opens on the view last shown here."""
    if ss.present_view:
        ss.view = ss.kept["view"] = ss.present_view


def explained(pid: str):
    """The chosen trigger point at the chosen step (muscle, knot, pain), on one of its views."""
    step = steps.segmented_control(
        "Step",
        list(STEPS),
        default=STEPS[0],
        key="present_step",
        format_func=lambda s: STEP_WORDS[s].capitalize(),
    )
    shown = chart_views(ATLAS, pid)
    start = ss.present_view if ss.present_view in shown else shown[0]
    view = st.segmented_control(
        "View",
        shown,
        default=start,
        format_func=VIEW_NAMES.get,
        key=f"present_view_{pid}",
        label_visibility="collapsed",
    )
    return trigger_point_figure(ATLAS, pid, view or start, ss.side, step or STEPS[0])


def current_map() -> None:
    """The map as the map page has it, marks and the patterns that fit; taps place marks."""
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
    pain_map(ATLAS, analysis, view, ss.side, key="present_map")


analysis = analyse(ATLAS, ss.marks, side=ss.side, **given)
st.page_link("app_pages/map.py", label="Back to the map", icon=":material/arrow_back:")
panels.red_flags(ATLAS, analysis.red_flags)
choices = [None, *explainable(ATLAS, [ss.selected, *analysis.results.id])]
pick, steps = st.columns([2, 3], vertical_alignment="bottom")
explain = pick.selectbox(
    "Explain a trigger point",
    choices,
    key="present_explain",
    format_func=lambda p: ATLAS.patterns[p].name if p else "No: the map",
)
if explain:
    fig = explained(explain)
    fig.update_layout(font=dict(size=18), title=dict(font=dict(size=24)))
    fig.update_layout(legend=dict(font=dict(size=17)))
    chart(fig, f"{ATLAS.patterns[explain].name}, explained step by step.", "present_chart")
else:
    current_map()
if ss.note:
    st.markdown(f"**Note:** {panels.text(ss.note)}")
st.caption(panels.DISCLAIMER)
