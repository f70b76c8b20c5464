"""The map's state in st.session_state, and the address bar that follows it.

The rules (what a click or a link turns into) live in :mod:`painmap.links`; this module only
keeps their results in the session and mirrors view, side and marks into the link.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from app_pages.shared import atlas
from painmap.clicks import MapState, apply_events
from painmap.links import link_params, parse_link
from painmap.marks import Mark, check_intensity, check_note
from painmap.session import Session, SessionError, load_session, opened_words

ss = st.session_state


def _question_keys() -> tuple[str, ...]:
    return tuple(f"q_{q.id}" for q in atlas().knowledge.questions)


def init() -> None:
    """Start a session from its link, once; on every run, put back what the widgets hold.

    Streamlit forgets a widget's value on a page that does not show the widget; the values
    are kept apart from the widgets and put back, so going to another page loses nothing.
    """
    if "marks" not in ss:
        link = parse_link(st.query_params.to_dict())
        ss.marks = list(link.marks)
        ss.link_warnings = list(link.warnings)
        ss.selected = None
        ss.generation = 0  # bumped when marks are renumbered, so per-mark widgets start afresh
        ss.denied = []  # symptom ids answered "no"
        ss.pressed = {}  # muscle id: whether pressing its site reproduced the pain
        ss.kept = {"view": link.view, "side": link.side, "note": ""}
    for key in ("view", "side", "note", *_question_keys()):
        if key not in ss:
            ss[key] = ss.kept.get(key, _empty(key))


def _empty(key: str):
    if not key.startswith("q_"):
        return None
    question = next(q for q in atlas().knowledge.questions if f"q_{q.id}" == key)
    return None if question.choose == "one" else []


def keep() -> None:
    """Remember what the widgets hold, for the next page that shows them."""
    ss.kept = {key: ss[key] for key in ("view", "side", "note", *_question_keys()) if key in ss}


def sync_link() -> None:
    """Make the address bar reopen this map (view, side and point marks), and keep the state."""
    keep()
    points = [m for m in ss.marks if isinstance(m, Mark)]
    wanted = link_params(ss.view, ss.side, points)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def map_symptoms() -> list[str]:
    """The symptom ids answered yes, from any page."""
    out = []
    for key in _question_keys():
        value = ss.get(key, ss.get("kept", {}).get(key))
        out += value if isinstance(value, list) else [value] if value else []
    return out


def answers() -> dict:
    """The answers as ``analyse`` takes them: yes, no, and the presses."""
    present = map_symptoms()
    absent = [s for s in ss.get("denied", []) if s not in present]
    return {"symptoms": present, "absent": absent, "pressed": dict(ss.get("pressed", {}))}


def _question_of(symptom: str):
    return next(q for q in atlas().knowledge.questions if symptom in q.options)


def answer(symptom: str, yes: bool) -> None:
    """An answer to the suggested question: yes puts it with the others, no remembers it."""
    question = _question_of(symptom)
    key = f"q_{question.id}"
    if yes:
        ss.denied = [s for s in ss.denied if s != symptom]
        ss[key] = symptom if question.choose == "one" else [*(ss.get(key) or []), symptom]
    elif symptom not in ss.denied:
        ss.denied = [*ss.denied, symptom]
    keep()


def press(pattern_id: str, reproduced: bool | None) -> None:
    """Whether pressing a muscle's trigger-point site reproduced the pain (None: forget it)."""
    ss.pressed = {k: v for k, v in ss.pressed.items() if k != pattern_id}
    if reproduced is not None:
        ss.pressed[pattern_id] = reproduced


UNDO_STEPS = 30  # changes that can be undone, one at a time


def remember() -> None:
    """Keep the map as it is before a change, so that Undo can bring it back."""
    ss.history = [*ss.get("history", [])[-(UNDO_STEPS - 1) :], list(ss.marks)]


def undo() -> None:
    if ss.get("history"):
        ss.marks = ss.history.pop()
        ss.selected_mark = None
        ss.generation += 1


def place_at(atlas, view: str, side: str, landmark: str | None) -> None:
    """A mark on a named landmark: the same rules as a tap there."""
    if landmark is None:
        return
    x, y = atlas.view(view, side).landmark_xy(landmark)
    remember()
    placed = apply_events(
        atlas,
        map_state(),
        view,
        side,
        [{"seq": ss.get("map_acked", 0) + 1, "kind": "tap", "x": x, "y": y}],
    )
    keep_map(placed)
    if placed.notice is None and placed.selected is None:  # the new mark's editor opens,
        ss.selected_mark = len(ss.marks) - 1  # within reach of the keyboard


def map_state() -> MapState:
    """The map as the click rules see it."""
    return MapState(
        tuple(ss.marks),
        ss.get("map_acked", 0),
        ss.get("selected_mark"),
        None,
        ss.get("map_made_by", ()),
    )


def keep_map(state: MapState) -> None:
    """Keep what the click rules made of the map."""
    changed = list(state.items) != ss.marks
    ss.marks, ss.map_acked = list(state.items), state.acked
    ss.selected_mark, ss.map_made_by, ss.map_notice = state.selected, state.made_by, state.notice
    if changed:
        ss.selected = None  # the map changed: back to the best matches
        ss.generation += 1
    elif ss.get("history") and ss.history[-1] == ss.marks:
        ss.history.pop()  # nothing changed: nothing to undo


def select_mark(index: int | None) -> None:
    ss.selected_mark = index


def ask_clear(asking: bool = True) -> None:
    ss.confirm_clear = asking


def remove_mark(index: int) -> None:
    remember()
    ss.marks = [m for i, m in enumerate(ss.marks) if i != index]
    ss.selected_mark = None
    ss.generation += 1


def clear_marks() -> None:
    remember()
    ss.marks = []
    ss.selected = ss.selected_mark = None
    ss.confirm_clear = False
    ss.generation += 1


def set_intensity(index: int, key: str) -> None:
    remember()
    value = ss[key]
    level = None if value == "not set" else check_intensity(value)
    ss.marks[index] = replace(ss.marks[index], intensity=level)


def select_pattern(pattern_id: str | None, view: str | None = None) -> None:
    """Show one pattern's detail, on the view where most of it lies."""
    ss.selected = pattern_id
    if view:
        ss.view = view


def change_side() -> None:
    """The other side: marks keep their place on the body (inner heel stays inner heel)."""
    ss.marks = [m.mirrored() for m in ss.marks]


def open_view(view: str) -> None:
    ss.view = view


def set_note(index: int, key: str) -> None:
    """A mark's note, kept exactly as typed (it is shown as text, never as markup)."""
    try:
        ss.marks[index] = replace(ss.marks[index], note=check_note(ss[key]))
    except ValueError as err:
        ss.notice = str(err)


def current() -> Session:
    """The map on screen as a Session: what is saved and exported, with the open log's days."""
    log = tuple(ss.get("log_entries", ()))
    given = answers()
    return Session(
        ss.side,
        ss.view,
        tuple(ss.marks),
        tuple(given["symptoms"]),
        ss.note,
        ss.selected,
        log,
        tuple(given["absent"]),
        tuple(sorted(given["pressed"].items())),
        ss.person.name if ss.get("person") is not None else "",
    )


def open_session(atlas, key: str) -> None:
    """Load the uploaded session file; a bad one is refused and the map on screen is kept."""
    upload = ss.get(key)
    if upload is None:
        return
    ss.uploads = ss.get("uploads", 0) + 1  # a fresh, empty uploader on the next run
    try:
        loaded = load_session(upload.getvalue(), atlas)
    except SessionError as err:
        ss.notice = f"That file was not opened: {err}. Your map is as it was."
        return
    session = loaded.session
    ss.file_log = list(session.log)  # offered to the open log on the progress page
    ss.file_log_name = session.log_name
    ss.marks, ss.view, ss.side = list(session.items), session.view, session.side
    ss.note, ss.selected = session.note, session.selected
    ss.denied, ss.pressed = list(session.absent), dict(session.pressed)
    ss.generation += 1
    for question in atlas.knowledge.questions:
        chosen = [s for s in session.symptoms if s in question.options]
        ss[f"q_{question.id}"] = (
            (chosen[0] if chosen else None) if question.choose == "one" else chosen
        )
    keep()
    ss.link_warnings = list(loaded.warnings)
    ss.notice = None
    ss.opened = opened_words(upload.name, session.items)
