"""The app's pages, headless with Streamlit's AppTest."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from painmap import Mark
from painmap.errors import PainMapError
from painmap.map_payload import body as body_json
from painmap.measures import cover_words, zone_cover

from .conftest import ROOT, as_shown
from .places import ATLAS


def _app(**params):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _chart(at):
    """The one figure on the page: a Plotly chart, or the map component's body and overlay."""
    maps = [e for e in at.get("bidi_component") if e.proto.component_name == "painmap_map"]
    if not maps:
        charts = at.get("plotly_chart")
        assert len(charts) == 1
        return json.loads(charts[0].proto.spec)
    assert len(maps) == 1
    data = json.loads(maps[0].proto.json)
    if "chart" in data:  # a whole chart (the presentation's steps)
        return data["chart"]
    view, side = data["key"].split("-")
    body = json.loads(body_json(ATLAS, view, side))
    layout = {**body["layout"], **data["layout"]}
    return {"layout": layout, "data": [*body["data"], *data["traces"]], "map": data}


def _results(at, name=None):
    """Each result's block of markup, in the order shown (of one list, or of both)."""
    start = "<div class='pm-result' data-list="
    pieces = [p for m in at.markdown for p in m.value.split("<div class=")[1:]]
    blocks = ["<div class=" + p for p in pieces if ("<div class=" + p).startswith(start)]
    return [b for b in blocks if name is None or f"data-list='{name}'" in b]


def _ranked(at, name="condition"):
    """One list of the results as shown: '1. Plantar fasciitis', '2. ...'."""
    return [re.search(r"<b>(.*?)</b>", b).group(1) for b in _results(at, name)]


def test_map_page_shows_the_real_atlas_and_invites_a_click():
    at = _app()
    assert not at.exception
    assert at.title[0].value == "Where does it hurt?"
    assert _chart(at)["layout"]["title"]["text"] == "RIGHT foot · Sole, seen from below"
    assert any("Tap or click where it hurts" in i.value for i in at.info)
    assert any("does not diagnose" in c.value for c in at.caption)


def test_view_and_side_switch_the_map():
    at = _app()
    at.radio(key="view").set_value("posterior").run()
    at.radio(key="side").set_value("left").run()
    assert not at.exception
    title = _chart(at)["layout"]["title"]["text"]
    assert title == "LEFT leg · Back of heel, Achilles tendon and calf, seen from behind"


def test_a_link_restores_the_marks_and_the_ranking():
    at = _app(view="plantar", side="right", marks="plantar:13,58")
    assert not at.exception
    assert _ranked(at)[0] == "1. Plantar fasciitis"
    marks = [t for t in _chart(at)["data"] if t.get("name") == "marks"]
    assert marks and marks[0]["text"] == ["1"]
    legend = [item["name"] for item in _chart(at)["map"]["legend"]]
    assert any("Plantar fasciitis" in name for name in legend)


def _chance(at, name):
    """The probability shown for one result ('how this was worked out')."""
    block = next(b for b in _results(at) if name in b)
    found = re.search(r"<summary>(under 1|\d+)\xa0%", block).group(1)
    return 0 if found == "under 1" else int(found)


def test_a_symptom_answer_changes_the_ranking():
    at = _app(marks="plantar:13,58")
    before = {name: _chance(at, name) for name in ("Plantar fasciitis", "Baxter")}
    at.multiselect(key="q_quality").set_value(["burning"]).run()
    at.multiselect(key="q_timing").set_value(["worse_end_of_day"]).run()
    # Burning, building through the day: the nerve look-alike rises, plantar fasciitis falls.
    assert _chance(at, "Baxter") > before["Baxter"]
    assert _chance(at, "Plantar fasciitis") < before["Plantar fasciitis"]
    assert any("“Burning” argues against it" in m.value for m in at.markdown)
    assert any("<li>" in m.value and "fits" in m.value for m in at.markdown)


def test_the_suggested_question_is_answered_with_one_tap():
    at = _app(marks="plantar:13,58")
    ask = next(m.value for m in at.markdown if m.value.startswith("**A question that would help"))
    assert "first steps in the morning" in ask
    at.button(key="ask-yes-first_steps_morning").click().run()
    assert "first_steps_morning" in at.multiselect(key="q_timing").value
    assert any("fits strongly" in b for b in _results(at))
    later = next((b for b in at.button if b.key and b.key.startswith("ask-no-")), None)
    if later:
        later.click().run()
        assert at.session_state.denied == [later.key.removeprefix("ask-no-")]


def test_a_press_answer_is_evidence_for_that_muscle():
    at = _app(marks="plantar:0,38")
    muscle = _ranked(at, "muscle")[0].split(". ", 1)[1]
    pid = next(p for p, m in _patterns().items() if m == muscle)
    at.button_group(key=f"press-{pid}").set_value("Yes").run()
    assert not at.exception
    assert at.session_state.pressed == {pid: True}
    assert any("reproduced the pain" in b for b in _results(at))


def _patterns():
    from painmap import load_atlas

    return {pid: p.name for pid, p in load_atlas().patterns.items()}


def test_a_red_flag_answer_puts_getting_it_checked_above_everything():
    at = _app(marks="posterior:0,72")
    assert not at.error
    at.multiselect(key="q_red_flags").set_value(["sudden_snap", "calf_swelling_warmth"]).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors[0].startswith("**Get this checked first.**")
    assert "Achilles tendon has torn" in errors[1] and "blood clot" in errors[2]
    shown = [g.key for g in at.get("button_group")]
    assert not [k for k in shown if k.startswith(("show-", "press-"))]  # no self-care, pressing
    assert any(c.value.startswith("Get this checked first") for c in at.caption)


def test_a_bad_link_shows_a_warning_and_a_clean_map():
    at = _app(view="sole", marks="plantar:1,2;nonsense")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("unknown view" in w for w in warnings)
    assert any("could not be read" in w for w in warnings)
    assert not [t for t in _chart(at)["data"] if t.get("name") == "marks"]
    assert _chart(at)["layout"]["title"]["text"].endswith("Sole, seen from below")


def test_picking_a_result_shows_its_detail_on_its_own_view():
    at = _app(view="plantar", marks="plantar:13,58;posterior:0,190")
    at.button_group(key="show-muscle").set_value("soleus").run()
    assert not at.exception
    assert any(s.value.startswith("Soleus") for s in at.subheader)
    assert at.radio(key="view").value == "posterior"  # where most of its main pain zone lies
    tabs = [t.label for t in at.tabs]
    assert tabs == [
        "The muscle",
        "How it feels",
        "Self-care",
        "When to see a clinician",
        "Look-alikes",
        "Sources",
    ]
    assert any("Dose:" in m.value for m in at.markdown)
    marks = [Mark("plantar", 13, 58), Mark("posterior", 0, 190)]
    covered = cover_words("Soleus", zone_cover(ATLAS, marks, "right", "soleus"))
    assert f"**{covered}**" in [as_shown(m.value) for m in at.markdown]
    assert re.fullmatch(r"Your drawing covers \d+ % of the main pain zone of Soleus\.", covered)


def test_an_off_body_mark_is_reported():
    at = _app(marks="plantar:13,58;plantar:300,300")
    assert any("Mark 2 is off the foot and leg" in w.value for w in at.warning)


def test_a_selected_mark_is_edited_or_removed_and_undo_brings_it_back():
    at = _app(marks="plantar:13,58;plantar:0,120;posterior:0,72")
    at.session_state.selected_mark = 1  # as a tap on mark 2 does (tests/test_clicks.py)
    at.run()
    at.select_slider(key=f"intensity-{at.session_state.generation}-1").set_value(7).run()
    assert at.session_state.marks[1].intensity == 7
    at.button(key="mark-remove").click().run()
    assert not at.exception
    assert [m.y for m in at.session_state.marks] == [58, 72]
    at.button(key="undo").click().run()
    assert [m.y for m in at.session_state.marks] == [58, 120, 72]
    at.button(key="clear").click().run()
    assert any("Remove all 3 marks and areas?" in w.value for w in at.warning)
    assert len(at.session_state.marks) == 3  # nothing gone before the yes
    at.button(key="clear-yes").click().run()
    assert at.session_state.marks == []
    assert any("Tap or click where it hurts" in i.value for i in at.info)


def test_a_spot_picked_by_name_places_a_mark_without_a_pointer():
    at = _app(view="medial")
    at.selectbox(key="spot-medial").set_value("tarsal_tunnel").run()
    at.button(key="place-medial").click().run()
    assert not at.exception
    x, y = ATLAS.view("medial").landmark_xy("tarsal_tunnel")
    (mark,) = at.session_state.marks
    assert (mark.view, mark.x, mark.y) == ("medial", x, y)
    assert "Tarsal tunnel syndrome" in " ".join(_ranked(at))


def test_switching_side_keeps_marks_on_the_same_part_of_the_body():
    at = _app(marks="plantar:13,58")
    assert _ranked(at)[0] == "1. Plantar fasciitis"
    at.radio(key="side").set_value("left").run()
    assert not at.exception
    marks = [t for t in _chart(at)["data"] if t.get("name") == "marks"]
    assert marks[0]["x"] == [-13.0]  # the inner heel of the left foot
    assert _ranked(at)[0] == "1. Plantar fasciitis"


def _titles(at) -> list[str]:
    """The titles of the page's charts: Plotly charts, and whole charts in the map component."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    drawn = [json.loads(e.proto.json) for e in at.get("bidi_component")]
    specs += [d["chart"] for d in drawn if "chart" in d]
    return [spec["layout"]["title"]["text"] for spec in specs]


def test_pattern_atlas_browses_searches_and_compares():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("app_pages/patterns.py").run()
    assert not at.exception
    assert at.title[0].value == "Pattern atlas"
    at.text_input(key="atlas_search").set_value("peroneus").run()
    options = at.selectbox(key="atlas_pattern").options
    assert options and all("Fibularis" in o for o in options)
    at.selectbox(key="atlas_pattern").set_value("fibularis_longus").run()
    charts = [json.loads(c.proto.spec)["layout"]["title"] for c in at.get("plotly_chart")]
    assert any("Outer (lateral) side" in c.get("subtitle", {}).get("text", "") for c in charts)
    at.select_slider(key="atlas_step").set_value("knot").run()
    assert not at.exception
    knot = [t for t in _titles(at) if t.startswith("Fibularis")]
    assert knot == ["Fibularis (peroneus) longus · the knot"]
    at.text_input(key="atlas_search").set_value("heel").run()
    at.selectbox(key="atlas_pattern").set_value("plantar_fasciitis").run()
    at.select_slider(key="atlas_stage").set_value("Where it mainly hurts").run()
    assert not at.exception
    # The look-alikes of the user's articles, compared by default, one card each.
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "Told apart" in m.value]
    assert len(cards) == 4 and all("**Where it hurts:**" in c for c in cards)
    wanted = ["**Soleus**", "**Sacrotuberous ligament**"]
    assert [m.value for m in at.markdown if m.value in wanted] == wanted
    at.radio(key="compare_view").set_value("plantar").run()
    nothing = [i.value for i in at.info if i.value.startswith("Nothing of it is drawn")]
    assert nothing  # a look-alike with no zone on the sole says so, instead of a blank foot


def test_show_muscles_draws_the_muscle_layer_under_the_zones():
    at = _app(view="posterior", marks="posterior:0,190")
    assert not [t for t in _chart(at)["data"] if "muscles" in t.get("name", "")]
    at.toggle(key="show_muscles").set_value(True).run()
    names = [t.get("name", "") for t in _chart(at)["data"]]
    assert "muscles (deep)" in names and "Soleus muscle (deep: dashed edge)" in names
    main_pain = next(i for i, n in enumerate(names) if "Soleus" in n and n.endswith("main pain"))
    assert names.index("muscles (deep)") < main_pain


def test_presentation_explains_a_trigger_point_step_by_step():
    at = _app(view="posterior", marks="posterior:0,72")
    at.switch_page("app_pages/present.py").run()
    at.selectbox(key="present_explain").set_value("soleus").run()
    assert _titles(at) == ["Soleus · the muscle"]
    for step in ("knot", "pain"):
        at.segmented_control(key="present_step").set_value(step).run()
        assert not at.exception
    chart = _chart(at)
    assert chart["layout"]["title"]["text"] == "Soleus · the pain"
    legend = [t["name"] for t in chart["data"] if t.get("showlegend")]
    assert "Soleus muscle (deep: dashed edge)" in legend
    assert any(name.startswith("knot 1 → back of the heel") for name in legend)


def test_presentation_shows_the_same_map_and_nothing_is_lost_between_pages():
    at = _app(view="posterior", marks="posterior:0,72")
    at.multiselect(key="q_signs").set_value(["runner"]).run()
    at.switch_page("app_pages/present.py").run()
    assert not at.exception
    chart = _chart(at)
    assert chart["layout"]["title"]["text"].endswith("seen from behind")
    assert [t for t in chart["data"] if t.get("name") == "marks"]
    at.switch_page("app_pages/patterns.py").run()
    at.switch_page("app_pages/map.py").run()
    assert at.radio(key="view").value == "posterior"
    assert at.multiselect(key="q_signs").value == ["runner"]
    assert _ranked(at)[0] == "1. Midportion Achilles tendinopathy"
    assert at.session_state.kept["q_signs"] == ["runner"]


def test_an_export_that_cannot_be_made_says_so_and_keeps_the_map(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = _app(view="plantar", side="right", marks="plantar:13,58")
    at.selectbox(key="export_choice").set_value("PDF handout (1 to 2 pages)").run()
    make = at.button(key="export_make")
    assert make.label == "Make the PDF handout (1 to 2 pages)"  # the button names its file
    make.click().run()
    assert not at.exception
    assert "could not be made" in at.error[0].value
    assert "/nonexistent/chromium" in as_shown(at.error[0].value)
    assert _ranked(at)[0] == "1. Plantar fasciitis"  # the map and its results are kept
    assert not at.get("download_button")


@pytest.mark.parametrize(
    ("page", "refuser"),
    [
        (None, "painmap.matching.analyse"),  # the map page: a fragment, with its own errors
        ("app_pages/patterns.py", "painmap.render.figure"),  # a page run by the navigation
    ],
    ids=["map", "pattern atlas"],
)
def test_a_refusal_no_page_caught_is_said_in_its_sentence_and_the_map_kept(
    monkeypatch, page, refuser
):
    at = _app(marks="plantar:13,58")
    if page:
        at.switch_page(page).run()
    assert not at.exception and not at.error

    def refuse(*args, **kwargs):
        raise PainMapError("this cannot be worked out just now")

    monkeypatch.setattr(refuser, refuse)
    at.run()
    assert not at.exception
    said = [e.value for e in at.error]
    assert any(s.startswith("this cannot be worked out just now. What you had") for s in said)
    monkeypatch.undo()
    at.switch_page("app_pages/map.py").run()
    assert not at.exception and not at.error
    assert _results(at), "the mark is still on the map, with its matches"
