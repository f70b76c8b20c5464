"""JSON read with bounds: a file from anywhere is refused in one plain sentence, whatever it holds.

Python's own reader recurses once per level of nesting, reads an integer of any length (and
refuses it with an internal message past 4,300 digits), turns ``1e999`` into infinity and keeps
a lone surrogate (``"\\ud800"``), which no page or file can show or write. :func:`read_json`
checks depth before parsing, then numbers, strings and the count of values, so what comes back
is safe to hold and show.

>>> read_json('{"a": [1, 2.5, "x"]}')
{'a': [1, 2.5, 'x']}
>>> read_json("[" * 100_000)
Traceback (most recent call last):
...
ValueError: the file nests more than 32 levels deep, more than a PainMap file ever does
>>> read_json('{"note": "\\\\ud800"}')
Traceback (most recent call last):
...
ValueError: the file holds a broken character (half of a pair that makes one), so it cannot be shown
"""

from __future__ import annotations

import json
import math
import re

MAX_DEPTH = 32  # a session nests 5 levels, a FHIR Bundle of a map about 10
MAX_DIGITS = 30  # a whole number of more digits is no count, coordinate or version
MAX_VALUES = 200_000  # values in one file: 60 areas of 120 points and ten years of days fit

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _depth(text: str) -> int:
    """The deepest nesting of brackets outside strings."""
    deepest = level = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        level += 1 if bracket in "[{" else -1
        deepest = max(deepest, level)
    return deepest


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"the file holds a whole number of more than {MAX_DIGITS} digits")
    return int(digits)


def _real(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise ValueError("the file holds a number too large to be a measure")
    return value


def _constant(name: str):
    raise ValueError(f"the file holds {name}, which is not a number a map can use")


def _check(value, count: list[int]) -> None:
    count[0] += 1
    if count[0] > MAX_VALUES:
        raise ValueError(f"the file holds more than {MAX_VALUES:,} values, more than a map needs")
    if isinstance(value, str):
        if _LONE_SURROGATE.search(value):
            raise ValueError(
                "the file holds a broken character (half of a pair that makes one), "
                "so it cannot be shown"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key, count)
            _check(item, count)
    elif isinstance(value, list):
        for item in value:
            _check(item, count)


def read_json(text: str):
    """The JSON document in ``text``; ValueError in one plain sentence when it is not JSON or
    holds what no PainMap file holds (see the bounds above). JSONDecodeError (a ValueError)
    says where the text stops being JSON."""
    if _depth(text) > MAX_DEPTH:
        raise ValueError(
            f"the file nests more than {MAX_DEPTH} levels deep, more than a PainMap file ever does"
        )
    document = json.loads(text, parse_int=_integer, parse_float=_real, parse_constant=_constant)
    _check(document, [0])
    return document
