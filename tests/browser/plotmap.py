"""Touching the map in a real browser: data coordinates (mm) to page pixels, taps, clicks,
swipes and drawn areas, by mouse and by finger."""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlparse

from painmap.notation import parse_marks

CHART = ".pm-plot"

_TO_PAGE = """([x, y]) => {
    const gd = document.querySelector('.pm-plot');
    const box = gd.getBoundingClientRect();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    return [box.left + xa._offset + xa.l2p(x), box.top + ya._offset + ya.l2p(y)];
}"""


def wait_for_map(page, answered: int | None = None) -> None:
    """Wait until the map is drawn (and, with ``answered``, until Python has answered that
    many events)."""
    page.wait_for_selector(".pm-map[data-ready=true]", timeout=60_000)
    if answered is not None:
        page.wait_for_function(
            f"() => +document.querySelector('.pm-map').dataset.rendered >= {answered}",
            timeout=30_000,
        )


def show_chart(page) -> None:
    """Scroll the map into the middle of the window, where a finger can reach all of it."""
    page.evaluate("() => document.querySelector('.pm-plot').scrollIntoView({block: 'center'})")
    page.wait_for_timeout(200)


def to_page(page, x: float, y: float) -> tuple[float, float]:
    """The page pixel of (x, y) mm on the map, read afresh (a rerun can shift the plot)."""
    return tuple(page.evaluate(_TO_PAGE, [x, y]))


def click_at(page, x: float, y: float) -> None:
    """A mouse click at (x, y) mm."""
    show_chart(page)
    page.mouse.click(*to_page(page, x, y))


def tap_at(page, x: float, y: float) -> None:
    """A finger's tap at (x, y) mm (the context needs ``has_touch``)."""
    page.touchscreen.tap(*to_page(page, x, y))


def link_marks(page) -> list:
    """The marks the address bar holds now (Playwright's page.url lags replaceState)."""
    query = parse_qs(urlparse(page.evaluate("location.href")).query)
    return parse_marks(query["marks"][0]) if "marks" in query else []


def finger_stroke(page, points_mm: list[tuple[float, float]], steps: int = 6) -> None:
    """One finger pressed at the first point, drawn through the others, lifted."""
    cdp = page.context.new_cdp_session(page)
    path = [to_page(page, x, y) for x, y in points_mm]

    def send(kind, at):
        points = [] if at is None else [{"x": at[0], "y": at[1]}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    send("touchStart", path[0])
    for (x0, y0), (x1, y1) in itertools.pairwise(path):
        for k in range(1, steps + 1):
            send("touchMove", (x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps))
    send("touchEnd", None)


def swipe(page, x_mm: float, y_mm: float, dy_mm: float) -> None:
    """A finger swiping up (dy < 0) over the map from (x, y) mm, as a person scrolls."""
    finger_stroke(page, [(x_mm, y_mm), (x_mm, y_mm - dy_mm)], steps=15)


def drag_area(page, points: list[tuple[float, float]]) -> None:
    """Pick "Draw an area" and draw through ``points`` (mm) with the mouse, closing the loop."""
    show_chart(page)
    page.get_by_role("button", name="Draw an area").click()
    first = to_page(page, *points[0])
    page.mouse.move(*first)
    page.mouse.down()
    for x, y in [*points[1:], points[0]]:
        page.mouse.move(*to_page(page, x, y), steps=8)
    page.mouse.up()
