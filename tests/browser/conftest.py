"""A real app server and a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from painmap.chromium import find

from ..conftest import ROOT
from ..harness import CHROMIUM_FLAGS, app_command, free_port

ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _chromium() -> str:
    """The same Chromium PainMap prints its handouts with; the test fails if there is none."""
    try:
        return find()
    except FileNotFoundError as err:
        pytest.fail(f"{err}; or run `make test`, which installs it")


def started(cmd: list[str], env: dict, log_name: str, health: str) -> subprocess.Popen:
    """Start ``cmd`` from the project's root, its output in test-artifacts/``log_name``, and
    wait until ``health`` answers; the test fails if it does not within a minute."""
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / log_name, "w")  # noqa: SIM115 (the process keeps it)
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(health, timeout=2):
                return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"{' '.join(cmd[:4])} did not start; see {ARTIFACTS / log_name}")
        time.sleep(0.3)


def stopped(process: subprocess.Popen) -> None:
    """End ``process``: asked first, killed if it does not go within ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Start `streamlit run serve.py` (the app behind its host check) on a free loopback port
    for the whole session, with its progress logs in a new database file."""
    port = free_port()
    env = {**os.environ, "PAINMAP_DB": str(tmp_path_factory.mktemp("logs") / "painmap.db")}
    url = f"http://127.0.0.1:{port}"
    server = started(app_command(port), env, "streamlit.log", f"{url}/_stcore/health")
    yield url
    stopped(server)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


SIZES = {
    "phone": dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True),
    "tablet": dict(viewport={"width": 1024, "height": 768}, has_touch=True),
    "desktop": dict(viewport={"width": 1440, "height": 900}),
}


@pytest.fixture
def device(browser, request):
    """A page of one of the sizes people use (``SIZES``: phone and tablet with touch), opened
    with ``device("phone")``; a screenshot of each is kept in test-artifacts."""
    opened = []

    def open_page(size: str):
        context = browser.new_context(**SIZES[size])
        opened.append((size, context))
        return context.new_page()

    yield open_page
    ARTIFACTS.mkdir(exist_ok=True)
    for size, context in opened:
        for n, page in enumerate(context.pages):
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{size}-{n}.png"))
        context.close()


def wait_for_app(page) -> None:
    """Wait until the script has run and the map is drawn."""
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def idle(page, timeout: int = 60_000) -> None:
    """Wait until the app has finished its run: no "running" sign, and no element of the run
    before left on screen (Streamlit marks those ``data-stale``)."""
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidget"], [data-stale="true"]\')',
        timeout=timeout,
    )


def wait_words(page, *words: str, timeout: int = 30_000) -> None:
    """Wait for all of ``words`` on the page, and for the run that wrote them to finish."""
    page.wait_for_function(
        f"() => {list(words)!r}.every(w => document.body.innerText.includes(w))", timeout=timeout
    )
    idle(page, timeout)


UPLOADER = "[data-testid='stFileUploaderDropzoneInput']"


def open_file(page, path) -> None:
    """Give ``path`` to "Open a saved session": the uploader starts afresh after each file, so
    wait for the run to end and the one uploader left."""
    idle(page)
    page.wait_for_function(f"() => document.querySelectorAll({UPLOADER!r}).length === 1")
    page.locator(UPLOADER).set_input_files(str(path))


def save_export(page, label: str, folder: Path) -> Path:
    """Pick ``label`` under "Save or share", make the file if it must be, download it into
    ``folder``."""
    box = page.get_by_label("File to save")
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=label, exact=True).click()
    button = page.get_by_role("button", name=f"Download {label}", exact=True)
    make = page.get_by_role("button", name=f"Make the {label}", exact=True)
    button.or_(make).first.wait_for(timeout=60_000)  # both name the file: not the last one's
    idle(page)
    if make.is_visible():  # images and the handout are made first; session files at once
        make.click()
    button.wait_for(timeout=120_000)
    with page.expect_download(timeout=120_000) as info:
        button.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def choose(page, key: str, label: str) -> None:
    """Pick ``label`` in the multiselect with widget key ``key``: type it, then Enter."""
    box = page.locator(f".st-key-{key} input")
    box.scroll_into_view_if_needed()
    box.click()
    box.fill(label)
    page.get_by_role("option", name=label).first.wait_for(timeout=30_000)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
