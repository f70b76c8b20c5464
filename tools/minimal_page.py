"""The floor for `make bench-ui`: one Plotly chart on a Streamlit page, nothing else.

A click selects the nearest point of an invisible lattice (how Streamlit's own chart reports
a click); the script reruns and writes how many clicks it has seen. With `?draw=1` the page
also draws the clicked points, so its figure changes on every click as a map's does.
"""

import sys
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import shapely
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from painmap import load_atlas

outline = load_atlas().view("plantar").outline
minx, miny, maxx, maxy = outline.bounds
xs, ys = np.meshgrid(np.arange(minx, maxx, 4.0), np.arange(miny, maxy, 4.0))
inside = shapely.contains_xy(outline, xs, ys)
ss = st.session_state
ss.setdefault("clicks", [])


def counted():
    points = ss["map"]["selection"]["points"]
    if points:
        ss.clicks.append((points[0]["x"], points[0]["y"]))


lattice = dict(
    type="scatter",
    x=xs[inside],
    y=ys[inside],
    mode="markers",
    hoverinfo="none",
    marker=dict(size=8.8, opacity=0),
)
traces = [lattice]
if st.query_params.get("draw"):
    traces.append(
        dict(
            type="scatter",
            x=[p[0] for p in ss.clicks],
            y=[p[1] for p in ss.clicks],
            mode="markers",
            hoverinfo="skip",
        )
    )
fig = go.Figure(traces)
fig.update_layout(
    height=680,
    clickmode="event+select",
    hoverdistance=12,
    dragmode="pan",
    showlegend=False,
    xaxis=dict(visible=False),
    yaxis=dict(visible=False, scaleanchor="x"),
)
st.plotly_chart(fig, key="map", on_select=counted, selection_mode=("points",))
st.write(f"clicks: {len(ss.clicks)}")
