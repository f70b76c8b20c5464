"""The command line of the contract: validate, landmarks; bad arguments exit 2 with one line.

Run in-process (tests/harness.py), as the command line runs them; one test per command starts
a real ``python -m painmap`` to prove the entry point itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest

from painmap.contract import LANDMARK_IDS
from painmap.progress.logbook import NO_LOG
from painmap.wording import counted

from .conftest import ROOT
from .harness import cli

run = cli


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["landmarks", "--view", "plantar"],
        ["patterns"],
        ["show", "soleus"],
        ["match", "--mark", "plantar:13,58"],
        ["log", "show", "Nobody", "--db", ":memory:"],
    ],
    ids=lambda args: args[0],
)
def test_each_command_runs_as_its_own_program(args):
    done = subprocess.run(
        [sys.executable, "-m", "painmap", *args], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == cli(*args).returncode, done.stderr
    assert "Traceback" not in done.stderr


def test_landmarks_json_for_one_view():
    result = run("landmarks", "--view", "plantar", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["id"] for r in rows} == set(LANDMARK_IDS["plantar"])
    assert all(set(r) == {"view", "id", "x", "y"} and r["view"] == "plantar" for r in rows)
    heel = next(r for r in rows if r["id"] == "heel_center")
    assert isinstance(heel["x"], float) and isinstance(heel["y"], float)


def test_landmarks_json_for_every_view_and_the_left_side_mirrors():
    right = json.loads(run("landmarks", "--json").stdout)
    left = json.loads(run("landmarks", "--json", "--side", "left").stdout)
    assert len(right) == sum(len(v) for v in LANDMARK_IDS.values())
    assert [(r["view"], r["id"], -r["x"], r["y"]) for r in right] == [
        (r["view"], r["id"], r["x"], r["y"]) for r in left
    ]


def test_validate_exits_zero():
    result = run("validate")
    assert result.returncode == 0
    assert "5 views, 41 patterns" in result.stdout and result.stdout.strip().endswith("sound")


def test_bad_argument_exits_2_with_one_line():
    result = run("landmarks", "--view", "sole", "--json")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "invalid choice: 'sole'" in lines[0]
    assert run("frobnicate").returncode == 2


def test_match_json_follows_the_contract():
    result = run(
        "match",
        "--side",
        "left",
        "--mark",
        "plantar:medial_calcaneal_tubercle",
        "--mark",
        "plantar:-13,58@7",
        "--mark",
        "posterior:0,900",
        "--area",
        "plantar:-20,20 20,20 20,60",
        "--symptom",
        "first_steps_morning",
        "sudden_snap",
        "--top",
        "3",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert {"results", "red_flags", "unmatched_marks"} <= set(document)
    assert document["red_flags"] == ["sudden_snap"]
    assert document["unmatched_marks"] == [3]
    rows = document["results"]
    for name in ("condition", "muscle"):  # each list ranked within itself, at most --top 3
        one = [r for r in rows if r["list"] == name]
        assert 1 <= len(one) <= 3
        ranked = [r["score"] for r in one if not r["first"]]  # safety first, then by chance
        assert ranked == sorted(ranked, reverse=True)
        assert [r["rank"] for r in one] == list(range(1, len(one) + 1))
    assert {"id", "kind", "name", "score", "reasons", "probability", "likelihood"} <= set(rows[0])
    assert rows[0]["id"] == "achilles_rupture" and rows[0]["first"]  # a snap: rupture first
    assert document["check_first"].startswith("Get this checked first")
    assert "plantar_fasciitis" in [r["id"] for r in rows]


def test_match_text_puts_red_flags_first():
    result = run("match", "--mark", "posterior:achilles_midportion", "--symptom", "sudden_snap")
    assert result.returncode == 0
    assert result.stdout.startswith("WARNING: A sudden snap")
    assert "does not diagnose" in result.stdout


def test_match_bad_arguments_exit_2_with_one_line():
    for args in (
        ["--mark", "plantar:nan,3"],
        ["--mark", "plantar:inf,3"],
        ["--mark", "sole:1,2"],
        ["--mark", "plantar:heel"],
        ["--mark", "plantar:1,2", "--symptom", "itchy"],
        ["--area", "plantar:0,0 1,1"],
        ["--mark", "plantar:1,2@eleven"],
        ["--mark", "plantar:1,2@11"],
        ["--top", "0"],
        ["--side", "middle"],
    ):
        result = run("match", *args, "--json")
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, (args, result.stderr)
        assert result.stdout == ""


def test_bench_prints_its_figures():
    result = run("bench", "--clicks", "60")
    assert result.returncode == 0, result.stderr
    for words in ("one click, full atlas", "naive loop", "naive / indexed", "atlas x100"):
        assert words in result.stdout


def test_bench_exports_prints_cold_and_warm_figures():
    result = run("bench", "--exports", "--repeats", "1")
    assert result.returncode == 0, result.stderr
    for words in ("PNG cold", "PDF cold", "PNG warm", "PDF warm"):
        assert words in result.stdout


def test_export_handout_writes_a_pdf_and_refuses_another_ending(tmp_path):
    out = tmp_path / "handout.pdf"
    done = run("export", "--handout", "--out", str(out), "--mark", "plantar:13,58")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    wrong = run("export", "--handout", "--out", str(tmp_path / "handout.png"))
    assert wrong.returncode == 2 and "a handout is a PDF" in wrong.stderr


def test_export_fhir_writes_a_bundle_that_opens_again(tmp_path):
    from painmap.session import load_session

    from .places import ATLAS

    out = tmp_path / "map.fhir.json"
    args = ["--side", "left", "--mark", "plantar:medial_calcaneal_tubercle@7", "--note", "clinic"]
    done = run("export", "--out", str(out), *args, "--symptom", "runner", "first_steps_morning")
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    assert document["resourceType"] == "Bundle"
    session = load_session(out.read_bytes(), ATLAS).session
    assert (session.side, session.note) == ("left", "clinic")
    assert session.symptoms == ("first_steps_morning", "runner")
    assert [(m.view, m.x, m.y, m.intensity) for m in session.items] == [("plantar", -13, 58, 7)]
    with_handout = tmp_path / "with-handout.fhir.json"
    done = run("export", "--handout", "--out", str(with_handout), *args)
    assert done.returncode == 0, done.stderr
    kinds = [e["resource"]["resourceType"] for e in json.loads(with_handout.read_text())["entry"]]
    assert kinds[-1] == "DocumentReference"


def test_bench_fhir_prints_its_figures():
    result = run("bench", "--fhir", "--repeats", "2")
    assert result.returncode == 0, result.stderr
    for n in (1, 10, 60):
        assert f"{counted(n, 'mark'):>8}, build and validate:  median" in result.stdout


def test_log_add_and_show_keep_a_week_and_judge_it(tmp_path):
    db = str(tmp_path / "logs.db")
    start = date.today() - timedelta(days=6)
    for n, pain in enumerate([7, 7, 6, 6, 5, 4, 4]):
        day = (start + timedelta(days=n)).isoformat()
        done = run(
            "log",
            "add",
            "Ana",
            "--new",
            "--db",
            db,
            "--day",
            day,
            "--first",
            str(pain),
            "--walk",
            "20",
            "--step",
            "Ice the heel",
        )
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"kept {day} in Ana's log (7 days)"
    shown = json.loads(run("log", "show", "Ana", "--db", db, "--json").stdout)
    assert [d["first_steps"] for d in shown["days"]] == [7, 7, 6, 6, 5, 4, 4]
    assert [v["outcome"] for v in shown["verdicts"]] == ["helping"]
    csv = run("log", "show", "Ana", "--db", db, "--csv").stdout.splitlines()
    assert len(csv) == 8 and csv[1].endswith(",ice-the-heel,Ice the heel,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--first", "eleven"], "pain at the first steps must be a whole number from 0 to 10"),
        (["--first", "4", "--walk", "-5"], "minutes of walking or standing"),
        (["--first", "4", "--day", "2999-01-01"], "has not come yet"),
        (["--end", "3", "--day", "yesterday"], "a date like 2026-11-23"),
        ([], "give at least one pain score"),
    ],
)
def test_log_add_refuses_a_bad_day_in_one_line(tmp_path, args, message):
    db = str(tmp_path / "logs.db")
    assert run("log", "add", "Ana", "--new", "--db", db, "--first", "5").returncode == 0
    done = run("log", "add", "Ana", "--db", db, *args)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert message in done.stderr
    assert len(json.loads(run("log", "show", "Ana", "--db", db, "--json").stdout)["days"]) == 1


def test_log_with_a_passphrase_opens_only_with_it(tmp_path, monkeypatch):
    db = str(tmp_path / "logs.db")
    monkeypatch.setenv("PAINMAP_LOG_PASSPHRASE", "heel 2026")
    assert run("log", "add", "Ben", "--new", "--db", db, "--first", "5").returncode == 0
    monkeypatch.setenv("PAINMAP_LOG_PASSPHRASE", "wrong")
    done = run("log", "show", "Ben", "--db", db)
    assert done.returncode == 2 and NO_LOG in done.stderr
    unknown = run("log", "show", "Nobody", "--db", db)
    assert unknown.returncode == 2 and NO_LOG in unknown.stderr
