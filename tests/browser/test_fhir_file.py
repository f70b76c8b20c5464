"""The FHIR file in Chromium: downloaded from "Save or share", and opened again in the sidebar
on another map, which it replaces exactly; a spoilt one is refused and the map kept."""

from __future__ import annotations

import json

from .conftest import ARTIFACTS, open_file, save_export, wait_for_app, wait_words


def test_the_fhir_file_downloads_and_opens_again(page, app_url, tmp_path):
    page.goto(f"{app_url}/?view=plantar&side=left&marks=plantar:-13,58;posterior:0,190")
    wait_for_app(page)
    wait_words(page, "Save or share")
    saved = save_export(page, "FHIR (JSON)", tmp_path)
    assert saved.name.endswith(".fhir.json")
    bundle = json.loads(saved.read_text())
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert bundle["resourceType"] == "Bundle" and kinds.count("Observation") == 2
    laterality = {
        e["resource"]["includedStructure"][0]["laterality"]["coding"][0]["code"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "BodyStructure"
    }
    assert laterality == {"7771000"}  # SNOMED CT: left

    page.goto(f"{app_url}/?view=posterior&side=right&marks=posterior:0,72")  # another map
    wait_for_app(page)
    wait_words(page, "Midportion Achilles tendinopathy")
    open_file(page, str(saved))
    wait_words(page, f"Opened {saved.name}: 2 marks")
    page.wait_for_function("() => location.href.includes('side=left')", timeout=30_000)
    wait_words(page, "Plantar fasciitis")
    link = page.evaluate("location.href")
    assert "marks=plantar%3A-13%2C58%3Bposterior%3A0%2C190" in link or (
        "marks=plantar:-13,58;posterior:0,190" in link
    )
    assert "view=plantar" in link
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "fhir-opened.png"), full_page=True)

    spoilt = json.loads(saved.read_text())
    for entry in spoilt["entry"]:
        if entry["resource"]["resourceType"] == "BodyStructure":
            entry["resource"]["includedStructure"][0]["laterality"]["coding"][0]["code"] = (
                "24028007"
            )
    (tmp_path / "spoilt.fhir.json").write_text(json.dumps(spoilt))
    open_file(page, str(tmp_path / "spoilt.fhir.json"))
    # the refusal names what is wrong, and the map and its results stay on screen
    wait_words(
        page,
        "That file was not opened",
        "is on the right side, but the map is of the left side",
        "Your map is as it was",
        "Plantar fasciitis",
    )
    assert "side=left" in page.evaluate("location.href")  # the map on screen is kept
