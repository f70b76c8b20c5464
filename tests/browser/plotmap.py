"""Clicking on the map in a real browser: data coordinates (mm) to page pixels, and back."""

from __future__ import annotations

CHART = ".js-plotly-plot"

_TO_PAGE = """([x, y]) => {
    const gd = document.querySelector('.js-plotly-plot');
    const box = gd.querySelector('.main-svg').getBoundingClientRect();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    return [box.left + xa._offset + xa.l2p(x), box.top + ya._offset + ya.l2p(y)];
}"""


def show_chart(page) -> None:
    """Scroll the map into the middle of the window, where the mouse can reach all of it."""
    page.evaluate(
        "() => document.querySelector('.js-plotly-plot').scrollIntoView({block: 'center'})"
    )
    page.wait_for_timeout(200)


def to_page(page, x: float, y: float) -> tuple[float, float]:
    """The page pixel of (x, y) mm on the map, read afresh (a rerun can shift the plot)."""
    return tuple(page.evaluate(_TO_PAGE, [x, y]))


def click_at(page, x: float, y: float) -> None:
    """Move to (x, y) mm, let Plotly's throttled hover catch up, then click."""
    show_chart(page)
    px, py = to_page(page, x, y)
    page.mouse.move(px, py)
    page.wait_for_timeout(150)
    px, py = to_page(page, x, y)
    page.mouse.click(px, py)


def drag_lasso(page, points: list[tuple[float, float]]) -> None:
    """Pick the lasso tool and draw through ``points`` (mm), closing the loop."""
    show_chart(page)
    page.locator(f"{CHART} .modebar-btn[data-val='lasso']").first.click()
    first = to_page(page, *points[0])
    page.mouse.move(*first)
    page.mouse.down()
    for x, y in [*points[1:], points[0]]:
        page.mouse.move(*to_page(page, x, y), steps=8)
    page.mouse.up()
