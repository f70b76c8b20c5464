"""What the pages share: the atlas loaded once per server, and a friendly page when it is broken."""

from __future__ import annotations

import contextlib
from pathlib import Path

import streamlit as st

import painmap
from painmap.errors import PainMapError
from painmap.map_payload import publish
from painmap.settings import data_root


@st.cache_resource(show_spinner=False)
def _atlas(root: str | None):
    return painmap.load_atlas(root)


def atlas():
    """The atlas; when its files are broken, a plain page saying what to fix, then stop."""
    try:
        return _atlas(data_root())
    except painmap.AtlasError as err:
        st.error("PainMap cannot start: some of its map or data files are broken.")
        st.markdown("Run `python -m painmap validate` in the project folder. It found:")
        st.code("\n".join(str(p) for p in err.problems), language=None)
        st.stop()


@contextlib.contextmanager
def refusals_said():
    """Any refusal of PainMap's (a :class:`PainMapError`) that a page did not catch itself,
    said in its own sentence instead of a traceback; the session, and the map, are kept."""
    try:
        yield
    except PainMapError as err:
        st.error(
            f"{str(err).rstrip('.')}. What you had on the page is kept; try again, or reload it."
        )


ROOT = Path(__file__).resolve().parent.parent


@st.cache_resource(show_spinner=False)
def _published(_atlas, version: str) -> dict:
    return publish(_atlas, ROOT / "static")


def figure_urls(atlas) -> dict[tuple[str, str], str]:
    """Where the browser fetches each view's body (written once per atlas version)."""
    return _published(atlas, atlas.version)
