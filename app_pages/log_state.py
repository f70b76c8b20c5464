"""The open progress log in st.session_state, and the callbacks that change it.

The database (:mod:`painmap.progress.logbook`) is opened once per server and place; a session
holds at most one person's log, and a copy of its entries for drawing.
"""

from __future__ import annotations

from datetime import date, datetime

import streamlit as st

from painmap.progress.audit import LOCAL_ACTOR
from painmap.progress.clinic import Clinic
from painmap.progress.entry import Entry
from painmap.progress.importing import Change, compare
from painmap.progress.logbook import LogBook, LogError
from painmap.settings import clinic_mode, database
from painmap.wording import counted

ss = st.session_state


@st.cache_resource(show_spinner=False)
def _book(where: str | None) -> LogBook:
    return LogBook(where)


def book() -> LogBook:
    """The log database named by PAINMAP_DB (a file or a URL), or the default file."""
    return _book(database())


def clinic() -> Clinic:
    """The clinic's roles, in the log database."""
    return Clinic(book())


def actor() -> str:
    """Who acts, for the audit trail: the signed-in user's e-mail, else this machine."""
    if clinic_mode() and st.user.is_logged_in:
        return str(st.user.get("email") or st.user.get("sub")).lower()
    return LOCAL_ACTOR


def person():
    """The open log, or None."""
    return ss.get("person")


def first_visit(atlas):
    """The open log's first visit before today, as (day, session), for the handout; None when
    there is no log, no such visit, or it cannot be read."""
    log = person()
    if log is None:
        return None
    try:
        earlier = [v for v in log.visits() if v.day < date.today()]
        return (earlier[0].day, log.visit(earlier[0], atlas)) if earlier else None
    except LogError:
        return None


def _opened(log) -> None:
    ss.person = log
    ss.log_entries = log.entries()
    ss.log_message = ss.entry_message = ss.visit_message = None


def sentence(err: Exception) -> str:
    """A core error's reason (lower case, no stop) as a sentence to show."""
    reason = str(err)
    return reason[:1].upper() + reason[1:] + "."


def _fail(err: Exception, where: str = "log_message") -> None:
    ss[where] = ("error", sentence(err))


def open_log(create: bool) -> None:
    """Open (or start) the log named in the form; a wrong name or passphrase says why."""
    prefix = "new" if create else "open"
    name, passphrase = ss.get(f"{prefix}_name", ""), ss.get(f"{prefix}_pass", "") or ""
    try:
        if clinic_mode():  # started by staff, and given to the therapist who starts it
            log = clinic().create(name, actor())
        elif create:
            log = book().create(name, passphrase, actor())
        else:
            log = book().open(name, passphrase, actor())
        _opened(log)
    except LogError as err:
        _fail(err)
        return
    ss[f"{prefix}_pass"] = ""  # a passphrase is not kept on screen


def open_listed() -> None:
    """Clinic mode: open the log picked from the user's own list."""
    try:
        _opened(clinic().open(ss.get("listed_log"), actor()))
    except LogError as err:
        _fail(err)


def close_log() -> None:
    keys = ("person", "log_entries", "log_message", "entry_message", "visit_message", "export")
    for key in keys:
        ss.pop(key, None)


def export_person() -> None:
    """Gather everything held about the open log's person, for the download buttons."""
    try:
        ss.export = person().export()
    except LogError as err:
        _fail(err)


def erase_person() -> None:
    """Erase the open log's person, once the box saying so is ticked."""
    if not ss.get("erase_sure"):
        ss.log_message = ("error", "Tick the box first: erasing cannot be undone.")
        return
    name = person().name
    try:
        person().erase()
    except LogError as err:
        _fail(err)
        return
    close_log()
    ss.erase_sure = False
    ss.log_message = ("success", f"{name}'s log, days and visits are erased.")


def save_entry(steps: dict[str, str]) -> None:
    """Keep the day in the form; a bad value is refused with a message and nothing is written."""
    step = ss.get("entry_step")
    try:
        entry = Entry(
            ss.get("entry_day"),
            ss.get("entry_first"),
            ss.get("entry_end"),
            ss.get("entry_walk"),
            step,
            steps.get(step),
            ss.get("entry_note") or "",
        )
        person().save(entry)
        ss.log_entries = person().entries()
    except (ValueError, LogError) as err:
        _fail(err, "entry_message")
        return
    ss.entry_message = ("success", f"Saved {entry.day:%A %d %B}.")
    # The form starts empty again: a day's scores are never carried into the next day's line.
    ss.entry_first = ss.entry_end = ss.entry_walk = None
    ss.entry_note = ""


def delete_entry(day: date) -> None:
    try:
        person().delete(day)
        ss.log_entries = person().entries()
    except LogError as err:
        _fail(err, "entry_message")
        return
    ss.entry_message = ("success", f"Deleted {day:%A %d %B}.")


def file_change() -> Change:
    """What adding the opened file's days would change in the open log."""
    return compare(ss.log_entries, ss.get("file_log", []))


def add_file_log(replace: bool) -> None:
    """Add the opened file's new days to the open log, and with ``replace`` put its version in
    place of the days that differ; all are written, or none."""
    change = file_change()
    days = [*change.new, *(incoming for _, incoming in change.differ if replace)]
    try:
        person().save_all(days, action="import")
        ss.log_entries = person().entries()
    except LogError as err:
        _fail(err, "entry_message")
        return
    ss.pop("file_log", None)
    replaced = len(change.differ) if replace else 0
    ss.entry_message = (
        "success",
        f"Added {counted(len(change.new), 'new day')} from the opened file; replaced {replaced}.",
    )


def save_visit(session, atlas) -> None:
    """Keep the map as a visit, at the day and time given on the page (now, unless changed),
    with its note."""
    day, at = ss.get("visit_day") or date.today(), ss.get("visit_time")
    taken = datetime.combine(day, at) if at else datetime.now()
    try:
        visit = person().save_visit(session, atlas, taken.astimezone(), ss.get("visit_note", ""))
    except (LogError, ValueError) as err:
        _fail(err, "visit_message")
        return
    ss.visit_message = ("success", f"The map is kept as the visit of {visit.label()}.")
    ss.visit_note = ""
