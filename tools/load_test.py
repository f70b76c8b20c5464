"""`make load`: many sessions at once, and one long session, against one local server.

1. Twenty browser contexts at once, each placing ten marks on two views and exporting a PNG:
   errors, sessions that saw another's marks, click latency p50 and p95, server memory after.
2. Three hundred clicks in one session (clearing the map every 30 marks, since a map holds 60):
   server memory growth, and the median of the last fifty clicks against the first fifty.

Loopback only, bounded in count and time; figures printed, nothing asserted.
"""

from __future__ import annotations

import asyncio
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
from painmap.chromium import find  # noqa: E402
from painmap.map_payload import frames  # noqa: E402
from tests.browser.plotmap import _TO_PAGE, CHART  # noqa: E402
from tests.harness import CHROMIUM_FLAGS, app_command, free_port  # noqa: E402

SESSIONS, MARKS, LONG = 20, 10, 300
READY = ".pm-map[data-ready=true]"


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _spots(view: str, n: int, seed: int) -> list[tuple[float, float]]:
    """``n`` spots on the body within the frame a view opens on, a finger's width apart (a tap
    on a mark selects it)."""
    atlas = load_atlas()
    shown = frames(atlas, view, "right")["foot"]
    box = shapely.box(shown["x"][0], shown["y"][0], shown["x"][1], shown["y"][1])
    inside = atlas.view(view).outline.buffer(-5).intersection(box)
    rng, out = np.random.default_rng(seed), []
    minx, miny, maxx, maxy = inside.bounds
    while len(out) < n:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        apart = all((x - a) ** 2 + (y - b) ** 2 > APART_MM**2 for a, b in out)
        if apart and shapely.contains_xy(inside, x, y):
            out.append((x, y))
    return out


APART_MM = 12


# How many point marks the address bar holds: it follows the rerun that drew the results.
IN_LINK = "(new URLSearchParams(location.search).get('marks') || '').split(';').filter(Boolean)"


async def _click(page, x, y, count: int, latencies: list[float]) -> None:
    """Click (x, y) mm and wait for the results of the map with ``count`` marks."""
    await page.evaluate(
        f"() => document.querySelector('{CHART}').scrollIntoView({{block: 'center'}})"
    )
    await page.wait_for_timeout(150)
    px, py = await page.evaluate(_TO_PAGE, [x, y])
    start = time.perf_counter()
    await page.mouse.click(px, py)
    await page.wait_for_function(f"() => {IN_LINK}.length >= {count}", polling=10, timeout=60_000)
    latencies.append((time.perf_counter() - start) * 1000)
    await page.wait_for_timeout(200)


async def _one_session(browser, url: str, n: int, latencies, problems) -> None:
    context = await browser.new_context(
        viewport={"width": 1280, "height": 1000}, accept_downloads=True
    )
    page = await context.new_page()
    try:
        # Arrivals a second apart: the twenty browsers share this machine's two cores with the
        # server, and all starting at the same instant measures the client, not the server.
        await asyncio.sleep(n * 1.0)
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector(READY, timeout=120_000)
        await page.wait_for_timeout(1000)
        count = 0
        for view, label in (("plantar", "Sole"), ("posterior", "Back")):
            if view != "plantar":
                await page.locator("label").filter(has_text=label).first.click()
                title = f"document.querySelector('{CHART}')._fullLayout.title.text"
                seen = f"() => {title}.includes('seen from behind')"
                await page.wait_for_function(seen, timeout=60_000)
                await page.wait_for_timeout(500)
            for x, y in _spots(view, MARKS // 2, seed=n * 7 + len(view)):
                count += 1
                await _click(page, x, y, count, latencies)
        await page.get_by_role("button", name="Make the PNG (this view)").click()
        button = page.get_by_role("button", name="Download PNG (this view)", exact=True)
        await button.wait_for(timeout=180_000)
        async with page.expect_download(timeout=180_000) as info:
            await button.click()
        if not (await (await info.value).path()):
            problems.append(f"session {n}: the export did not arrive")
        if await page.evaluate(f"() => {IN_LINK}.length") != MARKS:  # its own ten, no more
            problems.append(f"session {n}: its link holds another number of marks")
    except Exception as err:
        problems.append(f"session {n}: {type(err).__name__}: {str(err).splitlines()[0][:120]}")
    finally:
        await context.close()


async def _long_session(browser, url: str, latencies) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 1000})
    await page.goto(url)
    await page.wait_for_selector(READY, timeout=60_000)
    await page.wait_for_timeout(1000)
    spots, count = _spots("plantar", 30, seed=99), 0
    for click in range(LONG):
        if count == 30:
            await page.get_by_role("button", name="Remove all marks").click()
            await page.get_by_role("button", name="Yes, remove all").click()
            await page.wait_for_function(f"() => {IN_LINK}.length == 0", timeout=60_000)
            await page.wait_for_timeout(500)
            count = 0
        count += 1
        x, y = spots[click % 30]
        await _click(page, x, y, count, latencies)
    await page.close()


def _figures(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    return f"p50 {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms ({len(ordered)} clicks)"


async def main() -> None:
    from playwright.async_api import async_playwright

    port = free_port()
    server = subprocess.Popen(
        app_command(port),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        await asyncio.sleep(6)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=find(), args=CHROMIUM_FLAGS)
            before = _rss_mb(server.pid)
            latencies, problems = [], []
            sessions = (_one_session(browser, url, n, latencies, problems) for n in range(SESSIONS))
            await asyncio.gather(*sessions)
            after = _rss_mb(server.pid)
            print(f"{SESSIONS} sessions at once, {MARKS} marks on two views and a PNG each:")
            print(f"  errors and sessions that saw another's marks: {len(problems)}")
            for problem in problems[:10]:
                print(f"    {problem}")
            print(f"  click to update: {_figures(latencies)}")
            print(f"  server memory: {before:.0f} MB before, {after:.0f} MB after")

            long_latencies: list[float] = []
            start = _rss_mb(server.pid)
            await _long_session(browser, url, long_latencies)
            end = _rss_mb(server.pid)
            first = statistics.median(long_latencies[:50])
            last = statistics.median(long_latencies[-50:])
            print(f"one session, {LONG} clicks:")
            print(f"  server memory {start:.0f} MB -> {end:.0f} MB (growth {end - start:+.0f} MB)")
            print(
                f"  median of the first 50 clicks {first:.0f} ms, of the last 50 {last:.0f} ms "
                f"(ratio {last / first:.2f})"
            )
            await browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    asyncio.run(main())
