"""Every download button in Chromium, and opening a saved session (good and bad)."""

from __future__ import annotations

import json
import struct

from .conftest import ARTIFACTS, open_file, save_export, wait_for_app, wait_words

BUTTONS = {
    "PNG (this view)": b"\x89PNG",
    "PNG (all views)": b"\x89PNG",
    "SVG (all views)": b"<svg",
    "PDF (all views)": b"%PDF-",
    "HTML (interactive)": b"<!doctype html>",
    "JSON (session)": b"{",
    "FHIR (JSON)": b'{\n "resourceType": "Bundle"',
    "FHIR (JSON, with the PDF handout)": b'{\n "resourceType": "Bundle"',
    "PDF handout (1 to 2 pages)": b"%PDF-",
}


def test_every_download_button_gives_its_file(page, app_url, tmp_path):
    page.goto(f"{app_url}/?view=plantar&side=left&marks=plantar:-13,58;posterior:0,190")
    wait_for_app(page)
    wait_words(page, "Save or share")
    saved = {}
    for label, signature in BUTTONS.items():
        path = save_export(page, label, tmp_path)
        data = path.read_bytes()
        assert data.startswith(signature), (label, data[:20])
        saved[label] = (path, data)
    width, height = struct.unpack(">II", saved["PNG (this view)"][1][16:24])
    assert (width, height) == (1800, 2400)
    (ARTIFACTS / "export-this-view.png").write_bytes(saved["PNG (this view)"][1])
    (ARTIFACTS / "export-all-views.png").write_bytes(saved["PNG (all views)"][1])
    session = json.loads(saved["JSON (session)"][1])
    assert session["side"] == "left" and len(session["items"]) == 2
    assert saved["JSON (session)"][0].name.endswith(".json")


def test_open_a_saved_session_and_refuse_a_broken_one(page, app_url, tmp_path):
    good = {
        "painmap_session": 1,
        "side": "right",
        "view": "posterior",
        "items": [
            {
                "kind": "mark",
                "view": "posterior",
                "x": 0,
                "y": 72,
                "intensity": 6,
                "note": "after running",
            }
        ],
        "symptoms": ["runner"],
        "note": "from the clinic",
    }
    (tmp_path / "good.json").write_text(json.dumps(good))
    (tmp_path / "broken.json").write_text('{"painmap_session": 1, "items": [')
    page.goto(app_url)
    wait_for_app(page)
    open_file(page, str(tmp_path / "good.json"))
    wait_words(page, "Opened good.json: 1 mark, with the answers and notes saved in it.")
    wait_words(page, "seen from behind")
    wait_words(page, "Midportion Achilles tendinopathy")
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "session-opened.png"), full_page=True)
    open_file(page, str(tmp_path / "broken.json"))
    wait_words(page, "That file was not opened")
    body = page.inner_text("body")
    assert "Your map is as it was" in body
    assert "Midportion Achilles tendinopathy" in body  # the map on screen is kept
