"""Clinic mode's door: Streamlit's OpenID Connect sign-in, and the signed-in user's role.

Off unless PAINMAP_CLINIC is set (painmap/settings.py); then nothing of the app is drawn for a
visitor who is not signed in, or whom the clinic has given no role.
"""

from __future__ import annotations

import streamlit as st

from app_pages import log_state
from painmap.progress.logbook import LogError
from painmap.progress.roles import ADMIN
from painmap.settings import clinic_mode


def gate() -> str | None:
    """The signed-in user's role (None outside clinic mode); stops the page for anyone else."""
    if not clinic_mode():
        return None
    if not st.user.is_logged_in:
        st.title("PainMap")
        st.markdown("This clinic's PainMap is for its staff and invited clients.")
        st.button("Sign in", type="primary", on_click=st.login)
        st.stop()
    email = log_state.actor()
    try:
        role = log_state.clinic().role(email)
    except LogError as err:
        st.error(f"The clinic's database cannot be used: {err}.")
        st.stop()
    with st.sidebar:
        st.caption(f"Signed in as {email} ({role or 'no role yet'})")
        st.button("Sign out", on_click=st.logout)
    if role is None:
        st.warning(f"{email} has no access here yet: ask the clinic's admin to give you a role.")
        st.stop()
    return role


def is_admin(role: str | None) -> bool:
    return role == ADMIN
