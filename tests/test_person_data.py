"""A person's data kept safe: one answer for a wrong name or passphrase, wrong tries that wait
(with a clock the test moves), a file only its owner reads, the audit trail, export and erase."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from painmap import Mark
from painmap.progress import tries
from painmap.progress.entry import Entry
from painmap.progress.logbook import NO_LOG, LogBook, LogError, database_url
from painmap.session import Session

from .harness import cli
from .places import ATLAS

TODAY = date.today()


class Clock:
    """Seconds since the epoch that only move when the test says."""

    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self):
        return self.now


def test_no_log_and_a_wrong_passphrase_get_the_same_answer(tmp_path):
    book = LogBook(str(tmp_path / "logs.db"))
    book.create("Ben", passphrase="heel 2026")
    book.create("Ana")
    answers = set()
    for name, passphrase in [("Ben", "wrong"), ("Ben", ""), ("Ana", "guess"), ("Nobody", "")]:
        with pytest.raises(LogError) as refused:
            book.open(name, passphrase)
        answers.add(str(refused.value))
    assert answers == {NO_LOG}


def test_the_tenth_wrong_passphrase_waits_and_a_restart_does_not_reset_it(tmp_path):
    where, clock = str(tmp_path / "logs.db"), Clock()
    LogBook(where, clock).create("Ben", passphrase="heel 2026")
    for _ in range(tries.FREE_TRIES):  # the free tries come one after the other
        with pytest.raises(LogError, match=NO_LOG):
            LogBook(where, clock).open("Ben", "wrong")
    waits = []
    for _ in range(tries.FREE_TRIES, 9):
        with pytest.raises(LogError, match="too many wrong tries"):
            LogBook(where, clock).open("Ben", "heel 2026")  # even the right one waits
        waits.append(tries.wait_after(tries.FREE_TRIES + len(waits)))
        clock.now += waits[-1]
        with pytest.raises(LogError, match=NO_LOG):
            LogBook(where, clock).open("Ben", "wrong")
    assert waits == [2, 4, 8, 16]
    clock.now += 32
    with pytest.raises(LogError, match=NO_LOG):
        LogBook(where, clock).open("Ben", "wrong")  # the tenth wrong one
    with pytest.raises(LogError, match=r"try again in 900 s"):
        LogBook(where, clock).open("Ben", "heel 2026")
    clock.now += tries.LOCKOUT
    assert LogBook(where, clock).open("Ben", "heel 2026").name == "Ben"
    with pytest.raises(LogError, match=NO_LOG):  # a right one starts the count again
        LogBook(where, clock).open("Ben", "wrong")


def test_a_name_no_log_has_is_slowed_the_same_way(tmp_path):
    book, clock = None, Clock()
    book = LogBook(str(tmp_path / "logs.db"), clock)
    for _ in range(tries.FREE_TRIES):
        with pytest.raises(LogError, match=NO_LOG):
            book.open("Nobody", "x")
    with pytest.raises(LogError, match="too many wrong tries"):
        book.open("Nobody", "x")


def test_the_database_file_and_its_journal_are_the_owners_only(tmp_path):
    path = tmp_path / "logs.db"
    old = os.umask(0o022)
    try:
        LogBook(str(path)).create("Ana").save(Entry(TODAY, first_steps=5))
    finally:
        os.umask(old)
    made = [p for p in tmp_path.iterdir() if p.name.startswith("logs.db")]
    assert {p.name for p in made} >= {"logs.db", "logs.db-wal"}
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in made} == {p.name: 0o600 for p in made}


def _filled(book: LogBook, name: str):
    log = book.create(name)
    log.save(Entry(TODAY - timedelta(days=1), first_steps=7, note=f"{name}'s secret note"))
    log.visit(log.save_visit(Session(items=(Mark("plantar", 13, 58, 8),)), ATLAS), ATLAS)
    return log


def test_export_holds_everything_about_one_person_and_nobody_else(where):
    book = LogBook(where)
    ana, _ = _filled(book, "Ana"), _filled(book, "Ben")
    held = json.loads(json.dumps(ana.export()))
    assert held["name"] == "Ana" and [d["note"] for d in held["days"]] == ["Ana's secret note"]
    assert [v["taken"][:10] for v in held["visits"]] == [TODAY.isoformat()]
    assert held["visits"][0]["session"]["items"]
    assert {e["did"] for e in held["audit"]} == {"create", "write", "read"}
    assert "Ben" not in json.dumps(held)


def test_erase_leaves_no_row_of_the_person_and_keeps_who_erased(where):
    book = LogBook(where)
    ana, ben = _filled(book, "Ana"), _filled(book, "Ben")
    with pytest.raises(LogError):
        book.open("Ana", "wrong")  # a wrong try is counted under the name
    ana.erase()
    engine = sa.create_engine(database_url(where))
    with engine.connect() as db:
        for table in ("people", "entries", "visit_maps", "passphrase_tries", "audit"):
            for row in db.execute(sa.text(f"select * from {table}")):
                text = " ".join(map(str, row))
                assert "Ana" not in text, (table, text)
        people = db.execute(sa.text("select name from people")).scalars().all()
        erased = db.execute(sa.text("select actor from audit where action = 'erase'")).all()
    engine.dispose()
    assert people == ["Ben"] and len(erased) == 1
    assert [e.note for e in ben.entries()] == ["Ben's secret note"]
    with pytest.raises(LogError, match=NO_LOG):
        book.open("Ana")


def test_every_read_and_write_is_in_the_trail_with_who_did_it(tmp_path):
    book = LogBook(str(tmp_path / "logs.db"))
    log = book.create("Ana", actor="sam@clinic.example")
    log.save(Entry(TODAY, first_steps=4))
    log.delete(TODAY)
    log.visit(log.save_visit(Session(items=(Mark("plantar", 13, 58, 8),)), ATLAS), ATLAS)
    book.open("Ana", actor="kim@clinic.example").export()
    done = [(e.actor, e.action) for e in reversed(book.trail(log.person_id))]
    sam = "sam@clinic.example"
    assert done == [
        (sam, "create"),
        (sam, "write"),
        (sam, "write"),
        (sam, "write"),
        (sam, "read"),
        ("kim@clinic.example", "open"),
        ("kim@clinic.example", "export"),
    ]


def test_the_command_line_exports_and_erases_one_person(tmp_path):
    db = str(tmp_path / "logs.db")
    _filled(LogBook(db), "Ana")
    held = json.loads(cli("log", "export", "Ana", "--db", db).stdout)
    assert held["days"][0]["note"] == "Ana's secret note" and held["visits"]
    csv = cli("log", "export", "Ana", "--csv", "--db", db).stdout
    assert csv.splitlines()[0].startswith("day,") and "Ana's secret note" in csv
    unsure = cli("log", "erase", "Ana", "--db", db)
    assert unsure.returncode == 2 and "--yes" in unsure.stderr
    assert cli("log", "erase", "Ana", "--yes", "--db", db).returncode == 0
    gone = cli("log", "export", "Ana", "--db", db)
    assert gone.returncode == 2 and NO_LOG in gone.stderr


def test_with_a_key_the_file_holds_no_note_or_score_in_clear(tmp_path):
    # A name too long to turn up by chance in 100 kB of ciphertext, as three letters do
    # in about one file in 150.
    path, name = tmp_path / "logs.db", "Ana Beatriz Sousa"
    log = LogBook(str(path), key="a clinic's long key").create(name, passphrase="heel 2026")
    log.save(Entry(TODAY, first_steps=7, end_of_day=9, note="Ana hurts at dawn"))
    log.save_visit(Session(items=(Mark("plantar", 13, 58, 8),)), ATLAS)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for clear in (
        b"SQLite format 3",
        b"Ana hurts at dawn",
        b"first_steps",
        b"plantar",
        name.encode(),
    ):
        assert clear not in raw
    again = LogBook(str(path), key="a clinic's long key").open(name, "heel 2026")
    assert [(e.first_steps, e.note) for e in again.entries()] == [(7, "Ana hurts at dawn")]
    with pytest.raises(LogError, match=r"cannot be opened|failed"):
        LogBook(str(path), key="a wrong key").open(name, "heel 2026")
    with pytest.raises(LogError, match=r"cannot be opened|failed"):
        LogBook(str(path)).open(name, "heel 2026")  # no key: not a database to read
