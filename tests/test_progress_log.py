"""The progress log in a real database: a SQLite file, and PostgreSQL when one is given.

Set ``PAINMAP_TEST_DATABASE_URL`` (e.g. ``postgresql+psycopg://painmap:painmap@127.0.0.1/painmap``)
to run every test here against that server too; `.ci/run` starts one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from datetime import time as TimeOfDay

import pytest
import sqlalchemy as sa

from painmap import Mark
from painmap.progress.entry import Entry
from painmap.progress.logbook import NO_LOG, LogBook, LogError, Visit, database_url, visits
from painmap.session import Session, dump_session

from .conftest import ROOT
from .places import ATLAS

TODAY = date.today()
WEEK = [TODAY - timedelta(days=6 - n) for n in range(7)]


def test_entries_are_kept_in_the_file_and_read_back_in_day_order(where):
    log = LogBook(where).create("Ana")
    for day, pain in reversed(list(zip(WEEK, [7, 7, 6, 6, 5, 4, 4], strict=True))):
        log.save(
            Entry(
                day,
                first_steps=pain,
                end_of_day=pain - 1,
                walk_minutes=20,
                step_id="ice",
                step_name="Ice the heel",
                note=f"day {day}",
            )
        )
    again = LogBook(where).open("Ana")  # a new connection, as after a restart
    read = again.entries()
    assert [e.day for e in read] == WEEK
    assert [e.first_steps for e in read] == [7, 7, 6, 6, 5, 4, 4]
    assert read[0].note == f"day {WEEK[0]}" and read[0].step_name == "Ice the heel"
    if not where.startswith("postgresql"):
        assert os.path.getsize(where) > 0


def test_saving_a_day_again_replaces_it_and_delete_removes_it(where):
    log = LogBook(where).create("Ana")
    log.save(Entry(TODAY, first_steps=6))
    log.save(Entry(TODAY, first_steps=6, end_of_day=3, note="evening"))
    assert [(e.first_steps, e.end_of_day, e.note) for e in log.entries()] == [(6, 3, "evening")]
    log.delete(TODAY)
    assert log.entries() == []


def test_each_log_sees_only_its_own_person(where):
    book = LogBook(where)
    ana, ben = book.create("Ana"), book.create("Ben", passphrase="heel 2026")
    ana.save(Entry(TODAY, first_steps=8, note="Ana's"))
    ben.save(Entry(TODAY, first_steps=2, note="Ben's"))
    assert [e.note for e in ana.entries()] == ["Ana's"]
    assert [e.note for e in book.open("Ben", "heel 2026").entries()] == ["Ben's"]
    ana.erase()
    assert [e.note for e in ben.entries()] == ["Ben's"]
    with pytest.raises(LogError, match=NO_LOG):
        book.open("Ana")


def test_a_passphrase_is_needed_and_checked(where):
    book = LogBook(where)
    book.create("Ben", passphrase="heel 2026")
    with pytest.raises(LogError, match=NO_LOG):
        book.open("Ben", "wrong")
    with pytest.raises(LogError, match=NO_LOG):
        book.open("Ben")
    with sa.create_engine(database_url(where)).connect() as db:
        stored = db.execute(sa.text("select secret from people")).scalar()
    assert stored.startswith("scrypt$") and "heel 2026" not in stored


def test_a_name_is_taken_once(where):
    book = LogBook(where)
    book.create("Ana")
    with pytest.raises(LogError, match="already exists"):
        book.create(" Ana ")
    with pytest.raises(LogError, match="give the log a name"):
        book.create("   ")
    with pytest.raises(LogError, match="at most 80"):
        book.create("A" * 81)


def _at(day, hour: int) -> datetime:
    return datetime.combine(day, TimeOfDay(hour), UTC)


def test_visits_keep_their_pain_maps_several_a_day_each_with_its_time_and_note(where, atlas):
    log = LogBook(where).create("Ana")
    before = Session(items=(Mark("plantar", 13, 58, 8),), symptoms=("first_steps_morning",))
    start = Session(items=(Mark("plantar", 13, 58, 6),))
    end = Session(items=(Mark("plantar", 13, 58, 3),))
    first = log.save_visit(before, atlas, _at(WEEK[0], 9))
    # yesterday: today's 10:00 has not come yet when the suite runs early in the morning
    opening = log.save_visit(start, atlas, _at(WEEK[-2], 10), "before the massage")
    closing = log.save_visit(end, atlas, _at(WEEK[-2], 11), "after the massage")
    assert log.visits() == [first, opening, closing]  # two on one day, oldest first
    assert [v.note for v in log.visits()] == ["", "before the massage", "after the massage"]
    assert closing.label().endswith("11:00 · after the massage")
    assert log.visit(opening, atlas) == start and log.visit(closing, atlas) == end
    with pytest.raises(LogError, match="has not come yet"):
        log.save_visit(end, atlas, datetime.now(UTC) + timedelta(days=1))
    with pytest.raises(LogError, match="no pain map was kept"):
        log.visit(Visit(10_000, _at(WEEK[3], 9)), atlas)


def test_visits_kept_before_0_2_one_a_day_move_over_once(tmp_path, atlas):
    where = str(tmp_path / "old.db")
    LogBook(where).create("Ana")
    old = sa.Table(
        "visits",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer),
        sa.Column("day", sa.Date),
        sa.Column("session", sa.Text),
        sa.Column("saved", sa.DateTime(timezone=True)),
    )
    map_text = dump_session(Session(items=(Mark("plantar", 13, 58, 8),)), atlas)
    engine = sa.create_engine(database_url(where))
    with engine.begin() as db:
        old.create(db)
        db.execute(
            sa.insert(old).values(
                person_id=1, day=WEEK[0], session=map_text, saved=datetime.now(UTC)
            )
        )
    engine.dispose()
    log = LogBook(where).open("Ana")
    (moved,) = log.visits()
    assert moved.taken == _at(WEEK[0], 12) and moved.note == ""
    assert log.visit(moved, atlas).items == (Mark("plantar", 13, 58, 8),)
    assert LogBook(where).open("Ana").visits() == [moved]  # moved once, not twice


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"first_steps": 11},
            "pain at the first steps must be a whole number from 0 to 10, got 11",
        ),
        ({"end_of_day": -1}, "pain at the end of the day must be a whole number from 0 to 10"),
        ({"first_steps": "six"}, "got 'six'"),
        ({"first_steps": 4.5}, "whole number"),
        ({"first_steps": float("nan")}, "whole number"),
        ({"first_steps": True}, "whole number"),
        ({"first_steps": 5, "walk_minutes": "an hour"}, "minutes of walking or standing"),
        ({"first_steps": 5, "walk_minutes": 1441}, "from 0 to 1440"),
        ({}, "give at least one pain score"),
        ({"first_steps": 5, "note": "x" * 2001}, "at most 2000 characters"),
        ({"first_steps": 5, "step_id": 42}, "self-care step must be a short text"),
        ({"first_steps": 5, "day": "23/11/2026"}, "a date like 2026-11-23"),
        ({"first_steps": 5, "day": "1850-01-01"}, "too long ago"),
    ],
)
def test_a_bad_entry_is_refused_with_a_message_naming_the_field(fields, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Entry(**{"day": TODAY, **fields})


def test_a_day_in_the_future_is_refused_and_nothing_is_written(where):
    log = LogBook(where).create("Ana")
    log.save(Entry(TODAY, first_steps=5))
    with pytest.raises(LogError, match="has not come yet"):  # today given: no midnight flake
        log.save(Entry(TODAY + timedelta(days=1), first_steps=5), today=TODAY)
    assert [e.day for e in log.entries()] == [TODAY]


def test_a_database_that_cannot_be_opened_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LogError, match="cannot be opened"):
        LogBook(str(blocker / "painmap.db"))  # its folder is a file
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00not sqlite at all" * 100)
    with pytest.raises(LogError, match="cannot be opened"):
        LogBook(str(garbage))
    with pytest.raises(LogError, match="neither a file path nor a database URL"):
        LogBook("postgresql://::bad")


CRASHING_WRITER = """
import os, signal, sys
from datetime import date, timedelta
import sqlalchemy as sa
from painmap.progress.entry import Entry
from painmap.progress.logbook import LogBook, entries

book = LogBook(sys.argv[1])
log = book.create("Ana")
start = date.today() - timedelta(days=30)
for n in range(5):
    log.save(Entry(start + timedelta(days=n), first_steps=n, note="kept"))
with book.engine.begin() as db:  # the sixth write dies half-way, before its commit
    db.execute(sa.delete(entries).where(entries.c.day == start))
    db.execute(sa.insert(entries).values(person_id=log.person_id, day=start + timedelta(days=5),
               first_steps=9, note="lost", saved=start))
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_crash_in_the_middle_of_a_write_loses_no_earlier_entry(where):
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, where],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    log = LogBook(where).open("Ana")
    assert [(e.first_steps, e.note) for e in log.entries()] == [(n, "kept") for n in range(5)]
    if not where.startswith("postgresql"):
        with sa.create_engine(database_url(where)).connect() as db:
            assert db.execute(sa.text("pragma integrity_check")).scalar() == "ok"


KILLED_WRITER = """
import sys
from datetime import date, timedelta
from painmap.progress.entry import Entry
from painmap.progress.logbook import LogBook

log = LogBook(sys.argv[1]).create("Ana")
start = date.today() - timedelta(days=3000)
for n in range(3000):
    log.save(Entry(start + timedelta(days=n), first_steps=n % 11, note=str(n)))
    print(n, flush=True)  # said only once the save has committed
"""


def test_a_writer_killed_at_any_moment_keeps_every_entry_it_reported(where):
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILLED_WRITER), where],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    reported = []
    for line in writer.stdout:
        reported.append(int(line))
        if len(reported) == 40:
            writer.kill()
            break
    writer.wait(timeout=60)
    reported += [int(line) for line in writer.stdout.read().split()]
    kept = {int(e.note) for e in LogBook(where).open("Ana").entries()}
    assert set(reported) <= kept
    assert len(kept) <= len(reported) + 1  # at most the write in flight, whole or not at all


def test_a_failing_database_says_so_in_one_sentence(where):
    book = LogBook(where)
    log = book.create("Ana")
    log.save(Entry(TODAY, first_steps=5))
    with book.writing() as db:  # a visit's map spoilt behind PainMap's back
        spoilt = dict(person_id=log.person_id, taken=_at(TODAY, 9), note="", session="{not json")
        db.execute(sa.insert(visits).values(**spoilt, saved=sa.func.now()))
    with pytest.raises(LogError, match=r"the map kept at .* cannot be read"):
        log.visit(log.visits()[0], ATLAS)
    with book.writing() as db:
        db.execute(sa.text("drop table entries"))
    with pytest.raises(LogError, match=r"the log database .* failed"):
        log.entries()
