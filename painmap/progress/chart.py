"""The progress chart: pain over the days, time on one's feet, each self-care step as a band.

>>> from datetime import date
>>> fig = progress_figure([Entry(date(2026, 11, 20), first_steps=6, step_id="ice",
...                              step_name="Ice the heel")])
>>> [t.name for t in fig.data]
['Pain at the first steps', 'Pain at the end of the day', 'Walking or standing (min)']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import plotly.graph_objects as go

from painmap.plain import plotly
from painmap.progress.entry import Entry
from painmap.progress.verdict import Verdict, trials
from painmap.style import FONT, INK, PALETTE

FIRST, END, WALK = PALETTE[4], PALETTE[0], "rgba(47, 59, 69, 0.18)"
OUTCOME_WORDS = {
    "helping": "helping",
    "worse": "worse",
    "no change": "no change",
    "too early": "too early to tell",
}


def progress_figure(
    entries: Sequence[Entry], verdicts: Sequence[Verdict] = (), height: int = 420
) -> go.Figure:
    """Pain (0 to 10) by day as two lines, minutes on one's feet as bars, steps as bands."""
    days = sorted(entries, key=lambda e: e.day)
    x = [e.day.isoformat() for e in days]  # strings: bars and lines then share their centres
    fig = go.Figure()
    for name, values, colour, dash in (
        ("Pain at the first steps", [e.first_steps for e in days], FIRST, "solid"),
        ("Pain at the end of the day", [e.end_of_day for e in days], END, "dot"),
    ):
        fig.add_scatter(
            x=x,
            y=values,
            name=name,
            mode="lines+markers",
            connectgaps=True,
            line=dict(color=colour, width=2.5, dash=dash),
            marker=dict(size=8),
            hovertemplate="%{x|%a %d %b}: %{y}/10<extra></extra>",
        )
    fig.add_bar(
        x=x,
        y=[e.walk_minutes for e in days],
        name="Walking or standing (min)",
        yaxis="y2",
        marker_color=WALK,
        hovertemplate="%{x|%a %d %b}: %{y} min<extra></extra>",
    )
    walked = [e.walk_minutes for e in days if e.walk_minutes is not None]
    outcomes = {v.trial.days[0].day: v.outcome for v in verdicts}
    shapes, notes = [], []
    for number, trial in enumerate(trials(days)):
        start, end = trial.days[0].day, trial.days[-1].day
        label = plotly(trial.step_name)
        if start in outcomes:
            label += f" · {OUTCOME_WORDS[outcomes[start]]}"
        # Bands reach half a day past their first and last days; labels take turns at two
        # heights, so that short neighbouring trials do not write over each other. Built as
        # plain dicts at once: add_vrect per band took 20 ms each for a year of trials.
        x0 = _noon(start - timedelta(days=1))
        shapes.append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=x0,
                x1=_noon(end),
                y0=0,
                y1=1,
                fillcolor=PALETTE[(number + 2) % len(PALETTE)],
                opacity=0.13,
                line_width=0,
                layer="below",
            )
        )
        notes.append(
            dict(
                x=x0,
                y=1,
                xref="x",
                yref="paper",
                text=f"{number + 1}. {label}",
                showarrow=False,
                xanchor="left",
                yanchor="top",
                yshift=-18 * (number % 2),
                font=dict(size=11, color=INK),
            )
        )
    fig.update_layout(
        height=height,
        font=dict(family=FONT, color=INK),
        plot_bgcolor="white",
        margin=dict(l=50, r=55, t=60, b=40),
        barmode="overlay",
        hovermode="x unified",
        legend=dict(orientation="h", y=-0.12, x=0),
        yaxis=dict(
            title="pain (0 to 10)", range=[-0.3, 10.5], dtick=2, gridcolor="#eee", zeroline=False
        ),
        yaxis2=dict(
            title="minutes on your feet",
            overlaying="y",
            side="right",
            showgrid=False,
            tickmode="auto",
            range=[0, 1.7 * max(walked, default=30) or 30],
        ),
        xaxis=dict(tickformat="%d %b", gridcolor="#f3f3f3"),
        title=dict(text="Your pain, day by day", x=0, font=dict(size=16)),
        shapes=shapes,
        annotations=notes,
    )
    return fig


def _noon(day) -> str:
    return f"{day.isoformat()} 12:00"
