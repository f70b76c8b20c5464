"""The map under a finger, a mouse and a keyboard, at phone, tablet and desktop sizes."""

from __future__ import annotations

import math

import pytest

from ..places import ATLAS
from .conftest import wait_for_app
from .plotmap import (
    click_at,
    drag_area,
    finger_stroke,
    link_marks,
    show_chart,
    swipe,
    tap_at,
    wait_for_map,
)

# Five spots on each view, on the body (mm, right side's frame; mirrored for the left).
SPOTS = {
    "plantar": [(13, 58), (0, 38), (-20, 150), (10, 200), (-5, 110)],
    "dorsal": [(0, 120), (15, 150), (-10, 200), (5, 60), (20, 100)],
    "medial": [(-60, 30), (-20, 60), (20, 40), (40, 80), (-100, 25)],
    "lateral": [(60, 30), (20, 60), (-20, 40), (-40, 80), (100, 25)],
    "posterior": [(0, 30), (10, 50), (-15, 12), (20, 45), (-5, 70)],
}


# How far the page has scrolled: Streamlit scrolls its main block, not the window.
SCROLLED = """() => {
    for (let e = document.querySelector('.pm-plot'); e; e = e.parentElement) {
        if (e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible')
            return e.scrollTop;
    }
    return window.scrollY;
}"""


def _open(page, app_url, view: str, side: str) -> None:
    page.goto(f"{app_url}/?view={view}&side={side}")
    wait_for_app(page)
    wait_for_map(page)
    show_chart(page)


def _assert_landed(page, view: str, wanted) -> None:
    count = "new URLSearchParams(location.search).get('marks')?.split(';').length"
    page.wait_for_function(f"() => {count} === {len(wanted)}", timeout=30_000)
    marks = link_marks(page)
    assert [m.view for m in marks] == [view] * len(wanted)
    for mark, (x, y) in zip(marks, wanted, strict=True):
        assert math.hypot(mark.x - x, mark.y - y) <= 1.5, (mark, x, y)


@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("view", list(SPOTS))
def test_five_taps_on_a_phone_give_five_marks_where_the_finger_landed(device, app_url, view, side):
    page = device("phone")
    _open(page, app_url, view, side)
    spots = [(x if side == "right" else -x, y) for x, y in SPOTS[view]]
    for x, y in spots:
        tap_at(page, x, y)
        page.wait_for_timeout(120)
    _assert_landed(page, view, spots)
    wait_for_map(page, answered=len(spots))  # drawn back from Python, numbered
    assert page.locator(".pm-plot .scatterlayer .trace text").filter(has_text="5").count() >= 1


def test_taps_on_a_tablet_and_a_tap_just_off_the_body_says_so(device, app_url):
    page = device("tablet")
    _open(page, app_url, "medial", "right")
    tap_at(page, *SPOTS["medial"][0])
    tap_at(page, *SPOTS["medial"][1])
    _assert_landed(page, "medial", SPOTS["medial"][:2])
    bottom = ATLAS.view("medial").outline.bounds[1]
    tap_at(page, -20, bottom - 8)  # just under the sole
    page.wait_for_function(
        "() => document.querySelector('.pm-notice').textContent.includes('just off')"
    )
    assert len(link_marks(page)) == 2


def test_three_clicks_forty_milliseconds_apart_give_three_marks(device, app_url):
    page = device("desktop")
    _open(page, app_url, "plantar", "right")
    for x, y in SPOTS["plantar"][:3]:
        click_at(page, x, y)
        page.wait_for_timeout(40)
    _assert_landed(page, "plantar", SPOTS["plantar"][:3])


def test_a_swipe_over_the_map_scrolls_the_page_and_marks_nothing(device, app_url):
    page = device("phone")
    _open(page, app_url, "posterior", "right")
    before = page.evaluate(SCROLLED)
    swipe(page, 0, 20, -100)
    page.wait_for_timeout(800)
    assert page.evaluate(SCROLLED) > before + 100
    assert link_marks(page) == []


def test_an_area_drawn_by_finger_and_by_mouse(device, app_url):
    page = device("phone")
    _open(page, app_url, "posterior", "right")
    page.get_by_role("button", name="Draw an area").tap()
    finger_stroke(page, [(-15, 40), (15, 40), (15, 90), (-15, 90), (-15, 40)])
    page.wait_for_function(
        "() => document.body.innerText.includes('Area 1 on the back of the leg')", timeout=30_000
    )
    desktop = device("desktop")
    _open(desktop, app_url, "plantar", "right")
    drag_area(desktop, [(-20, 20), (20, 20), (20, 70), (-20, 70)])
    desktop.wait_for_function(
        "() => document.body.innerText.includes('Area 1 on the sole')", timeout=30_000
    )


def test_without_a_pointer_a_mark_is_placed_and_removed(device, app_url):
    page = device("desktop")
    _open(page, app_url, "plantar", "right")
    for _ in range(80):  # Tab until the map has the focus, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pm-plot')"):
            break
    else:
        pytest.fail("the map cannot be reached with the Tab key")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('marks')", timeout=30_000
    )
    assert len(link_marks(page)) == 1
    text = page.locator("#pm-map-text").text_content()
    assert "Mark 1 near the" in text
    page.locator(".pm-plot").focus()  # focus returns to the map after the rerun
    page.keyboard.press("Delete")
    page.wait_for_function(
        "() => !new URLSearchParams(location.search).get('marks')", timeout=30_000
    )
