"""Wrong passphrases, counted per name in the database, and how long the next try must wait.

A few wrong tries are free; after that each one doubles the wait, and from
:data:`LOCKOUT_AFTER` failures on a name is locked for :data:`LOCKOUT`. Tries are counted by the
name typed, whether or not a log has it, so the wait says nothing about which names exist; they
are kept in the database, so restarting the app does not reset them.

>>> [wait_after(n) for n in (0, 4, 5, 6, 9, 10)]
[0.0, 0.0, 2.0, 4.0, 32.0, 900.0]
"""

from __future__ import annotations

import math

import sqlalchemy as sa

FREE_TRIES = 5
LOCKOUT_AFTER = 10
LOCKOUT = 15 * 60.0  # seconds

metadata = sa.MetaData()
tries = sa.Table(
    "passphrase_tries",
    metadata,
    sa.Column("name", sa.String(80), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last", sa.Float, nullable=False),  # seconds since the epoch
)


def wait_after(failures: int) -> float:
    """Seconds the next try must wait after ``failures`` wrong passphrases in a row."""
    if failures < FREE_TRIES:
        return 0.0
    if failures >= LOCKOUT_AFTER:
        return LOCKOUT
    return 2.0 ** (failures - FREE_TRIES + 1)


def seconds_left(db, name: str, now: float) -> int:
    """Whole seconds before ``name`` may be tried again (0: now)."""
    row = db.execute(sa.select(tries).where(tries.c.name == name)).first()
    if row is None:
        return 0
    return max(0, math.ceil(row.last + wait_after(row.failures) - now))


def failed(db, name: str, now: float) -> None:
    """Count one more wrong try on ``name``."""
    done = db.execute(
        sa.update(tries).where(tries.c.name == name).values(failures=tries.c.failures + 1, last=now)
    )
    if done.rowcount == 0:
        db.execute(sa.insert(tries).values(name=name, failures=1, last=now))


def forget(db, name: str) -> None:
    """A right passphrase (or an erased log): the count starts again."""
    db.execute(sa.delete(tries).where(tries.c.name == name))
