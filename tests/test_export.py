"""Exports are real files: signatures, sizes, what they show, and nothing fetched from outside."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import struct
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from painmap import Area, Mark
from painmap.chromium import offline_launcher
from painmap.export import ALL_VIEWS_SIZE, ONE_VIEW_SIZE, SCALE, export
from painmap.handout import handout_pdf
from painmap.progress.entry import Entry
from painmap.session import Session, load_session

from .harness import cli
from .places import ATLAS

SESSION = Session(
    side="right",
    items=(
        Mark("plantar", 13, 58, 8, note="Sharp <b>after</b> rest & first steps"),
        Area("plantar", ((-20, 20), (15, 20), (15, 60)), note="deep ache"),
        Mark("posterior", 0, 190),
    ),
    symptoms=("first_steps_morning",),
    note="Visit 2: <script>alert(1)</script> better with the frozen bottle",
)
DAY = date(2026, 11, 23)
WIDE_HEEL = ((-30, 10), (30, 10), (30, 80), (-30, 80))


def _svg_text(svg: str) -> str:
    """All the text an SVG shows, entities decoded, as one string."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", t)) for t in texts)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_of_one_view_and_of_all_views():
    one = export(ATLAS, SESSION, "png", view="plantar", when=DAY)
    assert _png_size(one) == (ONE_VIEW_SIZE[0] * SCALE, ONE_VIEW_SIZE[1] * SCALE)
    every = export(ATLAS, SESSION, "png", view="all", when=DAY)
    assert _png_size(every) == (ALL_VIEWS_SIZE[0] * SCALE, ALL_VIEWS_SIZE[1] * SCALE)


def test_svg_holds_the_marks_the_notes_as_text_the_date_and_the_disclaimer():
    svg = export(ATLAS, SESSION, "svg", view="plantar", when=DAY).decode("utf-8")
    assert svg.startswith("<svg")
    flat = _svg_text(svg)
    assert re.search(r"\b1\b", flat) and "A1" in flat
    assert "1: Sharp <b>after</b> rest &" in flat  # shown as written...
    assert "<b>" not in svg and "<script>" not in svg  # ...never read as markup
    assert "<script>alert(1)</script> better" in flat
    assert "2026-11-23" in flat and "does not diagnose" in flat
    assert "LEFT" not in flat and "RIGHT foot" in flat
    assert "Plantar fasciitis" in flat  # the legend names the best match


def test_people_exporting_at_once_each_get_their_own_picture():
    def own_note_shown(n: int) -> bool:
        session = Session(items=(Mark("plantar", 13, 58, 6, note=f"person {n} of twelve"),))
        svg = export(ATLAS, session, "svg", view="plantar", when=DAY).decode("utf-8")
        return re.findall(r"person \d+ of twelve", _svg_text(svg)) == [f"person {n} of twelve"]

    with ThreadPoolExecutor(4) as pool:  # as four sessions of one server, in its threads
        assert all(pool.map(own_note_shown, range(12)))


def test_pdf_has_its_page():
    pdf = export(ATLAS, SESSION, "pdf", view="all", when=DAY)
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_html_opens_offline():
    page = export(ATLAS, SESSION, "html", view="plantar", when=DAY).decode("utf-8")
    assert page.startswith("<!doctype html>")
    assert "Plotly.newPlot" in page
    # The page's own markup loads nothing from outside: no script, style, font or image by
    # address. (The plotly.js inside it names map-tile servers, used only by map charts.)
    tags = re.findall(r"<(?:script|link|img|iframe|style)[^>]*>", page)
    markup = re.sub(r"(<script[^>]*>).*?</script>", r"\1", page, flags=re.S)
    addresses = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", markup)
    assert not [a for a in addresses if re.match(r"(https?:)?//", a)], addresses
    assert all("src=" not in tag for tag in tags)
    assert "@import" not in markup and "url(" not in markup
    assert len(page) > 3_000_000  # plotly.js is inside, not fetched


def _new_plot(page: str):
    """The data, layout and config the page hands to Plotly.newPlot."""
    decoder, rest = json.JSONDecoder(), page[page.rindex("Plotly.newPlot(") :]
    at = rest.index(",") + 1
    args = []
    for _ in range(3):
        value, end = decoder.raw_decode(rest, at + len(rest[at:]) - len(rest[at:].lstrip()))
        args.append(value)
        at = end + 1
    return args


@pytest.mark.parametrize("view", ["all", "plantar"])
def test_html_fills_the_window_it_is_opened_in(view):
    page = export(ATLAS, SESSION, "html", view=view, when=DAY).decode("utf-8")
    _, layout, config = _new_plot(page)
    # No fixed size: the figure takes its box, the whole window, and follows it when resized.
    assert "width" not in layout and "height" not in layout and layout["autosize"] is True
    assert config["responsive"] is True
    assert 'style="height:100vh; width:100vw;"' in page
    assert 'name="viewport"' in page and "margin: 0" in page


def test_json_export_loads_back_exactly():
    data = export(ATLAS, SESSION, "json")
    assert load_session(data, ATLAS).session == SESSION


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format 'docx'"):
        export(ATLAS, SESSION, "docx")


def test_cli_export_writes_each_format_and_refuses_an_unknown_one(tmp_path):
    def run(*args):
        return cli("export", *args)

    out = tmp_path / "map.svg"
    result = run(
        "--out",
        str(out),
        "--view",
        "posterior",
        "--mark",
        "posterior:achilles_insertion",
        "--highlight",
        "insertional_achilles_tendinopathy",
        "--note",
        "a <i>note</i>",
    )
    assert result.returncode == 0, result.stderr
    flat = _svg_text(out.read_text())
    assert "Insertional Achilles tendinopathy" in flat and "Note: a <i>note</i>" in flat
    bad = run("--out", str(tmp_path / "map.docx"))
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    unknown = run("--out", str(tmp_path / "m.png"), "--highlight", "solues")
    assert unknown.returncode == 2 and "unknown pattern" in unknown.stderr


def test_handout_is_one_or_two_pages_of_real_text(tmp_path):
    pdf = handout_pdf(ATLAS, SESSION, when=DAY)
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", path)).group(1))
    assert 1 <= pages <= 2
    text = _run("pdftotext", path, "-")
    for words in (
        "Your pain map",
        "Plantar fasciitis",
        "Self-care, one step at a time",
        "Dose:",
        "When to see a clinician",
        "does not diagnose",
        "2026-11-23",
    ):
        assert words in text, words
    assert "<script>alert(1)</script>" in text  # the note, as text


def _run(*args) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def test_the_handout_carries_the_log_and_its_verdicts_within_two_pages(tmp_path):
    start = date(2026, 11, 10)
    log = tuple(
        Entry(
            start + timedelta(days=n),
            first_steps=p,
            end_of_day=p - 1,
            walk_minutes=15 + 5 * n,
            step_id="ice",
            step_name="Ice the heel",
        )
        for n, p in enumerate([7, 7, 6, 6, 5, 4, 4])
    )
    first_visit = (date(2026, 11, 2), Session(items=(Area("plantar", WIDE_HEEL),)))
    path = tmp_path / "handout.pdf"
    session = replace(SESSION, log=log)
    path.write_bytes(handout_pdf(ATLAS, session, when=DAY, first_visit=first_visit))
    assert int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", path)).group(1)) <= 2
    text = " ".join(_run("pdftotext", path, "-").split())
    assert "Your log, 2026-11-10 to 2026-11-16" in text
    assert "Ice the heel: Yes, 'Ice the heel' seems to help" in text
    numbers = "pain 6.5 → 3.8 out of 10 (down 2.7, 41 %); day-to-day swing before: not measured"
    assert f"{numbers}; walking or standing 18 → 40 min" in text
    assert "Since your visit of 2 Nov 2026: pain area 69 % smaller; 75 % of it is where" in text
    assert "larger than your own day-to-day swing" in text and "Farrar et al. 2001" in text


def _processes() -> dict[int, tuple[int, bytes]]:
    """Every live process here: its parent and its command line (kernel threads left out)."""
    found = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:  # a process may end while it is read
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if command:
            found[int(proc.name)] = (parent, command)
    return found


def _export_browsers() -> set[int]:
    """The Chromium of this process's shared kaleido browser: the child of the wrapper that
    kaleido starts with PainMap's offline launcher."""
    launcher = offline_launcher().encode()
    procs = _processes()
    wrappers = {pid for pid, (up, cmd) in procs.items() if up == os.getpid() and launcher in cmd}
    return {pid for pid, (up, _) in procs.items() if up in wrappers}


def test_an_export_browser_that_died_is_started_anew_for_the_next_picture():
    export(ATLAS, SESSION, "svg", view="plantar", when=DAY)  # the shared browser is up
    browsers = _export_browsers()
    assert browsers, "the shared export browser was found"
    for pid in browsers:
        os.kill(pid, signal.SIGKILL)
    svg = export(ATLAS, SESSION, "svg", view="plantar", when=DAY).decode("utf-8")
    assert "deep ache" in _svg_text(svg)  # the picture, with its notes, from a new browser
    assert _export_browsers() and _export_browsers().isdisjoint(browsers)
