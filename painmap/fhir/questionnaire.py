"""The Questionnaire PainMap publishes, and a map's answers as a QuestionnaireResponse.

The questionnaire asks what the map page asks: which side, then one group per question of
``data/questions.yaml`` (its linkId the question's id) holding a yes-or-no item per symptom (its
linkId the symptom's id), and the session note. A response lists what was answered, yes
(true) or no (false), in the questionnaire's order; the view that was open, the pattern chosen
and the atlas version ride along in one PainMap extension.

>>> from painmap import load_atlas
>>> q = questionnaire(load_atlas())
>>> [item["linkId"] for item in q["item"]]
['side', 'timing', 'triggers', 'quality', 'age', 'onset', 'signs', 'red_flags', 'note']
>>> q["item"][1]["item"][0]["linkId"], q["item"][1]["item"][0]["type"]
('first_steps_morning', 'boolean')
"""

from __future__ import annotations

from dataclasses import dataclass

from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.errors import PainMapError
from painmap.fhir.codes import coding
from painmap.fhir.names import MAP_VIEW, QUESTIONNAIRE, QUESTIONNAIRE_VERSION
from painmap.marks import check_note
from painmap.plain import quoted
from painmap.vocabulary import PLANTAR

SIDE_QUESTION = "Which foot and leg is the map of?"
NOTE_QUESTION = "Session note"


class AnswerError(PainMapError, ValueError):
    """A response that is not one to PainMap's questionnaire; the message says why."""


def questionnaire(atlas) -> dict:
    """PainMap's Questionnaire resource."""
    codes, symptoms = atlas.knowledge.codes, atlas.knowledge.symptoms
    groups = [
        {
            "linkId": question.id,
            "text": question.ask,
            "type": "group",
            "item": [
                {"linkId": s, "text": symptoms[s].label, "type": "boolean"}
                for s in question.options
            ],
        }
        for question in atlas.knowledge.questions
    ]
    side = {
        "linkId": "side",
        "text": SIDE_QUESTION,
        "type": "coding",
        "required": True,
        "answerOption": [{"valueCoding": coding(codes[s])} for s in SIDE_IDS],
    }
    return {
        "resourceType": "Questionnaire",
        "url": QUESTIONNAIRE,
        "version": QUESTIONNAIRE_VERSION,
        "name": "PainMap",
        "title": "PainMap: where it hurts, and how",
        "status": "active",
        "subjectType": ["Patient"],
        "description": "The questions of PainMap's map page. It informs and explains; it does "
        "not diagnose.",
        "item": [side, *groups, {"linkId": "note", "text": NOTE_QUESTION, "type": "text"}],
    }


@dataclass(frozen=True)
class Answers:
    """What a response says: side, symptoms answered yes and no, note, view open, pattern
    chosen, atlas, and the trigger-point presses (id, reproduced)."""

    side: str
    symptoms: tuple[str, ...]
    absent: tuple[str, ...]
    note: str
    view: str
    selected: str | None
    atlas_version: str | None
    pressed: tuple[tuple[str, bool], ...] = ()


def response(atlas, session, subject: str, authored: str) -> dict:
    """A session's answers as a QuestionnaireResponse about ``subject`` (a reference)."""
    codes, symptoms = atlas.knowledge.codes, atlas.knowledge.symptoms
    said = {**{s: False for s in session.absent}, **{s: True for s in session.symptoms}}
    items = [
        {
            "linkId": "side",
            "text": SIDE_QUESTION,
            "answer": [{"valueCoding": coding(codes[session.side])}],
        }
    ]
    for question in atlas.knowledge.questions:
        chosen = [
            {"linkId": s, "text": symptoms[s].label, "answer": [{"valueBoolean": said[s]}]}
            for s in question.options
            if s in said
        ]
        if chosen:
            items.append({"linkId": question.id, "text": question.ask, "item": chosen})
    if session.note:
        items.append(
            {"linkId": "note", "text": NOTE_QUESTION, "answer": [{"valueString": session.note}]}
        )
    state = [
        {"url": "view", "valueCode": session.view},
        {"url": "atlas", "valueString": atlas.version},
    ]
    if session.selected:
        state.append({"url": "pattern", "valueCode": session.selected})
    state += [
        {"url": "pressed", "valueString": f"{pid}={'yes' if yes else 'no'}"}
        for pid, yes in session.pressed
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "extension": [{"url": MAP_VIEW, "extension": state}],
        "questionnaire": f"{QUESTIONNAIRE}|{QUESTIONNAIRE_VERSION}",
        "status": "completed",
        "subject": {"reference": subject},
        "authored": authored,
        "item": items,
    }


def is_ours(resource: dict) -> bool:
    """Whether ``resource`` answers PainMap's questionnaire (any version)."""
    url = str(resource.get("questionnaire", "")).split("|")[0]
    return resource.get("resourceType") == "QuestionnaireResponse" and url == QUESTIONNAIRE


def read_response(atlas, resource: dict) -> Answers:
    """The answers of a response to PainMap's questionnaire; AnswerError says what is wrong."""
    codes, symptoms = atlas.knowledge.codes, atlas.knowledge.symptoms
    items = {item.get("linkId"): item for item in resource.get("item", [])}
    sides = {codes[s].code: s for s in SIDE_IDS}
    answer = _first_answer(items.get("side"))
    side = sides.get((answer or {}).get("valueCoding", {}).get("code"))
    if side is None:
        raise AnswerError("it does not say which side the map is of")
    ticked, denied, unknown = [], [], []
    for question in atlas.knowledge.questions:
        for item in items.pop(question.id, {}).get("item", []):
            sid = item.get("linkId")
            value = (_first_answer(item) or {}).get("valueBoolean")
            if sid not in question.options:
                unknown.append(str(sid)[:40])
            elif value is True:
                ticked.append(sid)
            elif value is False:
                denied.append(sid)
    if unknown:
        raise AnswerError(f"it names unknown symptoms: {', '.join(unknown)[:200]}")
    note = (_first_answer(items.get("note")) or {}).get("valueString", "")
    try:
        note = check_note(note)
    except ValueError as err:
        raise AnswerError(f"its session note is not valid: {err}") from None
    state = _state(resource)
    view, selected = state.get("view", PLANTAR), state.get("pattern")
    if view not in VIEW_IDS:
        raise AnswerError(f"it names an unknown view {quoted(view, 40)}")
    if selected is not None and selected not in atlas.patterns:
        raise AnswerError(f"it names an unknown pattern {quoted(selected, 40)}")
    order = {sid: n for n, sid in enumerate(symptoms)}
    ticked.sort(key=order.get)
    denied.sort(key=order.get)
    return Answers(
        side,
        tuple(ticked),
        tuple(denied),
        note,
        view,
        selected,
        state.get("atlas"),
        _presses(resource),
    )


def _presses(resource: dict) -> tuple[tuple[str, bool], ...]:
    out = []
    for extension in resource.get("extension", []):
        if extension.get("url") != MAP_VIEW:
            continue
        for e in extension.get("extension", []):
            if e.get("url") == "pressed":
                pid, _, said = str(e.get("valueString", "")).partition("=")
                if said not in ("yes", "no"):
                    raise AnswerError(f"a trigger-point press is not yes or no: {quoted(said, 20)}")
                out.append((pid, said == "yes"))
    return tuple(out)


def _first_answer(item: dict | None) -> dict | None:
    answers = (item or {}).get("answer") or []
    return answers[0] if answers else None


def _state(resource: dict) -> dict:
    for extension in resource.get("extension", []):
        if extension.get("url") == MAP_VIEW:
            return {
                e.get("url"): e.get("valueCode", e.get("valueString"))
                for e in extension.get("extension", [])
            }
    return {}
