"""The codes of the FHIR file, read from ``data/fhir_codes.yaml`` and checked at load.

Each code of a published code system (LOINC, SNOMED CT, UCUM, HL7 Terminology) that the file
writes is in that one table, with its display and the source its meaning was checked in; the
export asks for codes by the table's ids, so it cannot write a code the table lacks. The check
at load makes sure every id the export needs is there, with the right use, and that every
landmark of the atlas has exactly one body site.

>>> from painmap import load_atlas
>>> codes = load_atlas().knowledge.codes
>>> coding(codes["right"])
{'system': 'http://snomed.info/sct', 'code': '24028007', 'display': 'Right (qualifier value)'}
>>> site_of(codes, "plantar", "heel_center").display
'Heel structure (body structure)'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from painmap.errors import Problem
from painmap.fhir.place import DIRECTIONS
from painmap.io.knowledge import parse, read_yaml
from painmap.schema import Id, Strict, Text
from painmap.vocabulary import Side

LABEL = "data/fhir_codes.yaml"
USES = (
    "observation code",
    "observation category",
    "data absent reason",
    "unit",
    "laterality",
    "direction",
    "body site",
)
NEEDED = {
    "pain_severity": "observation code",
    "survey": "observation category",
    "not_asked": "data absent reason",
    "score": "unit",
    "mm": "unit",
    Side.RIGHT: "laterality",
    Side.LEFT: "laterality",
    **dict.fromkeys(DIRECTIONS, "direction"),
}


class Code(Strict):
    """One code: what PainMap calls it, its system, code and display, and where it was checked."""

    id: Id
    use: Literal[USES]
    system: Text
    code: Text
    display: Text
    source: Text
    landmarks: tuple[str, ...] = ()


def coding(code: Code) -> dict:
    """The code as a FHIR Coding."""
    return {"system": code.system, "code": code.code, "display": code.display}


def concept(code: Code, text: str | None = None) -> dict:
    """The code as a FHIR CodeableConcept, with ``text`` (the display when none is given)."""
    return {"coding": [coding(code)], "text": text or code.display}


def site_of(codes: Mapping[str, Code], view: str, landmark: str) -> Code:
    """The body site of a landmark."""
    wanted = f"{view}:{landmark}"
    return next(c for c in codes.values() if wanted in c.landmarks)


def read_codes(data: Path, views, problems: list[Problem]) -> dict[str, Code]:
    """The code table under ``data``, checked against the views read; faults go to
    ``problems``."""
    raw = read_yaml(data / "fhir_codes.yaml", LABEL, problems)
    if raw is None:
        return {}
    if not isinstance(raw, list):
        problems.append(Problem(LABEL, None, "must be a list of codes"))
        return {}
    codes: dict[str, Code] = {}
    for index, entry in enumerate(raw):
        name = entry.get("id") if isinstance(entry, dict) else None
        code = parse(Code, entry, LABEL, f"entry {index} ({name or 'no id'})", problems)
        if code is None:
            continue
        if code.id in codes:
            problems.append(Problem(LABEL, code.id, "is listed twice"))
        if code.landmarks and code.use != "body site":
            problems.append(Problem(LABEL, code.id, "only a body site lists landmarks"))
        codes[code.id] = code
    for cid, use in NEEDED.items():
        if cid not in codes:
            problems.append(Problem(LABEL, cid, f"is missing (the FHIR file needs a {use})"))
        elif codes[cid].use != use:
            problems.append(Problem(LABEL, cid, f"must be a {use}"))
    _check_sites(codes, views, problems)
    return codes


def _check_sites(codes: dict[str, Code], views, problems: list[Problem]) -> None:
    right = [vmap for (_, side), vmap in views.items() if side == Side.RIGHT]
    known = {f"{vmap.id}:{lid}" for vmap in right for lid in vmap.landmarks}
    owner: dict[str, str] = {}
    for code in codes.values():
        for landmark in code.landmarks:
            if landmark not in known:
                problems.append(Problem(LABEL, code.id, f"no landmark {landmark!r} in the atlas"))
            elif landmark in owner:
                taken = f"{landmark} already belongs to {owner[landmark]}"
                problems.append(Problem(LABEL, code.id, taken))
            owner.setdefault(landmark, code.id)
    for landmark in sorted(known - set(owner)):
        problems.append(Problem(LABEL, landmark, "has no body site (list it under one)"))
