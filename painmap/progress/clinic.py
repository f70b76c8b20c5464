"""A clinic's people and who may see which log: roles kept in the log database.

An *admin* names the staff and gives each client's log to a *therapist*; a therapist sees and
writes only the logs given to them; a *client* may be invited to see only their own log. Users
are known by the e-mail address their sign-in (OpenID Connect) gives. Who is given what is
recorded in the audit trail.

>>> from painmap.progress.logbook import LogBook
>>> book = LogBook("sqlite://")
>>> clinic = Clinic(book)
>>> clinic.set_role("boss@clinic.example", "admin", by="setup")
>>> clinic.set_role("kim@clinic.example", "therapist", by="boss@clinic.example")
>>> ana = book.create("Ana")
>>> clinic.give(ana.person_id, "kim@clinic.example", by="boss@clinic.example")
>>> [name for _, name in clinic.logs_for("kim@clinic.example")]
['Ana']
>>> clinic.logs_for("lee@clinic.example")
[]
"""

from __future__ import annotations

import sqlalchemy as sa

from painmap.progress import audit
from painmap.progress.logbook import NO_LOG, LogBook, LogError, PersonLog, people
from painmap.progress.roles import ADMIN, ROLES, THERAPIST, care, staff


class Clinic:
    """The roles and the giving of logs, in ``book``'s database."""

    def __init__(self, book: LogBook):
        self.book = book

    def role(self, email: str | None) -> str | None:
        """The user's role, or None for a user the clinic does not know."""
        if not email:
            return None
        with self.book.reading() as db:
            return db.execute(sa.select(staff.c.role).where(staff.c.email == email)).scalar()

    def set_role(self, email: str, role: str, by: str) -> None:
        """Name a user's role (the first admin is set from the command line)."""
        if role not in ROLES:
            raise LogError(f"a role is one of {', '.join(ROLES)}")
        email = email.strip().lower()
        with self.book.writing() as db:
            db.execute(sa.delete(staff).where(staff.c.email == email))
            db.execute(sa.insert(staff).values(email=email, role=role))
            audit.record(db, by, "assign", None, f"{email} is {role}")

    def users(self) -> list[tuple[str, str]]:
        """(email, role) of everyone, by address."""
        with self.book.reading() as db:
            return [tuple(r) for r in db.execute(sa.select(staff).order_by(staff.c.email))]

    def create(self, name: str, email: str) -> PersonLog:
        """A new log started by a therapist (given to them) or an admin."""
        role = self.role(email)
        if role not in (ADMIN, THERAPIST):
            raise LogError("only the clinic's therapists and admins start logs")
        try:
            log = self.book.create(name, actor=email)
        except LogError:  # says nothing of whose the taken name is
            raise LogError("that name cannot be used for a new log; choose another") from None
        if role == THERAPIST:
            self.give(log.person_id, email, by=email)
        return log

    def give(self, log_id: int, email: str, by: str) -> None:
        """Let ``email`` (a therapist or the client) see and write the log ``log_id``."""
        if log_id not in {i for i, _ in self.logs()} or self.role(email) is None:
            raise LogError("choose a log, and a user the clinic has given a role")
        email = email.strip().lower()
        with self.book.writing() as db:
            db.execute(sa.delete(care).where(care.c.email == email, care.c.log_id == log_id))
            db.execute(sa.insert(care).values(email=email, log_id=log_id))
            audit.record(db, by, "assign", log_id, f"given to {email}")

    def logs(self) -> list[tuple[int, str]]:
        """(log number, name) of every log, by name: the admin's list."""
        with self.book.reading() as db:
            query = sa.select(people.c.id, people.c.name).order_by(people.c.name)
            return [tuple(r) for r in db.execute(query)]

    def logs_for(self, email: str | None) -> list[tuple[int, str]]:
        """(log number, name) of the logs ``email`` may open: all for an admin."""
        role = self.role(email)
        if role is None:
            return []
        if role == ADMIN:
            return self.logs()
        mine = sa.select(care.c.log_id).where(care.c.email == email)
        query = sa.select(people.c.id, people.c.name).where(people.c.id.in_(mine))
        with self.book.reading() as db:
            return [tuple(r) for r in db.execute(query.order_by(people.c.name))]

    def open(self, log_id: int, email: str | None) -> PersonLog:
        """The log ``log_id`` for ``email``; NO_LOG unless it is in their list."""
        if log_id not in {i for i, _ in self.logs_for(email)}:
            raise LogError(NO_LOG)
        return self.book.log_by_id(log_id, email)

    def open_by_name(self, name: str, email: str | None) -> PersonLog:
        """The log named ``name`` for ``email`` (the command line's way); NO_LOG unless theirs."""
        for log_id, known in self.logs_for(email):
            if known == name.strip():
                return self.book.log_by_id(log_id, email)
        raise LogError(NO_LOG)
