"""The muscle, the knot, the pain: what each step of a trigger point's chart shows and says."""

from __future__ import annotations

import pytest

from painmap import figure
from painmap.muscle_overlay import muscle_traces
from painmap.sheet import muscle_sheet
from painmap.sites import sites
from painmap.trigger_chart import chart_views, legend_names, trigger_point_figure


def _knots(fig):
    return [t for t in fig.data if t.legendgroup == "knots"]


def _tags(fig):
    return [a.text for a in fig.layout.annotations if a.text.startswith("from knot")]


def test_each_step_adds_one_thing(atlas):
    muscle = trigger_point_figure(atlas, "soleus", "posterior", step="muscle")
    assert legend_names(muscle) == ["Soleus muscle (deep: dashed edge)"]
    knot = trigger_point_figure(atlas, "soleus", "posterior", step="knot")
    assert legend_names(knot) == [
        "Soleus muscle (deep: dashed edge)",
        "knot 1",
        "knot 2",
        "knot 3",
    ]
    pain = legend_names(trigger_point_figure(atlas, "soleus", "posterior", step="pain"))
    assert pain[1] == "knot 1 → back of the heel and lower Achilles; under the heel (sole)"
    assert pain[-2:] == [
        "main pain (where most people feel it)",
        "spread (where some also feel it)",
    ]


@pytest.mark.parametrize("side", ["right", "left"])
def test_knots_are_numbered_where_they_lie(atlas, side):
    fig = trigger_point_figure(atlas, "soleus", "posterior", side=side, step="knot")
    drawn = {(t.text[0].strip(), round(t.x[0], 1), round(t.y[0], 1)) for t in _knots(fig)}
    sign = 1 if side == "right" else -1
    expected = {
        (str(s.number), round(sign * s.point.x, 1), round(s.point.y, 1))
        for s in sites(atlas, "soleus")
    }
    assert drawn == expected


def test_zones_are_tagged_only_when_knots_send_pain_to_different_places(atlas):
    soleus = _tags(trigger_point_figure(atlas, "soleus", "posterior"))
    assert "from knots 1 and 2" in soleus and "from knots 2 and 3" in soleus
    assert not _tags(trigger_point_figure(atlas, "fibularis_longus", "lateral"))


def test_a_view_without_the_muscle_says_where_it_and_its_knots_are(atlas):
    fig = trigger_point_figure(atlas, "soleus", "plantar")
    notes = fig.layout.title.subtitle.text.replace("<br>", " ")
    assert "Soleus is drawn on the inner side, outer side and back views" in notes
    assert "knots 1, 2 and 3 are on the back view" in notes
    assert not [t for t in fig.data if t.name and "muscles (" in t.name]  # no context layer
    gluteus = trigger_point_figure(atlas, "gluteus_minimus", "lateral")
    assert "its trigger points lie off this map" in gluteus.layout.title.subtitle.text.replace(
        "<br>", " "
    )


def test_the_views_that_tell_a_trigger_point_put_its_knots_first(atlas):
    assert chart_views(atlas, "soleus") == ["posterior", "plantar"]
    assert chart_views(atlas, "extensor_digitorum_longus") == ["lateral", "dorsal"]


def test_a_bad_step_is_refused(atlas):
    with pytest.raises(ValueError, match="unknown step 'tendon'; choose one of muscle, knot"):
        trigger_point_figure(atlas, "soleus", "posterior", step="tendon")


def test_deep_muscles_are_dashed_and_superficial_ones_solid(atlas):
    deep = muscle_traces(atlas, "posterior", strong=["soleus"], faint=False)[0]
    superficial = muscle_traces(atlas, "posterior", strong=["gastrocnemius"], faint=False)[0]
    assert deep["line"]["dash"] == "dash" and superficial["line"]["dash"] == "solid"
    assert all(t["hoverinfo"] == "skip" for t in muscle_traces(atlas, "posterior"))


def test_the_map_figure_shows_muscles_only_when_asked(atlas):
    plain = figure(atlas, "posterior", highlight=["soleus"])
    assert not [t for t in plain.data if t.name and "muscle" in t.name]
    shown = figure(atlas, "posterior", highlight=["soleus"], muscles=True)
    names = [t.name for t in shown.data]
    assert "Soleus muscle (deep: dashed edge)" in names and "muscles (superficial)" in names
    # The zones and marks stay above the muscles.
    assert names.index("Soleus muscle (deep: dashed edge)") < names.index("Soleus: main pain")


def test_the_muscle_sheet_has_a_chart_for_every_muscle_drawn(atlas):
    fig = muscle_sheet(atlas)
    titles = [a.text for a in fig.layout.annotations if " · " in (a.text or "")]
    for mid, _ in atlas.muscle_layer().muscles:
        assert any(t.startswith(atlas.patterns[mid].name + " · ") for t in titles), mid
    assert "Gluteus minimus, Sacrotuberous ligament" in fig.layout.title.text
