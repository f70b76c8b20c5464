"""A person's answers: the symptoms that are true, those asked and denied, and the presses.

Questions come from ``data/questions.yaml``. Where only one option can be true (an age, how it
started), choosing it answers the others too: they are ``implied`` no's, asked but not weighed
again, since the chosen option's own ratio already says how that one answer fits (an adult's
answer is what rules out a child's disease). A press answer says whether pressing a muscle's
trigger-point site reproduced the pain.

>>> from painmap import load_atlas
>>> answers = check_answers(load_atlas(), ["adult", "burning"])
>>> answers.present, answers.absent, answers.implied
(('adult', 'burning'), (), ('child_8_14', 'teenager', 'over_60'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from painmap.vocabulary import Kind
from painmap.wording import noun


@dataclass(frozen=True)
class Answers:
    """Symptom ids answered yes (``present``) and no (``absent``), the no's a choose-one answer
    implies (``implied``), and presses as (id, yes) pairs."""

    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    pressed: tuple[tuple[str, bool], ...] = ()
    implied: tuple[str, ...] = ()

    @property
    def asked(self) -> frozenset[str]:
        return frozenset(self.present) | frozenset(self.absent) | frozenset(self.implied)


def _unknown(ids, known, what: str) -> None:
    unknown = [s for s in ids if s not in known]
    if unknown:
        raise ValueError(
            f"unknown {what} {noun(len(unknown), 'id')}: {', '.join(map(str, unknown))}"
        )


def _presses(atlas, pressed: Mapping | Iterable | None) -> tuple[tuple[str, bool], ...]:
    items = dict(pressed.items() if isinstance(pressed, Mapping) else pressed or ())
    _unknown(items, atlas.patterns, "pattern")
    out = []
    for pid, value in items.items():
        if atlas.patterns[pid].kind == Kind.CONDITION:
            raise ValueError(f"{pid} is a condition: only a muscle's site can be pressed")
        if not isinstance(value, bool):
            raise ValueError(f"a press answer is yes or no (true or false), not {value!r}")
        out.append((pid, value))
    return tuple(sorted(out))


def check_answers(atlas, present: Iterable[str] = (), absent: Iterable[str] = (), pressed=None):
    """The answers, checked; ValueError naming an unknown id or a contradiction.

    ``pressed`` maps a muscle's pattern id to True (pressing its site reproduced the pain) or
    False (it did not).
    """
    symptoms = atlas.knowledge.symptoms
    yes, no = list(dict.fromkeys(present)), list(dict.fromkeys(absent))
    _unknown(yes + no, symptoms, "symptom")
    implied: list[str] = []
    both = [s for s in yes if s in no]
    if both:
        raise ValueError(f"answered both yes and no: {', '.join(both)}")
    for question in atlas.knowledge.questions:
        if question.choose != "one":
            continue
        chosen = [s for s in yes if s in question.options]
        if len(chosen) > 1:
            raise ValueError(f"only one of {', '.join(chosen)} can be true ({question.ask})")
        if chosen:
            implied += [s for s in question.options if s != chosen[0] and s not in no]
    return Answers(tuple(yes), tuple(no), _presses(atlas, pressed), tuple(implied))
