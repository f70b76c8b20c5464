"""Each kind of broken data file is named clearly: file, item, and what is wrong."""

from __future__ import annotations

import pytest
import yaml

from painmap import AtlasError, read_atlas
from painmap.cli import main


def _pattern(root, pid):
    return root / "data" / "patterns" / f"{pid}.yaml"


def _edit(path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _problems(root):
    with pytest.raises(AtlasError) as caught:
        read_atlas(root)
    return [str(p) for p in caught.value.problems]


def _set(key, value):
    def change(data):
        data[key] = value

    return change


def _zone(index, **fields):
    def change(data):
        data["zones"][index].update(fields)

    return change


def _first_step_without(field):
    def change(data):
        del data["self_care"][0][field]

    return change


def _first_claim_cites(source):
    def change(data):
        data["description"][0]["sources"] = [source] if source else []

    return change


def _differential(pid):
    def change(data):
        data["differentials"][0]["id"] = pid

    return change


def _symptom(sid, weight=2):
    def change(data):
        data["symptoms"] = [{"id": sid, "weight": weight, "sources": ["seed-000"]}]

    return change


def _no_sites(data):
    data["zones"] = [z for z in data["zones"] if z["role"] != "trigger_point"]


def _copy_zones_from(root, other):
    def change(data):
        data["zones"] = yaml.safe_load(_pattern(root, other).read_text())["zones"]

    return change


PATTERN_CASES = {
    "unknown source": (
        "soleus",
        _first_claim_cites("travel-simons"),
        "description[0].sources",
        "cites unknown source 'travel-simons'",
    ),
    "missing dose": ("soleus", _first_step_without("dose"), "self_care[0].dose", "Field required"),
    "misspelt field": ("soleus", _set("sumary", "x"), "sumary", "Extra inputs are not permitted"),
    "weight out of range": (
        "plantar_fasciitis",
        _symptom("first_steps_morning", 5),
        "symptoms[0].weight",
        "less than or equal to 3",
    ),
    "condition without a prior": (
        "plantar_fasciitis",
        _set("prior", None),
        "prior",
        "a condition needs a prior",
    ),
    "zones without their sources": (
        "soleus",
        _set("zone_sources", []),
        "zone_sources",
        "at least 1 item",
    ),
    "unknown symptom": (
        "plantar_fasciitis",
        _symptom("itchy"),
        "symptoms[0]",
        "unknown symptom 'itchy'",
    ),
    "unknown differential": (
        "soleus",
        _differential("solues"),
        "differentials[0]",
        "'solues' is not another pattern",
    ),
    "unknown landmark": (
        "soleus",
        _zone(0, points=["heel_centre"]),
        "zones[0]",
        "no landmark 'heel_centre'",
    ),
    "zone off the body": (
        "soleus",
        _zone(0, points=[[400, 400]]),
        "zones[0]",
        "0% of the zone lies inside the outline",
    ),
    "unknown view": ("soleus", _zone(0, view="sole"), "zones[0].view", "Input should be"),
    "unknown kind": ("soleus", _set("kind", "muscle"), "kind", "Input should be"),
    "kind contradicts contract": (
        "soleus",
        _set("kind", "condition"),
        "kind",
        "contradicts the contract",
    ),
    "trigger point without site": ("soleus", _no_sites, "zones", "needs a trigger_point zone"),
    "id differs from file name": (
        "soleus",
        _set("id", "soleus_muscle"),
        "id",
        "differs from the file name",
    ),
    "no sources on a claim": (
        "soleus",
        _first_claim_cites(None),
        "description[0].sources",
        "at least 1 item",
    ),
}


@pytest.mark.parametrize("case", PATTERN_CASES)
def test_broken_pattern_file_names_file_and_item(project_copy, case, capsys):
    pid, change, item, words = PATTERN_CASES[case]
    _edit(_pattern(project_copy, pid), change)
    problems = _problems(project_copy)
    expected = f"data/patterns/{pid}.yaml: {item}"
    assert any(p.startswith(expected) and words in p for p in problems), problems
    assert main(["validate", "--root", str(project_copy)]) == 1
    assert words in capsys.readouterr().out


def test_identical_geometry_is_refused(project_copy):
    _edit(_pattern(project_copy, "gastrocnemius"), _copy_zones_from(project_copy, "soleus"))
    assert any("draws the same shape as" in p for p in _problems(project_copy))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("id: soleus\nkind: [trigger_point\n", "is not valid YAML (line 3, column 1)"),
        ("", "is empty"),
        ("- just\n- a list\n", "must be a mapping of fields"),
        ("id: soleus\n\tkind: tab\n", "is not valid YAML"),
    ],
)
def test_unreadable_pattern_file(project_copy, text, words):
    _pattern(project_copy, "soleus").write_text(text)
    assert any(
        p.startswith("data/patterns/soleus.yaml") and words in p for p in _problems(project_copy)
    )


def test_missing_pattern_file_is_named(project_copy):
    _pattern(project_copy, "popliteus").unlink()
    problems = _problems(project_copy)
    assert "data/patterns/popliteus.yaml: is missing" in problems
    # The patterns that list it as a look-alike are named too.
    assert any("'popliteus' is not another pattern" in p for p in problems)


def test_duplicate_source_and_bad_source_file(project_copy):
    sources = project_copy / "data" / "sources"
    (sources / "extra.yaml").write_text((sources / "seeds.yaml").read_text())
    (sources / "broken.yaml").write_text("id: not-a-list\n")
    problems = _problems(project_copy)
    assert "data/sources/: seed-000: duplicate source id" in problems
    assert "data/sources/broken.yaml: must be a list of entries" in problems


def test_missing_symptom_and_red_flag_without_message(project_copy):
    path = project_copy / "data" / "symptoms.yaml"
    symptoms = [s for s in yaml.safe_load(path.read_text()) if s["id"] != "at_night"]
    for s in symptoms:
        if s["id"] == "cold_pale_foot":
            del s["message"]
    path.write_text(yaml.safe_dump(symptoms))
    problems = _problems(project_copy)
    assert (
        "data/symptoms.yaml: at_night: is missing (it is part of the public contract)" in problems
    )
    message = "a red flag needs a message, an urgency and sources"
    assert f"data/symptoms.yaml: cold_pale_foot: {message}" in problems
