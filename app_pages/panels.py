"""Pieces of the pages: questions, warnings, the ranked list and a pattern's detail.

Streamlit code only; what is said comes from the knowledge base and the matcher.
"""

from __future__ import annotations

import html
import math
from urllib.parse import urlsplit

import streamlit as st

from app_pages import state
from painmap.contract import LISTS, NOT_ON_LIST
from painmap.describe import cite, claim_cite
from painmap.knowledge import cited_sources
from painmap.measures import cover_words, zone_cover
from painmap.next_question import best_question
from painmap.plain import markdown as text
from painmap.session import UPLOAD_HELP
from painmap.triage import CHECK_FIRST, URGENCY_WORDS, check_first, urgency_of
from painmap.trigger_chart import chart_views, trigger_point_figure
from painmap.vocabulary import KIND_WORDS, VIEWS, Kind, Side
from painmap.wording import LIST_TITLES, NOT_ON_LIST_WORDS, percent, set_aside_line

DISCLAIMER = (
    "PainMap explains common pain patterns to help you talk with a clinician; it does not "
    "diagnose. Severe, worsening or injury-related pain needs a professional's look."
)


def questions(atlas) -> None:
    """The optional questions in plain words (the answers are read with ``state.answers``)."""
    symptoms = atlas.knowledge.symptoms

    def label(sid: str) -> str:
        return symptoms[sid].label

    for question in atlas.knowledge.questions:
        ask = st.pills if question.choose == "one" else st.multiselect
        ask(question.ask, question.options, format_func=label, key=f"q_{question.id}")


def open_file(atlas) -> None:
    """Open a saved session; the uploader starts empty again after each try, so a refused file
    does not sit there looking opened. Its box is new each time too, so the uploader is drawn
    afresh rather than reused still holding the last file."""
    key = f"upload-{state.ss.get('uploads', 0)}"
    with st.container(key=f"{key}-box"):
        st.file_uploader(
            "Open a saved session (JSON or FHIR)",
            type=["json"],
            key=key,
            on_change=state.open_session,
            args=(atlas, key),
            help=UPLOAD_HELP,
        )


def notices() -> None:
    """What a link, a file or the map refused, said once, at the top where it is seen."""
    for warning in state.ss.link_warnings:
        st.warning(text(warning))
    state.ss.link_warnings = []
    if state.ss.get("notice"):
        st.warning(text(state.ss.pop("notice")))
    if state.ss.get("opened"):
        st.success(text(state.ss.pop("opened")))


def red_flags(atlas, flags: list[str]) -> None:
    """Above everything while a red flag stands: what to do first, then each flag's warning."""
    first = check_first(atlas, flags)
    if first:
        st.error(f"**{CHECK_FIRST}.** {first.split('. ', 1)[1]}", icon="⚠️")
    for flag in flags:
        st.error(atlas.knowledge.symptoms[flag].message, icon="⚠️")


def _numbers(row, total: float) -> str:
    """How one result's probability was worked out, to check by hand."""
    steps = " × ".join(
        f"{value:.3g} <small>({html.escape(words, quote=False)})</small>"
        for words, value in row.factors
    )
    return (
        f"<details><summary>{percent(row.probability)}: how this was worked out</summary>"
        f"<small>{steps} = {math.prod(v for _, v in row.factors):.4g}, over the list's "
        f"total of {total:.4g}</small></details>"
    )


def _result(row, total: float) -> str:
    reasons = "".join(f"<li>{html.escape(r, quote=False)}</li>" for r in row.reasons)
    tags = [row.likelihood]
    if row.tied:
        tags.append("equally likely as a neighbour")
    if row.first:
        tags.append("listed first for safety until a clinician rules it out")
    return (
        f"<div class='pm-result' data-list='{row.list}'><b>{row.rank}. "
        f"{html.escape(row.name, quote=False)}</b> · "
        f"{html.escape(', '.join(tags))}<ul>{reasons}</ul>{_numbers(row, total)}</div>"
    )


def _not_on_list(analysis, name: str) -> str:
    share = analysis.not_on_list[name]
    return (
        f"<div class='pm-rest'>{NOT_ON_LIST_WORDS}: {percent(share)} "
        "<small>(a cause of foot or leg pain the map does not hold)</small></div>"
    )


def _one_list(atlas, analysis, name: str, shown: int) -> None:
    ranked = analysis.ranked(name).head(shown)
    if analysis.first.get(name) == NOT_ON_LIST:
        st.error(
            f"**{NOT_ON_LIST_WORDS}: first, for safety.** A clinician should see this "
            f"{URGENCY_WORDS[urgency_of(atlas, analysis.red_flags)]}.",
            icon="⚠️",
        )
    if ranked.empty:
        st.caption("Nothing on this list fits the marks.")
    rest = analysis.not_on_list[name]
    placed = analysis.first.get(name) == NOT_ON_LIST
    blocks = []
    for row in ranked.itertuples():
        if not placed and rest > row.probability:  # "not on this list" in its place by rank
            blocks.append(_not_on_list(analysis, name))
            placed = True
        blocks.append(_result(row, analysis.totals[name]))
    if not placed or analysis.first.get(name) == NOT_ON_LIST:
        blocks.append(_not_on_list(analysis, name))
    # One block of markup for the whole list (not an element per line): it redraws quickly.
    st.markdown("".join(blocks), unsafe_allow_html=True)
    if ranked.empty:
        return
    if analysis.check_first:
        st.caption(f"{CHECK_FIRST}: no self-care until a clinician has seen it.")
        return
    _show_one(atlas, name, list(ranked.id))
    if name == "muscle":
        for pid in ranked.id[:PRESSED]:
            _press(atlas, pid)


def _show_one(atlas, name: str, ids: list[str]) -> None:
    """One row of choices under a list: open a result's detail, with its self-care."""
    key = f"show-{name}"
    st.session_state[key] = state.ss.selected if state.ss.selected in ids else None
    st.pills(
        SHOW_ONE,
        ids,
        key=key,
        format_func=lambda pid: atlas.patterns[pid].name,
        on_change=lambda: _picked(atlas, key),
    )


SHOW_ONE = "Show it, with self-care"


def _picked(atlas, key: str) -> None:
    pid = st.session_state[key]
    state.select_pattern(pid, atlas.knowledge.main_view(pid) if pid else None)


PRESSED = 3  # the muscles offered a press question: the best few, not every faint one


def _press(atlas, pattern_id: str) -> None:
    """Press its trigger point: does it reproduce the pain? A yes or a no is evidence."""
    views = atlas.knowledge.site_views(pattern_id)
    where = f" ({VIEWS[views[0]].on})" if views else ""
    key = f"press-{pattern_id}"
    said = st.session_state.pressed.get(pattern_id)
    st.session_state[key] = None if said is None else PRESS_ANSWERS[not said]
    st.segmented_control(
        f"{atlas.patterns[pattern_id].name}: press its trigger point{where}. "
        "Does that bring on your pain?",
        PRESS_ANSWERS,
        key=key,
        on_change=lambda: state.press(pattern_id, _pressed(st.session_state[key])),
    )


PRESS_ANSWERS = ("Yes", "No")


def _pressed(answer: str | None) -> bool | None:
    return None if answer is None else answer == PRESS_ANSWERS[0]


def results(atlas, analysis, shown: int = 5) -> None:
    """The two lists side by side: what it could be, and the muscles worth checking."""
    for n in analysis.unmatched_marks:
        st.warning(f"Mark {n} is off the foot and leg, so it matches nothing.")
    for n in analysis.unmatched_areas:
        st.warning(f"Area {n} lies off the foot and leg, so it matches nothing.")
    if analysis.results.empty and not analysis.red_flags:
        st.info(
            'Tap or click where it hurts. To mark a painful area, press "Draw an area" '
            "above the map and draw around it."
        )
        return
    columns = st.container(key="lists").columns(len(LISTS), gap="medium")
    for column, (name, title) in zip(columns, LIST_TITLES.items(), strict=True):
        with column:
            st.markdown(f"**{title}**")
            _one_list(atlas, analysis, name, shown)
    aside = set_aside_line(atlas, analysis.ruled_out)
    if aside:
        st.caption(aside)


def next_question(atlas, analysis) -> None:
    """The question whose answer would most change the list, with why, and its answers."""
    question = best_question(atlas, analysis)
    if question is None:
        return
    with st.container(border=True):
        st.markdown(f"**A question that would help:** {text(question.question)}")
        st.caption(text(question.why))
        if question.choose == "one":
            labels = atlas.knowledge.symptoms
            cells = st.columns(len(question.options))
            for cell, option in zip(cells, question.options, strict=True):
                cell.button(
                    labels[option].label,
                    key=f"ask-{option}",
                    on_click=state.answer,
                    args=(option, True),
                )
            return
        option = question.options[0]
        yes, no, _ = st.columns([1, 1, 3])
        yes.button("Yes", key=f"ask-yes-{option}", on_click=state.answer, args=(option, True))
        no.button("No", key=f"ask-no-{option}", on_click=state.answer, args=(option, False))


def other_view_sites(atlas, pattern_ids, view: str) -> None:
    """Where a highlighted trigger point's site lies in another view, say so and offer it."""
    for pid in pattern_ids:
        for other in atlas.knowledge.site_views(pid):
            if other == view:
                continue
            name = atlas.patterns[pid].name
            left, right = st.columns([3, 2])
            left.info(f"{text(name)}: trigger point {VIEWS[other].on}.")
            right.button(
                f"Open the {VIEWS[other].name.lower()} view",
                key=f"go-{pid}-{other}",
                on_click=state.open_view,
                args=(other,),
            )


def _claims(knowledge, claims) -> str:
    cited = (
        f"{text(c.text)} <small>{text(claim_cite(knowledge, c.sources))}</small>" for c in claims
    )
    return "\n".join(f"- {line}" for line in cited)


def reference(source) -> str:
    """A source as a reader finds it, by author, title and year, with a link that works."""
    line = text(cite(source.model_copy(update={"url": None})))
    if source.url and source.url.startswith(("https://", "http://")):
        line += f" [{text(urlsplit(source.url).hostname or 'link')}](<{source.url}>)"
    return line


def pattern_detail(atlas, pattern_id: str, check_first: bool = False, muscle: bool = True) -> None:
    """Everything the knowledge base says of one pattern, in tabs: for a trigger point (with
    ``muscle``) first its muscle, knots and pain, as a chart with its legend; while a red flag
    stands, its self-care gives way to getting it checked first."""
    p = atlas.patterns[pattern_id]
    st.subheader(f"{text(p.name)} · {KIND_WORDS[p.kind]}")
    if p.aliases:
        st.caption("Also called " + ", ".join(map(text, p.aliases)))
    st.markdown(text(p.summary))
    if state.ss.get("marks"):
        share = zone_cover(atlas, state.ss.marks, state.ss.get("side", Side.RIGHT), pattern_id)
        st.markdown(f"**{text(cover_words(p.name, share))}**")
    names = ["How it feels", "Self-care", "When to see a clinician", "Look-alikes", "Sources"]
    charted = muscle and p.kind == Kind.TRIGGER_POINT
    tabs = st.tabs(["The muscle", *names] if charted else names)
    if charted:
        with tabs[0]:
            muscle_charts(atlas, pattern_id)
    about, care, clinician, alike, sources = tabs[-5:]
    with about:
        st.markdown(
            "**How people describe it**\n" + _claims(atlas.knowledge, p.description),
            unsafe_allow_html=True,
        )
        st.markdown(
            "**What starts or aggravates it**\n" + _claims(atlas.knowledge, p.aggravating),
            unsafe_allow_html=True,
        )
        st.markdown(
            "**What a clinician checks**\n" + _claims(atlas.knowledge, p.checks),
            unsafe_allow_html=True,
        )
        st.caption(f"How sure is this? {text(p.evidence)}")
    with care:
        if check_first:
            st.error(f"**{CHECK_FIRST}.** Nothing to try at home until a clinician has seen it.")
        else:
            st.caption("Try one step at a time, for the trial period, and note how you feel.")
        for step in () if check_first else p.self_care:
            dose = [f"**Dose:** {text(step.dose)}"]
            dose += [f"**How often:** {text(step.frequency)}"] if step.frequency else []
            dose += [f"**Try for:** {text(step.trial)}"] if step.trial else []
            st.markdown(f"**{text(step.step)}.** {text(step.how)}  \n" + " · ".join(dose))
            if step.stop_if:
                st.caption(f"Stop or get help if: {text(step.stop_if)}")
    with clinician:
        st.markdown(_claims(atlas.knowledge, p.see_clinician), unsafe_allow_html=True)
    with alike:
        for diff in p.differentials:
            other = atlas.patterns[diff.id].name
            st.markdown(f"- **{text(other)}**: {text(diff.point)}")
        for note in p.notes:
            st.info(f"Where the sources differ: {text(note.text)}")
    with sources:
        cited = [atlas.knowledge.sources[sid] for sid in {s for _, s in cited_sources(p)}]
        st.markdown("\n".join(f"- {reference(s)}" for s in sorted(cited, key=cite)))


def detail_dialog(atlas, pattern_id: str, check_first: bool) -> None:
    """The chosen pattern's detail over the page, where the eye is; closing it goes back."""

    @st.dialog(DETAIL_TITLE, width="large", on_dismiss=lambda: state.select_pattern(None))
    def detail() -> None:
        pattern_detail(atlas, pattern_id, check_first)
        if st.button("Back to all matches", key="detail-back"):
            state.select_pattern(None)
            st.rerun()

    detail()


DETAIL_TITLE = "One pattern, explained"


def muscle_charts(atlas, pattern_id: str) -> None:
    """The muscle with its numbered knots and where each sends pain, on each view that tells it."""
    shown = chart_views(atlas, pattern_id)
    for column, view in zip(st.columns(len(shown)), shown, strict=True):
        fig = trigger_point_figure(atlas, pattern_id, view)
        fig.update_layout(height=600, title=dict(font=dict(size=14)))
        column.plotly_chart(
            fig, width="stretch", key=f"detail-{pattern_id}-{view}", config={"displaylogo": False}
        )
