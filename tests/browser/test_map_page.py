"""The map page in a real headless Chromium: real clicks, a real lasso, real screenshots."""

from __future__ import annotations

from urllib.parse import quote

from shapely import Point

from painmap.links import MAX_MARKS

from ..places import ATLAS
from .conftest import ARTIFACTS, choose, wait_for_app, wait_words
from .plotmap import CHART, click_at, drag_area, link_marks, wait_for_map


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"map-{name}.png"), full_page=True)


def test_app_opens_and_draws_the_map(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    assert page.get_by_role("heading", name="Where does it hurt?").is_visible()
    chart = page.locator(CHART).first
    assert "RIGHT foot · Sole, seen from below" in chart.inner_text()
    box = chart.locator("path.js-fill").first.bounding_box()
    assert box and box["width"] > 150 and box["height"] > 300


def test_click_lasso_switch_and_remove(page, app_url):
    page.goto(f"{app_url}/?view=plantar&side=right")
    wait_for_app(page)
    page.wait_for_timeout(500)

    # A click on the front-inner heel: plantar fasciitis is listed and drawn.
    x, y = ATLAS.view("plantar").landmark_xy("medial_calcaneal_tubercle")
    click_at(page, x, y)
    wait_words(page, "1. Plantar fasciitis")
    page.wait_for_timeout(500)
    _shot(page, "1-click")
    assert "Mark 1 lies in its main pain zone on the sole" in page.inner_text("body")
    legend = page.locator(".pm-legend").text_content()
    assert "Plantar fasciitis" in legend and "main pain" in legend
    mark = page.locator(f"{CHART} .scatterlayer .trace text").filter(has_text="1")
    assert mark.count() >= 1
    assert [(m.x, m.y) for m in link_marks(page)] == [(x, y)]  # the address bar follows

    # Another view: the first mark is counted there, the back of the leg is drawn.
    page.locator("label").filter(has_text="Back").first.click()
    wait_words(page, "seen from behind")
    wait_words(page, "Marks on other views, counted in the results: Sole 1.")
    page.wait_for_function("() => location.href.includes('view=posterior')", timeout=30_000)
    _shot(page, "2-back-view")

    # A lasso around the Achilles tendon draws an area that the results explain.
    page.wait_for_timeout(500)
    drag_area(page, [(-15, 50), (15, 50), (15, 100), (-15, 100)])
    wait_words(page, "Area 1 on the back of the leg")
    page.wait_for_timeout(500)
    _shot(page, "3-lasso")
    assert "Achilles" in page.inner_text("body")

    # Back on the sole, a click on the mark selects it; remove it: the area stays.
    page.get_by_role("button", name="Tap to mark").click()
    page.locator("label").filter(has_text="Sole").first.click()
    wait_words(page, "Sole, seen from below")
    wait_for_map(page)
    page.wait_for_timeout(500)
    click_at(page, x, y)
    page.get_by_role("button", name="Remove Mark 1 · Sole").click()
    page.wait_for_function("() => !document.body.innerText.includes('Mark 1 lies')")
    page.wait_for_timeout(500)
    _shot(page, "4-removed")
    body = page.inner_text("body")
    assert "Mark 1 lies" not in body and "Area 1 on the back of the leg" in body


def test_a_click_past_the_mark_limit_is_refused_with_a_message(page, app_url):
    """A map with the most marks allowed keeps them all and says why the click did nothing."""
    outline = ATLAS.view("posterior").outline
    left, bottom, right, top = outline.bounds
    grid = [
        (left + (right - left) * i / 9, bottom + (top - bottom) * j / 31)
        for i in range(1, 9)
        for j in range(1, 31)
    ]
    inside = [(x, y) for x, y in grid if outline.contains(Point(x, y))][:MAX_MARKS]
    assert len(inside) == MAX_MARKS
    marks = ";".join(f"posterior:{x:.1f},{y:.1f}" for x, y in inside)
    page.goto(f"{app_url}/?view=plantar&side=right&marks={quote(marks)}")
    wait_for_app(page)
    wait_for_map(page)
    page.wait_for_timeout(500)
    click_at(page, 13, 58)
    wait_words(page, f"A map holds at most {MAX_MARKS} marks and areas; remove some first.")
    _shot(page, "5-limit")
    body = page.inner_text("body")
    assert len(link_marks(page)) == MAX_MARKS
    assert "Marks on other views" in body and f"Back {MAX_MARKS}" in body


def test_a_red_flag_answer_puts_getting_it_checked_first_and_offers_no_self_care(page, app_url):
    x, y = ATLAS.view("posterior").landmark_xy("calf_center")
    page.goto(f"{app_url}/?view=posterior&side=right&marks=posterior:{x:g},{y:g}")
    wait_for_app(page)
    wait_words(page, "Show it, with self-care")
    choose(page, "q_red_flags", "The calf is swollen, warm or tender on one side")
    wait_words(page, "Get this checked first")
    page.wait_for_timeout(500)
    _shot(page, "6-red-flag")
    assert page.get_by_text("Show it, with self-care").count() == 0
    assert page.get_by_text("Does that bring on your pain?").count() == 0
    warning = page.get_by_text("Get this checked first.", exact=False).first.bounding_box()
    results = page.get_by_text("Muscles worth checking").first.bounding_box()
    assert warning["y"] < results["y"]  # above every result
    body = page.inner_text("body")
    assert "blood clot" in body and "Something not on this list: first, for safety" in body
