"""The plan and progress page's parts: whose log, the plan, the daily log, before and after."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import streamlit as st

from app_pages import log_state, state
from app_pages.panels import reference
from painmap.describe import cite, claim_cite
from painmap.marks import MAX_NOTE
from painmap.plain import markdown as text
from painmap.progress.chart import progress_figure
from painmap.progress.entry import MAX_WALK_MINUTES
from painmap.progress.logbook import LogError, Visit
from painmap.progress.plan import make_plan
from painmap.progress.table import entries_csv, entries_frame
from painmap.progress.verdict import RULE, THRESHOLD_SOURCE, judge
from painmap.progress.visits import changes, overlaid_figure, visit_figure
from painmap.settings import clinic_mode
from painmap.vocabulary import VIEW_NAMES
from painmap.wording import counted

ss = st.session_state
# Where the database lies is the server's business (`python -m painmap log` prints it): a phone
# user is told what it means for them.
KEPT_WHERE = "Logs are kept on the computer that runs PainMap, and sent nowhere."
BOXES = {"helping": st.success, "worse": st.error, "no change": st.info, "too early": st.info}


def plan_for_map(atlas):
    """The plan for the map as it stands on the map page."""
    given = state.answers()
    return make_plan(
        atlas,
        ss.marks,
        given["symptoms"],
        ss.side,
        absent=given["absent"],
        pressed=given["pressed"],
    )


def messages(key: str) -> None:
    """The last result kept under ``key``, in a slot that is there even when empty: the
    elements below keep their place, and the tabs their selection."""
    slot = st.container()
    kind, words = ss.get(key) or (None, None)
    if kind:
        (slot.success if kind == "success" else slot.error)(text(words))


def who() -> None:
    """Open or start a log, or say whose log is open and where it is kept."""
    log = log_state.person()
    try:
        log_state.book()  # opened here, so that a broken database is said at once
    except LogError as err:
        st.error(
            f"The progress log cannot be used here: {text(str(err))}. The plan below still works; "
            "set PAINMAP_DB to a file or database that can be opened, and start again."
        )
        return
    if log is not None:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(f"**{text(log.name)}'s log** · {counted(len(ss.log_entries), 'day')} logged")
        right.button("Close the log", on_click=log_state.close_log)
        st.caption(f"{KEPT_WHERE} Every read and write is in its audit trail.")
        person_data(log)
        return
    if clinic_mode():
        clinic_list()
        return
    st.markdown("**Your log** keeps a line a day: pain, time on your feet, the step you tried.")
    opening, starting = st.columns(2, gap="large")
    with opening.form("open_log", border=True):
        st.text_input("Name", key="open_name", max_chars=80)
        st.text_input("Passphrase (if the log has one)", key="open_pass", type="password")
        st.form_submit_button("Open the log", on_click=log_state.open_log, args=(False,))
    with starting.form("new_log", border=True):
        st.text_input(
            "Name for a new log",
            key="new_name",
            max_chars=80,
            help="A first name or a client code: it is all the log is known by.",
        )
        st.text_input(
            "Passphrase (optional)",
            key="new_pass",
            type="password",
            help="Asked for whenever the log is opened; it cannot be recovered.",
        )
        st.form_submit_button("Start a new log", on_click=log_state.open_log, args=(True,))
    st.caption(KEPT_WHERE)


def clinic_list() -> None:
    """Clinic mode: the logs this user may open, and (for staff) a new one."""
    try:
        listed = dict(log_state.clinic().logs_for(log_state.actor()))
    except LogError as err:
        st.error(f"The clinic's logs cannot be listed: {err}.")
        return
    opening, starting = st.columns(2, gap="large")
    with opening.form("open_listed", border=True):
        st.selectbox(
            "Your clients' logs" if listed else "No log has been given to you yet",
            list(listed),
            format_func=listed.get,
            key="listed_log",
        )
        st.form_submit_button("Open the log", on_click=log_state.open_listed)
    with starting.form("new_log", border=True):
        st.text_input("Name or client code for a new log", key="new_name", max_chars=80)
        st.form_submit_button("Start a new log", on_click=log_state.open_log, args=(True,))


def person_data(log) -> None:
    """Everything held about the person, to download, and erasing it, with a confirmation."""
    with st.expander("This person's data: download or erase"):
        st.button("Gather everything held about them", on_click=log_state.export_person)
        held = ss.get("export")
        if held and held["name"] == log.name:
            left, right = st.columns(2)
            left.download_button(
                "Download all of it (JSON)",
                data=json.dumps(held, ensure_ascii=False, indent=1).encode("utf-8"),
                file_name=f"painmap-{log.name}-everything.json",
                mime="application/json",
            )
            right.download_button(
                "Download the days (CSV)",
                data=entries_csv(ss.log_entries).encode("utf-8"),
                file_name=f"painmap-{log.name}-days.csv",
                mime="text/csv",
            )
        st.checkbox(f"Yes, erase {text(log.name)}'s log for good", key="erase_sure")
        st.button("Erase this person's data", type="primary", on_click=log_state.erase_person)


def plan(atlas, the_plan) -> None:
    """The steps, one at a time, each with its dose, trial, warning and sources."""
    for flag in the_plan.red_flags:
        st.error(f"**See a clinician before starting any of this.** {text(flag)}", icon="⚠️")
    if not ss.marks:
        st.info(
            "Mark where it hurts on the map first: the plan starts with the self-care of "
            "the patterns that fit. Until then it holds the general heel and foot advice."
        )
    st.markdown(
        f"**How to use it.** {text(the_plan.method)} "
        f"<small>{text(claim_cite(atlas.knowledge, the_plan.method_sources))}</small>",
        unsafe_allow_html=True,
    )
    for number, step in enumerate(the_plan.steps, start=1):
        whose = (
            " · for " + ", ".join(step.for_patterns)
            if step.for_patterns
            else " · for any heel pain"
        )
        with st.expander(text(f"{number}. {step.name}{whose}")):
            rows = [
                ("How", step.how),
                ("Dose", step.dose),
                ("How often", step.frequency),
                ("Try it for", step.trial),
                ("Not working if", step.not_working),
            ]
            st.markdown("\n".join(f"- **{k}:** {text(v)}" for k, v in rows if v))
            if step.see_clinician:
                st.markdown("**See a clinician if:** " + " ".join(map(text, step.see_clinician)))
            st.markdown(
                "\n".join(
                    f"- <small>{reference(atlas.knowledge.sources[sid])}</small>"
                    for sid in step.sources
                ),
                unsafe_allow_html=True,
            )


def daily_log(atlas, the_plan) -> None:
    """The day's entry, the chart, the verdicts, the table and the CSV."""
    log = log_state.person()
    if log is None:
        st.info("Open or start a log above to keep a line a day.")
        return
    if ss.get("file_log"):
        file_days(log)
    messages("entry_message")
    entries = ss.log_entries
    steps = {s.id: s.name for s in the_plan.steps}
    steps.update({e.step_id: e.step_name for e in entries if e.step_id and e.step_id not in steps})
    answer = st.container()  # the verdict comes first, and is filled once the form is drawn
    entry_form(entries, steps)
    if not entries:
        return
    verdicts = judge(entries, the_plan)
    if verdicts:
        latest = verdicts[-1]
        answer.markdown("#### Is it working?")
        with answer:
            BOXES[latest.outcome](f"{text(latest.answer)}  \n*{text(latest.numbers)}*")
        source = cite(atlas.knowledge.sources[THRESHOLD_SOURCE])
        answer.caption(f"{RULE} Source: {text(source)}")
        for earlier in reversed(verdicts[:-1]):
            answer.caption(
                text(f"Earlier, {earlier.trial.step_name}: {earlier.outcome} ({earlier.numbers}).")
            )
    st.plotly_chart(
        progress_figure(entries, verdicts), key="progress_chart", config={"displaylogo": False}
    )
    with st.expander(f"Every day logged ({len(entries)})"):
        st.dataframe(entries_frame(entries), hide_index=True)
        day = st.selectbox(
            "Day to delete",
            [e.day for e in reversed(entries)],
            format_func=lambda d: f"{d:%a %d %b %Y}",
            key="delete_day",
        )
        st.button("Delete that day", on_click=log_state.delete_entry, args=(day,))
    st.download_button(
        "Download the log (CSV)",
        data=entries_csv(entries).encode("utf-8"),
        file_name=f"painmap-log-{date.today().isoformat()}.csv",
        mime="text/csv",
        on_click="ignore",
        key="log_csv",
    )


def file_days(log) -> None:
    """The opened file's days: what adding them would change, asked before any is replaced."""
    change = log_state.file_change()
    with st.container(border=True):
        whose = ss.get("file_log_name")
        if whose and whose != log.name:
            st.warning(text(f"These days come from {whose}'s log, not from {log.name}'s."))
        st.markdown(text(f"The opened session file holds days: {change.words()}"))
        if change.differ:
            st.button(
                "Add only the new days",
                disabled=not change.new,
                on_click=log_state.add_file_log,
                args=(False,),
            )
            st.button(
                f"Add them and replace the {counted(len(change.differ), 'day')} that differ",
                on_click=log_state.add_file_log,
                args=(True,),
            )
        elif change.new:
            st.button(
                f"Add the {counted(len(change.new), 'new day')} to this log",
                on_click=log_state.add_file_log,
                args=(False,),
            )


def entry_form(entries, steps: dict[str, str]) -> None:
    """One day: two pain scores, minutes on one's feet, the step done, a note."""
    latest = entries[-1].step_id if entries else None
    options = [None, *steps]
    with st.form("entry", border=True):
        st.markdown("**Today's line** (or an earlier day's: pick the day)")
        # Pairs side by side (one column on a phone); the 0 to 10 scales need the full width.
        when, walked = st.columns(2, gap="medium")
        when.date_input(
            "Day", value=date.today(), max_value=date.today(), key="entry_day", format="YYYY-MM-DD"
        )
        walked.number_input(
            "Minutes you could walk or stand comfortably",
            min_value=0,
            max_value=MAX_WALK_MINUTES,
            step=5,
            value=None,
            key="entry_walk",
        )
        scale = list(range(11))
        st.segmented_control("Pain at the first steps (0 none, 10 worst)", scale, key="entry_first")
        st.segmented_control("Pain at the end of the day", scale, key="entry_end")
        step, rest = st.columns(2, gap="medium")
        step.selectbox(
            "Self-care step done",
            options,
            key="entry_step",
            index=options.index(latest) if latest in options else 0,
            format_func=lambda s: "none" if s is None else steps[s],
        )
        rest.text_input("Note", key="entry_note", max_chars=MAX_NOTE)
        st.form_submit_button(
            "Save the day", type="primary", on_click=log_state.save_entry, args=(steps,)
        )


def before_after(atlas) -> None:
    """Keep today's map as a visit; show two visits side by side or on one figure."""
    log = log_state.person()
    if log is None:
        st.info("Open or start a log above to keep the map of each visit.")
        return
    messages("visit_message")
    current = replace(state.current(), log=())
    day, at, note = st.columns([2, 2, 4], vertical_alignment="bottom")
    day.date_input("Day of the visit", key="visit_day", max_value=date.today())
    at.time_input("Time (empty: now)", key="visit_time", value=None, step=300)
    note.text_input("Note for this visit", key="visit_note", max_chars=MAX_NOTE)
    st.button(
        "Keep this map as a visit",
        disabled=not ss.marks,
        on_click=log_state.save_visit,
        args=(current, atlas),
    )
    try:
        days = log.visits()
    except LogError as err:
        st.error(text(f"The visits cannot be read: {err}."))
        return
    if len(days) < 2:
        st.caption(f"{counted(len(days), 'visit')} kept: two are needed to compare.")
        return
    first, second, how = st.columns(3)
    label = Visit.label
    before = first.selectbox("Before", days, index=0, key="visit_before", format_func=label)
    after = second.selectbox(
        "After", days, index=len(days) - 1, key="visit_after", format_func=label
    )
    mode = how.radio("Show", ["Side by side", "Overlaid"], horizontal=True, key="visit_mode")
    view = st.radio(
        "View", list(VIEW_NAMES), horizontal=True, format_func=VIEW_NAMES.get, key="visit_view"
    )
    try:
        then, now = log.visit(before, atlas), log.visit(after, atlas)
    except LogError as err:
        st.error(text(f"{log_state.sentence(err)} The other visits are kept."))
        return
    st.markdown("\n".join(f"- {text(line)}" for line in changes(atlas, then, now)))
    if mode == "Overlaid":
        fig = overlaid_figure(atlas, view, then, now, before.taken, after.taken)
        st.plotly_chart(fig.update_layout(height=640), key="visits_overlaid")
        return
    left, right = st.columns(2)
    for column, session, day, role in (
        (left, then, before.taken, "before"),
        (right, now, after.taken, "after"),
    ):
        fig = visit_figure(atlas, view, session, day, role).update_layout(height=560)
        column.plotly_chart(fig, key=f"visit_chart_{role}")
