"""Privacy, proven in the browser: a whole session asks nothing of any address but this machine."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from painmap.chromium import find

from ..conftest import ROOT
from .conftest import ARTIFACTS, choose, open_file, save_export, wait_for_app, wait_words
from .logsteps import start_log
from .network_trace import NAME_NOT_RESOLVED, is_local, outbound, requests, traced
from .plotmap import click_at, drag_area

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


def test_a_full_session_makes_no_request_off_this_machine(browser, app_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(app_url)
        wait_for_app(page)
        click_at(page, 13, 58)  # the sole
        wait_words(page, "Mark 1")
        page.locator("label").filter(has_text="Back").first.click()
        wait_words(page, "seen from behind")
        click_at(page, 0, 72)
        wait_words(page, "Mark 2")
        drag_area(page, [(-15, 100), (15, 100), (15, 140), (-15, 140)])
        wait_words(page, "Area 1")
        choose(page, "q_timing", "The first steps in the morning hurt most")
        page.wait_for_timeout(800)
        labels = (
            "PNG (this view)",
            "SVG (all views)",
            "PDF (all views)",
            "HTML (interactive)",
            "JSON (session)",
            "FHIR (JSON)",
            "PDF handout (1 to 2 pages)",
        )
        for label in labels:
            save_export(page, label, tmp_path)
        # Upload: the saved session opens again, and a broken file is refused (an error state).
        open_file(page, str(next(tmp_path.glob("painmap-session-*.json"))))
        wait_words(page, "Opened painmap-session-")
        (tmp_path / "broken.json").write_text('{"painmap_session": 3, "items": [')
        open_file(page, str(tmp_path / "broken.json"))
        wait_words(page, "That file was not opened")
        page.get_by_role("link", name="Pattern atlas").click()
        wait_words(page, "Compare look-alikes")
        page.get_by_role("tab", name="Compare look-alikes").click()
        page.wait_for_timeout(1500)
        # The progress log: a log started, a day saved, the chart drawn, the CSV downloaded.
        start_log(page, "Privacy test")
        page.locator(".st-key-entry_first").get_by_role("radio", name="6", exact=True).click()
        page.get_by_role("button", name="Save the day").click()
        wait_words(page, "Your pain, day by day")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download the log (CSV)").click()
        download.value.save_as(tmp_path / "log.csv")
        # Before and after: today's map kept as a visit; then the presentation page.
        page.get_by_role("tab", name="Before and after").click()
        page.get_by_role("button", name="Keep this map as a visit").click()
        wait_words(page, "is kept as the visit of")
        page.get_by_role("link", name="Presentation").click()
        page.wait_for_timeout(3000)
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


# The app's way: one shared kaleido browser for every image, then the handout's printer.
WARM_EXPORTS = """
import sys
from pathlib import Path
from painmap import Mark
from painmap.atlas import load_atlas
from painmap.export import export
from painmap.handout import handout_pdf
from painmap.session import Session

out = Path(sys.argv[1])
atlas = load_atlas()
session = Session(side="right", items=(Mark("plantar", 13, 58, 7), Mark("posterior", 0, 190)),
                  symptoms=("first_steps_morning",))
for fmt in ("png", "svg", "pdf"):
    (out / f"all.{fmt}").write_bytes(export(atlas, session, fmt, "all"))
(out / "handout.pdf").write_bytes(handout_pdf(atlas, session))
"""
SIGNATURES = {
    "all.png": b"\x89PNG",
    "all.svg": b"<svg",
    "all.pdf": b"%PDF",
    "handout.pdf": b"%PDF",
    "cold.png": b"\x89PNG",
}


@pytest.fixture(scope="module")
def export_run(tmp_path_factory) -> Path:
    """Every image export and the handout, made with every process traced and every browser
    writing its net log; the folder holds the files, the traces and the logs."""
    folder = tmp_path_factory.mktemp("export-network")
    logging = folder / "chromium-net-log"  # the real browser, writing its net log
    logging.write_text(f'#!/bin/sh\nexec {find()} --log-net-log="{folder}/net-log-$$.json" "$@"\n')
    logging.chmod(0o700)
    env = {**os.environ, "BROWSER_PATH": str(logging), "PYTHONPATH": str(ROOT)}
    runs = {
        "warm": [sys.executable, "-c", WARM_EXPORTS, str(folder)],
        "cold": [
            sys.executable,
            "-m",
            "painmap",
            "export",
            "--view",
            "plantar",
            "--mark",
            "plantar:13,58",
            "--out",
            str(folder / "cold.png"),
        ],
    }
    for name, command in runs.items():
        done = traced(command, folder / f"strace-{name}.txt", env=env, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
    for name, start in SIGNATURES.items():
        assert (folder / name).read_bytes().startswith(start), name
    return folder


def test_the_export_browsers_send_nothing_off_this_machine(export_run):
    traces = sorted(export_run.glob("strace-*.txt"))
    text = "\n".join(t.read_text(errors="replace") for t in traces)
    assert len(re.findall(r'execve\("[^"]*chromium"', text)) >= 3  # the browsers were traced
    assert outbound(text) == []


def test_the_export_pages_ask_for_local_files_only(export_run):
    """Every request a render page makes is a local file (plotly.js, no MathJax); Chromium's own
    services (update checks, account listing) find no address, so nothing is sent."""
    logs = sorted(export_run.glob("net-log-*.json"))
    assert len(logs) >= 3  # the shared browser, the handout's printer, the cold one
    outside = [r for log in logs for r in requests(log) if not is_local(r["url"])]
    from_pages = [r for r in outside if r["initiator"] != "not an origin"]
    assert from_pages == []
    assert [r for r in outside if r["net_error"] != NAME_NOT_RESOLVED] == []
