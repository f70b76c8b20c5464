"""The clinic's admin page: who has which role, whose logs each user may open, the audit trail.

The trail is only shown here; nothing on any page changes or removes a row of it.
"""

import pandas as pd
import streamlit as st

from app_pages import log_state
from painmap.progress.logbook import LogError
from painmap.progress.roles import ROLES

ss = st.session_state
st.title("Clinic admin")


def _set_role() -> None:
    try:
        log_state.clinic().set_role(ss.role_email, ss.role_name, by=log_state.actor())
        ss.admin_message = ("success", f"{ss.role_email} is now {ss.role_name}.")
    except LogError as err:
        ss.admin_message = ("error", log_state.sentence(err))


def _give() -> None:
    try:
        log_state.clinic().give(ss.give_log, ss.give_to, by=log_state.actor())
        ss.admin_message = ("success", f"The log is given to {ss.give_to}.")
    except LogError as err:
        ss.admin_message = ("error", log_state.sentence(err))


kind, words = ss.get("admin_message") or (None, None)
if kind:
    (st.success if kind == "success" else st.error)(words)
clinic = log_state.clinic()
users = clinic.users()
logs = dict(clinic.logs())
left, right = st.columns(2, gap="large")
with left.form("set_role"):
    st.text_input("E-mail address (as the sign-in gives it)", key="role_email")
    st.selectbox("Role", ROLES, key="role_name")
    st.form_submit_button("Give the role", on_click=_set_role)
with right.form("give_log"):
    st.selectbox("Log", list(logs), format_func=logs.get, key="give_log")
    st.selectbox("To", [email for email, _ in users], key="give_to")
    st.form_submit_button("Give the log", on_click=_give)
st.dataframe(pd.DataFrame(users, columns=["user", "role"]), hide_index=True)
st.subheader("Audit trail")
trail = log_state.book().trail()
st.dataframe(
    pd.DataFrame(
        [(e.at, e.actor, e.action, logs.get(e.log_id, e.log_id), e.detail) for e in trail],
        columns=["when", "who", "did", "log", "what"],
    ),
    hide_index=True,
)
