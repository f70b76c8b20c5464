"""A pain map as an HL7 FHIR R5 Bundle (a ``collection``), validated with fhir.resources.

The Bundle holds a Patient with no name (PainMap knows none: the clinic's system links the file
to the person), PainMap's Questionnaire and the map's QuestionnaireResponse, then for every
mark or area, in order, an Observation (LOINC 72514-3, the 0 to 10 pain score, or a data-absent
reason when no intensity was set; the note; PainMap's exact place) and the BodyStructure it
points to (the body site and laterality from SNOMED CT, and the nearest landmark with the
distance in mm and the direction of each step from it), and the PDF handout as a
DocumentReference when one is given. Ids are UUIDs made from the map, so the same map saved at
the same time gives the same file.

>>> from painmap import Mark, load_atlas
>>> from painmap.session import Session
>>> document = build(load_atlas(), Session(items=(Mark("plantar", 13, 58, 7),)))
>>> [e["resource"]["resourceType"] for e in document["entry"]]
['Patient', 'Questionnaire', 'QuestionnaireResponse', 'Observation', 'BodyStructure']
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from datetime import UTC, datetime

from fhir.resources.bundle import Bundle

from painmap.fhir.codes import coding, concept, site_of
from painmap.fhir.names import LANDMARK_SYSTEM, SPOT
from painmap.fhir.place import Place, landmark_words, place, words
from painmap.fhir.questionnaire import questionnaire, response
from painmap.marks import Area, Mark
from painmap.session import Session, dump_session
from painmap.vocabulary import VIEWS

UCUM = "http://unitsofmeasure.org"
HANDOUT_TYPE = "PainMap handout for the client (PDF)"  # text only: no code for it was verified
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:painmap:fhir")


def build(
    atlas, session: Session, saved: datetime | None = None, handout: bytes | None = None
) -> dict:
    """The Bundle of ``session`` as plain JSON data (not yet validated)."""
    saved = saved or datetime.now(UTC)
    when = saved.isoformat(timespec="seconds")
    seed = hashlib.sha256(dump_session(session, atlas, saved).encode()).hexdigest()

    def url(kind: str, n: int = 0) -> str:
        return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{seed}/{kind}/{n}')}"

    patient = url("patient")
    entries = [
        (patient, {"resourceType": "Patient"}),
        (url("questionnaire"), questionnaire(atlas)),
        (url("response"), response(atlas, session, patient, when)),
    ]
    for n, item in enumerate(session.items, start=1):
        spot = place(atlas, item.view, *_centre(item), session.side)
        said = _description(item, spot, session.side)
        structure = _structure(atlas, item, spot, said, patient, session.side)
        observation = _observation(atlas, item, said, patient, url("structure", n), when)
        entries += [(url("observation", n), observation), (url("structure", n), structure)]
    if handout is not None:
        entries.append((url("handout"), _handout(handout, patient, when)))
    return {
        "resourceType": "Bundle",
        "id": url("bundle")[len("urn:uuid:") :],
        "type": "collection",
        "timestamp": when,
        "entry": [
            {"fullUrl": full, "resource": {**resource, "id": full[len("urn:uuid:") :]}}
            for full, resource in entries
        ],
    }


def bundle_json(
    atlas, session: Session, saved: datetime | None = None, handout: bytes | None = None
) -> bytes:
    """The Bundle of ``session`` as FHIR JSON (UTF-8), validated with fhir.resources."""
    document = build(atlas, session, saved, handout)
    Bundle.model_validate(document)  # a fault here is PainMap's own, never the user's
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def _spot(item: Mark | Area) -> dict:
    """PainMap's exact place of the item, so the file reads back to the same map."""
    parts = [
        {"url": "kind", "valueCode": "mark" if isinstance(item, Mark) else "area"},
        {"url": "view", "valueCode": item.view},
    ]
    if isinstance(item, Mark):
        parts += [{"url": "x", "valueDecimal": item.x}, {"url": "y", "valueDecimal": item.y}]
    else:
        parts += [{"url": "vertex", "valueString": f"{x!r},{y!r}"} for x, y in item.points]
    return {"url": SPOT, "extension": parts}


def _centre(item: Mark | Area) -> tuple[float, float]:
    if isinstance(item, Mark):
        return item.x, item.y
    centre = item.polygon.centroid
    return centre.x, centre.y


def _observation(atlas, item, said: str, patient: str, structure: str, when: str) -> dict:
    codes = atlas.knowledge.codes
    resource = {
        "resourceType": "Observation",
        "extension": [_spot(item)],
        "status": "final",
        "category": [concept(codes["survey"])],
        "code": concept(codes["pain_severity"]),
        "subject": {"reference": patient},
        "effectiveDateTime": when,
        "bodyStructure": {"reference": structure, "display": said},
    }
    if item.intensity is None:
        resource["dataAbsentReason"] = concept(codes["not_asked"], "intensity not set")
    else:
        unit = codes["score"]
        resource["valueQuantity"] = {
            "value": item.intensity,
            "unit": unit.display,
            "system": UCUM,
            "code": unit.code,
        }
    if item.note:
        resource["note"] = [{"text": item.note}]
    return resource


def _description(item, p: Place, side: str) -> str:
    where = f"{side.capitalize()} side, {VIEWS[item.view].title.lower()}"
    if isinstance(item, Mark):
        return f"{where}: {words(p)}"
    return f"{where}: an area of {item.polygon.area:,.0f} mm² centred {words(p)}"


def _structure(atlas, item, p: Place, said: str, patient: str, side: str) -> dict:
    codes = atlas.knowledge.codes
    site = site_of(codes, item.view, p.landmark)
    landmark = {
        "coding": [
            {
                "system": LANDMARK_SYSTEM,
                "code": f"{p.view}:{p.landmark}",
                "display": landmark_words(p.landmark),
            }
        ],
        "text": landmark_words(p.landmark),
    }
    steps = [
        {
            "landmarkDescription": [landmark],
            "distanceFromLandmark": [
                {"value": [{"value": mm, "unit": "mm", "system": UCUM, "code": codes["mm"].code}]}
            ],
            "surfaceOrientation": [concept(codes[direction], direction)],
        }
        for direction, mm in p.steps
    ] or [{"landmarkDescription": [landmark]}]
    return {
        "resourceType": "BodyStructure",
        "includedStructure": [
            {
                "structure": concept(site, f"{site.id.replace('_', ' ')}, {VIEWS[item.view].on}"),
                "laterality": {"coding": [coding(codes[side])], "text": side},
                "bodyLandmarkOrientation": steps,
            }
        ],
        "description": said,
        "patient": {"reference": patient},
    }


def _handout(pdf: bytes, patient: str, when: str) -> dict:
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "type": {"text": HANDOUT_TYPE},
        "subject": {"reference": patient},
        "date": when,
        "description": "The marked views, the best matches in plain words, their self-care "
        "and when to see a clinician. PainMap informs and explains; it does not diagnose.",
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "title": "PainMap handout",
                    "creation": when,
                    "data": base64.b64encode(pdf).decode("ascii"),
                }
            }
        ],
    }
