"""Read a Bundle that PainMap wrote back into the session it came from.

The file is first validated with fhir.resources; then PainMap reads its own answers (the
QuestionnaireResponse to its questionnaire) and, in order, every pain Observation with its
exact place and its BodyStructure's laterality. Anything else in the Bundle (the handout, a
clinic's own resources) is left alone. A file that is not such a Bundle is refused with one
sentence, as a bad session file is.

>>> import json
>>> from painmap import Mark, load_atlas
>>> from painmap.fhir.bundle import bundle_json
>>> from painmap.session import Session
>>> atlas, session = load_atlas(), Session(side="left", items=(Mark("plantar", -13, 58, 7),))
>>> read_bundle(json.loads(bundle_json(atlas, session)), atlas).session == session
True
"""

from __future__ import annotations

from fhir.resources.bundle import Bundle
from pydantic import ValidationError

from painmap.answers import check_answers
from painmap.contract import SIDE_IDS
from painmap.fhir.names import SPOT
from painmap.fhir.questionnaire import AnswerError, is_ours, read_response
from painmap.links import MAX_MARKS
from painmap.marks import Area, Mark
from painmap.plain import quoted
from painmap.session import Loaded, Session, SessionError, clip, other_maps

NOT_OURS = "the file is a FHIR Bundle, but not a pain map PainMap wrote"
NOT_VALID = "the file is a FHIR Bundle, but not a valid one"


def is_bundle(document) -> bool:
    """Whether a parsed JSON document is a FHIR Bundle (of any kind)."""
    return isinstance(document, dict) and document.get("resourceType") == "Bundle"


def read_bundle(document: dict, atlas) -> Loaded:
    """The session a PainMap Bundle holds; SessionError says plainly why one is refused."""
    try:
        Bundle.model_validate(document)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"][:6]) or "the Bundle"
        what = first["msg"]
        if what.startswith("Invalid JSON"):  # fhir.resources' words for "not an object"
            what = "not the kind of element FHIR has there"
        raise SessionError(f"{NOT_VALID} ({where}: {clip(what, 100)})") from None
    except (KeyError, TypeError, ValueError):  # fhir.resources looks up each resourceType
        raise SessionError(f"{NOT_VALID} (it holds a resource FHIR R5 does not define)") from None
    resources = [entry.get("resource") or {} for entry in document.get("entry", [])]
    ours = [r for r in resources if is_ours(r)]
    if not ours:
        raise SessionError(f"{NOT_OURS} (it holds no answers to PainMap's questionnaire)")
    if len(ours) > 1:
        raise SessionError("the file holds more than one pain map; PainMap opens one at a time")
    try:
        answers = read_response(atlas, ours[0])
    except AnswerError as err:
        raise SessionError(f"the file's answers are not valid: {err}") from None
    by_url = {
        entry.get("fullUrl"): entry.get("resource") or {} for entry in document.get("entry", [])
    }
    pains = [r for r in resources if _is_pain(r, atlas)]
    if len(pains) > MAX_MARKS:
        raise SessionError(
            f"the file holds {len(pains):,} marks and areas; a map holds at most {MAX_MARKS}"
        )
    items = tuple(
        _item(n, obs, by_url, atlas, answers.side) for n, obs in enumerate(pains, start=1)
    )
    try:
        checked = check_answers(atlas, answers.symptoms, answers.absent, answers.pressed)
    except ValueError as err:
        raise SessionError(f"the file's answers are not valid: {err}") from None
    session = Session(
        answers.side,
        answers.view,
        items,
        checked.present,
        answers.note,
        answers.selected,
        absent=checked.absent,
        pressed=checked.pressed,
    )
    return Loaded(session, other_maps(answers.atlas_version, atlas))


def _is_pain(resource: dict, atlas) -> bool:
    code = atlas.knowledge.codes["pain_severity"]
    codings = (resource.get("code") or {}).get("coding") or []
    return resource.get("resourceType") == "Observation" and any(
        c.get("system") == code.system and c.get("code") == code.code for c in codings
    )


def _item(n: int, obs: dict, by_url: dict, atlas, side: str) -> Mark | Area:
    spot = next((e for e in obs.get("extension", []) if e.get("url") == SPOT), None)
    if spot is None:
        raise SessionError(f"pain observation {n} of the file has no place on PainMap's map")
    parts = spot.get("extension", [])
    values = {p.get("url"): p for p in parts}
    kind = values.get("kind", {}).get("valueCode")
    view = values.get("view", {}).get("valueCode")
    _check_side(n, obs, by_url, atlas, side)
    intensity = (obs.get("valueQuantity") or {}).get("value")
    note = ((obs.get("note") or [{}])[0]).get("text", "")
    try:
        if kind == "mark":
            x, y = (values.get(a, {}).get("valueDecimal") for a in ("x", "y"))
            return Mark(view, x, y, intensity, note)
        if kind == "area":
            vertices = [p.get("valueString", "") for p in parts if p.get("url") == "vertex"]
            points = tuple(tuple(float(v) for v in vertex.split(",")) for vertex in vertices)
            return Area(view, points, intensity, note)
    except (ValueError, TypeError) as err:
        raise SessionError(f"item {n} of the file ({kind}) is not valid: {clip(err)}") from None
    raise SessionError(f"item {n} of the file is of unknown kind {quoted(kind, 40)}")


def _check_side(n: int, obs: dict, by_url: dict, atlas, side: str) -> None:
    """The item's BodyStructure must be in the file and on the map's side."""
    reference = (obs.get("bodyStructure") or {}).get("reference")
    structure = by_url.get(reference)
    if not structure or structure.get("resourceType") != "BodyStructure":
        raise SessionError(f"item {n} of the file has no body structure in the file")
    sides = {atlas.knowledge.codes[s].code: s for s in SIDE_IDS}
    for part in structure.get("includedStructure", []):
        codings = (part.get("laterality") or {}).get("coding") or [{}]
        found = sides.get(codings[0].get("code"))
        if found != side:
            said = f"the {found} side" if found else "no side"
            raise SessionError(
                f"item {n} of the file is on {said}, but the map is of the {side} side"
            )
