"""Handouts share one bounded pool of print browsers: more asked for at once than the pool
holds never run more than PRINT_BROWSERS Chromiums together. The memory they hold at the peak
is printed."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from painmap import Mark
from painmap.chromium import find
from painmap.handout import PRINT_BROWSERS, handout_pdf
from painmap.session import Session

from .places import ATLAS

PROFILE = re.compile(rb"painmap-handout-\w+")


def _printing() -> tuple[set[bytes], int]:
    """The print browsers running now (by profile folder) and the memory of their processes."""
    folders, rss = set(), 0
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes()
            found = PROFILE.search(cmdline)
            if found:
                folders.add(found.group())
                rollup = (proc / "smaps_rollup").read_text()
                rss += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1)) * 1024
        except (OSError, ValueError, AttributeError):
            continue
    return folders, rss


ASKED = PRINT_BROWSERS + 2  # two more than the pool: some must wait their turn


@pytest.mark.skipif(not Path(find()).exists(), reason="no Chromium")
def test_more_handouts_at_once_than_the_pool_never_run_more_than_its_bound():
    session = Session(items=(Mark("plantar", 13, 58, 7),))
    most, peak, done = 0, 0, threading.Event()

    def watch():
        nonlocal most, peak
        while not done.is_set():
            folders, rss = _printing()
            most, peak = max(most, len(folders)), max(peak, rss)
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    start = time.perf_counter()
    try:
        with ThreadPoolExecutor(ASKED) as pool:
            pdfs = list(pool.map(lambda _: handout_pdf(ATLAS, session), range(ASKED)))
    finally:
        done.set()
        watcher.join()
    print(
        f"\n{ASKED} handouts in {time.perf_counter() - start:.1f} s; at most {most} print browsers "
        f"at once, their processes' peak memory {peak / 2**20:.0f} MB (PSS, summed)"
    )
    assert 1 <= most <= PRINT_BROWSERS
    assert all(pdf.startswith(b"%PDF") for pdf in pdfs), [pdf[:20] for pdf in pdfs]
