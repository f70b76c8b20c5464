"""Pieces of the pages: questions, warnings, the ranked list and a pattern's detail.

Streamlit code only; what is said comes from the knowledge base and the matcher.
"""

from __future__ import annotations

import html
import logging
import re
from datetime import date

import streamlit as st

from app_pages import log_state, state
from painmap import imaging
from painmap.describe import KIND_WORDS, QUESTIONS, cite
from painmap.export import ENDINGS, export
from painmap.handout import handout_pdf
from painmap.knowledge import cited_sources
from painmap.measures import cover_words, zone_cover
from painmap.views import VIEWS

log = logging.getLogger(__name__)

DISCLAIMER = (
    "PainMap explains common pain patterns to help you talk with a clinician; it does not "
    "diagnose. Severe, worsening or injury-related pain needs a professional's look."
)


def text(value: str) -> str:
    """Text to show as it is: never read as Markdown or HTML.

    >>> text("<b>*1.* [x](y)</b>")
    '&lt;b&gt;\\*1\\.\\* \\[x\\]\\(y\\)&lt;/b&gt;'
    """
    escaped = re.sub(r"([\\`*_{}\[\]()#+\-.!|~])", r"\\\1", value)
    return html.escape(escaped, quote=False)


def questions(atlas) -> list[str]:
    """The optional questions in plain words; returns the chosen symptom ids."""
    chosen = []
    for group, question in QUESTIONS.items():
        options = [s.id for s in atlas.knowledge.symptoms.values() if s.group == group]
        labels = {s: atlas.knowledge.symptoms[s].label for s in options}
        chosen += st.multiselect(question, options, format_func=labels.get, key=f"q_{group}")
    return chosen


def red_flags(atlas, flags: list[str]) -> None:
    """A prominent warning for each red-flag answer, above everything else."""
    for flag in flags:
        st.error(f"**See a clinician about this.** {atlas.knowledge.symptoms[flag].message}",
                 icon="⚠️")  # fmt: skip


def results(atlas, analysis, shown: int = 6) -> None:
    """The ranked list: name, kind, a score bar and the reasons; a button opens the detail."""
    for n in analysis.unmatched_marks:
        st.warning(f"Mark {n} is off the foot and leg, so it matches nothing.")
    for n in analysis.unmatched_areas:
        st.warning(f"Area {n} lies off the foot and leg, so it matches nothing.")
    ranked = analysis.results.head(shown)
    if ranked.empty:
        st.info("Tap or click where it hurts. To mark a painful area, pick the lasso or box "
                "tool at the top right of the map and draw around it.")  # fmt: skip
        return
    for rank, row in enumerate(ranked.itertuples(), start=1):
        # One block of markup per result (not a widget per line): the list redraws quickly.
        reasons = "".join(f"<li>{text(r)}</li>" for r in row.reasons)
        st.markdown(
            f"<div class='pm-result'><b>{rank}. {text(row.name)}</b> · {KIND_WORDS[row.kind]}"
            f"<div class='pm-bar'><span style='width:{row.score:.0%}'></span></div>"
            f"<small>{row.score:.0%} match</small><ul>{reasons}</ul></div>",
            unsafe_allow_html=True,
        )
        st.button(
            f"{row.name}: show it, with self-care", key=f"pick-{row.id}",
            on_click=state.select_pattern, args=(row.id, atlas.knowledge.main_view(row.id)),
        )  # fmt: skip


STYLE = """<style>
.pm-result {border: 1px solid #e3dcd4; border-radius: 0.5rem; padding: 0.6rem 0.8rem 0.1rem;
  background: #fffdfb;}
.pm-result ul {margin: 0.3rem 0 0.4rem 1rem; padding: 0; font-size: 0.92rem;}
.pm-bar {height: 0.45rem; background: #ece6df; border-radius: 0.25rem; margin: 0.4rem 0 0.1rem;}
.pm-bar span {display: block; height: 100%; background: #2e6f8e; border-radius: 0.25rem;}
</style>"""


def other_view_sites(atlas, pattern_ids, view: str) -> None:
    """Where a highlighted trigger point's site lies in another view, say so and offer it."""
    for pid in pattern_ids:
        for other in atlas.knowledge.site_views(pid):
            if other == view:
                continue
            name = atlas.patterns[pid].name
            left, right = st.columns([3, 2])
            left.info(f"{text(name)}: trigger point {VIEWS[other].on}.")
            right.button(f"Open the {VIEWS[other].name.lower()} view", key=f"go-{pid}-{other}",
                         on_click=state.open_view, args=(other,))  # fmt: skip


def _claims(claims) -> str:
    return "\n".join(f"- {text(c.text)} <small>[{', '.join(c.sources)}]</small>" for c in claims)


def pattern_detail(atlas, pattern_id: str) -> None:
    """Everything the knowledge base says of one pattern, in tabs."""
    p = atlas.patterns[pattern_id]
    st.subheader(f"{p.name} · {KIND_WORDS[p.kind]}")
    if p.aliases:
        st.caption("Also called " + ", ".join(p.aliases))
    st.write(p.summary)
    if state.ss.get("marks"):
        share = zone_cover(atlas, state.ss.marks, state.ss.get("side", "right"), pattern_id)
        st.markdown(f"**{cover_words(p.name, share)}**")
    about, care, clinician, alike, sources = st.tabs(
        ["How it feels", "Self-care", "When to see a clinician", "Look-alikes", "Sources"]
    )
    with about:
        st.markdown("**How people describe it**\n" + _claims(p.description), unsafe_allow_html=True)
        st.markdown("**What starts or aggravates it**\n" + _claims(p.aggravating),
                    unsafe_allow_html=True)  # fmt: skip
        st.markdown("**What a clinician checks**\n" + _claims(p.checks), unsafe_allow_html=True)
        st.caption(f"How sure is this? {p.evidence}")
    with care:
        st.caption("Try one step at a time, for the trial period, and note how you feel.")
        for step in p.self_care:
            dose = [f"**Dose:** {text(step.dose)}"]
            dose += [f"**How often:** {text(step.frequency)}"] if step.frequency else []
            dose += [f"**Try for:** {text(step.trial)}"] if step.trial else []
            st.markdown(f"**{text(step.step)}.** {text(step.how)}  \n" + " · ".join(dose))
            if step.stop_if:
                st.caption(f"Stop or get help if: {step.stop_if}")
    with clinician:
        st.markdown(_claims(p.see_clinician), unsafe_allow_html=True)
    with alike:
        for diff in p.differentials:
            other = atlas.patterns[diff.id].name
            st.markdown(f"- **{text(other)}**: {text(diff.point)}")
        for note in p.notes:
            st.info(f"Where the sources differ: {note.text}")
    with sources:
        for sid in sorted({s for _, s in cited_sources(p)}):
            st.markdown(f"- `{sid}` {text(cite(atlas.knowledge.sources[sid]))}")


@st.cache_resource(show_spinner=False)
def _image_browser() -> bool:
    """One local Chromium for every image this server makes, started on first use."""
    imaging.start()
    return True


SESSION_FILES = ("json", "fhir", "fhir+handout")  # files that open again as the whole map


def export_files(view: str) -> dict[str, tuple[str, str, str]]:
    """Each file a person can save: label (naming the format) to (format, view, MIME type)."""
    return {
        "PNG (this view)": ("png", view, "image/png"),
        "PNG (all views)": ("png", "all", "image/png"),
        "SVG (all views)": ("svg", "all", "image/svg+xml"),
        "PDF (all views)": ("pdf", "all", "application/pdf"),
        "HTML (interactive)": ("html", view, "text/html"),
        "JSON (session)": ("json", view, "application/json"),
        "FHIR (JSON)": ("fhir", view, "application/fhir+json"),
        "FHIR (JSON, with the PDF handout)": ("fhir+handout", view, "application/fhir+json"),
        "PDF handout (1 to 2 pages)": ("handout", "all", "application/pdf"),
    }


def _make_file(atlas, session, label: str, fmt: str, which: str, mime: str) -> None:
    """Make one export and keep it in the session until the map changes.

    Made in its own step, not by the download button on demand: Streamlit keeps a file made
    on demand unreferenced, and with many sessions it can be pruned before the browser has it.
    """
    try:
        if fmt in ("png", "svg", "pdf", "handout", "fhir+handout"):
            _image_browser()
        handout = None
        if fmt in ("handout", "fhir+handout"):
            handout = handout_pdf(atlas, session, first_visit=log_state.first_visit(atlas))
        if fmt == "handout":
            data = handout
        else:
            data = export(atlas, session, fmt.split("+")[0], which, handout=handout)
    except Exception as err:  # a missing or failing browser must not cost the map on screen
        log.exception("export %s failed", fmt)
        st.session_state.export_file = None
        st.session_state.export_error = (
            f"The {label} could not be made: {err}. Your map is kept; the HTML and JSON "
            "files need no browser."
        )
        return
    st.session_state.export_error = None
    stamp = date.today().isoformat()
    kind = "handout" if fmt == "handout" else "session" if fmt in SESSION_FILES else which
    ending = {"handout": "pdf", "fhir+handout": ENDINGS["fhir"]}.get(fmt, ENDINGS.get(fmt))
    st.session_state.export_file = dict(label=label, data=data, mime=mime, session=session,
                                        name=f"painmap-{kind}-{stamp}.{ending}")  # fmt: skip


def downloads(atlas, session, view: str) -> None:
    """Pick a format, make the file, download it; a file made for another map is not offered."""
    st.markdown("**Save or share**")
    files = export_files(view)
    choice, make = st.columns([3, 2], vertical_alignment="bottom")
    label = choice.selectbox("File to save", list(files), key="export_choice")
    make.button("Make the file", key="export_make", on_click=_make_file,
                args=(atlas, session, label, *files[label]))  # fmt: skip
    if st.session_state.get("export_error"):
        st.error(st.session_state.export_error)
    made = st.session_state.get("export_file")
    if made and made["session"] == session:
        st.download_button(f"Download {made['label']}", data=made["data"], file_name=made["name"],
                           mime=made["mime"], key="export_download", on_click="ignore")  # fmt: skip
