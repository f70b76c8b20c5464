"""Pattern atlas: browse every pattern on its views, and compare look-alikes side by side."""

import streamlit as st

from app_pages import panels
from app_pages.shared import atlas
from painmap.compare import comparison
from painmap.contract import VIEW_IDS
from painmap.describe import KIND_WORDS
from painmap.render import figure
from painmap.trigger_chart import STEP_WORDS, STEPS, chart_views, trigger_point_figure
from painmap.views import VIEWS

ATLAS = atlas()
STAGES = {
    "Where it mainly hurts": ("essential",),
    "…and where it can spread": ("essential", "spillover"),
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
    words = search.text_input("Search by name, other name or region", key="atlas_search",
                              placeholder="e.g. heel, peroneus, calf")  # fmt: skip
    kinds = kind.multiselect("Kind", list(KIND_WORDS), default=list(KIND_WORDS),
                             format_func=KIND_WORDS.get, key="atlas_kinds")  # fmt: skip
    found = [pid for pid in names if matches(pid, words, kinds)]
    if not found:
        st.info("No pattern matches that search.")
    else:
        pid = st.selectbox("Pattern", found, format_func=names.get, key="atlas_pattern")
        if ATLAS.patterns[pid].kind == "trigger_point":
            muscle_knot_pain(pid)
        else:
            stages(pid)
        panels.pattern_detail(ATLAS, pid, muscle=False)

with compare:
    chosen = st.multiselect("Two to four patterns", list(names), default=SEED_LOOK_ALIKES,
                            format_func=names.get, max_selections=4, key="compare")  # fmt: skip
    if len(chosen) < 2:
        st.info("Pick two to four patterns to compare.")
    else:
        shared = views_of(chosen)
        view = st.radio("View", shared, format_func=lambda v: VIEWS[v].name, horizontal=True,
                        key="compare_view")  # fmt: skip
        for column, pid in zip(st.columns(len(chosen)), chosen, strict=True):
            fig = figure(ATLAS, view, highlight=[pid])
            fig.update_layout(height=460, showlegend=False,
                              title=dict(text=names[pid], font=dict(size=14)))  # fmt: skip
            column.plotly_chart(fig, width="stretch", key=f"compare-{pid}-{view}",
                                config={"displaylogo": False})  # fmt: skip
        st.dataframe(comparison(ATLAS, chosen), width="stretch")
