"""Plan and progress: a self-care plan from the map, a line a day, and whether it is working."""

import streamlit as st

from app_pages import log_panels, panels, state
from app_pages.shared import atlas

ATLAS = atlas()
state.init()

st.caption(panels.DISCLAIMER)
st.title("Plan and progress")
log_panels.messages("log_message")
log_panels.who()
plan = log_panels.plan_for_map(ATLAS)
plan_tab, log_tab, visits_tab = st.tabs(
    ["Self-care plan", "Daily log", "Before and after"], key="progress_tab", on_change="rerun"
)
with plan_tab:
    log_panels.plan(ATLAS, plan)
with log_tab:
    log_panels.daily_log(ATLAS, plan)
with visits_tab:
    log_panels.before_after(ATLAS)
