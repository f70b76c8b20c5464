"""Sheets of small multiples: the whole atlas, and every pattern on its views."""

from __future__ import annotations

from pathlib import Path

from plotly.subplots import make_subplots

from painmap import imaging
from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.overlay import zone_traces
from painmap.render import body_traces, frame, view_title
from painmap.style import FONT, INK
from painmap.views import VIEWS


def small_multiples(panels, cols: int, panel_size=(300, 380), labels=False):
    """One figure of panels; each panel is (title, view map, extra traces)."""
    rows = -(-len(panels) // cols)
    fig = make_subplots(
        rows=rows, cols=cols, horizontal_spacing=0.01, vertical_spacing=0.12 / rows,
        subplot_titles=[title for title, _, _ in panels],
    )  # fmt: skip
    for n, (_, vmap, extra) in enumerate(panels, start=1):
        row, col = (n - 1) // cols + 1, (n - 1) % cols + 1
        for trace in [*body_traces(vmap, labels), *extra]:
            if trace.get("name") == "landmarks":
                trace["textfont"] = dict(size=7)
            fig.add_trace(trace, row=row, col=col)
        axis = "" if n == 1 else str(n)
        xrange, yrange, words = frame(vmap)
        fig.update_xaxes(visible=False, range=xrange, row=row, col=col)
        fig.update_yaxes(visible=False, range=yrange, scaleanchor=f"x{axis}", row=row, col=col)
        for word in words:
            font = dict(size=9, color=INK)
            fig.add_annotation({**word, "xref": f"x{axis}", "yref": f"y{axis}", "font": font})
    for title in fig.layout.annotations[: len(panels)]:
        title.font = dict(size=12, color=INK)
    fig.update_layout(
        showlegend=False, paper_bgcolor="white", plot_bgcolor="white",
        font=dict(family=FONT, color=INK), margin=dict(l=10, r=10, t=40, b=10),
        width=cols * panel_size[0], height=rows * panel_size[1],
    )  # fmt: skip
    return fig


def contact_sheet(atlas):
    """The five views for both sides, landmarks labelled."""
    panels = [(view_title(v, s), atlas.view(v, s), []) for s in SIDE_IDS for v in VIEW_IDS]
    return small_multiples(panels, cols=5, panel_size=(480, 750), labels=True)


def pattern_sheet(atlas):
    """Every pattern on each view where it has zones (right side)."""
    panels = []
    for pid, pattern in atlas.patterns.items():
        views = atlas.zones.loc[atlas.zones.pattern_id == pid, "view"].unique()
        for view in (v for v in VIEW_IDS if v in views):
            title = f"{pattern.name} · {VIEWS[view].name}"
            panels.append((title, atlas.view(view), zone_traces(atlas, view, "right", [pid])))
    return small_multiples(panels, cols=10)


def write_sheet(fig, out: str | Path) -> Path:
    """Write a sheet as a PNG at ``out``."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(imaging.to_image(fig, "png", fig.layout.width, fig.layout.height))
    return path
