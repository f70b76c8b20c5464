"""The progress log's database: people, their daily entries and the pain maps of their visits.

SQLite in a file on this machine by default (``PAINMAP_DB``, else
``~/.local/share/painmap/painmap.db``); any SQLAlchemy URL, such as a clinic's PostgreSQL, works
the same way. Several people share one database, and every read and write goes through a
:class:`PersonLog`, which only ever sees its own person's rows; a log can be locked with a
passphrase (stored as a salted scrypt hash; wrong tries wait longer and longer, see
:mod:`~painmap.progress.tries`). Each save is one transaction, so a crash in the middle of a
write leaves every earlier entry as it was, and each one adds its row to the
:mod:`~painmap.progress.audit` trail. A database file is made readable by its owner only.

>>> from datetime import date
>>> book = LogBook("sqlite://")  # in memory
>>> log = book.create("Sam")
>>> log.save(Entry(date(2026, 11, 20), first_steps=6, end_of_day=4))
>>> [e.first_steps for e in log.entries()]
[6]
>>> book.open("Sam", "guess")
Traceback (most recent call last):
...
painmap.progress.logbook.LogError: no log opens with that name and passphrase; check both
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date
from datetime import time as TimeOfDay
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from painmap.errors import PainMapError
from painmap.marks import check_note
from painmap.progress import audit, roles, tries
from painmap.progress.audit import LOCAL_ACTOR
from painmap.progress.entry import FIELDS, Entry
from painmap.session import Session, SessionError, dump_session, load_session
from painmap.settings import database, database_key

DEFAULT_FILE = Path("~/.local/share/painmap/painmap.db")
MAX_NAME = 80
# Bounds on waiting, so that a database that hangs costs a sentence, not a frozen page.
CONNECT_SECONDS = 5  # a server that has not let us in by then is said to be unreachable
STATEMENT_MS = 10_000  # a log's queries take milliseconds: one running 10 s is stopped
BUSY_MS = 5_000  # SQLite waits this long for another writer to finish before saying so
NO_LOG = "no log opens with that name and passphrase; check both"
"""One answer for a name no log has and a wrong passphrase, so names cannot be guessed."""
FILE_MODE = 0o600
_DUMMY_SALT = bytes(16)  # an unknown name costs one hash too, so timing tells nothing

metadata = sa.MetaData()
people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(MAX_NAME), nullable=False, unique=True),
    sa.Column("secret", sa.String(200)),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
)
entries = sa.Table(
    "entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("person_id", sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("first_steps", sa.Integer),
    sa.Column("end_of_day", sa.Integer),
    sa.Column("walk_minutes", sa.Integer),
    sa.Column("step_id", sa.String(200)),
    sa.Column("step_name", sa.String(200)),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("saved", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("person_id", "day"),
)
# A visit's pain map, several a day: each with the moment it was taken and a note.
visits = sa.Table(
    "visit_maps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("person_id", sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    sa.Column("taken", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("session", sa.Text, nullable=False),
    sa.Column("saved", sa.DateTime(timezone=True), nullable=False),
)
OLD_VISITS = "visits"  # before 0.2: one map a day, no time or note; moved once, at open
OLD_VISIT_HOUR = 12  # a moved visit is put at noon of its day


@dataclass(frozen=True)
class Visit:
    """A kept pain map: its number in the log, when it was taken, and its note."""

    id: int
    taken: datetime
    note: str = ""

    @property
    def day(self) -> Date:
        return self.taken.date()

    def label(self) -> str:
        """How a person picks it: '2 Dec 2026, 14:05 · after the massage'."""
        when = f"{self.taken:%d %b %Y, %H:%M}".lstrip("0")
        return f"{when} · {self.note}" if self.note else when


def _move_old_visits(db) -> None:
    """Visits kept by PainMap before 0.2 (one a day) move to the new table, once."""
    if not sa.inspect(db).has_table(OLD_VISITS):
        return
    old = sa.Table(OLD_VISITS, sa.MetaData(), autoload_with=db)
    for row in db.execute(sa.select(old)).all():
        noon = datetime.combine(row.day, TimeOfDay(OLD_VISIT_HOUR), UTC)
        db.execute(
            sa.insert(visits).values(
                person_id=row.person_id, taken=noon, note="", session=row.session, saved=row.saved
            )
        )
    old.drop(db)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back a naive time for a column kept in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class LogError(PainMapError, ValueError):
    """A log that cannot be opened or written; the message says why, in one sentence."""


def database_url(where: str | None = None) -> str:
    """An SQLAlchemy URL for ``where``: a URL as it is, else a file path (made if missing)."""
    where = where or database() or str(DEFAULT_FILE)
    if "://" in where:
        return where
    path = Path(where).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_settings(connection, _record) -> None:
    # Foreign keys make erasing a person erase their rows; WAL with full sync keeps every
    # committed entry through a crash of the app or of the machine.
    cursor = connection.cursor()
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    cursor.close()


def _read_only(path: str | None) -> str | None:
    """How to open an SQLite file that cannot be written here: read-only (``mode=ro``), and
    also ``immutable`` when its folder is not writable (WAL needs a file beside it); None
    when it can be written."""
    if not path or path == ":memory:" or not os.path.exists(path):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    if not os.access(folder, os.W_OK):
        return "mode=ro&immutable=1"
    return None if os.access(path, os.W_OK) else "mode=ro"


def _engine_options(url) -> dict:
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": BUSY_MS / 1000}}
    if url.get_backend_name() == "postgresql":
        options = f"-c statement_timeout={STATEMENT_MS}"
        connect = {"connect_timeout": CONNECT_SECONDS, "options": options}
        return {"connect_args": connect, "pool_timeout": CONNECT_SECONDS}
    return {"pool_timeout": CONNECT_SECONDS}


def _reason(err: Exception) -> str:
    """A database error's reason without the driver's class names: '(psycopg.X) why' -> why."""
    return re.sub(r"^\([\w.]+\)\s*", "", str(err).splitlines()[0])[:200]


def _owner_only(path: str) -> None:
    # SQLite gives its -wal and -shm files the database file's mode; an older, wider file is
    # narrowed as well.
    if not os.path.exists(path):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    for name in (path, f"{path}-wal", f"{path}-shm"):
        if os.path.exists(name) and os.stat(name).st_mode & 0o777 != FILE_MODE:
            os.chmod(name, FILE_MODE)


def _hash(passphrase: str, salt: bytes) -> str:
    digest = hashlib.scrypt(passphrase.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def _check_name(name) -> str:
    if not isinstance(name, str) or not name.strip():
        raise LogError("give the log a name (a first name or a client code will do)")
    if len(name.strip()) > MAX_NAME:
        raise LogError(f"a log's name holds at most {MAX_NAME} characters")
    return name.strip()


class LogBook:
    """A progress-log database; :meth:`create` and :meth:`open` hand out one person's log."""

    def __init__(self, where: str | None = None, clock=time.time, key: str | None = None):
        self.clock = clock  # seconds since the epoch; tests give their own
        key = key or database_key()
        try:
            url = make_url(database_url(where))
        except (ArgumentError, ValueError):
            raise LogError(f"{where!r} is neither a file path nor a database URL") from None
        except OSError as err:
            raise LogError(f"the log database {where} cannot be opened: {err}") from None
        sqlite = url.get_backend_name() == "sqlite"
        # Where the log is kept, for people: a path, or a URL without its password.
        self.where = (url.database or "memory") if sqlite else url.render_as_string(True)
        mode = _read_only(url.database) if sqlite else None
        self.read_only = mode is not None
        try:
            if sqlite and url.database and url.database != ":memory:" and not mode:
                _owner_only(url.database)
            if sqlite and key:  # SQLCipher: every page of the file and its journal encrypted
                url = url.set(drivername="sqlite+pysqlcipher", password=key)
            if mode:
                path = os.path.abspath(url.database)
                self.engine = sa.create_engine(
                    f"sqlite:///file:{path}?{mode}&uri=true", **_engine_options(url)
                )
            else:
                self.engine = sa.create_engine(url, **_engine_options(url))
                if sqlite:
                    sa.event.listen(self.engine, "connect", _sqlite_settings)
                for tables in (metadata, tries.metadata, audit.metadata, roles.metadata):
                    tables.create_all(self.engine)
                with self.engine.begin() as db:
                    _move_old_visits(db)
        except (SQLAlchemyError, ImportError, OSError) as err:
            reason = _reason(err)
            raise LogError(f"the log database {self.where} cannot be opened: {reason}") from None

    @contextmanager
    def writing(self):
        """A transaction: all of it is kept, or none; a database failure becomes a LogError."""
        if self.read_only:
            raise LogError(
                f"the log database {self.where} can be read but not written here "
                "(the file or its folder is read-only), so nothing can be saved"
            )
        with self._failures(), self.engine.begin() as db:
            yield db

    @contextmanager
    def reading(self):
        """A connection for reading; a database failure becomes a LogError."""
        with self._failures(), self.engine.connect() as db:
            yield db

    @contextmanager
    def _failures(self):
        try:
            yield
        except IntegrityError:
            raise  # a broken rule of ours (a name taken), for the caller to word
        except SQLAlchemyError as err:
            reason = _reason(err)
            raise LogError(f"the log database {self.where} failed: {reason}") from None

    def create(self, name: str, passphrase: str = "", actor: str = LOCAL_ACTOR) -> PersonLog:
        """A new, empty log for ``name``; LogError if the name is taken."""
        name = _check_name(name)
        secret = _hash(passphrase, secrets.token_bytes(16)) if passphrase else None
        try:
            with self.writing() as db:
                pid = db.execute(
                    sa.insert(people).values(name=name, secret=secret, created=datetime.now(UTC))
                ).inserted_primary_key[0]
                audit.record(db, actor, "create", pid)
        except IntegrityError:
            raise LogError(f'a log named "{name}" already exists; open it instead') from None
        return PersonLog(self, pid, name, actor)

    def open(self, name: str, passphrase: str = "", actor: str = LOCAL_ACTOR) -> PersonLog:
        """The log of ``name``; LogError (:data:`NO_LOG`) if there is none or the passphrase is
        wrong, or while wrong tries on that name must wait."""
        name, now = _check_name(name), self.clock()
        with self.writing() as db:
            wait = tries.seconds_left(db, name, now)
            if wait:
                raise LogError(f"too many wrong tries with that name; try again in {wait} s")
            row = db.execute(sa.select(people).where(people.c.name == name)).first()
            right = _right(row, passphrase)
            if right:
                tries.forget(db, name)
                audit.record(db, actor, "open", row.id)
            else:
                tries.failed(db, name, now)
        if not right:
            raise LogError(NO_LOG)
        return PersonLog(self, row.id, name, actor)

    def log_by_id(self, log_id: int, actor: str) -> PersonLog:
        """A log chosen from a list the caller may see (a clinic's), by its number."""
        with self.writing() as db:
            row = db.execute(sa.select(people).where(people.c.id == log_id)).first()
            if row is None:
                raise LogError(NO_LOG)
            audit.record(db, actor, "open", row.id)
        return PersonLog(self, row.id, row.name, actor)

    def trail(self, log_id: int | None = None) -> list[audit.Event]:
        """The audit trail, newest first (of one log, or of all)."""
        with self.reading() as db:
            return audit.trail(db, log_id)


def _right(row, passphrase: str) -> bool:
    """Whether ``passphrase`` opens ``row`` (None: no such log; a hash is computed anyway)."""
    secret = row.secret if row is not None else None
    if secret is None:
        if row is None:
            _hash(passphrase, _DUMMY_SALT)
        return row is not None and not passphrase
    _, salt, _ = secret.split("$")
    return hmac.compare_digest(_hash(passphrase, bytes.fromhex(salt)), secret)


class PersonLog:
    """One person's entries and visits; every query is limited to this person, and every read
    and write is recorded in the audit trail as done by ``actor``."""

    def __init__(self, book: LogBook, person_id: int, name: str, actor: str = LOCAL_ACTOR):
        self.book, self.person_id, self.name, self.actor = book, person_id, name, actor

    def __repr__(self) -> str:
        return f"PersonLog({self.name!r})"

    def save(self, entry: Entry, today: Date | None = None, action: str = "write") -> None:
        """Keep ``entry``, replacing this person's entry for the same day; one transaction
        (``action``: "import" for a day taken from a file)."""
        self.save_all([entry], today, action)

    def save_all(self, days, today: Date | None = None, action: str = "write") -> None:
        """Keep every entry of ``days``, each replacing this person's entry for its day, in
        one transaction: all are kept, or (a future day, a database failure) none."""
        today = today or Date.today()
        future = [e.day.isoformat() for e in days if e.day > today]
        if future:
            raise LogError(f"the day {future[0]} has not come yet; log days up to today")
        with self.book.writing() as db:
            for entry in days:
                values = {c: getattr(entry, c) for c in FIELDS}
                mine = (self._mine(entries), entries.c.day == entry.day)
                db.execute(sa.delete(entries).where(*mine))
                row = dict(person_id=self.person_id, saved=datetime.now(UTC), **values)
                db.execute(sa.insert(entries).values(**row))
                audit.record(db, self.actor, action, self.person_id, f"day {entry.day.isoformat()}")

    def entries(self) -> list[Entry]:
        """Every entry, oldest first."""
        with self.book.reading() as db:
            rows = db.execute(sa.select(entries).where(self._mine(entries)).order_by(entries.c.day))
            return [Entry(**{c: getattr(row, c) for c in FIELDS}) for row in rows]

    def delete(self, day: Date) -> None:
        """Remove the entry of ``day``, if there is one."""
        with self.book.writing() as db:
            db.execute(sa.delete(entries).where(self._mine(entries), entries.c.day == day))
            audit.record(db, self.actor, "write", self.person_id, f"deleted {day.isoformat()}")

    def save_visit(
        self, session: Session, atlas, taken: datetime | None = None, note: str = ""
    ) -> Visit:
        """Keep the pain map ``session`` as a visit taken at ``taken`` (now), with ``note``."""
        taken = taken or datetime.now(UTC)
        if taken.tzinfo is None:
            taken = taken.astimezone()  # a time as the person gave it, on this machine's clock
        if taken > datetime.now(UTC):
            raise LogError(f"{taken:%d %B %Y, %H:%M} has not come yet; keep visits up to now")
        note = check_note(note)
        text = dump_session(session, atlas)
        with self.book.writing() as db:
            row = dict(person_id=self.person_id, taken=taken, note=note, session=text)
            new = db.execute(sa.insert(visits).values(**row, saved=datetime.now(UTC)))
            visit = Visit(new.inserted_primary_key[0], taken, note)
            audit.record(db, self.actor, "write", self.person_id, f"visit {visit.id}")
        return visit

    def visits(self) -> list[Visit]:
        """The kept visits, oldest first."""
        with self.book.reading() as db:
            query = sa.select(visits.c.id, visits.c.taken, visits.c.note).where(self._mine(visits))
            rows = db.execute(query.order_by(visits.c.taken, visits.c.id))
            return [Visit(r.id, _aware(r.taken), r.note) for r in rows]

    def visit(self, visit: Visit, atlas) -> Session:
        """The pain map of ``visit``; LogError if this log has no such visit."""
        with self.book.writing() as db:
            query = sa.select(visits.c.session).where(self._mine(visits), visits.c.id == visit.id)
            text = db.execute(query).scalar()
            audit.record(db, self.actor, "read", self.person_id, f"visit {visit.id}")
        if text is None:
            raise LogError(f"no pain map was kept at {visit.label()}")
        try:
            return load_session(text, atlas).session
        except SessionError as err:
            raise LogError(f"the map kept at {visit.label()} cannot be read: {err}") from None

    def export(self) -> dict:
        """Everything held about this person, as plain values for a JSON file: the log, its
        days, its visits (each a session file) and the audit trail of who did what to it."""
        with self.book.writing() as db:
            person = db.execute(sa.select(people).where(people.c.id == self.person_id)).one()
            query = sa.select(visits).where(self._mine(visits)).order_by(visits.c.taken)
            saved = [
                {
                    "taken": _aware(r.taken).isoformat(),
                    "note": r.note,
                    "session": json.loads(r.session),
                }
                for r in db.execute(query)
            ]
            events = audit.trail(db, self.person_id, limit=100_000)
            audit.record(db, self.actor, "export", self.person_id)
        return {
            "name": person.name,
            "created": person.created.isoformat(),
            "has_passphrase": person.secret is not None,
            "days": [e.as_row() for e in self.entries()],
            "visits": saved,
            "audit": [
                {"at": e.at.isoformat(), "who": e.actor, "did": e.action, "what": e.detail}
                for e in events
            ],
        }

    def erase(self) -> None:
        """Delete this person, their entries, their visits and their count of wrong tries; the
        audit trail keeps, under the log's number only, that it was erased and by whom."""
        with self.book.writing() as db:
            for table in (entries, visits):
                db.execute(sa.delete(table).where(self._mine(table)))
            db.execute(sa.delete(people).where(people.c.id == self.person_id))
            db.execute(sa.delete(roles.care).where(roles.care.c.log_id == self.person_id))
            tries.forget(db, self.name)
            audit.record(db, self.actor, "erase", self.person_id)

    def _mine(self, table):
        return table.c.person_id == self.person_id
