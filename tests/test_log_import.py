"""Adding a file's days to an open log, on SQLite and on PostgreSQL (PAINMAP_TEST_DATABASE_URL):
nothing replaced without a yes, and a file with one bad day writes none of its days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from painmap import Mark
from painmap.progress.entry import Entry
from painmap.progress.importing import compare
from painmap.progress.logbook import LogBook, LogError
from painmap.session import Session, dump_session, load_session

from .places import ATLAS

TODAY = date.today()


def _file(days, log_name="") -> tuple[Entry, ...]:
    session = Session(items=(Mark("plantar", 13, 58),), log=tuple(days), log_name=log_name)
    return load_session(dump_session(session, ATLAS), ATLAS).session


def test_a_differing_day_is_kept_until_the_person_says_yes(where):
    log = LogBook(where).create("ann")
    real = Entry(TODAY - timedelta(days=1), 8, 7)
    log.save(real)
    file = _file([Entry(real.day, 0, 0), Entry(TODAY, 4, 4)])
    change = compare(log.entries(), file.log)
    assert [e.day for e in change.new] == [TODAY]
    assert "pain at the first steps 8 → 0" in change.words()
    log.save_all(change.new)  # "add only the new days"
    assert log.entries()[0] == real and len(log.entries()) == 2
    log.save_all([incoming for _, incoming in change.differ])  # the yes
    assert log.entries()[0].first_steps == 0


def test_a_file_with_one_future_day_writes_none_of_its_days(where):
    log = LogBook(where).create("ben")
    log.save(Entry(TODAY - timedelta(days=5), 6))
    days = [Entry(TODAY - timedelta(days=n), 3) for n in (3, 2, 1)]
    days.append(Entry(TODAY + timedelta(days=1), 3))
    with pytest.raises(LogError, match="has not come yet"):
        log.save_all(days)
    assert [e.day for e in log.entries()] == [TODAY - timedelta(days=5)]


def test_a_file_says_whose_log_its_days_came_from():
    assert _file([Entry(TODAY, 3)], log_name="Ann").log_name == "Ann"
    assert _file([Entry(TODAY, 3)]).log_name == ""
