"""Pattern atlas: browse every pattern on its views, and compare look-alikes side by side."""

import streamlit as st

from app_pages import panels
from app_pages.shared import atlas
from painmap.compare import comparison
from painmap.contract import VIEW_IDS
from painmap.describe import KIND_WORDS
from painmap.render import figure
from painmap.trigger_chart import STEP_WORDS, STEPS, chart_views, trigger_point_figure
from painmap.vocabulary import VIEWS, Kind, Role

ATLAS = atlas()
STAGES = {
    "Where it mainly hurts": (Role.ESSENTIAL,),
    "…and where it can spread": (Role.ESSENTIAL, Role.SPILLOVER),
}
SEED_LOOK_ALIKES = ["quadratus_plantae", "soleus", "tibialis_posterior", "sacrotuberous_ligament"]

st.caption(panels.DISCLAIMER)
st.title("Pattern atlas")
browse, compare = st.tabs(["Browse", "Compare look-alikes"])
names = {pid: p.name for pid, p in sorted(ATLAS.patterns.items(), key=lambda i: i[1].name)}


def matches(pid: str, words: str, kinds) -> bool:
    p = ATLAS.patterns[pid]
    found = " ".join([p.name, *p.aliases, *p.regions, KIND_WORDS[p.kind]]).lower()
    return p.kind in kinds and all(w in found.replace("_", " ") for w in words.lower().split())


def views_of(pids) -> list[str]:
    shown = set(ATLAS.zones.view[ATLAS.zones.pattern_id.isin(pids)])
    return [v for v in VIEW_IDS if v in shown]


def muscle_knot_pain(pid: str) -> None:
    """A trigger point step by step: the muscle, the knot, the pain, with the legend."""
    step = st.select_slider(
        "Show",
        list(STEPS),
        value=STEPS[-1],
        key="atlas_step",
        format_func=lambda s: STEP_WORDS[s].capitalize(),
        help="The muscle, then its knots, then where each sends pain.",
    )
    shown = chart_views(ATLAS, pid)
    for column, view in zip(st.columns(len(shown)), shown, strict=True):
        fig = trigger_point_figure(ATLAS, pid, view, step=step)
        fig.update_layout(height=640, title=dict(font=dict(size=14)))
        chart(column, fig, f"atlas-{pid}-{view}")


def stages(pid: str) -> None:
    """A condition or ligament: where it mainly hurts, then where it can spread."""
    stage = st.select_slider("Show", list(STAGES), value=list(STAGES)[-1], key="atlas_stage")
    shown = views_of([pid])
    for column, view in zip(st.columns(len(shown)), shown, strict=True):
        fig = figure(ATLAS, view, highlight=[pid], roles=STAGES[stage])
        fig.update_layout(height=520, showlegend=False, title=dict(font=dict(size=13)))
        chart(column, fig, f"atlas-{pid}-{view}")


def chart(column, fig, key: str) -> None:
    column.plotly_chart(fig, width="stretch", key=key, config={"displaylogo": False})


with browse:
    search, kind = st.columns([3, 2])
    words = search.text_input(
        "Search by name, other name or region",
        key="atlas_search",
        placeholder="e.g. heel, peroneus, calf",
    )
    kinds = kind.multiselect(
        "Kind",
        list(KIND_WORDS),
        default=list(KIND_WORDS),
        format_func=KIND_WORDS.get,
        key="atlas_kinds",
    )
    found = [pid for pid in names if matches(pid, words, kinds)]
    if not found:
        st.info("No pattern matches that search.")
    else:
        pid = st.selectbox("Pattern", found, format_func=names.get, key="atlas_pattern")
        if ATLAS.patterns[pid].kind == Kind.TRIGGER_POINT:
            muscle_knot_pain(pid)
        else:
            stages(pid)
        panels.pattern_detail(ATLAS, pid, muscle=False)


def compare_card(pid: str, view: str, table) -> None:
    """One look-alike: its drawing on the chosen view (or a word saying it has none there),
    then what tells it apart, as short labelled lines that wrap on any width."""
    with st.container(border=True):
        st.markdown(f"**{panels.text(names[pid])}**")
        if pid in set(ATLAS.zones.pattern_id[ATLAS.zones.view == view]):
            fig = figure(ATLAS, view, highlight=[pid])
            fig.update_layout(height=380, showlegend=False, title=dict(text=""))
            fig.update_layout(margin=dict(l=4, r=4, t=8, b=4))
            st.plotly_chart(fig, width="stretch", key=f"compare-{pid}-{view}", config=STILL)
        else:
            where = ", ".join(VIEWS[v].name.lower() for v in views_of([pid])) or "no view"
            st.info(f"Nothing of it is drawn on the {VIEWS[view].name.lower()} view; see: {where}.")
        st.markdown(
            "  \n".join(
                f"**{row}:** {panels.text(value)}" for row, value in table[names[pid]].items()
            )
        )


STILL = {"displayModeBar": False, "staticPlot": True}  # a picture to compare, no tools

with compare:
    chosen = st.multiselect(
        "Two to four patterns",
        list(names),
        default=SEED_LOOK_ALIKES,
        format_func=names.get,
        max_selections=4,
        key="compare",
    )
    if len(chosen) < 2:
        st.info("Pick two to four patterns to compare.")
    else:
        view = st.radio(
            "View",
            views_of(chosen),
            format_func=lambda v: VIEWS[v].name,
            horizontal=True,
            key="compare_view",
        )
        table = comparison(ATLAS, chosen)
        cards = st.container(key="compare_cards").columns(len(chosen))
        for column, pid in zip(cards, chosen, strict=True):
            with column:
                compare_card(pid, view, table)
