"""The command line of the contract: validate, landmarks; bad arguments exit 2 with one line."""

from __future__ import annotations

import json
import subprocess
import sys

from painmap.contract import LANDMARK_IDS

from .conftest import ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "painmap", *args], cwd=ROOT, capture_output=True, text=True
    )


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
