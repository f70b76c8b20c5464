"""The FHIR file: a valid R5 Bundle holding exactly the map, read back exactly, its codes
those of the table (each checked against its source), and bad bundles refused in a sentence."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import yaml
from fhir.resources.bundle import Bundle

from painmap import AtlasError, Mark, read_atlas
from painmap.contract import LANDMARK_IDS
from painmap.export import export
from painmap.fhir.bundle import bundle_json
from painmap.fhir.names import BASE, QUESTIONNAIRE
from painmap.fhir.place import AXES, place
from painmap.links import MAX_MARKS
from painmap.session import MAX_BYTES, Session, SessionError, load_session
from painmap.vocabulary import VIEWS

from .places import ATLAS
from .test_session import FULL

SESSION = replace(FULL, log=())  # the progress log stays in the JSON session file
SAVED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
CODES = ATLAS.knowledge.codes

# Each code's meaning as read in its sources with the search tool (see data/fhir_codes.yaml):
# written here a second time, by hand, so a slip in the table cannot pass unseen.
VERIFIED = {
    (
        "http://loinc.org",
        "72514-3",
    ): "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    ("http://terminology.hl7.org/CodeSystem/observation-category", "survey"): "Survey",
    ("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-asked"): "Not Asked",
    ("http://unitsofmeasure.org", "{score}"): "score",
    ("http://unitsofmeasure.org", "mm"): "mm",
    ("http://snomed.info/sct", "24028007"): "Right (qualifier value)",
    ("http://snomed.info/sct", "7771000"): "Left (qualifier value)",
    ("http://snomed.info/sct", "255561001"): "Medial (qualifier value)",
    ("http://snomed.info/sct", "49370004"): "Lateral (qualifier value)",
    ("http://snomed.info/sct", "255549009"): "Anterior (qualifier value)",
    ("http://snomed.info/sct", "255551008"): "Posterior",
    ("http://snomed.info/sct", "264217000"): "Superior (qualifier value)",
    ("http://snomed.info/sct", "261089000"): "Inferior (qualifier value)",
    ("http://snomed.info/sct", "46053002"): "Distal (qualifier value)",
    ("http://snomed.info/sct", "40415009"): "Proximal (qualifier value)",
    ("http://snomed.info/sct", "76853006"): "Heel structure (body structure)",
    ("http://snomed.info/sct", "56459004"): "Foot structure (body structure)",
    ("http://snomed.info/sct", "78883009"): "Great toe structure (body structure)",
    ("http://snomed.info/sct", "29707007"): "Toe structure (body structure)",
    ("http://snomed.info/sct", "344001"): "Ankle region structure (body structure)",
    ("http://snomed.info/sct", "30021000"): "Lower leg structure",
    ("http://snomed.info/sct", "53840002"): "Calf of leg",
    ("http://snomed.info/sct", "72696002"): "Knee region structure",
}
# Codes once thought right and found wrong or unconfirmed when checked: never to be written.
NEVER = {
    "11207009": "Structure of right thigh, not the Achilles tendon",
    "57999000": "the sole of the foot in one source, a knee in another",
}


def _document(session=SESSION, **kw) -> dict:
    return json.loads(bundle_json(ATLAS, session, SAVED, **kw))


def _resources(document, kind):
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == kind]


def _codings(node):
    """Every (system, code, display) written anywhere in a JSON document."""
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            yield node["system"], node["code"], node.get("display") or node.get("unit")
        for value in node.values():
            yield from _codings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _codings(value)


def _every_landmark() -> Session:
    """A mark near every landmark, off it each way in turn, and one right on a landmark."""
    places = [(view, lid) for view, ids in LANDMARK_IDS.items() for lid in ids]
    marks = []
    for n, (view, lid) in enumerate(places):
        mark = Mark.at(ATLAS, view, lid, intensity=n % 11)
        way = 1 if n % 2 else -1
        marks.append(replace(mark, x=mark.x + 3 * way, y=mark.y - 2 * way))
    return Session(items=(*marks[: MAX_MARKS - 1], Mark("plantar", 0, 38)))


def test_the_bundle_validates_and_holds_what_it_should():
    document = _document()
    Bundle.model_validate(document)
    kinds = [e["resource"]["resourceType"] for e in document["entry"]]
    assert kinds == [
        "Patient",
        "Questionnaire",
        "QuestionnaireResponse",
        *["Observation", "BodyStructure"] * len(SESSION.items),
    ]
    assert document["type"] == "collection" and document["timestamp"] == "2026-11-23T09:30:00+00:00"
    assert len({e["fullUrl"] for e in document["entry"]}) == len(kinds)
    assert _document() == document  # the same map at the same time: the same file


def test_it_holds_exactly_the_marks_intensities_sides_and_answers():
    document = _document()
    observations = _resources(document, "Observation")
    assert len(observations) == len(SESSION.items)
    values = [o.get("valueQuantity", {}).get("value") for o in observations]
    assert values == [item.intensity for item in SESSION.items]  # 7, 4, not set
    assert observations[2]["dataAbsentReason"]["coding"][0]["code"] == "not-asked"
    notes = [o.get("note", [{}])[0].get("text", "") for o in observations]
    assert notes == [item.note for item in SESSION.items]
    for o in observations:
        assert o["code"]["coding"][0]["code"] == "72514-3"
        assert "bodySite" not in o  # R5 obs-8: a bodyStructure, never both
    for structure in _resources(document, "BodyStructure"):
        (part,) = structure["includedStructure"]
        assert part["laterality"]["coding"][0]["code"] == "7771000"  # FULL is of the left side
    (qr,) = _resources(document, "QuestionnaireResponse")
    assert qr["questionnaire"].startswith(QUESTIONNAIRE)
    said = {
        i["linkId"]: i["answer"][0]["valueBoolean"] for g in qr["item"] for i in g.get("item", [])
    }
    assert [s for s, yes in said.items() if yes] == list(SESSION.symptoms)
    assert [s for s, yes in said.items() if not yes] == list(SESSION.absent)
    items = {i["linkId"]: i for i in qr["item"]}
    assert items["side"]["answer"][0]["valueCoding"]["code"] == "7771000"
    assert items["note"]["answer"][0]["valueString"] == SESSION.note
    (q,) = _resources(document, "Questionnaire")
    links = {i["linkId"] for g in q["item"] for i in g.get("item", [])}
    assert links == set(ATLAS.knowledge.symptoms)


def test_marks_areas_notes_and_answers_come_back_exactly():
    for session in (
        SESSION,
        replace(
            SESSION, side="right", items=(), symptoms=(), note="", selected=None, view="dorsal"
        ),
        _every_landmark(),
    ):
        loaded = load_session(bundle_json(ATLAS, session), ATLAS)
        assert loaded.session == session and loaded.warnings == ()


def test_answers_come_back_in_the_questionnaire_order():
    shuffled = replace(SESSION, symptoms=("sudden_snap", "runner", "first_steps_morning"))
    back = load_session(bundle_json(ATLAS, shuffled), ATLAS).session
    assert back.symptoms == ("first_steps_morning", "runner", "sudden_snap")


def test_a_mark_is_placed_by_landmark_distance_and_direction_on_either_side():
    right = Session(side="right", items=(Mark("plantar", 19, 62),))
    left = Session(side="left", items=(Mark("plantar", -19, 62),))
    steps = []
    for session in (right, left):
        (structure,) = _resources(_document(session), "BodyStructure")
        part = structure["includedStructure"][0]
        assert part["structure"]["coding"][0]["code"] == "76853006"  # the heel
        steps.append(
            [
                (
                    o["landmarkDescription"][0]["coding"][0]["code"],
                    o["distanceFromLandmark"][0]["value"][0]["value"],
                    o["surfaceOrientation"][0]["coding"][0]["code"],
                )
                for o in part["bodyLandmarkOrientation"]
            ]
        )
    assert (
        steps[0]
        == steps[1]
        == [
            ("plantar:medial_calcaneal_tubercle", 6.0, "255561001"),
            ("plantar:medial_calcaneal_tubercle", 4.0, "46053002"),
        ]
    )
    (structure,) = _resources(_document(left), "BodyStructure")
    assert structure["description"] == (
        "Left side, sole, seen from below: 6.0 mm medial and 4.0 mm distal of the medial "
        "calcaneal tubercle"
    )


def test_the_axes_agree_with_the_edge_words_of_each_view():
    first_word = {
        "medial": "medial",
        "lateral": "lateral",
        "front": "anterior",
        "back": "posterior",
    }
    for view, (plus_x, minus_x, plus_y, _) in AXES.items():
        left_edge, right_edge = VIEWS[view].right_side_edges
        assert first_word[right_edge.split()[0]] == plus_x, view
        assert first_word[left_edge.split()[0]] == minus_x, view
        assert plus_y in ("distal", "superior")  # up the figure: to the toes, or up the leg
    top = place(ATLAS, "posterior", 0, 480, "right")
    assert top.landmark == "back_of_knee" and top.steps == (("superior", 10.0),)


def test_the_codes_written_are_the_table_s_and_the_table_is_all_used():
    document = _document(_every_landmark())
    written = {(s, c) for s, c, _ in _codings(document) if not s.startswith(BASE)}
    table = {(c.system, c.code) for c in CODES.values()}
    assert written == table
    for system, code, display in _codings(document):
        if not system.startswith(BASE) and display != code:
            assert display in (VERIFIED[(system, code)], "score", "mm"), (code, display)


def test_every_code_in_the_table_has_the_meaning_verified_in_its_source():
    assert {(c.system, c.code): c.display for c in CODES.values()} == VERIFIED
    assert not set(NEVER) & {c.code for c in CODES.values()}
    for code in CODES.values():
        assert len(code.source) > 40, code.id  # it says where the meaning was checked
        if code.use == "body site":
            assert code.landmarks, code.id
    landmarks = [lm for c in CODES.values() for lm in c.landmarks]
    expected = [f"{v}:{lid}" for v, ids in LANDMARK_IDS.items() for lid in ids]
    assert sorted(landmarks) == sorted(expected)


def test_the_handout_goes_in_as_a_document_reference():
    pdf = b"%PDF-1.7 a small stand-in handout"
    (reference,) = _resources(_document(handout=pdf), "DocumentReference")
    attachment = reference["content"][0]["attachment"]
    assert attachment["contentType"] == "application/pdf"
    assert base64.b64decode(attachment["data"]) == pdf
    assert load_session(bundle_json(ATLAS, SESSION, handout=pdf), ATLAS).session == SESSION
    assert export(ATLAS, SESSION, "fhir").startswith(b'{\n "resourceType": "Bundle"')


def test_a_bundle_from_other_maps_opens_with_a_warning():
    document = _document()
    (qr,) = _resources(document, "QuestionnaireResponse")
    qr["extension"][0]["extension"][1]["valueString"] = "0.0.1+0000000000"
    loaded = load_session(json.dumps(document), ATLAS)
    assert loaded.session == SESSION and "other maps" in loaded.warnings[0]


def _broken(change) -> bytes:
    document = _document()
    change(document)
    return json.dumps(document).encode()


def _qr(document):
    return _resources(document, "QuestionnaireResponse")[0]


def _first_obs(document):
    return _resources(document, "Observation")[0]


def _spot(document):
    return {p["url"]: p for p in _first_obs(document)["extension"][0]["extension"]}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: _first_obs(d).pop("status"), r"valid one \(entry.3.resource.status: Value"),
        (lambda d: d.pop("type"), r"valid one \(type: Value for the field 'type' is required"),
        (lambda d: _first_obs(d).update(colour="red"), "colour: Extra inputs are not permitted"),
        (lambda d: _first_obs(d).update(valueQuantity="seven"), "not the kind of element"),
        (lambda d: _first_obs(d).update(resourceType="Banana"), "a resource FHIR R5 does not"),
        (lambda d: d["entry"][3].update(resource=7), r"valid one \(entry.3.resource"),
        (lambda d: d.update(entry=d["entry"][:1]), "not a pain map PainMap wrote"),
        (lambda d: d["entry"].append(d["entry"][2]), "more than one pain map"),
        (lambda d: _qr(d).update(item=[]), "does not say which side"),
        (lambda d: _qr(d)["item"][1]["item"][0].update(linkId="itchy"), "unknown symptoms: itchy"),
        (lambda d: _qr(d)["extension"][0]["extension"][0].update(valueCode="sole"), "unknown view"),
        (lambda d: _first_obs(d).pop("extension"), "no place on PainMap's map"),
        (lambda d: _spot(d)["kind"].update(valueCode="pin"), "unknown kind 'pin'"),
        (lambda d: _spot(d)["view"].update(valueCode="sole"), "unknown view 'sole'"),
        (lambda d: _first_obs(d)["valueQuantity"].update(value=12), "intensity must be from 0"),
        (lambda d: _first_obs(d).pop("bodyStructure"), "no body structure in the file"),
        (
            lambda d: _resources(d, "BodyStructure")[0]["includedStructure"][0]["laterality"][
                "coding"
            ][0].update(code="24028007"),
            "is on the right side, but the map is of the left side",
        ),
        (
            lambda d: d["entry"].extend([d["entry"][3]] * MAX_MARKS),
            f"a map holds at most {MAX_MARKS}",
        ),
    ],
)
def test_a_bad_bundle_is_refused_in_one_sentence(change, words):
    with pytest.raises(SessionError, match=words) as caught:
        load_session(_broken(change), ATLAS)
    message = str(caught.value)
    assert len(message) < 300 and "\n" not in message


def test_another_fhir_resource_is_refused_by_name():
    with pytest.raises(SessionError, match="the file is a FHIR Patient, not a Bundle"):
        load_session(b'{"resourceType": "Patient"}', ATLAS)


def test_a_bundle_too_big_is_refused_before_it_is_read():
    padded = b'{"resourceType": "Bundle", "type": "collection"' + b" " * MAX_BYTES + b"}"
    with pytest.raises(SessionError, match="at most 1,000,000 bytes"):
        load_session(padded, ATLAS)


def test_a_broken_code_table_is_named_at_load(project_copy):
    path = project_copy / "data" / "fhir_codes.yaml"
    table = yaml.safe_load(path.read_text())
    table = [c for c in table if c["id"] != "distal"]
    heel = next(c for c in table if c["id"] == "heel")
    heel["landmarks"] = [*heel["landmarks"][1:], "plantar:met_head_1", "plantar:nowhere"]
    path.write_text(yaml.safe_dump(table, sort_keys=False))
    with pytest.raises(AtlasError) as caught:
        read_atlas(project_copy)
    problems = [str(p) for p in caught.value.problems]
    assert "data/fhir_codes.yaml: distal: is missing (the FHIR file needs a direction)" in problems
    assert "data/fhir_codes.yaml: heel: no landmark 'plantar:nowhere' in the atlas" in problems
    assert "data/fhir_codes.yaml: foot: plantar:met_head_1 already belongs to heel" in problems
    assert "data/fhir_codes.yaml: plantar:heel_center: has no body site (list it under one)" in (
        problems
    )
