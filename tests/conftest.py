"""Fixtures built in code: the real atlas, copies of the project to break, a running app."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

import painmap

ROOT = Path(painmap.__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


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
