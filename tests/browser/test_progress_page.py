"""A week of the progress log, entered in a real Chromium: the chart and the verdict appear."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from .conftest import ARTIFACTS, wait_for_app, wait_words
from .logsteps import start_log

WEEK = [(7, 6, 15), (7, 6, 20), (6, 5, 20), (6, 5, 25), (5, 4, 30), (4, 3, 30), (4, 3, 35)]


def _choose(page, key: str, score: int) -> None:
    """Pick a score; the form keeps the day before's, and a second tap would clear it."""
    button = page.locator(f".st-key-{key}").get_by_role("radio", name=str(score), exact=True)
    if button.get_attribute("aria-checked") != "true":
        button.click()


def _enter_day(page, day: date, first: int, end: int, walk: int) -> None:
    # The day is typed as a phone or keyboard user does: year, month and day segments in turn.
    page.locator(".st-key-entry_day [data-type=year]").click()
    page.keyboard.type(f"{day:%Y%m%d}")
    _choose(page, "entry_first", first)
    _choose(page, "entry_end", end)
    page.locator(".st-key-entry_walk input").fill(str(walk))
    page.get_by_role("button", name="Save the day").click()
    wait_words(page, f"Saved {day:%A %d %B}.")


def test_a_week_entered_shows_the_chart_and_the_verdict(page, app_url, tmp_path):
    page.goto(f"{app_url}/?marks=plantar%3A13%2C58")
    wait_for_app(page)
    start_log(page, "Week test")
    step = page.locator(".st-key-entry_step")
    step.click()
    page.get_by_role("option", name="Stretch the calf against a wall").click()
    start = date.today() - timedelta(days=6)
    for n, (first, end, walk) in enumerate(WEEK):
        _enter_day(page, start + timedelta(days=n), first, end, walk)
    wait_words(page, "Is it working?")
    wait_words(page, "7 days logged")
    body = page.inner_text("body")
    assert "Yes, 'Stretch the calf against a wall' seems to help" in body
    assert "pain 6.5 → 3.8 out of 10 (down 2.7, 41 %)" in body
    assert "walking or standing 18 → 32 min; 7 days logged" in body
    chart = page.locator(".st-key-progress_chart .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    assert "1. Stretch the calf against a wall · helping" in chart.inner_text()
    assert chart.locator(".scatterlayer .trace").count() == 2
    page.screenshot(path=str(ARTIFACTS / "progress-week.png"), full_page=True)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the log (CSV)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [int(r["pain_first_steps"]) for r in rows] == [w[0] for w in WEEK]
    assert {r["step"] for r in rows} == {"Stretch the calf against a wall"}
