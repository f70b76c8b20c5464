"""The settings a deployment gives through the environment, each read here and nowhere else.

``PAINMAP_CLINIC``: ``1`` (or ``true``, ``yes``, ``on``) turns clinic mode on: every page needs a
signed-in user (OpenID Connect, configured in ``.streamlit/secrets.toml``) and logs are opened
from the clinic's list. Off by default, for one person on their own machine.

``PAINMAP_DB_KEY``: a key for the SQLite log file; with one set the whole file is encrypted
(SQLCipher, through the ``sqlcipher3-binary`` driver). A PostgreSQL server encrypts at rest
by its own means (the disk, or the provider's storage encryption).

``PAINMAP_HOSTS``: the host names the server answers to, comma-separated, besides the loopback
names ``localhost``, ``127.0.0.1`` and ``::1`` (always served: a rebound name is never one of
them, and health checks use them); ``*`` answers any (only behind a proxy that checks it).

>>> clinic_mode({"PAINMAP_CLINIC": "yes"}), clinic_mode({})
(True, False)
>>> allowed_hosts({"PAINMAP_HOSTS": "painmap.clinic.example"})
('localhost', '127.0.0.1', '::1', 'painmap.clinic.example')
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
_TRUE = {"1", "true", "yes", "on"}


def clinic_mode(env: Mapping[str, str] = os.environ) -> bool:
    """Whether sign-in and the clinic's roles are on."""
    return env.get("PAINMAP_CLINIC", "").strip().lower() in _TRUE


def database_key(env: Mapping[str, str] = os.environ) -> str | None:
    """The key the SQLite log file is encrypted with, or None for a plain file."""
    return env.get("PAINMAP_DB_KEY") or None


def allowed_hosts(env: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """The host names (no port) requests may name: loopback's and the given ones."""
    given = [h.strip().lower() for h in env.get("PAINMAP_HOSTS", "").split(",") if h.strip()]
    return LOCAL_HOSTS + tuple(h for h in given if h not in LOCAL_HOSTS)
