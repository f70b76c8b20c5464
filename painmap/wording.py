"""Words for the model's probabilities, so that people read words first and numbers on request.

The thresholds live in ``data/model.yaml``. Two probabilities closer than half a percentage
point are said to be equally likely: the order between them means nothing.

>>> word(0.62, likely=0.5, possible=0.15), word(0.2, 0.5, 0.15), word(0.05, 0.5, 0.15)
('likely', 'possible', 'less likely')
>>> tied([0.40, 0.398, 0.1])
[True, True, False]
>>> percent(0.004), percent(0.62)
('under 1\xa0%', '62\xa0%')
>>> counted(1, "visit"), counted(2, "visit"), counted(0, "day"), noun(2, "injury", "injuries")
('1 visit', '2 visits', '0 days', 'injuries')
"""

from __future__ import annotations

from collections.abc import Sequence

from painmap.vocabulary import ResultList

LIKELY, POSSIBLE, LESS_LIKELY = "likely", "possible", "less likely"
WORDS = (LIKELY, POSSIBLE, LESS_LIKELY)
EQUAL = 0.005  # probabilities this close are equally likely, whatever their order


def word(probability: float, likely: float, possible: float) -> str:
    """The word for a probability: likely, possible or less likely."""
    if probability >= likely:
        return LIKELY
    return POSSIBLE if probability >= possible else LESS_LIKELY


def percent(probability: float) -> str:
    """A probability as a whole percentage, the sign kept with its number (a no-break space);
    "under 1 %" rather than a misleading 0 %."""
    return "under 1\xa0%" if probability < 0.005 else f"{probability:.0%}".replace("%", "\xa0%")


def noun(n: int, singular: str, plural: str | None = None) -> str:
    """The noun for ``n`` things: singular for exactly one, else plural (an added s)."""
    return singular if n == 1 else plural or singular + "s"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """A count and its noun, singular for exactly one: "1 visit", "2 visits", "0 days"."""
    return f"{n} {noun(n, singular, plural)}"


def tied(probabilities: Sequence[float]) -> list[bool]:
    """For probabilities in ranked order, whether each is equally likely as a neighbour."""
    p = list(probabilities)
    return [
        (i > 0 and abs(p[i - 1] - v) < EQUAL) or (i + 1 < len(p) and abs(p[i + 1] - v) < EQUAL)
        for i, v in enumerate(p)
    ]


LIST_TITLES = {
    ResultList.CONDITIONS: "What it could be",
    ResultList.MUSCLES: "Muscles worth checking",
}
NOT_ON_LIST_WORDS = "Something not on this list"


def set_aside_line(atlas, pattern_ids) -> str | None:
    """One sentence naming the patterns the answers set aside, and why, or None."""
    if not pattern_ids:
        return None
    said = []
    for pid in pattern_ids:
        pattern = atlas.patterns[pid]
        said.append(f"{pattern.name} ({pattern.requires_why or 'an answer all but rules it out'})")
    return "Set aside by the answers: " + "; ".join(said)
