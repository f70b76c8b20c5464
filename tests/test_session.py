"""Saved sessions: an exact round trip, and every kind of bad file refused with a reason."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from painmap import Area, Mark
from painmap.links import MAX_MARKS
from painmap.progress.entry import Entry
from painmap.session import (
    FORMAT,
    MAX_BYTES,
    Session,
    SessionError,
    dump_session,
    load_session,
)

from .places import ATLAS

FULL = Session(
    side="left",
    view="posterior",
    items=(
        Mark("plantar", -13.25, 58.125, 7, note="Sharp <b>first</b> thing & after sitting"),
        Area("posterior", ((-10, 40), (10, 40), (10, 80)), 4, note="עקב כואב 🦶"),
        Mark("posterior", 0.1, 190.0),
    ),
    symptoms=("first_steps_morning", "runner", "sudden_snap"),
    note="Second visit.\nBetter after a week of calf stretches.",
    selected="soleus",
    log=(
        Entry(
            date(2026, 11, 20),
            first_steps=6,
            end_of_day=4,
            walk_minutes=30,
            step_id="ice-the-heel",
            step_name="Ice the heel",
            note="📝 felt better",
        ),
        Entry(date(2026, 11, 21), end_of_day=3),
    ),
    absent=("burning",),
    pressed=(("soleus", True),),
)


def test_round_trip_is_exact():
    text = dump_session(FULL, ATLAS)
    loaded = load_session(text, ATLAS)
    assert loaded.session == FULL
    assert loaded.warnings == ()
    assert load_session(text.encode("utf-8"), ATLAS).session == FULL


def test_the_file_names_its_versions():
    document = json.loads(dump_session(FULL, ATLAS))
    assert document["painmap_session"] == FORMAT
    assert document["atlas_version"] == ATLAS.version
    assert document["items"][0]["note"].startswith("Sharp <b>first</b>")


def _with(**changes):
    document = json.loads(dump_session(FULL, ATLAS))
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (dump_session(FULL, ATLAS)[:200].encode(), "not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not text"),
        (b"[1, 2, 3]", "not a PainMap session"),
        (b'{"hello": "world"}', "not a PainMap session"),
        (_with(painmap_session=FORMAT + 1).encode(), "newer PainMap"),
        (_with(log={"day": "2026-11-20"}).encode(), "progress log is not a list"),
        (
            _with(log=[{"day": "2026-11-20", "first_steps": 11}]).encode(),
            "day 1 of the file's progress log is not valid: pain at the first steps",
        ),
        (_with(log=[{"day": "tomorrow", "first_steps": 3}]).encode(), "a date like"),
        (_with(log=["a day"]).encode(), "not a day's entry"),
        (_with(painmap_session="one").encode(), "not a whole number"),
        (_with(side="middle").encode(), "unknown side"),
        (_with(view="sole").encode(), "unknown view"),
        (_with(items="lots").encode(), "not a list"),
        (_with(items=[{"kind": "mark", "view": "plantar", "x": 1}]).encode(), "item 1"),
        (_with(items=[{"kind": "pin"}]).encode(), "unknown kind"),
        (_with(items=[{"kind": "area", "view": "plantar", "points": [[0, 0]]}]).encode(), "item 1"),
        (_with(items=[{"kind": "mark", "view": "plantar", "x": "NaN", "y": 1}]).encode(), "item 1"),
        (
            b'{"painmap_session": 1, "items": [{"kind": "mark", "view": "plantar", "x": NaN, '
            b'"y": 1}]}',
            "NaN",
        ),
        (
            b'{"painmap_session": 1, "items": [{"kind": "mark", "view": "plantar", "x": Infinity, '
            b'"y": 1}]}',
            "Infinity",
        ),
        (
            _with(
                items=[{"kind": "mark", "view": "plantar", "x": 1, "y": 1, "intensity": 12}]
            ).encode(),
            "intensity",
        ),
        (
            _with(
                items=[{"kind": "mark", "view": "plantar", "x": 1, "y": 1, "note": "x" * 3000}]
            ).encode(),
            "at most 2000 characters",
        ),
        (
            _with(
                items=[{"kind": "mark", "view": "plantar", "x": 1, "y": 1}] * (MAX_MARKS + 1)
            ).encode(),
            "at most",
        ),
        (_with(symptoms=["itchy"]).encode(), "unknown symptoms: itchy"),
        (_with(symptoms="first_steps_morning").encode(), "not a list of ids"),
        (_with(selected="solues").encode(), "unknown pattern"),
        (_with(note=7).encode(), "session note"),
        (b"{" + b" " * MAX_BYTES + b"}", "at most 1,000,000 bytes"),
    ],
)
def test_a_bad_session_file_is_refused_with_a_reason(data, words):
    with pytest.raises(SessionError, match=words) as caught:
        load_session(data, ATLAS)
    assert len(str(caught.value)) < 300


def test_ten_thousand_marks_are_refused_quickly():
    data = _with(items=[{"kind": "mark", "view": "plantar", "x": 1, "y": 1}] * 10_000)
    with pytest.raises(SessionError, match="10,000 marks"):
        load_session(data, ATLAS)


def test_a_session_from_other_maps_loads_with_a_warning():
    loaded = load_session(_with(atlas_version="0.0.1+0000000000"), ATLAS)
    assert loaded.session == FULL
    assert "other maps" in loaded.warnings[0]


def test_a_format_1_file_opens_with_no_log():
    document = json.loads(dump_session(FULL, ATLAS))
    document["painmap_session"] = 1
    del document["log"]
    assert load_session(json.dumps(document), ATLAS).session == replace(FULL, log=())
