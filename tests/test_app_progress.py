"""The plan and progress page, headless with Streamlit's AppTest, on a real SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from painmap import Mark
from painmap.progress.logbook import LogBook, LogError
from painmap.progress.visits import area_change
from painmap.session import Session

from .conftest import ROOT, as_shown
from .places import ATLAS

TODAY = date.today()


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("PAINMAP_DB", str(tmp_path / "logs.db"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["marks"] = "plantar:13,58"
    at.run()
    return at.switch_page("app_pages/progress.py").run()


def _start(at, name="Ana", passphrase=""):
    at.text_input(key="new_name").input(name)
    at.text_input(key="new_pass").input(passphrase)
    return at.button(key="FormSubmitter:new_log-Start a new log").click().run()


def _log_day(at, day, first, end, walk, step_index=1, note=""):
    at.date_input(key="entry_day").set_value(day)
    at.button_group(key="entry_first").set_value(first)
    at.button_group(key="entry_end").set_value(end)
    at.number_input(key="entry_walk").set_value(walk)
    at.selectbox(key="entry_step").set_value(at.selectbox(key="entry_step").options[step_index])
    at.text_input(key="entry_note").input(note)
    return at.button(key="FormSubmitter:entry-Save the day").click().run()


def _texts(at) -> str:
    parts = [
        e.value
        for kind in ("markdown", "success", "error", "info", "caption")
        for e in getattr(at, kind)
    ]
    parts += [e.label for e in at.expander]
    return "\n".join(as_shown(p) for p in parts)


def test_the_plan_follows_the_map_and_cites_its_method(app):
    assert not app.exception
    assert app.title[0].value == "Plan and progress"
    labels = [as_shown(e.label) for e in app.expander]
    assert labels[0].startswith("1. Stretch the calf against a wall · for Plantar fasciitis")
    assert any("Use a heel cup in both shoes · for any heel pain" in label for label in labels)
    assert "Juniper PT" in _texts(app) and "5 to 7 days" in _texts(app)


def test_a_week_logged_gives_a_chart_and_a_verdict(app):
    at = _start(app)
    assert "Ana's log" in _texts(at)
    for n, pain in enumerate([7, 7, 6, 6, 5, 4, 4]):
        at = _log_day(at, TODAY - timedelta(days=6 - n), pain, pain - 1, 20 + 5 * n)
        assert not at.exception
        assert not at.error, at.error[0].value
    texts = _texts(at)
    assert "7 days logged" in texts
    # The form starts empty again: yesterday's scores are not offered for today.
    assert at.button_group(key="entry_first").value is None
    assert at.number_input(key="entry_walk").value is None
    assert "Is it working?" in texts
    assert any("seems to help" in s.value for s in at.success)
    shown = texts.replace("\\", "")  # as the page shows it, Markdown escapes gone
    assert "larger than your own day-to-day swing" in shown and "John T. Farrar" in shown
    assert at.get("plotly_chart")
    csv = at.get("download_button")
    assert csv


def test_a_day_with_no_pain_score_is_refused_and_nothing_is_lost(app):
    # A day to come cannot be picked at all: the date field stops at today.
    at = _start(app)
    at = _log_day(at, TODAY - timedelta(days=1), 5, 4, 30)
    at = _log_day(at, TODAY, None, None, 10)
    assert not at.exception
    assert "Give at least one pain score" in at.error[0].value
    assert "1 day logged" in _texts(at)
    at = _log_day(at, TODAY - timedelta(days=1), 3, 2, 45)  # the same day again replaces it
    assert "1 day logged" in _texts(at) and not at.error


def test_a_log_with_a_passphrase_opens_only_with_it(app, tmp_path):
    at = _start(app, "Ben", "heel 2026")
    next(b for b in at.button if b.label == "Close the log").click().run()
    at.text_input(key="open_name").input("Ben")
    at.text_input(key="open_pass").input("wrong")
    at = at.button(key="FormSubmitter:open_log-Open the log").click().run()
    assert as_shown(at.error[0].value) == "No log opens with that name and passphrase; check both."
    at.text_input(key="open_pass").input("heel 2026")
    at = at.button(key="FormSubmitter:open_log-Open the log").click().run()
    assert "Ben's log" in _texts(at) and not at.error


def test_two_visits_compare_side_by_side_and_overlaid(app):
    at = _start(app)
    keep = next(b for b in at.button if b.label == "Keep this map as a visit")
    at = keep.click().run()
    assert "kept as the visit of" in at.success[0].value
    assert "1 visit kept" in _texts(at)
    earlier = Session(items=(Mark("plantar", 13, 58, 8), Mark("posterior", 0, 72)))
    two_weeks = datetime.now(UTC) - timedelta(days=14)
    at.session_state["person"].save_visit(earlier, ATLAS, two_weeks, "first session")
    at = at.run()
    assert at.selectbox(key="visit_before").value.day == two_weeks.date()
    assert at.selectbox(key="visit_before").options[0].endswith(" · first session")
    assert "Marks and areas: 2 then, 1 now." in _texts(at)
    area = area_change(ATLAS, earlier, Session(items=(Mark("plantar", 13, 58),)))
    assert area.startswith("Pain area ") and " smaller; all of it is where it was." in area
    assert area in _texts(at)
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert [t.split(" · ")[0] for t in titles if t.startswith(("Before", "After"))] == [
        "Before",
        "After",
    ]
    at = at.radio(key="visit_mode").set_value("Overlaid").run()
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert any(t.startswith("Before · ") and " and After · " in t for t in titles)


def test_a_log_database_that_cannot_be_opened_leaves_the_plan_working(tmp_path, monkeypatch):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"\x00 not a database " * 64)
    monkeypatch.setenv("PAINMAP_DB", str(broken))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at = at.switch_page("app_pages/progress.py").run()
    assert not at.exception
    assert "The progress log cannot be used here" in at.error[0].value
    # the plan is still there
    assert at.expander and as_shown(at.expander[0].label).startswith("1. ")
    assert broken.read_bytes() == b"\x00 not a database " * 64  # and the file untouched


def test_a_persons_data_is_downloaded_and_erased_only_once_confirmed(app, tmp_path):
    at = _start(app, "Ana")
    at = next(b for b in at.button if b.label == "Gather everything held about them").click().run()
    assert {b.label for b in at.get("download_button")} >= {
        "Download all of it (JSON)",
        "Download the days (CSV)",
    }
    erase = next(b for b in at.button if b.label == "Erase this person's data")
    at = erase.click().run()
    assert as_shown(at.error[0].value) == "Tick the box first: erasing cannot be undone."
    at.checkbox(key="erase_sure").check().run()
    at = next(b for b in at.button if b.label == "Erase this person's data").click().run()
    assert as_shown(at.success[0].value) == "Ana's log, days and visits are erased."
    book = LogBook(str(tmp_path / "logs.db"))
    with pytest.raises(LogError):
        book.open("Ana")
    assert [e.action for e in book.trail()][:2] == ["erase", "export"]
