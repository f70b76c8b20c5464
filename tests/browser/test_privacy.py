"""Privacy, proven in the browser: a whole session asks nothing of any address but this machine."""

from __future__ import annotations

from urllib.parse import urlparse

import kaleido

from painmap.imaging import KALEIDO_OPTIONS

from .conftest import ARTIFACTS, save_export, wait_for_app
from .plotmap import click_at, drag_lasso

LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _outside(urls: list[str]) -> list[str]:
    out = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about"):
            continue
        if parsed.hostname not in LOCAL:
            out.append(url)
    return out


def _wait_text(page, words: str) -> None:
    page.wait_for_function(f"() => document.body.innerText.includes({words!r})", timeout=30_000)
    wait_for_app(page)  # the rerun has finished: the next click is not lost in it
    page.wait_for_timeout(300)


def test_a_full_session_makes_no_request_off_this_machine(browser, app_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(app_url)
        wait_for_app(page)
        click_at(page, 13, 58)  # the sole
        _wait_text(page, "Mark 1")
        page.locator("label").filter(has_text="Back").first.click()
        _wait_text(page, "seen from behind")
        click_at(page, 0, 72)
        _wait_text(page, "Mark 2")
        drag_lasso(page, [(-15, 180), (15, 180), (15, 220), (-15, 220)])
        _wait_text(page, "Edit your marks and areas (3)")
        page.get_by_label("When is it worst?").click()
        page.get_by_text("The first steps in the morning hurt most").click()
        page.keyboard.press("Escape")
        page.wait_for_timeout(800)
        labels = ("PNG (this view)", "SVG (all views)", "PDF (all views)", "HTML (interactive)",
                  "JSON (session)", "PDF handout (1 to 2 pages)")  # fmt: skip
        for label in labels:
            save_export(page, label, tmp_path)
        page.get_by_role("link", name="Pattern atlas").click()
        _wait_text(page, "Pattern atlas")
        page.get_by_role("tab", name="Compare look-alikes").click()
        page.wait_for_timeout(1500)
        # The exported interactive HTML, opened in the same browser, loads nothing either.
        html_file = next(tmp_path.glob("*.html"))
        page.goto(html_file.as_uri())
        page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        page.wait_for_timeout(1000)
    finally:
        page.screenshot(path=str(ARTIFACTS / "privacy-session.png"), full_page=True)
        context.close()
    assert len(requests) > 50  # the session really ran
    assert _outside([u for u in requests if not u.startswith("file:")]) == []


def test_the_export_browser_is_given_no_outside_script():
    """kaleido's render page: plotly.js from the installed package, MathJax off."""
    page = kaleido.PageGenerator(**KALEIDO_OPTIONS).generate_index()
    scripts = [s for s in page.split('src="')[1:]]
    assert scripts and all(s.startswith("file://") for s in scripts), scripts
    assert "mathjax" not in page.lower()
