"""`make bench-ui`: click to updated results in headless Chromium, beside a minimal page.

Starts the app and tools/minimal_page.py on loopback ports, clicks twenty spots on the sole in
each (the same spots), and prints the median and p95 of the time from the click to the page
showing its update. Figures only; nothing is asserted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from painmap import load_atlas  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS, _chromium, _free_port  # noqa: E402
from tests.browser.plotmap import click_at, show_chart  # noqa: E402

CLICKS = 20


def _serve(script: str):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.headless", "true"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return server, f"http://127.0.0.1:{port}"


def _spots(n: int) -> list[tuple[float, float]]:
    """Spots on the sole at least 8 mm apart, so no click repeats another."""
    outline = load_atlas().view("plantar").outline.buffer(-6)
    rng, spots = np.random.default_rng(3), []
    minx, miny, maxx, maxy = outline.bounds
    while len(spots) < n:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if shapely.contains_xy(outline, x, y) and all(
            (x - a) ** 2 + (y - b) ** 2 > 64 for a, b in spots
        ):
            spots.append((x, y))
    return spots


def _time_clicks(page, url: str, done: str, spots) -> list[float]:
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_timeout(1500)
    show_chart(page)
    times = []
    for n, (x, y) in enumerate(spots, start=1):
        expected = done.format(n=n)
        click_at(page, x, y)
        clicked = time.perf_counter()
        try:
            page.wait_for_function(f"() => document.body.innerText.includes({expected!r})",
                                   polling=5, timeout=30_000)  # fmt: skip
        except Exception as err:
            raise RuntimeError(
                f"{url}: click {n} at ({x:.1f}, {y:.1f}) never showed {expected!r}"
            ) from err
        times.append((time.perf_counter() - clicked) * 1000)
        page.wait_for_timeout(300)
    return times


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):6.0f} ms   p95 {p95:6.0f} ms"


def main() -> None:
    from playwright.sync_api import sync_playwright

    spots = _spots(CLICKS)
    servers = {name: _serve(script) for name, script in
               (("app", "app.py"), ("minimal", "tools/minimal_page.py"))}  # fmt: skip
    try:
        time.sleep(6)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
            results = {}
            for name, server, query, done in (
                ("minimal", "minimal", "", "clicks: {n}"),
                ("minimal_draw", "minimal", "?draw=1", "clicks: {n}"),
                ("app", "app", "", "Edit your marks and areas ({n})"),
            ):
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                results[name] = _time_clicks(page, servers[server][1] + query, done, spots)
                page.close()
            browser.close()
    finally:
        for server, _ in servers.values():
            server.terminate()
    print(f"click to updated page, {CLICKS} clicks on the sole, headless Chromium:")
    print(f"  minimal page (one chart, same click lattice): {_summary(results['minimal'])}")
    print(f"  minimal page that also draws its clicks:      {_summary(results['minimal_draw'])}")
    print(f"  PainMap map page (marks, zones, results):     {_summary(results['app'])}")
    app = statistics.median(results["app"])
    for name in ("minimal", "minimal_draw"):
        ratio = app / statistics.median(results[name])
        print(f"  PainMap / {name} (medians): {ratio:.2f} x")


if __name__ == "__main__":
    main()
