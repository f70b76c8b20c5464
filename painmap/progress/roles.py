"""The clinic's roles and its two tables: who has which role, and who may open which log.

Kept apart from :mod:`~painmap.progress.clinic` so that the log database makes them and erasing
a log removes its rows here too.

>>> ROLES
('admin', 'therapist', 'client')
"""

from __future__ import annotations

import sqlalchemy as sa

ADMIN, THERAPIST, CLIENT = "admin", "therapist", "client"
ROLES = (ADMIN, THERAPIST, CLIENT)

metadata = sa.MetaData()
staff = sa.Table(
    "clinic_users",
    metadata,
    sa.Column("email", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
)
care = sa.Table(  # which user may open which log (a therapist's clients, a client's own)
    "clinic_access",
    metadata,
    sa.Column("email", sa.String(200), primary_key=True),
    sa.Column("log_id", sa.Integer, primary_key=True),  # people.id; gone with the log
)
