"""What the pages share: the atlas loaded once per server, and a friendly page when it is broken."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import painmap
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


ROOT = Path(__file__).resolve().parent.parent


@st.cache_resource(show_spinner=False)
def _published(_atlas, version: str) -> dict:
    return publish(_atlas, ROOT / "static")


def figure_urls(atlas) -> dict[tuple[str, str], str]:
    """Where the browser fetches each view's body (written once per atlas version)."""
    return _published(atlas, atlas.version)
