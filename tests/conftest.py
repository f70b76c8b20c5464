"""Fixtures built in code: the real atlas, copies of the project to break, a running app."""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

import painmap
from painmap.progress import audit, roles, tries
from painmap.progress.logbook import metadata

ROOT = Path(painmap.__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SERVER = os.environ.get("PAINMAP_TEST_DATABASE_URL")
"""A PostgreSQL server for the progress-log tests (`.ci/run` starts one), or None."""


@pytest.fixture(scope="session")
def atlas():
    return painmap.load_atlas()


@pytest.fixture
def project_copy(tmp_path):
    """A throwaway copy of maps/ and data/ that a test may break."""
    for name in ("maps", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def as_shown(source: str) -> str:
    """Markdown source as a person reads it: escapes and entities resolved (AppTest gives
    the source, and text from outside arrives escaped)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", str(source))).replace("\u200b", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request, tmp_path):
    """A fresh database: a new SQLite file, or the PostgreSQL server emptied."""
    if request.param == "sqlite":
        yield str(tmp_path / "logs" / "painmap.db")
        return
    if not SERVER:
        pytest.skip("no PostgreSQL given: set PAINMAP_TEST_DATABASE_URL (.ci/run does)")
    engine = sa.create_engine(SERVER)
    for tables in (metadata, tries.metadata, audit.metadata, roles.metadata):
        tables.drop_all(engine)
    engine.dispose()
    yield SERVER
    engine = sa.create_engine(SERVER)
    for tables in (metadata, tries.metadata, audit.metadata, roles.metadata):
        tables.drop_all(engine)
    engine.dispose()
