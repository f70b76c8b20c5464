"""The Pattern atlas in a real headless Chromium: soleus's muscle, its knots and the legend."""

from __future__ import annotations

from .conftest import ARTIFACTS, wait_for_app

CHART = ".js-plotly-plot"
# The muscle's filled shape on the page, found by its trace's name: its size in pixels, its
# fill (under the fibres' hatching) and its edge's dashes.
MUSCLE_BOX = """(name) => {
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        const i = gd.data.findIndex(t => t.name === name);
        if (i < 0) continue;
        const fill = gd.querySelectorAll('.scatterlayer .trace')[i].querySelector('path.js-fill');
        const box = fill.getBoundingClientRect();
        return {width: box.width, height: box.height, fill: gd.data[i].fillcolor,
                dash: gd.querySelectorAll('.scatterlayer .trace')[i]
                        .querySelector('path.js-line').style.strokeDasharray};
    }
    return null;
}"""


def test_pattern_atlas_shows_soleus_muscle_knots_and_legend(page, app_url):
    page.goto(f"{app_url}/patterns")
    wait_for_app(page)
    page.get_by_label("Pattern", exact=True).click()
    page.keyboard.type("Soleus")  # the list shows only a few names at a time
    page.get_by_role("option", name="Soleus", exact=True).click()
    page.wait_for_function(
        "() => document.body.innerText.includes('Soleus · the pain')", timeout=30_000
    )
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "pattern-atlas-soleus.png"), full_page=True)

    back = page.locator(CHART).filter(has_text="Back of heel").first
    legend = back.locator(".legend").text_content()
    for words in (
        "Soleus muscle (deep: dashed edge)",
        "knot 1 → back of the heel and lower Achilles",
        "knot 3 → middle of the calf",
        "main pain",
        "spread",
    ):
        assert words in legend, (words, legend)
    # The muscle is drawn, large and red-brown, with the dashed edge of a deep muscle.
    muscle = page.evaluate(MUSCLE_BOX, "Soleus muscle (deep: dashed edge)")
    assert muscle and muscle["width"] > 60 and muscle["height"] > 150, muscle
    assert muscle["fill"].startswith("rgba(168, 71, 61") and muscle["dash"], muscle
    # Three numbered knots on it.
    assert back.locator(".scatterlayer .trace text").filter(has_text="3").count() >= 1
