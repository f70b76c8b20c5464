"""The map page in a real headless Chromium."""

from __future__ import annotations

from .conftest import wait_for_app


def test_app_opens_and_draws_the_map(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    assert page.get_by_role("heading", name="Where does it hurt?").is_visible()
    chart = page.locator(".js-plotly-plot").first
    assert chart.is_visible()
    assert "RIGHT foot · Sole, seen from below" in chart.inner_text()
    # The outline is really drawn: a filled path with a non-trivial size on screen.
    box = chart.locator("path.js-fill").first.bounding_box()
    assert box and box["width"] > 150 and box["height"] > 400


def test_switching_view_redraws_the_map(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.locator("label").filter(has_text="Back").first.click()
    page.wait_for_function(
        "() => (document.querySelector('.js-plotly-plot')?.innerText || '')"
        ".includes('seen from behind')",
        timeout=30_000,
    )
    assert "medial (inner side)" in page.locator(".js-plotly-plot").first.inner_text()
