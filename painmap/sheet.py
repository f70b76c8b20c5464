"""Sheets of small multiples: the whole atlas, every pattern on its views, every muscle."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plotly.subplots import make_subplots

from painmap import imaging
from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.muscle_overlay import muscle_traces
from painmap.overlay import wrapped, zone_traces
from painmap.render import body_traces, frame, view_title
from painmap.sites import site_groups
from painmap.style import FONT, INK
from painmap.trigger_chart import chart_parts, chart_views
from painmap.vocabulary import VIEWS, Kind, Side


def small_multiples(panels, cols: int, panel_size=(300, 380), labels=False, spacing=0.12):
    """One figure of panels; each panel is (title, view map, extra traces) or (title, view map,
    extra traces, tags, caption): annotations in the panel's data coordinates, and lines
    written under it."""
    rows = -(-len(panels) // cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        horizontal_spacing=0.01,
        vertical_spacing=spacing / rows,
        subplot_titles=[panel[0] for panel in panels],
    )
    # Everything is gathered first and given to the figure once: plotly checks the whole
    # list again on each add_trace and add_annotation, which made a sheet take seconds.
    traces, where, axes = [], ([], []), {}
    notes = [
        {**title.to_plotly_json(), "font": dict(size=12, color=INK)}
        for title in fig.layout.annotations
    ]
    for n, (_, vmap, extra, *more) in enumerate(panels, start=1):
        row, col = (n - 1) // cols + 1, (n - 1) % cols + 1
        for trace in [*body_traces(vmap, labels), *extra]:
            if trace.get("name") == "landmarks":
                trace["textfont"] = dict(size=7)
            traces.append(trace)
            where[0].append(row)
            where[1].append(col)
        axis = "" if n == 1 else str(n)
        xrange, yrange, words = frame(vmap)
        axes[f"xaxis{axis}"] = dict(visible=False, range=xrange)
        axes[f"yaxis{axis}"] = dict(visible=False, range=yrange, scaleanchor=f"x{axis}")
        in_panel = {"xref": f"x{axis}", "yref": f"y{axis}"}
        notes += [{**word, **in_panel, "font": dict(size=9, color=INK)} for word in words]
        tags, caption = more if more else ([], "")
        notes += [{**tag, **in_panel, "font": {**tag["font"], "size": 9}} for tag in tags]
        if caption:
            notes.append(
                dict(
                    text=caption,
                    xref=f"x{axis} domain",
                    yref=f"y{axis} domain",
                    x=0,
                    y=0,
                    xanchor="left",
                    yanchor="top",
                    align="left",
                    showarrow=False,
                    font=dict(size=10, color=INK),
                )
            )
    fig.add_traces(traces, rows=where[0], cols=where[1])
    fig.layout.annotations = notes
    fig.update_layout(**axes)
    fig.update_layout(
        showlegend=False,
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(family=FONT, color=INK),
        margin=dict(l=10, r=10, t=40, b=10),
        width=cols * panel_size[0],
        height=rows * panel_size[1],
    )
    return fig


def contact_sheet(atlas):
    """The five views for both sides, landmarks labelled; then the right side's muscle layer,
    each muscle named (superficial solid, deep dashed)."""
    panels = [(view_title(v, s), atlas.view(v, s), []) for s in SIDE_IDS for v in VIEW_IDS]
    # The muscles' names, not the landmarks', on the last row.
    panels += [
        (
            f"Muscles · {VIEWS[v].title}",
            replace(atlas.view(v), landmarks={}),
            muscle_traces(atlas, v, names=True),
        )
        for v in VIEW_IDS
    ]
    return small_multiples(panels, cols=5, panel_size=(480, 750), labels=True)


def muscle_sheet(atlas):
    """Every trigger point's muscle with its knots and where they send pain, a small chart
    each, on each view that tells it (right side); the lines under a chart say which knot
    sends pain where."""
    panels = []
    for pid, pattern in atlas.patterns.items():
        if pattern.kind != Kind.TRIGGER_POINT or not atlas.muscle_layer().views_of(pid):
            continue
        for view in chart_views(atlas, pid):
            traces, tags, notes = chart_parts(atlas, pid, view)
            for trace in traces:
                trace["showlegend"] = False
            lines = [line for _, line in site_groups(atlas, pid, view)]
            caption = "<br>".join(wrapped(line, 58) for line in [*lines, *notes])
            panels.append(
                (f"{pattern.name} · {VIEWS[view].name}", atlas.view(view), traces, tags, caption)
            )
    off = [p.name for p in atlas.patterns.values() if p.site_off_atlas]
    fig = small_multiples(panels, cols=6, panel_size=(400, 640), spacing=0.3)
    fig.update_layout(
        title=dict(
            text="Each trigger point: the muscle (red-brown; dashed edge: deep, under another "
            "muscle), its knots (×, numbered) and where they send pain (blue: main pain solid, "
            f"spread hatched).<br>Off the map, not drawn: {', '.join(off)} (their sources lie "
            "in the buttock and pelvis).",
            x=0.01,
            font=dict(size=15, color=INK),
        ),
        margin=dict(t=90, b=60),
    )
    return fig


def pattern_sheet(atlas):
    """Every pattern on each view where it has zones (right side)."""
    panels = []
    for pid, pattern in atlas.patterns.items():
        views = atlas.zones.loc[atlas.zones.pattern_id == pid, "view"].unique()
        for view in (v for v in VIEW_IDS if v in views):
            title = f"{pattern.name} · {VIEWS[view].name}"
            panels.append((title, atlas.view(view), zone_traces(atlas, view, Side.RIGHT, [pid])))
    return small_multiples(panels, cols=10)


def write_sheet(fig, out: str | Path) -> Path:
    """Write a sheet as a PNG at ``out``."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(imaging.to_image(fig, "png", fig.layout.width, fig.layout.height))
    return path
