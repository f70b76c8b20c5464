"""PainMap's web app: `streamlit run app.py` (or `make run`). Only builds the navigation."""

from pathlib import Path

import streamlit as st

st.set_page_config(page_title="PainMap", page_icon="🦶", layout="wide")
st.html(Path(__file__).parent / "app_pages" / "look.css")

pages = [
    st.Page("app_pages/map.py", title="Where does it hurt?", default=True),
    st.Page("app_pages/patterns.py", title="Pattern atlas"),
    st.Page("app_pages/progress.py", title="Plan and progress"),
    st.Page("app_pages/present.py", title="Presentation"),
]
st.navigation(pages, position="top").run()  # no sidebar: the pages get the whole width
