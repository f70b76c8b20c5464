"""A contact sheet of the whole atlas: every view, right side above, left side below."""

from __future__ import annotations

from pathlib import Path

from plotly.subplots import make_subplots

from painmap import imaging
from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.render import FONT, INK, body_traces, frame, view_title


def contact_sheet(atlas, labels: bool = True):
    """One Plotly figure with the five views for both sides, landmarks labelled."""
    fig = make_subplots(
        rows=2,
        cols=5,
        horizontal_spacing=0.015,
        vertical_spacing=0.06,
        subplot_titles=[view_title(v, s) for s in SIDE_IDS for v in VIEW_IDS],
    )
    words = []
    for row, side in enumerate(SIDE_IDS, start=1):
        for col, view in enumerate(VIEW_IDS, start=1):
            vmap = atlas.view(view, side)
            for trace in body_traces(vmap, labels):
                if trace.name == "landmarks":
                    trace.textfont.size = 7
                fig.add_trace(trace, row=row, col=col)
            n = (row - 1) * 5 + col
            axis = "" if n == 1 else str(n)
            xrange, yrange, edge_words = frame(vmap)
            fig.update_xaxes(visible=False, range=xrange, row=row, col=col)
            fig.update_yaxes(visible=False, range=yrange, scaleanchor=f"x{axis}", row=row, col=col)
            for word in edge_words:
                words.append(
                    {
                        **word,
                        "xref": f"x{axis}",
                        "yref": f"y{axis}",
                        "font": dict(size=10, color=INK),
                    }
                )
    fig.update_annotations(font=dict(size=12, color=INK))
    for word in words:
        fig.add_annotation(word)
    fig.update_layout(
        showlegend=False,
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(family=FONT, color=INK),
        margin=dict(l=10, r=10, t=40, b=10),
    )
    return fig


def write_contact_sheet(atlas, out: str | Path) -> Path:
    """Write the contact sheet as a PNG at ``out``."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(imaging.to_image(contact_sheet(atlas), "png", 2400, 1500))
    return path
