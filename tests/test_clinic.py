"""A clinic: a therapist sees and writes only their own clients' logs, by the list or the
command line; an admin gives logs; who was given what is in the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from painmap.progress.clinic import Clinic
from painmap.progress.entry import Entry
from painmap.progress.logbook import NO_LOG, LogBook, LogError

from .harness import cli

BOSS, KIM, LEE = "boss@clinic.example", "kim@clinic.example", "lee@clinic.example"


@pytest.fixture
def clinic(where):
    clinic = Clinic(LogBook(where))
    clinic.set_role(BOSS, "admin", by="setup")
    clinic.set_role(KIM, "therapist", by=BOSS)
    clinic.set_role(LEE, "therapist", by=BOSS)
    clinic.create("Ana", KIM).save(Entry(date.today(), first_steps=6, note="Ana's note"))
    clinic.create("Ben", LEE)
    return clinic


def test_a_therapist_lists_and_opens_only_their_clients(clinic):
    assert [name for _, name in clinic.logs_for(KIM)] == ["Ana"]
    assert [name for _, name in clinic.logs_for(LEE)] == ["Ben"]
    assert [name for _, name in clinic.logs_for(BOSS)] == ["Ana", "Ben"]
    (ana,) = [i for i, name in clinic.logs_for(KIM) if name == "Ana"]
    for guess in (lambda: clinic.open(ana, LEE), lambda: clinic.open_by_name("Ana", LEE)):
        with pytest.raises(LogError, match=NO_LOG):
            guess()
    assert clinic.open(ana, KIM).entries()[0].note == "Ana's note"
    with pytest.raises(LogError, match=NO_LOG):  # a stranger signed in gets nothing
        clinic.open(ana, "someone@else.example")


def test_an_admin_gives_a_log_and_the_trail_says_who(clinic):
    (ana,) = [i for i, name in clinic.logs_for(BOSS) if name == "Ana"]
    clinic.give(ana, LEE, by=BOSS)
    assert [name for _, name in clinic.logs_for(LEE)] == ["Ana", "Ben"]
    clinic.open(ana, LEE)
    with pytest.raises(LogError, match="a user the clinic has given a role"):
        clinic.give(ana, "stranger@else.example", by=BOSS)
    said = [(e.actor, e.action, e.detail) for e in clinic.book.trail(ana)][:2]
    assert said == [(LEE, "open", ""), (BOSS, "assign", f"given to {LEE}")]


def test_the_command_line_in_clinic_mode_opens_only_the_users_logs(clinic, where, monkeypatch):
    monkeypatch.setenv("PAINMAP_CLINIC", "1")
    monkeypatch.setenv("PAINMAP_DB", where)

    def show(user):
        return cli("log", "show", "Ana", "--csv", "--user", user)

    refused = show(LEE)
    assert (
        refused.returncode == 2 and NO_LOG in refused.stderr and "Ana's note" not in refused.stdout
    )
    assert "Ana's note" in show(KIM).stdout
