"""Exports of a session: annotated images (PNG, SVG, PDF), interactive HTML, the JSON file and
the FHIR file (:mod:`painmap.fhir`).

An image shows the chosen view (or all five), the numbered marks and areas, the best matches'
zones with a legend, the side, the date, the notes as labels where they belong and a one-line
disclaimer. Notes are shown as text, never as markup. Nothing is fetched from outside: images
come from the local Chromium (MathJax off) and the HTML carries plotly.js inside it.
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from plotly.subplots import make_subplots

from painmap import imaging
from painmap.contract import VIEW_IDS
from painmap.fhir.bundle import bundle_json
from painmap.matching import analyse_session, drawn
from painmap.overlay import mark_traces, note_labels, wrapped, zone_traces
from painmap.render import FONT, INK, body_traces, figure, frame, view_title
from painmap.session import Session, dump_session
from painmap.vocabulary import VIEWS

FORMATS = ("png", "svg", "pdf", "html", "json", "fhir")
ENDINGS = {fmt: fmt for fmt in FORMATS} | {"fhir": "fhir.json"}
"""The file ending of each format: a FHIR file is JSON, told apart by its double ending."""
DISCLAIMER = "PainMap explains common pain patterns; it does not diagnose. See a clinician."
ONE_VIEW_SIZE = (900, 1200)
ALL_VIEWS_SIZE = (2000, 1150)
SCALE = 2  # PNG pixels per CSS pixel: sharp on paper and on a phone


# A printed page: white paper, the ink, one legend for all views under them.
PAPER = dict(font=dict(family=FONT, color=INK), paper_bgcolor="white", plot_bgcolor="white")
PAPER["showlegend"] = True
LEGEND_BELOW = dict(orientation="h", x=0, y=-0.01, yanchor="top")


def _highlight(atlas, session: Session, highlight) -> dict[str, float]:
    analysis = analyse_session(atlas, session)
    chosen = highlight or ([session.selected] if session.selected else None)
    return drawn(analysis.results, chosen)


def _subtitle(session: Session, when: Date, width: int) -> dict:
    """Side, date and disclaimer under the title, and the session note when there is one."""
    lines = [f"{session.side.upper()} side · {when.isoformat()} · {DISCLAIMER}"]
    if session.note:
        lines.append(f"Note: {wrapped(session.note, width)}")
    return dict(text="<br>".join(lines), font=dict(size=13, color=INK))


def _top_margin(session: Session) -> int:
    note_lines = wrapped(session.note, 100).count("<br>") + 1 if session.note else 0
    return 80 + 18 * note_lines


def view_figure(atlas, session: Session, view: str, highlight=None, when: Date | None = None):
    """The annotated figure of one view, as exported."""
    when = when or Date.today()
    strengths = _highlight(atlas, session, highlight)
    fig = figure(
        atlas,
        view,
        session.side,
        marks=session.items,
        highlight=list(strengths),
        strengths=strengths,
    )
    fig.update_layout(
        title=dict(
            text=f"{view_title(view, session.side)} · PainMap",
            x=0.01,
            subtitle=_subtitle(session, when, 100),
        ),
        margin=dict(l=10, r=10, t=_top_margin(session), b=10),
        width=ONE_VIEW_SIZE[0],
        height=ONE_VIEW_SIZE[1],
    )
    return fig


def add_view(fig, atlas, session: Session, view: str, cell, strengths, seen_legend: set) -> None:
    """Draw one view, its zones, marks and notes, into the subplot at ``cell`` (row, col) of
    ``fig``; each legend entry once, whichever view shows it first."""
    row, col = cell
    vmap = atlas.view(view, session.side)
    zones = zone_traces(atlas, view, session.side, list(strengths), strengths)
    for trace in zones:
        trace["showlegend"] = trace.get("showlegend", True) and trace["name"] not in seen_legend
        seen_legend.add(trace["name"])
    for trace in [*body_traces(vmap), *zones, *mark_traces(view, session.items)]:
        fig.add_trace(trace, row=row, col=col)
    subplot = fig.get_subplot(row, col)
    x, y = (a.plotly_name.replace("axis", "") for a in (subplot.xaxis, subplot.yaxis))
    xrange, yrange, words = frame(vmap)
    fig.update_xaxes(visible=False, range=xrange, row=row, col=col)
    fig.update_yaxes(visible=False, range=yrange, scaleanchor=x, row=row, col=col)
    for word in words:
        fig.add_annotation({**word, "xref": x, "yref": y, "font": dict(size=10, color=INK)})
    for label in note_labels(session.items, view, x, y):
        fig.add_annotation(label)


def all_views_figure(atlas, session: Session, highlight=None, when: Date | None = None):
    """The five views side by side, with marks, zones, notes and one legend."""
    when = when or Date.today()
    strengths = _highlight(atlas, session, highlight)
    fig = make_subplots(
        rows=1, cols=5, horizontal_spacing=0.01, subplot_titles=[VIEWS[v].name for v in VIEW_IDS]
    )
    seen_legend: set = set()
    for col, view in enumerate(VIEW_IDS, start=1):
        add_view(fig, atlas, session, view, (1, col), strengths, seen_legend)
    whole = "foot and leg"
    fig.update_layout(
        title=dict(
            text=f"{session.side.upper()} {whole} · PainMap",
            x=0.01,
            subtitle=_subtitle(session, when, 180),
        ),
        **PAPER,
        width=ALL_VIEWS_SIZE[0],
        height=ALL_VIEWS_SIZE[1],
        legend=dict(LEGEND_BELOW, font=dict(size=13)),
        margin=dict(l=10, r=10, t=_top_margin(session) + 45, b=90),
    )
    return fig


PAGE_HEAD = (
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<style>html, body { margin: 0; height: 100%; overflow: hidden; }</style>"
)


def _html_page(fig) -> str:
    """The figure as a page that fills the window it is opened in, and follows it when resized;
    plotly.js is inside, so it opens offline."""
    fig = fig.update_layout(width=None, height=None, autosize=True)
    page = fig.to_html(
        include_plotlyjs=True,
        full_html=True,
        include_mathjax=False,
        default_width="100vw",
        default_height="100vh",
        config={"displaylogo": False, "responsive": True},
    )
    return page.replace("<head>", "<head>" + PAGE_HEAD, 1)


def format_of(path: str | Path) -> str | None:
    """The export format a file name asks for, by its ending; None when it names none.

    >>> format_of("map.fhir.json"), format_of("Map.PNG"), format_of("map.docx")
    ('fhir', 'png', None)
    """
    name = Path(path).name.lower()
    found = [fmt for fmt, ending in ENDINGS.items() if name.endswith("." + ending)]
    return max(found, key=lambda fmt: len(ENDINGS[fmt]), default=None)


def export(
    atlas,
    session: Session,
    fmt: str,
    view: str = "all",
    highlight=None,
    when: Date | None = None,
    handout: bytes | None = None,
) -> bytes:
    """The session as ``fmt`` (png, svg, pdf, html, json or fhir) bytes, of one view or all;
    a FHIR file carries ``handout`` (a PDF) when given."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        return dump_session(session, atlas).encode("utf-8")
    if fmt == "fhir":
        return bundle_json(atlas, session, handout=handout)
    if view == "all":
        fig = all_views_figure(atlas, session, highlight, when)
    else:
        fig = view_figure(atlas, session, view, highlight, when)
    if fmt == "html":
        return _html_page(fig).encode("utf-8")
    width, height = fig.layout.width, fig.layout.height
    return imaging.to_image(fig, fmt, width, height, scale=SCALE if fmt == "png" else 1)
