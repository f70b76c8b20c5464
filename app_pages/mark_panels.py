"""The map's own controls under the drawing: a spot by name (no pointer needed), the selected
mark's intensity, note and removal, undo, and removing everything (asked first)."""

from __future__ import annotations

import streamlit as st

from app_pages import state
from painmap.marks import MAX_NOTE, mark_name, numbered
from painmap.vocabulary import VIEW_NAMES

ss = st.session_state


def spot_by_name(atlas, view: str, side: str) -> None:
    """Place a mark on a named landmark of this view: the map without a pointer."""
    names = list(atlas.view(view, side).landmarks)
    pick, place = st.columns([3, 2], vertical_alignment="bottom")
    chosen = pick.selectbox(
        "Pick a spot by name",
        names,
        index=None,
        key=f"spot-{view}",
        format_func=lambda n: n.replace("_", " ").capitalize(),
        placeholder="Choose a spot on this view",
    )
    place.button(
        "Place a mark there",
        key=f"place-{view}",
        disabled=chosen is None,
        on_click=state.place_at,
        args=(atlas, view, side, chosen),
    )


def selected_mark() -> None:
    """The selected mark or area: its pain from 0 to 10, its note, and a way to remove it."""
    index = ss.get("selected_mark")
    if index is None or index >= len(ss.marks):
        return
    n, item = numbered(ss.marks)[index]
    name = f"{mark_name(n, item)} · {VIEW_NAMES[item.view]}"
    with st.container(border=True):
        st.markdown(f"**{name}**")
        key = f"intensity-{ss.generation}-{index}"
        st.select_slider(
            f"How strong is the pain at {name}? (0 none, 10 the worst)",
            ["not set", *range(11)],
            value="not set" if item.intensity is None else int(item.intensity),
            key=key,
            on_change=state.set_intensity,
            args=(index, key),
        )
        note = f"note-{ss.generation}-{index}"
        st.text_input(
            f"Note for {name}",
            value=item.note,
            key=note,
            max_chars=MAX_NOTE,
            on_change=state.set_note,
            args=(index, note),
        )
        keep, remove = st.columns(2)
        keep.button("Done", key="mark-done", on_click=state.select_mark, args=(None,))
        remove.button(
            f"Remove {name}", key="mark-remove", on_click=state.remove_mark, args=(index,)
        )


def map_actions() -> None:
    """Undo the last change; remove every mark, after a yes."""
    if not ss.marks and not ss.get("history"):
        return
    undo, clear = st.columns(2)
    undo.button("Undo", key="undo", disabled=not ss.get("history"), on_click=state.undo)
    if not ss.get("confirm_clear"):
        clear.button(
            "Remove all marks", key="clear", disabled=not ss.marks, on_click=state.ask_clear
        )
        return
    clear.warning(f"Remove all {len(ss.marks)} marks and areas?")
    yes, no = clear.columns(2)
    yes.button("Yes, remove all", key="clear-yes", type="primary", on_click=state.clear_marks)
    no.button("Keep them", key="clear-no", on_click=state.ask_clear, args=(False,))
