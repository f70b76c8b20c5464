"""`make bench-ui`: from a click to the painted mark and to the painted results, in Chromium.

Three pages run side by side in one headless Chromium and are clicked in turn, click by click,
on the same spots of the sole: the map page as it was before the map component (the app at
commit BEFORE, served from a temporary git worktree), the map page now, and a minimal
Streamlit page with one Plotly chart that draws its clicks (tools/minimal_page.py). Each time
is measured in the page itself: from the pointerdown to the frame after the mark appears, and
to the frame after the results do (the address bar holding the new mark: it follows the rerun
that drew them). The WebSocket messages and bytes each click brings are counted too. Figures
only; nothing is asserted.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from painmap import load_atlas  # noqa: E402
from painmap.chromium import find  # noqa: E402
from tests.harness import CHROMIUM_FLAGS, app_command, free_port  # noqa: E402

BEFORE = "692ebf7"  # the last commit whose map page was st.plotly_chart with a click lattice
CLICKS = 20

# Installed in every page: the time of the last pointerdown, and a wait for a condition to
# hold, resolved with the time from that pointerdown to the next painted frame.
PROBE = """
window.__down = 0;
document.addEventListener('pointerdown', () => { window.__down = performance.now(); }, true);
window.__until = (test) => new Promise((resolve) => {
  const check = () => {
    if (test()) requestAnimationFrame(() => resolve(performance.now() - window.__down));
    else requestAnimationFrame(check);
  };
  check();
});
"""
MARKS_IN_LINK = (
    "(new URLSearchParams(location.search).get('marks') || '').split(';').filter(Boolean).length"
)
PAGES = {
    # name: (the plot's selector, condition for the mark drawn, for the results drawn)
    "before": (".js-plotly-plot", f"{MARKS_IN_LINK} >= N", f"{MARKS_IN_LINK} >= N"),
    "now": (
        ".pm-plot",
        f"document.querySelectorAll('.pm-dot').length > 0 || {MARKS_IN_LINK} >= N",
        f"{MARKS_IN_LINK} >= N && document.querySelector('.pm-map').dataset.rendered >= N",
    ),
    "minimal": (
        ".js-plotly-plot",
        "document.body.innerText.includes('clicks: N')",
        "document.body.innerText.includes('clicks: N')",
    ),
}
TO_PAGE = """([sel, x, y]) => {
    const gd = document.querySelector(sel);
    gd.scrollIntoView({block: 'center'});
    const box = gd.getBoundingClientRect();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    return [box.left + xa._offset + xa.l2p(x), box.top + ya._offset + ya.l2p(y)];
}"""


def _serve(script: str, cwd: Path):
    port = free_port()
    server = subprocess.Popen(
        app_command(port, script),
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
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


class Page:
    """One page under test, with its WebSocket traffic counted."""

    def __init__(self, browser, name: str, url: str):
        self.name, self.url = name, url
        self.selector, self.mark, self.results = PAGES[name]
        self.page = browser.new_page(viewport={"width": 1280, "height": 1000})
        self.page.add_init_script(PROBE)
        self.frames = [0, 0]
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.page.goto(url)
        self.page.wait_for_selector(f"{self.selector} .main-svg", timeout=60_000)
        self.page.wait_for_timeout(2000)
        self.times = {"mark": [], "results": [], "messages": [], "bytes": []}

    def _frame(self, payload) -> None:
        self.frames[0] += 1
        self.frames[1] += len(payload)

    def click(self, n: int, x: float, y: float) -> None:
        page = self.page
        px, py = page.evaluate(TO_PAGE, [self.selector, x, y])
        page.mouse.move(px, py)
        page.wait_for_timeout(150)  # Plotly's throttled hover (the lattice pages need it)
        px, py = page.evaluate(TO_PAGE, [self.selector, x, y])
        before = list(self.frames)
        marked = f"window.__until(() => {self.mark.replace('N', str(n))})"
        shown = f"window.__until(() => {self.results.replace('N', str(n))})"
        page.evaluate("() => { window.__m = null; window.__r = null; }")
        page.evaluate(
            f"() => {{ {marked}.then(t => window.__m = t); {shown}.then(t => window.__r = t); }}"
        )
        page.mouse.click(px, py)
        page.wait_for_function(
            "() => window.__m !== null && window.__r !== null", polling=10, timeout=60_000
        )
        self.times["mark"].append(page.evaluate("window.__m"))
        self.times["results"].append(page.evaluate("window.__r"))
        page.wait_for_timeout(400)  # let late messages of this click arrive before counting
        self.times["messages"].append(self.frames[0] - before[0])
        self.times["bytes"].append(self.frames[1] - before[1])


def _median(values) -> float:
    return statistics.median(values)


def main() -> None:
    from playwright.sync_api import sync_playwright

    spots = _spots(CLICKS)
    old = Path(tempfile.mkdtemp(prefix="painmap-before-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(old), BEFORE],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    servers = {
        "before": _serve("app.py", old),
        "now": _serve("app.py", ROOT),
        "minimal": _serve("tools/minimal_page.py", ROOT),
    }
    try:
        time.sleep(8)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find(), args=CHROMIUM_FLAGS)
            minimal_url = servers["minimal"][1] + "/?draw=1"
            pages = [
                Page(browser, "before", servers["before"][1] + "/?view=plantar"),
                Page(browser, "now", servers["now"][1] + "/?view=plantar"),
                Page(browser, "minimal", minimal_url),
            ]
            for n, (x, y) in enumerate(spots, start=1):  # click by click, page after page
                for page in pages:
                    page.click(n, x, y)
            browser.close()
    finally:
        for server, _ in servers.values():
            server.terminate()
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, capture_output=True
        )
        shutil.rmtree(old, ignore_errors=True)
    floor = _median(pages[2].times["results"])
    print(
        f"{CLICKS} clicks on the sole, each page in turn, headless Chromium (medians; "
        "ratios to the minimal page's results):"
    )
    for page in pages:
        t = page.times
        mark, results = _median(t["mark"]), _median(t["results"])
        print(
            f"  {page.name:8} mark drawn {mark:6.0f} ms ({mark / floor:4.2f} x)   "
            f"results drawn {results:6.0f} ms ({results / floor:4.2f} x)   "
            f"{_median(t['messages']):4.0f} messages, {_median(t['bytes']) / 1000:6.1f} kB"
        )


if __name__ == "__main__":
    main()
