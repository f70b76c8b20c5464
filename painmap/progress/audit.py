"""The audit trail: who opened, wrote, read, imported, exported or erased which log, and when.

Rows are only ever added (:func:`record`) and read (:func:`trail`); nothing in PainMap updates
or deletes one. A row names the log by its number, never by the person's name, and holds none
of their days or notes: erasing a person leaves the trail of who did what, and nothing of theirs.

>>> ACTIONS
('create', 'open', 'read', 'write', 'import', 'export', 'erase', 'assign')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

ACTIONS = ("create", "open", "read", "write", "import", "export", "erase", "assign")
LOCAL_ACTOR = "this machine"
"""Who acts when there is no sign-in (one person's own machine)."""

metadata = sa.MetaData()
audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("log_id", sa.Integer),  # no foreign key: the row outlives an erased log
    sa.Column("detail", sa.String(200), nullable=False),
)


@dataclass(frozen=True)
class Event:
    """One row of the trail."""

    at: datetime
    actor: str
    action: str
    log_id: int | None
    detail: str


def record(db, actor: str, action: str, log_id: int | None, detail: str = "") -> None:
    """Add one row, in the caller's transaction (the row is kept only if the act is)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    db.execute(
        sa.insert(audit).values(
            at=datetime.now(UTC), actor=actor, action=action, log_id=log_id, detail=detail[:200]
        )
    )


def trail(db, log_id: int | None = None, limit: int = 500) -> list[Event]:
    """The newest rows first, of one log or of all."""
    query = sa.select(audit).order_by(audit.c.id.desc()).limit(limit)
    if log_id is not None:
        query = query.where(audit.c.log_id == log_id)
    return [Event(r.at, r.actor, r.action, r.log_id, r.detail) for r in db.execute(query)]
