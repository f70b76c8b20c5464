"""Fuzzing the two doors bad input comes through: session files and notes (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from painmap import Mark, figure
from painmap.marks import MAX_NOTE
from painmap.plain import plotly as plain
from painmap.session import Loaded, Session, SessionError, dump_session, load_session

from .places import ATLAS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=25,
)
item = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["mark", "area", "pin", 3]),
        "view": st.sampled_from(["plantar", "posterior", "sole", None]),
        "x": json_values,
        "y": json_values,
    },
    optional={"points": json_values, "intensity": json_values, "note": json_values},
)
documents = st.fixed_dictionaries(
    {"painmap_session": st.sampled_from([1, 2, 2, 3, 0, "1", None])},
    optional={
        "side": st.sampled_from(["right", "left", "up", 7]),
        "view": st.sampled_from(["plantar", "dorsal", "nowhere"]),
        "items": st.lists(item, max_size=6) | json_values,
        "symptoms": st.lists(st.sampled_from(["runner", "burning", "itchy"]), max_size=3)
        | json_values,
        "note": json_values,
        "selected": st.sampled_from([None, "soleus", "solues"]),
        "log": st.lists(
            st.fixed_dictionaries(
                {"day": st.sampled_from(["2026-11-20", "2099-01-01", "20/11", None]) | json_values},
                optional={
                    "first_steps": json_values,
                    "end_of_day": json_values,
                    "walk_minutes": json_values,
                    "step_id": json_values,
                    "note": json_values,
                },
            ),
            max_size=4,
        )
        | json_values,
    },
)


def _only_refusal_or_session(data) -> None:
    try:
        result = load_session(data, ATLAS)
    except SessionError as err:
        assert str(err) and len(str(err)) < 400
    else:
        assert isinstance(result, Loaded)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_are_refused_plainly(data):
    _only_refusal_or_session(data)


@SETTINGS
@given(documents)
def test_any_session_like_document_loads_or_is_refused_plainly(document):
    _only_refusal_or_session(json.dumps(document))


@SETTINGS
@given(st.text(max_size=MAX_NOTE))
def test_any_note_round_trips_exactly_and_is_drawn_as_text(note):
    session = Session(items=(Mark("plantar", 13, 58, note=note),), note=note)
    assert load_session(dump_session(session, ATLAS), ATLAS).session == session
    shown = plain(note)
    assert "<" not in shown and ">" not in shown


@pytest.mark.parametrize(
    "note",
    [
        "<b>bold?</b> <i>no</i>",
        "<script>alert('x')</script>",
        "[a link](http://example.invalid) **not bold**",
        "כאב בעקב בבוקר",  # right-to-left
        "ألم في الكعب",
        "🦶🔥 ouch 😣",
        "line one\nline two\ttabbed",
    ],
)
def test_notes_of_every_kind_are_kept_as_written(note):
    mark = Mark("plantar", 13, 58, note=note)
    assert mark.note == note
    labels = figure(ATLAS, "plantar", marks=[mark]).layout.annotations
    fig_text = " ".join(a.text for a in labels)
    assert plain(note.split()[0]) in fig_text or plain(note)[:10] in fig_text


def test_a_note_of_100_kb_is_refused_with_its_limit():
    with pytest.raises(ValueError, match=f"at most {MAX_NOTE} characters"):
        Mark("plantar", 13, 58, note="x" * 100_000)
