"""The clinic admin page, headless with AppTest: roles given, a log given, the audit trail shown
and not editable."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from painmap.progress.clinic import Clinic
from painmap.progress.logbook import LogBook

from .conftest import ROOT


def test_the_admin_gives_a_role_and_a_log_and_reads_the_trail(tmp_path, monkeypatch):
    db = str(tmp_path / "logs.db")
    monkeypatch.setenv("PAINMAP_DB", db)
    clinic = Clinic(LogBook(db))
    clinic.set_role("kim@clinic.example", "therapist", by="setup")
    ana = clinic.book.create("Ana")
    at = AppTest.from_file(str(ROOT / "app_pages" / "admin.py"), default_timeout=60).run()
    at.text_input(key="role_email").input("lee@clinic.example")
    at.selectbox(key="role_name").select("therapist")
    at = at.button(key="FormSubmitter:set_role-Give the role").click().run()
    assert at.success[0].value == "lee@clinic.example is now therapist."
    at.selectbox(key="give_log").select(ana.person_id)
    at.selectbox(key="give_to").select("lee@clinic.example")
    at = at.button(key="FormSubmitter:give_log-Give the log").click().run()
    assert [name for _, name in clinic.logs_for("lee@clinic.example")] == ["Ana"]
    trail = at.dataframe[1].value
    assert list(trail.columns) == ["when", "who", "did", "log", "what"]
    assert trail["did"].tolist()[:3] == ["assign", "assign", "create"]
