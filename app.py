"""PainMap's web app: `streamlit run serve.py` (or `make run`). Only builds the navigation,
behind the clinic's sign-in when clinic mode is on (app_pages/signin.py), and says in its own
sentence any refusal of PainMap's (a PainMapError) that a page did not catch itself."""

from pathlib import Path

import streamlit as st

from app_pages import signin
from app_pages.shared import refusals_said

st.set_page_config(page_title="PainMap", page_icon="🦶", layout="wide")
st.html(Path(__file__).parent / "app_pages" / "look.css")
role = signin.gate()

pages = [
    st.Page("app_pages/map.py", title="Where does it hurt?", default=True),
    st.Page("app_pages/patterns.py", title="Pattern atlas"),
    st.Page("app_pages/progress.py", title="Plan and progress"),
    st.Page("app_pages/present.py", title="Presentation"),
]
if signin.is_admin(role):
    pages.append(st.Page("app_pages/admin.py", title="Clinic admin"))
with refusals_said():
    st.navigation(pages, position="top").run()  # no sidebar: the pages get the whole width
