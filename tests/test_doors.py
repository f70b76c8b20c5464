"""Every door holds: text from outside stays text, bad files are refused in one sentence, the
command line fails in one line.

Crafted strings go through each door (link, session file, FHIR file, log step names and notes)
into what the pages and exports show; nothing of them may become a link, an image, a tag or
a formula.
"""

from __future__ import annotations

import json
import math
import re
import time
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from painmap import Mark
from painmap.cli import main
from painmap.fhir.bundle import bundle_json
from painmap.handout import handout_html
from painmap.links import parse_link
from painmap.plain import html_text, markdown, plotly, terminal
from painmap.progress.chart import progress_figure
from painmap.progress.entry import Entry
from painmap.progress.logbook import LogBook
from painmap.progress.verdict import judge
from painmap.session import Session, SessionError, dump_session, load_session

from .conftest import ROOT, as_shown
from .places import ATLAS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CRAFTED = [
    "![x](http://127.0.0.1:9/v.gif)",
    "[Your results: click here](http://127.0.0.1:9/phish)",
    "<img src=http://127.0.0.1:9/i.gif>",
    "<a href='http://127.0.0.1:9/'>x</a>",
    "$\\href{http://127.0.0.1:9}{x}$",
    ":material/home: :red[alarm]",
    "http://127.0.0.1:9/auto www.example.com",
    "\x1b[2J\x1b]0;owned\x07",
    "# heading\n- list\n> quote",
]
# What a rendered link, image, tag or formula needs, left unescaped.
LIVE_MARKDOWN = re.compile(r"(?<!\\)[\[\]<>$!`]|(?<!\\):(?!\\)|https?(?<!\\):")


def crafted() -> st.SearchStrategy[str]:
    """Crafted strings and mixtures of them with arbitrary text."""
    pieces = st.sampled_from(CRAFTED) | st.text(max_size=20)
    return st.lists(pieces, min_size=1, max_size=4).map("".join)


@SETTINGS
@given(crafted())
def test_markdown_leaves_no_markup_alive(value):
    shown = markdown(value)
    assert not LIVE_MARKDOWN.search(shown)
    assert "\n" not in shown and "\x1b" not in shown


@SETTINGS
@given(crafted())
def test_html_and_plotly_text_hold_no_tag_and_no_formula(value):
    assert "<" not in html_text(value) and ">" not in html_text(value)
    assert "<" not in plotly(value) and "$" not in plotly(value)


@SETTINGS
@given(crafted())
def test_terminal_text_holds_no_control_character(value):
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in terminal(value))


@pytest.mark.parametrize("value", CRAFTED)
def test_a_crafted_link_gives_a_warning_with_nothing_live(value):
    link = parse_link({"view": value, "side": value, "marks": f"plantar:{value}"})
    assert link.marks == () and len(link.warnings) == 3
    assert all(not LIVE_MARKDOWN.search(markdown(w)) for w in link.warnings)


def _log(step: str, note: str) -> tuple[Entry, ...]:
    start = date.today() - timedelta(days=9)
    return tuple(
        Entry(start + timedelta(days=n), 6 - n // 2, 5, 30, "calf_stretch", step, note)
        for n in range(8)
    )


@pytest.mark.parametrize("value", CRAFTED)
def test_crafted_text_in_a_file_stays_text_in_the_chart_and_the_handout(value):
    session = Session(
        items=(Mark("plantar", 13, 58, 7, note=value),), note=value, log=_log(value, value)
    )
    loaded = load_session(dump_session(session, ATLAS), ATLAS).session
    assert loaded == session  # kept exactly as written
    assert load_session(bundle_json(ATLAS, session), ATLAS).session.note == value
    fig = progress_figure(loaded.log, judge(loaded.log))
    labels = " ".join(a.text for a in fig.layout.annotations)
    assert "<a" not in labels and "<img" not in labels and "$" not in labels
    page = handout_html(ATLAS, loaded)
    assert "127.0.0.1" not in re.sub(r"&[^;]+;|[^<]+", "", page)  # not inside any tag
    assert not re.search(r"<(a|img|script)\b", page.replace("<svg", ""))


def _document(**fields) -> str:
    base = json.loads(dump_session(Session(items=(Mark("plantar", 13, 58, 7),)), ATLAS))
    return json.dumps({**base, **fields})


THE_THREE = {
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "a list as the chosen pattern": _document(selected=["soleus"]),
    "a note with a lone surrogate": _document(note="\ud800"),
}
INTERNALS = re.compile(r"unhashable|Exceeds the limit|Traceback|NoneType|object|<class|\\u|\\x")


def one_sentence(err: SessionError) -> bool:
    words = str(err)
    return 0 < len(words) < 300 and "\n" not in words and not INTERNALS.search(words)


@pytest.mark.parametrize("data", THE_THREE.values(), ids=THE_THREE)
def test_the_three_files_of_the_issue_are_refused_in_one_sentence(data):
    with pytest.raises(SessionError) as refused:
        load_session(data, ATLAS)
    assert one_sentence(refused.value)


odd_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats()
    | st.text(alphabet=st.characters(), max_size=10)
    | st.sampled_from(["\ud800", "\udfff", "soleus", "plantar"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
FIELDS = ["painmap_session", "side", "view", "items", "symptoms", "absent", "pressed", "note"]
FIELDS += ["selected", "log", "atlas_version"]


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS), odd_values, min_size=1), st.integers(0, 60))
def test_a_family_of_odd_files_is_read_or_refused_in_one_sentence(fields, depth):
    text = _document(**fields).replace("{", "[" * depth + "{", 1)
    text = text[::-1].replace("}", "]" * depth + "}", 1)[::-1]
    try:
        loaded = load_session(text, ATLAS)
    except SessionError as err:
        assert one_sentence(err), str(err)
    else:  # what loads can be shown and saved again
        dump_session(loaded.session, ATLAS).encode("utf-8")


def test_an_area_of_60000_points_is_refused_fast():
    points = [[i % 40 - 20, (i * 7) % 100] for i in range(60_000)]
    text = json.dumps(
        {"painmap_session": 3, "items": [{"kind": "area", "view": "plantar", "points": points}]},
        separators=(",", ":"),
    )
    start = time.perf_counter()
    with pytest.raises(SessionError, match="at most 2,000 points") as refused:
        load_session(text, ATLAS)
    print(
        f"\n60,000-point area ({len(text):,} bytes) refused in {time.perf_counter() - start:.3f} s"
    )
    assert one_sentence(refused.value)


def test_a_self_crossing_area_is_simplified_and_made_valid_once():
    zigzag = [[i % 40 - 20, (i * 7) % 100] for i in range(2000)]
    text = json.dumps(
        {"painmap_session": 3, "items": [{"kind": "area", "view": "plantar", "points": zigzag}]}
    )
    start = time.perf_counter()
    area = load_session(text, ATLAS).session.items[0]
    print(f"\n2,000-point zig-zag read in {time.perf_counter() - start:.3f} s")
    assert area.polygon.is_valid and area.polygon is area.polygon  # kept, not remade
    assert math.isclose(area.polygon.area, area.polygon.area)
    assert len(area.points) == 2000  # the file's own points are kept as written


# -- the command line: every failure one line, exit 2 (validate: 1) ------------------------


def doors(tmp_path):
    full = tmp_path / "full.png"
    full.symlink_to("/dev/full")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    mark = ["--mark", "plantar:heel_center"]
    return {
        "out is a folder": (["export", *mark, "--out", str(tmp_path)], 2),
        "out folder is a file": (["export", *mark, "--out", str(a_file / "x.svg")], 2),
        "out cannot be written": (["export", *mark, "--out", "/proc/painmap.svg"], 2),
        "disk full": (["export", *mark, "--out", str(full)], 2),
        "no format": (["export", *mark, "--out", str(tmp_path / "x.txt")], 2),
        "bad mark": (["export", "--mark", "plantar:\x1b[2J", "--out", str(tmp_path / "x.svg")], 2),
        "bad area": (["export", "--area", "plantar:1,2", "--out", str(tmp_path / "x.svg")], 2),
        "unknown pattern": (["show", "no_such_pattern"], 2),
        "bad match mark": (["match", "--mark", "nowhere:1,2"], 2),
        "bad symptom": (["match", "--symptom", "\x1b]0;x\x07"], 2),
        "bad command": (["nonsense"], 2),
        "validate a file": (["validate", "--root", str(a_file)], 1),
        "validate a missing folder": (["validate", "--root", str(tmp_path / "none")], 1),
        "log of a bad database": (["log", "show", "ann", "--db", str(a_file)], 2),
        "log with a bad day": (
            ["log", "add", "ann", "--new", "--day", "someday", "--db", str(tmp_path / "l.db")],
            2,
        ),
    }


NAMES = [
    "out is a folder",
    "out folder is a file",
    "out cannot be written",
    "disk full",
    "no format",
    "bad mark",
    "bad area",
    "unknown pattern",
    "bad match mark",
    "bad symptom",
    "bad command",
    "validate a file",
    "validate a missing folder",
    "log of a bad database",
    "log with a bad day",
]


@pytest.mark.parametrize("name", NAMES)
def test_every_cli_door_fails_in_one_line(name, tmp_path, capsys):
    argv, code = doors(tmp_path)[name]
    try:
        got = main(argv)
    except SystemExit as leaving:
        got = leaving.code
    said = capsys.readouterr()
    lines = [line for line in said.err.splitlines() if line.strip()]
    assert got == code, said.err
    assert len(lines) == 1 and lines[0].startswith("painmap: "), said.err
    assert "Traceback" not in said.err and "\x1b" not in said.err and "\x07" not in said.err


def test_log_show_prints_a_note_escape_sequence_escaped(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert (
        main(["log", "add", "ann", "--new", "--first", "5", "--note", "\x1b[2Jgone", "--db", db])
        == 0
    )
    capsys.readouterr()
    assert main(["log", "show", "ann", "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\\x1b[2Jgone" in shown


# -- the pages: crafted text through a link, the log and a data file ----------------------

EVIL = "![x](http://127.0.0.1:9/v.gif) [Your results: click here](http://127.0.0.1:9/p) $x$"


def _sources(at) -> list[str]:
    """The Markdown source of every text element on the page (what Streamlit renders)."""
    kinds = ("markdown", "warning", "error", "info", "caption", "success", "subheader")
    texts = [str(e.value) for kind in kinds for e in getattr(at, kind)]
    return texts + [str(e.label) for e in at.expander]


def _nothing_live(at) -> None:
    assert not at.exception
    for source in _sources(at):
        assert "](http" not in source and "<img" not in source.lower(), source
        assert not re.search(r"(?<!\\)\$x(?<!\\)\$", source), source


def test_a_crafted_link_is_a_plain_warning_on_the_map(tmp_path, monkeypatch):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(view=EVIL, marks=f"plantar:{EVIL}")
    at.run()
    _nothing_live(at)
    said = [as_shown(w.value) for w in at.warning]
    assert any("unknown view ('![x](http://127.0.0.1:9" in w for w in said)  # as written


def test_a_crafted_pattern_name_in_a_data_file_stays_text(project_copy, monkeypatch):
    path = project_copy / "data" / "patterns" / "plantar_fasciitis.yaml"
    text = path.read_text()
    path.write_text(re.sub(r"(?m)^name: .*$", f"name: '{EVIL}'", text, count=1))
    monkeypatch.setenv("PAINMAP_ROOT", str(project_copy))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["marks"] = "plantar:medial_calcaneal_tubercle"
    at.run()
    _nothing_live(at)
    at.session_state["selected"] = "plantar_fasciitis"  # its detail, as "Show it" opens it
    at.run()
    _nothing_live(at)
    assert any("click here" in as_shown(h.value) for h in at.subheader)


def test_a_crafted_step_name_and_a_file_from_another_log_on_the_progress_page(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("PAINMAP_DB", str(tmp_path / "logs.db"))
    log = LogBook(str(tmp_path / "logs.db")).create("Ana")
    start = date.today() - timedelta(days=9)
    days = [Entry(start + timedelta(days=n), 8 - n, 7, 30, "x", EVIL, EVIL) for n in range(8)]
    log.save_all(days)
    log.book.engine.dispose()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["marks"] = "plantar:13,58"
    at.run()
    at.switch_page("app_pages/progress.py").run()
    at.text_input(key="open_name").input("Ana")
    at.button(key="FormSubmitter:open_log-Open the log").click().run()
    _nothing_live(at)
    # a file from Ben's log: one day that differs, one new day
    at.session_state["file_log"] = [Entry(days[0].day, 0), Entry(date.today(), 2)]
    at.session_state["file_log_name"] = "Ben"
    at.run()
    said = " ".join(as_shown(s) for s in _sources(at))
    assert "come from Ben's log, not from Ana's" in said
    assert "1 new day; 1 day already logged differs" in said
    next(b for b in at.button if b.label == "Add only the new days").click().run()
    assert LogBook(str(tmp_path / "logs.db")).open("Ana").entries()[0].first_steps == 8
    assert "replaced 0" in " ".join(as_shown(s.value) for s in at.success)
