"""The baselines for `make bench-ui`: one Plotly chart with PainMap's click lattice, nothing else.

Each click reruns the script and writes how many clicks it has seen. With `?draw=1` the page
also draws the clicked points, so its figure changes on every click as PainMap's does; without
it the figure never changes and the browser never redraws it.
"""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from painmap import load_atlas
from painmap.render import lattice_trace

vmap = load_atlas().view("plantar")
ss = st.session_state
ss.setdefault("clicks", [])


def counted():
    points = ss["map"]["selection"]["points"]
    if points:
        ss.clicks.append((points[0]["x"], points[0]["y"]))


traces = [lattice_trace(vmap)]
if st.query_params.get("draw"):
    xs, ys = [p[0] for p in ss.clicks], [p[1] for p in ss.clicks]
    traces.append(dict(type="scatter", x=xs, y=ys, mode="markers", hoverinfo="skip"))
fig = go.Figure(traces)
fig.update_layout(
    height=680, clickmode="event+select", hoverdistance=12, dragmode="pan",
    xaxis=dict(visible=False), yaxis=dict(visible=False, scaleanchor="x"),
)  # fmt: skip
st.plotly_chart(fig, key="map", on_select=counted, selection_mode=("points", "box", "lasso"))
st.write(f"clicks: {len(ss.clicks)}")
