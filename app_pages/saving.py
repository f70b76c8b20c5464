"""Save or share the map: files to download, and the link to copy.

The session files (JSON and FHIR) are small and made on every run, so one press downloads
them. Images and the handout need the local Chromium (seconds each): they are made in their
own step ("Make the PNG (this view)" and so on), and kept by the session until the map
changes. Made on demand by the download button instead, Streamlit keeps such a file
unreferenced, and with many sessions it can be pruned before the browser has it (see README,
*Many sessions*).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import streamlit as st

from app_pages import log_state
from painmap.export import ENDINGS, export
from painmap.handout import handout_pdf
from painmap.plain import markdown

log = logging.getLogger(__name__)
ss = st.session_state

SESSION_FILES = ("json", "fhir", "fhir+handout")  # files that open again as the whole map
AT_ONCE = ("json", "fhir")  # made on every run: one press downloads them
LINK_CARRIES = (
    "The link reopens this view and side with the marks in their places. It does not carry "
    "areas, pain levels, notes or answers: save the session (JSON) for those."
)


def make_words(label: str) -> str:
    """The button that makes a file names it, so a press is for the file picked."""
    return f"Make the {label}"


def export_files(view: str) -> dict[str, tuple[str, str, str]]:
    """Each file a person can save: label (naming the format) to (format, view, MIME type)."""
    return {
        "JSON (session)": ("json", view, "application/json"),
        "FHIR (JSON)": ("fhir", view, "application/fhir+json"),
        "PDF handout (1 to 2 pages)": ("handout", "all", "application/pdf"),
        "PNG (this view)": ("png", view, "image/png"),
        "PNG (all views)": ("png", "all", "image/png"),
        "SVG (all views)": ("svg", "all", "image/svg+xml"),
        "PDF (all views)": ("pdf", "all", "application/pdf"),
        "HTML (interactive)": ("html", view, "text/html"),
        "FHIR (JSON, with the PDF handout)": ("fhir+handout", view, "application/fhir+json"),
    }


def _file_name(fmt: str, which: str) -> str:
    kind = "handout" if fmt == "handout" else "session" if fmt in SESSION_FILES else which
    ending = {"handout": "pdf", "fhir+handout": ENDINGS["fhir"]}.get(fmt, ENDINGS.get(fmt))
    return f"painmap-{kind}-{date.today().isoformat()}.{ending}"


def _make(atlas, session, fmt: str, which: str) -> bytes | str:
    handout = None
    if fmt in ("handout", "fhir+handout"):
        handout = handout_pdf(atlas, session, first_visit=log_state.first_visit(atlas))
    if fmt == "handout":
        return handout
    return export(atlas, session, fmt.split("+")[0], which, handout=handout)


def _made_once(atlas, session, fmt: str, which: str) -> bytes | str:
    """A session file made once per map and format: the same bytes on every rerun, so the
    download button keeps one address while the map stays as it is (a file made anew on each
    run would give it a new address, and a press during a rerun could miss it)."""
    key = (session, fmt, which)
    kept = ss.get("file_at_once")
    if not kept or kept[0] != key:
        ss.file_at_once = (key, _make(atlas, session, fmt, which))
    return ss.file_at_once[1]


def _make_file(atlas, session, label: str, fmt: str, which: str, mime: str) -> None:
    """Make one export and keep it in the session until the map changes."""
    try:
        data = _make(atlas, session, fmt, which)
    except Exception as err:  # a missing or failing browser must not cost the map on screen
        log.exception("export %s failed", fmt)
        ss.export_file = None
        ss.export_error = (
            f"The {label} could not be made: {err}. Your map is kept; the HTML and JSON "
            "files need no browser."
        )
        return
    ss.export_error = None
    ss.export_file = dict(
        label=label, data=data, mime=mime, session=session, name=_file_name(fmt, which)
    )


def downloads(atlas, session, view: str) -> None:
    """Pick a format and download it: at once for a session file, else after making it."""
    files = export_files(view)
    choice, act = st.columns([3, 2], vertical_alignment="bottom")
    label = choice.selectbox("File to save", list(files), key="export_choice")
    fmt, which, mime = files[label]
    if fmt in AT_ONCE:
        act.download_button(
            f"Download {label}",
            data=_made_once(atlas, session, fmt, which),
            file_name=_file_name(fmt, which),
            mime=mime,
            key="export_now",
            on_click="ignore",
        )
        return
    act.button(
        make_words(label),
        key="export_make",
        on_click=_make_file,
        args=(atlas, session, label, fmt, which, mime),
    )
    if ss.get("export_error"):
        st.error(markdown(ss.export_error))
    made = ss.get("export_file")
    if made and made["session"] == session and made["label"] == label:
        st.download_button(
            f"Download {made['label']}",
            data=made["data"],
            file_name=made["name"],
            mime=made["mime"],
            key="export_download",
            on_click="ignore",
            type="primary",
        )


_SHARE = st.components.v2.component(
    "painmap_share",
    html="<button type='button' class='pm-share'>Copy the link to this map</button>"
    "<span class='pm-share-said' role='status' aria-live='polite'></span>",
    js=(Path(__file__).parent / "share.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def share_link() -> None:
    """A button that copies the address (which reopens the map) and says what it holds."""
    _SHARE(key="share", data={"copied": "Link copied.", "failed": "Copy this link:"})
    st.caption(LINK_CARRIES)
