"""Crafted text and bad files in the browser: a beacon on loopback counts what the page fetches.

Text naming the beacon goes in through a link and through session files (refused and opened);
the page must fetch nothing from it, show no link or image of it and no error box, and keep the
map, after a reload too.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest

from painmap import Mark, load_atlas
from painmap.session import Session, dump_session

from .conftest import open_file, wait_for_app


@pytest.fixture
def beacon():
    """An HTTP server on loopback that answers every request and counts it."""
    hits = []

    class Count(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Count)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()


def _crafted(url: str) -> str:
    return (
        f"![x]({url}/img.gif) [Your results: click here]({url}/phish) <img src={url}/tag.gif> $x$"
    )


def _held(page, url: str) -> None:
    """Nothing of the beacon is live on the page and no error box is shown."""
    wait_for_app(page)
    page.wait_for_timeout(500)
    live = page.locator(f"img[src^='{url}'], a[href^='{url}']")
    assert live.count() == 0, live.first.evaluate("e => e.parentElement.outerHTML")
    assert page.locator("[data-testid='stException']").count() == 0


def test_crafted_text_and_bad_files_fetch_nothing_and_keep_the_map(app_url, page, beacon, tmp_path):
    url, hits = beacon
    evil = _crafted(url)
    page.goto(f"{app_url}/?view={quote(evil)}&marks=plantar:13,58")
    _held(page, url)
    assert "unknown view" in page.inner_text("body")

    atlas = load_atlas()
    base = json.loads(dump_session(Session(items=(Mark("plantar", 30, 40, 7),)), atlas))
    files = {
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "selected.json": json.dumps({**base, "selected": ["soleus"]}),
        "surrogate.json": json.dumps({**base, "note": "\ud800"}),
        "crafted-refused.json": json.dumps({**base, "side": evil}),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        open_file(page, str(tmp_path / name))
        page.get_by_text("That file was not opened").first.wait_for(timeout=30_000)
        _held(page, url)
        assert "marks=plantar%3A13%2C58" in page.url or "marks=plantar:13,58" in page.url, name
    page.reload()
    _held(page, url)
    assert "marks=plantar" in page.url

    opened = {**base, "note": evil, "atlas_version": evil}
    opened["items"][0]["note"] = evil
    (tmp_path / "crafted.json").write_text(json.dumps(opened), encoding="utf-8")
    open_file(page, str(tmp_path / "crafted.json"))
    page.get_by_text("This session was saved with other maps").first.wait_for(timeout=30_000)
    _held(page, url)
    assert f"![x]({url}" in page.inner_text("body").replace("\u200b", "")  # as written
    assert hits == []
