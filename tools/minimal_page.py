"""The baseline for `make bench-ui`: one Plotly chart with PainMap's click lattice, nothing else.

Each click reruns the script and writes how many clicks it has seen, so the benchmark can time
click-to-update on a page that does no matching, rendering of zones or results at all.
"""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from painmap import load_atlas
from painmap.render import lattice_trace

vmap = load_atlas().view("plantar")
st.session_state.setdefault("clicks", 0)


def counted():
    st.session_state.clicks += 1


fig = go.Figure([lattice_trace(vmap)])
fig.update_layout(
    height=680, clickmode="event+select", hoverdistance=12, dragmode="pan",
    xaxis=dict(visible=False), yaxis=dict(visible=False, scaleanchor="x"),
)  # fmt: skip
st.plotly_chart(fig, key="map", on_select=counted, selection_mode=("points", "box", "lasso"))
st.write(f"clicks: {st.session_state.clicks}")
