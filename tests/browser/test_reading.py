"""The pages read well at the sizes people use: the answer beside the question, text with
enough contrast, the detail where the eye is, and no internal words."""

from __future__ import annotations

import re

import pytest

from ..places import ATLAS
from .conftest import ARTIFACTS, choose, wait_for_app
from .contrast import AA, low_contrast
from .plotmap import show_chart, tap_at, wait_for_map

HEEL = ATLAS.view("plantar").landmark_xy("medial_calcaneal_tubercle")
INTERNAL = re.compile(r"\bseed\b|\\[()*.\-_]|\b\d{3}_[0-9a-f]{16}\.txt\b", re.IGNORECASE)


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _visible_text(page) -> str:
    return page.evaluate("() => document.body.innerText")


def _show(page, name: str) -> None:
    """Press a result's name under "Show it, with self-care"."""
    chip = page.get_by_role("radio", name=name, exact=True).first
    chip.scroll_into_view_if_needed()
    chip.click()
    page.get_by_role("dialog").wait_for(timeout=30_000)


def test_on_a_phone_a_tap_is_answered_on_the_same_screen(device, app_url):
    page = device("phone")
    page.goto(f"{app_url}/?view=plantar&side=right")
    wait_for_app(page)
    wait_for_map(page)
    show_chart(page)
    tap_at(page, *HEEL)
    wait_for_map(page, answered=1)
    best = page.locator(".pm-legend li").first
    best.wait_for(timeout=30_000)
    assert "Plantar fasciitis" in best.inner_text()
    assert _in_view(page, best)  # the best match named under the map, without scrolling
    # The ranked lists come before the questions, which come before saving.
    body = _visible_text(page)
    order = [body.index(w) for w in ("What it could be", "About your pain", "Save or share")]
    assert order == sorted(order)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_show_it_opens_the_detail_where_the_eye_is_and_closing_goes_back(device, app_url, size):
    page = device(size)
    x, y = HEEL
    page.goto(f"{app_url}/?view=plantar&side=right&marks=plantar:{x:g},{y:g}")
    wait_for_app(page)
    _show(page, "Plantar fasciitis")
    heading = page.get_by_role("dialog").get_by_text("Plantar fasciitis · condition")
    heading.wait_for(timeout=30_000)
    assert _in_view(page, heading)
    page.get_by_role("button", name="Back to all matches").click()
    page.get_by_role("dialog").wait_for(state="detached", timeout=30_000)
    assert page.get_by_role("heading", name="What fits").is_visible()


@pytest.mark.parametrize("size", ["phone", "tablet", "desktop"])
def test_on_first_load_the_heel_is_in_view(device, app_url, size):
    page = device(size)
    page.goto(f"{app_url}/?view=plantar&side=right")
    wait_for_app(page)
    wait_for_map(page)
    if size == "desktop":  # on a phone or a tablet the map is a short scroll down
        heel = page.evaluate(
            """([x, y]) => { const gd = document.querySelector('.pm-plot');
            const box = gd.getBoundingClientRect(); const ya = gd._fullLayout.yaxis;
            return box.top + ya._offset + ya.l2p(y); }""",
            [HEEL[0], HEEL[1] - 15],
        )
        assert heel < page.viewport_size["height"]
    width = page.locator(".pm-plot").bounding_box()["width"]
    assert width >= min(340, page.viewport_size["width"] - 60)  # the map fills its column


def test_all_text_has_enough_contrast_and_no_internal_words(device, app_url):
    page = device("desktop")
    x, y = HEEL
    page.goto(f"{app_url}/?view=plantar&side=right&marks=plantar:{x:g},{y:g}")
    wait_for_app(page)
    wait_for_map(page)
    seen = {"map": low_contrast(page)}
    text = _visible_text(page)
    _show(page, "Plantar fasciitis")
    for tab in ("Self-care", "Look-alikes", "Sources"):
        page.get_by_role("dialog").get_by_role("tab", name=tab).click()
        page.wait_for_timeout(300)
        seen[tab] = low_contrast(page)
        text += _visible_text(page)
    page.get_by_role("button", name="Back to all matches").click()
    choose(page, "q_red_flags", "The calf is swollen, warm or tender on one side")
    page.get_by_text("Get this checked first").first.wait_for(timeout=30_000)
    seen["red flag"] = low_contrast(page)
    for name in ("patterns", "progress", "present"):
        page.goto(f"{app_url}/{name}?view=plantar&side=right&marks=plantar:{x:g},{y:g}")
        page.wait_for_timeout(4000)
        seen[name] = low_contrast(page)
        text += _visible_text(page)
    ARTIFACTS.mkdir(exist_ok=True)
    assert {k: v for k, v in seen.items() if v} == {}, f"below {AA}:1"
    assert not INTERNAL.findall(text)
