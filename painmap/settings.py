"""The settings a deployment gives through the environment, each read here and nowhere else
(``SETTINGS`` lists them all; a docs test checks that the README names each).

``PAINMAP_ROOT``: a folder holding its own ``maps/`` and ``data/`` (a clinic's edited atlas);
the project's own by default.

``PAINMAP_DB``: where the progress logs are kept: a file path (SQLite) or a database URL;
``~/.local/share/painmap/painmap.db`` by default.

``PAINMAP_LOG_PASSPHRASE``: the passphrase the ``log`` commands open a log with (never on the
command line, where other users could read it).

``BROWSER_PATH``: the Chromium that prints images and handouts; found on the PATH by default.

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

SETTINGS = {
    "PAINMAP_ROOT": "a folder with its own maps/ and data/",
    "PAINMAP_DB": "where the progress logs are kept (a file or a database URL)",
    "PAINMAP_DB_KEY": "the key that encrypts the SQLite log file",
    "PAINMAP_LOG_PASSPHRASE": "the passphrase the log commands open a log with",
    "PAINMAP_CLINIC": "clinic mode: sign-in, roles and the clinic's list of logs",
    "PAINMAP_HOSTS": "the host names the server answers to, besides loopback",
    "BROWSER_PATH": "the Chromium that prints images and handouts",
}
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


def data_root(env: Mapping[str, str] = os.environ) -> str | None:
    """The folder with the atlas's maps/ and data/, when one is given."""
    return env.get("PAINMAP_ROOT") or None


def database(env: Mapping[str, str] = os.environ) -> str | None:
    """Where the progress logs are kept, when it is given."""
    return env.get("PAINMAP_DB") or None


def log_passphrase(env: Mapping[str, str] = os.environ) -> str:
    """The passphrase of the log the command line opens ("" for none)."""
    return env.get("PAINMAP_LOG_PASSPHRASE", "")


def browser_path(env: Mapping[str, str] = os.environ) -> str | None:
    """The Chromium to print with, when one is named."""
    return env.get("BROWSER_PATH") or None
