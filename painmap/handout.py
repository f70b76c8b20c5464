"""A one- or two-page PDF handout for a client: the marked views, the best matches in plain
words, their self-care with dose, and when to see a clinician.

Written as an HTML page (text escaped, styles inline, pictures as inline SVG) and printed to
PDF by the local Chromium, so nothing is fetched and the type is real text.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import threading
from datetime import date as Date
from pathlib import Path

import pandas as pd
from plotly.subplots import make_subplots

from painmap import imaging
from painmap.chromium import OFFLINE_FLAGS, find
from painmap.contract import VIEW_IDS
from painmap.describe import KIND_WORDS, claim_cite, short_cite
from painmap.export import LEGEND_BELOW, PAPER, _highlight, add_view
from painmap.matching import analyse_session
from painmap.plain import html_text
from painmap.progress.chart import progress_figure
from painmap.progress.plan import plan_from
from painmap.progress.verdict import RULE, THRESHOLD_SOURCE, judge
from painmap.progress.visits import since_words
from painmap.render import INK
from painmap.session import Session
from painmap.triage import CHECK_FIRST, check_first
from painmap.vocabulary import VIEWS, ResultList
from painmap.wording import counted

# Patterns on the handout, per list: more would not fit two pages, nor help a client.
SHOWN = {ResultList.CONDITIONS: 2, ResultList.MUSCLES: 1}
STEPS = 3  # self-care steps per pattern
# The picture: the most-marked view large on the left, the other four small on the right (two
# rows of two), in a box of 186 x 112 mm (A4 less its margins).
PICTURE_PX = (1500, 903)
CELLS = ((1, 1), (1, 2), (1, 3), (2, 2), (2, 3))
PRINT_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer")
# Print browsers running at once, for the whole server: each is about a dozen processes and
# 150 to 200 MB; more handouts asked for at once wait their turn (see README, "Limits").
PRINT_BROWSERS = 2
PRINT_WAIT_SECONDS = 120  # a handout that cannot get a browser by then is refused, not queued
PRINT_SECONDS = 120  # a print that takes longer is stopped
_printers = threading.BoundedSemaphore(PRINT_BROWSERS)

STYLE = """
@page { size: A4; margin: 12mm 12mm 14mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #2f3b45; font-size: 8.6pt;
  line-height: 1.3; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 3mm 0 1mm; }
.meta, .small { color: #5b6670; font-size: 8.5pt; }
.views svg { width: 100%; height: 112mm; }
.chart svg { width: 100%; height: 62mm; }
.warn { border: 2px solid #b03224; padding: 2mm 3mm; margin: 2mm 0; }
.pattern { break-inside: avoid; border-top: 1px solid #d8d0c8; padding-top: 1mm; }
.pattern p { margin: 1mm 0; }
ul { margin: 1mm 0 1mm 5mm; padding: 0; } li { margin-bottom: 0.8mm; }
"""


def _e(text: str) -> str:
    return html_text(text)


def _pattern_block(atlas, row, check_first: bool) -> str:
    p = atlas.patterns[row.id]
    steps = "".join(
        f"<li><b>{_e(s.step)}.</b> {_e(s.how)} <i>Dose:</i> {_e(s.dose)}"
        + (f"; <i>how often:</i> {_e(s.frequency)}" if s.frequency else "")
        + (f"; <i>try for:</i> {_e(s.trial)}" if s.trial else "")
        + (f" <span class='small'>Stop if: {_e(s.stop_if)}</span>" if s.stop_if else "")
        + "</li>"
        for s in p.self_care[:STEPS]
    )
    clinician = "".join(f"<li>{_e(c.text)}</li>" for c in p.see_clinician[:1])
    told = [*(s.sources for s in p.self_care[:STEPS]), *(c.sources for c in p.see_clinician[:1])]
    cited = claim_cite(atlas.knowledge, [s for ids in told for s in ids])
    care = (
        f"<b>Self-care:</b> {_e(CHECK_FIRST.lower())}; nothing to try at home until then.<br>"
        if check_first
        else f"<b>Self-care, one step at a time</b><ul>{steps}</ul>"
    )
    return (
        f"<div class='pattern'><h2>{_e(p.name)} <span class='small'>({KIND_WORDS[p.kind]}: "
        f"{_e(row.likelihood)})</span></h2><p>{_e(p.summary)}</p>"
        f"{care}<b>When to see a clinician</b><ul>{clinician}</ul>"
        f"<p class='small'>Sources: {_e(cited[1:-1])}</p></div>"
    )


def _log_block(atlas, session: Session) -> str:
    """The progress log, when the session carries one: the chart and each step's verdict."""
    if not session.log:
        return ""
    plan = plan_from(atlas, analyse_session(atlas, session))
    verdicts = judge(session.log, plan)
    fig = progress_figure(session.log, verdicts, height=300)
    fig.update_layout(title=None, margin=dict(t=30, b=40))
    chart = imaging.to_image(fig, "svg", 760, 300).decode("utf-8")
    answers = "".join(
        f"<li><b>{_e(v.trial.step_name)}:</b> {_e(v.answer)} "
        f"<span class='small'>({_e(v.numbers)})</span></li>"
        for v in verdicts
    )
    first, last = session.log[0].day, session.log[-1].day
    source = atlas.knowledge.sources[THRESHOLD_SOURCE]
    title = f"<h2>Your log, {first.isoformat()} to {last.isoformat()}</h2>"
    rule = f"<p class='small'>{_e(RULE)} ({_e(short_cite(source))}.)</p>"
    body = f"<div class='chart'>{chart}</div><ul>{answers}</ul>{rule}"
    return f"<div class='pattern'>{title}{body}</div>"


def views_by_marks(session: Session) -> list[str]:
    """The five views, the most-marked first (ties in the usual order of the views)."""
    marks = {v: sum(item.view == v for item in session.items) for v in VIEW_IDS}
    return sorted(VIEW_IDS, key=lambda v: -marks[v])


def handout_figure(atlas, session: Session):
    """The handout's picture: the view with the most marks large, the other views small, each
    titled with its count of marks; one legend for all."""
    views = views_by_marks(session)
    titles = []
    for view in views:
        n = sum(item.view == view for item in session.items)
        titles.append(VIEWS[view].name + (f" · {counted(n, 'mark')}" if n else ""))
    fig = make_subplots(
        rows=2,
        cols=3,
        column_widths=[0.5, 0.25, 0.25],
        horizontal_spacing=0.02,
        vertical_spacing=0.06,
        specs=[[{"rowspan": 2}, {}, {}], [None, {}, {}]],
        subplot_titles=titles,
    )
    strengths, seen = _highlight(atlas, session, None), set()
    for view, cell in zip(views, CELLS, strict=True):
        add_view(fig, atlas, session, view, cell, strengths, seen)
    for n, title in enumerate(fig.layout.annotations[: len(titles)]):
        title.font = dict(size=22 if n == 0 else 15, color=INK)
    fig.update_layout(
        **PAPER,
        width=PICTURE_PX[0],
        height=PICTURE_PX[1],
        margin=dict(l=6, r=6, t=36, b=90),
        legend=dict(LEGEND_BELOW, font=dict(size=15)),
    )
    return fig


def handout_html(atlas, session: Session, when: Date | None = None, first_visit=None) -> str:
    """The handout as one self-contained HTML page; ``first_visit`` (day, session), the first
    visit kept in the open log, adds a line on how the pain area changed since."""
    when = when or Date.today()
    analysis = analyse_session(atlas, session)
    fig = handout_figure(atlas, session)
    picture = imaging.to_image(fig, "svg", fig.layout.width, fig.layout.height).decode("utf-8")
    first = check_first(atlas, analysis.red_flags)
    flags = (f"<div class='warn'><b>{_e(first)}</b></div>" if first else "") + "".join(
        f"<div class='warn'>{_e(atlas.knowledge.symptoms[f].message)}</div>"
        for f in analysis.red_flags
    )
    shown = dict(SHOWN, condition=SHOWN[ResultList.CONDITIONS] - 1) if session.log else SHOWN
    ranked = pd.concat([analysis.ranked(name).head(n) for name, n in shown.items()])
    blocks = "".join(_pattern_block(atlas, r, bool(first)) for r in ranked.itertuples())
    if not blocks:
        blocks = "<p>No marks were placed, so no pattern is suggested.</p>"
    note = f"<p><b>Note:</b> {_e(session.note)}</p>" if session.note else ""
    since = since_words(atlas, *first_visit, session) if first_visit else None
    since = f"<p><b>{_e(since)}</b></p>" if since else ""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>PainMap handout</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>Your pain map</h1><div class='meta'>{session.side.capitalize()} side · "
        f"{when.isoformat()} · made with PainMap</div>{flags}{note}{since}"
        f"<div class='views'>{picture}</div>"
        f"<p class='small'>The numbers are where you marked pain; coloured areas show where "
        f"the best-matching patterns usually hurt (solid: main pain, hatched: spread, ×: "
        f"trigger point).</p>{blocks}{_log_block(atlas, session)}"
        "<p class='small'><b>PainMap explains common pain patterns; it does not diagnose.</b> "
        "Try one self-care step for 5 to 7 days and note how you feel before changing it. "
        "If pain is severe, getting worse, or came from an injury, see a clinician.</p>"
        "</body></html>"
    )


def handout_pdf(atlas, session: Session, when: Date | None = None, first_visit=None) -> bytes:
    """The handout printed to PDF (A4) by the local Chromium."""
    page = handout_html(atlas, session, when, first_visit)
    if not _printers.acquire(timeout=PRINT_WAIT_SECONDS):
        raise TimeoutError("every print browser is busy; try the handout again in a minute")
    try:
        return _print(page)
    finally:
        _printers.release()


def _print(page: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="painmap-handout-") as folder:
        source, target = Path(folder) / "handout.html", Path(folder) / "handout.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            find(),
            *PRINT_FLAGS,
            *OFFLINE_FLAGS,
            f"--user-data-dir={folder}/profile",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        # Its own process group, ended whole: no helper process outlives its print, so the
        # pool's bound holds for every process, and a hung print is stopped for good.
        browser = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            code = browser.wait(timeout=PRINT_SECONDS)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()
        if code != 0:
            raise subprocess.CalledProcessError(code, command[0])
        return target.read_bytes()
