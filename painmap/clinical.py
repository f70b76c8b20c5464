"""Clinical cases: vignettes written from named references, run through the ranking.

A cases file (``tests/clinical_cases.yaml``) says, for a story, where it hurts, the answers, and
what a clinician reading the reference expects first among the conditions and among the
muscles, what must never be near the top, and whether a red flag must stand above everything.
:func:`evaluate` runs them all and measures how often the expected answer comes first or in the
top three (per list and per category), the mean reciprocal rank, exact ties at the top, and
calibration: how often what is called likely, possible or less likely comes true.

>>> from painmap import load_atlas
>>> atlas = load_atlas()
>>> outcome = run_case(atlas, Case(id="pf", category="plantar_heel", reference="afp-heel-pain-2011",
...     side="right", marks=("plantar:medial_calcaneal_tubercle",),
...     expect=Expect(condition="plantar_fasciitis")))
>>> outcome.first["condition"], outcome.passed
('plantar_fasciitis', True)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from painmap.contract import LISTS, NOT_ON_LIST
from painmap.io.knowledge import parse_yaml
from painmap.marks import Mark
from painmap.matching import Analysis, analyse
from painmap.vocabulary import Kind, ResultList, Side
from painmap.wording import WORDS

CASES_FILE = Path(__file__).resolve().parent.parent / "tests" / "clinical_cases.yaml"


class Expect(BaseModel):
    """What a clinician expects of one case."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    condition: str | None = None
    condition_top3: tuple[str, ...] = ()
    muscle: str | None = None
    muscle_top3: tuple[str, ...] = ()
    urgent: bool = False
    never: tuple[str, ...] = ()


class Case(BaseModel):
    """One vignette: its reference, where it hurts, the answers, and what should come first."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    category: str
    reference: str | None = None
    reference_text: str | None = None
    basis: str = ""
    story: str = ""
    side: Literal[Side.RIGHT, Side.LEFT] = Side.RIGHT
    marks: tuple[str, ...] = Field(min_length=1)
    symptoms: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    pressed: dict[str, bool] = {}
    expect: Expect
    pair: str | None = None


def load_cases(path: Path | str = CASES_FILE) -> list[Case]:
    """The cases of a YAML file, each checked against :class:`Case`."""
    return [Case.model_validate(raw) for raw in parse_yaml(Path(path).read_text("utf-8"))]


def case_mark(atlas, text: str, side: str) -> Mark:
    """``VIEW:LANDMARK`` or ``VIEW:LANDMARK+DX,DY`` (mm, right side's frame) on ``side``."""
    view, _, rest = text.partition(":")
    landmark, _, offset = rest.partition("+")
    x, y = atlas.view(view).landmark_xy(landmark)
    if offset:
        dx, dy = (float(v) for v in offset.split(","))
        x, y = x + dx, y + dy
    return Mark(view, x if side == Side.RIGHT else -x, y)


@dataclass(frozen=True)
class Outcome:
    """What the ranking made of one case, and whether it met the expectation."""

    case: Case
    analysis: Analysis
    first: dict[str, str | None]
    ranks: dict[str, int | None]
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def _first(analysis: Analysis, name: str) -> str | None:
    """What comes first in a list: a red flag's safety rule, else the likeliest of its patterns
    and "something not on this list"."""
    if analysis.first.get(name):
        return analysis.first[name]
    ranked = analysis.ranked(name)
    if not len(ranked) or analysis.not_on_list[name] > ranked.probability.iloc[0]:
        return NOT_ON_LIST
    return ranked.id.iloc[0]


def _rank(analysis: Analysis, name: str, wanted: str | None) -> int | None:
    if wanted is None:
        return None
    ranked = analysis.ranked(name)
    order = list(ranked.id)
    rest = analysis.not_on_list[name]
    at = 0 if analysis.first.get(name) == NOT_ON_LIST else int((ranked.probability > rest).sum())
    order.insert(at, NOT_ON_LIST)
    return order.index(wanted) + 1 if wanted in order else None


def run_case(atlas, case: Case) -> Outcome:
    """Run one case and say what failed, in words."""
    marks = [case_mark(atlas, m, case.side) for m in case.marks]
    analysis = analyse(
        atlas, marks, case.symptoms, case.side, absent=case.absent, pressed=case.pressed
    )
    expect, failures = case.expect, []
    first = {name: _first(analysis, name) for name in LISTS}
    wanted = {ResultList.CONDITIONS: expect.condition, ResultList.MUSCLES: expect.muscle}
    ranks = {name: _rank(analysis, name, wanted[name]) for name in LISTS}
    for name in LISTS:
        if wanted[name] and first[name] != wanted[name]:
            failures.append(f"first {name}: {first[name]}, expected {wanted[name]}")
        top3 = list(analysis.ranked(name).id[:3])
        for pid in getattr(expect, f"{name}_top3"):
            if pid not in top3:
                failures.append(f"{pid} not in the top 3 {name}s ({', '.join(top3)})")
    for pid in expect.never:
        name = ResultList.CONDITIONS if atlas.patterns[pid].kind == Kind.CONDITION else "muscle"
        if pid in list(analysis.ranked(name).id[:3]):
            failures.append(f"{pid} is in the top 3 {name}s")
    if expect.urgent and not analysis.check_first:
        failures.append("no red flag stands above the results")
    return Outcome(case, analysis, first, ranks, tuple(failures))


def _top_tie(analysis: Analysis, name: str) -> bool:
    ranked = analysis.ranked(name)
    return len(ranked) > 1 and ranked.probability.iloc[0] == ranked.probability.iloc[1]


def evaluate(atlas, cases: list[Case]) -> dict:
    """Every measure of the cases, as plain numbers (see :func:`report`)."""
    outcomes = [run_case(atlas, c) for c in cases]
    per = defaultdict(lambda: {"cases": 0, "top1": 0, "top3": 0, "rr": 0.0})
    calibration = {(name, w): [0, 0, 0.0] for name in LISTS for w in WORDS}
    ties = 0
    for o in outcomes:
        ties += any(_top_tie(o.analysis, name) for name in LISTS)
        for name in LISTS:
            wanted = getattr(o.case.expect, name)
            if not wanted:
                continue
            rank = o.ranks[name]
            for key in (name, f"{name} · {o.case.category}"):
                row = per[key]
                row["cases"] += 1
                row["top1"] += rank == 1
                row["top3"] += rank is not None and rank <= 3
                row["rr"] += 1 / rank if rank else 0.0
            top = o.analysis.ranked(name).head(1)
            if len(top) and not o.analysis.first.get(name):
                cell = calibration[(name, top.likelihood.iloc[0])]
                cell[0] += 1
                cell[1] += top.id.iloc[0] == wanted
                cell[2] += float(top.probability.iloc[0])
    return {
        "outcomes": outcomes,
        "per": dict(per),
        "calibration": calibration,
        "ties_at_top": ties,
        "passed": sum(o.passed for o in outcomes),
    }


def report(figures: dict) -> str:
    """The figures of :func:`evaluate` as a table a person can read."""
    lines = [f"{'':38} {'cases':>5} {'top-1':>7} {'top-3':>7} {'MRR':>5}"]
    for key in sorted(figures["per"], key=lambda k: (k.split(" · ")[0], " · " in k, k)):
        row = figures["per"][key]
        n = row["cases"]
        lines.append(
            f"{key:38} {n:5} {row['top1'] / n:7.0%} {row['top3'] / n:7.0%} {row['rr'] / n:5.2f}"
        )
    lines += ["", "calibration of the first of each list (word: cases, came true, mean shown):"]
    for (name, w), (n, hits, total) in figures["calibration"].items():
        if n:
            lines.append(
                f"  {name:9} {w:11} {n:3} cases, {hits / n:4.0%} came true, "
                f"shown {total / n:4.0%} on average"
            )
    outcomes = figures["outcomes"]
    lines += [
        "",
        f"exact ties at the top of a list: {figures['ties_at_top']}",
        f"cases passed whole: {figures['passed']} of {len(outcomes)}",
    ]
    for o in outcomes:
        if not o.passed:
            lines.append(f"  {o.case.id}: {'; '.join(o.failures)}")
    return "\n".join(lines)
