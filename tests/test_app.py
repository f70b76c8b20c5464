"""The app's pages, headless with Streamlit's AppTest."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from .conftest import ROOT


def _app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def _chart_title(at):
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)["layout"]["title"]["text"]


def test_map_page_shows_the_real_atlas():
    at = _app()
    assert not at.exception
    assert at.title[0].value == "Where does it hurt?"
    assert _chart_title(at) == "RIGHT foot · Sole, seen from below"


def test_view_and_side_switch_the_map():
    at = _app()
    at.radio(key="view").set_value("posterior").run()
    at.radio(key="side").set_value("left").run()
    assert not at.exception
    assert _chart_title(at) == "LEFT leg · Back of heel, Achilles tendon and calf, seen from behind"
