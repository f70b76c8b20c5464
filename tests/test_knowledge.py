"""The knowledge base: every contract pattern present, sourced, drawn, and cross-referenced."""

from __future__ import annotations

import json

import pytest
import shapely

from painmap import contract
from painmap.knowledge import cited_sources

from .conftest import ROOT
from .harness import cli

ALL = contract.PATTERN_IDS


@pytest.mark.parametrize("pid", ALL)
def test_every_contract_pattern_has_an_essential_zone_and_sources(atlas, pid):
    pattern = atlas.patterns[pid]
    zones = atlas.zones[atlas.zones.pattern_id == pid]
    assert "essential" in set(zones.role)
    assert {s for _, s in cited_sources(pattern)}
    assert pattern.self_care and pattern.see_clinician and pattern.differentials
    # Every self-care step says how much; a step without any dose is not advice.
    assert all(step.dose for step in pattern.self_care)


@pytest.mark.parametrize("pid", contract.REFERRAL_SOURCE_IDS)
def test_every_trigger_point_has_a_site(atlas, pid):
    pattern = atlas.patterns[pid]
    zones = atlas.zones[atlas.zones.pattern_id == pid]
    assert pattern.kind in ("trigger_point", "ligament")
    assert "trigger_point" in set(zones.role) or pattern.site_off_atlas


@pytest.mark.parametrize("pid", contract.CONDITION_IDS)
def test_conditions_are_conditions(atlas, pid):
    assert atlas.patterns[pid].kind == "condition"


def test_zones_frame_follows_the_contract(atlas):
    zones = atlas.zones
    assert {"pattern_id", "view", "role", "geometry"} <= set(zones.columns)
    assert set(zones.role) == set(contract.ZONE_ROLES)
    assert set(zones.view) == set(contract.VIEW_IDS)
    for z in zones.itertuples():
        outline = atlas.view(z.view).outline
        assert z.geometry.is_valid and not z.geometry.is_empty, (z.pattern_id, z.zone)
        assert outline.buffer(1e-6).contains(z.geometry), (z.pattern_id, z.zone)
        assert z.area > 20, (z.pattern_id, z.zone)  # at least a finger-tip's worth


def test_cross_references_resolve(atlas):
    k = atlas.knowledge
    for pattern in k.patterns.values():
        for diff in pattern.differentials:
            assert diff.id in k.patterns and diff.id != pattern.id
        for weight in pattern.symptoms:
            assert weight.id in k.symptoms
        for _, source in cited_sources(pattern):
            assert source in k.sources


def test_seed_sources_name_the_users_files(atlas):
    seeds = sorted(
        (s for s in atlas.knowledge.sources.values() if s.kind == "seed"), key=lambda s: s.id
    )
    assert [s.id for s in seeds] == [f"seed-00{i}" for i in range(5)]
    shared = ROOT.parent / "shared" / "seeds"
    if shared.exists():
        assert sorted(s.file for s in seeds) == sorted(p.name for p in shared.iterdir())


def test_no_two_patterns_share_identical_geometry(atlas):
    merged = atlas.zones.groupby(["pattern_id", "view"])["geometry"].agg(shapely.union_all)
    seen = {}
    for (pid, view), geometry in merged.items():
        key = (view, shapely.to_wkb(shapely.set_precision(geometry, 0.5)))
        assert key not in seen, f"{pid} and {seen[key]} share a shape on {view}"
        seen[key] = pid


def test_symptoms_cover_the_contract_and_red_flags_have_messages(atlas):
    symptoms = atlas.knowledge.symptoms
    for group, ids in contract.SYMPTOM_IDS.items():
        for sid in ids:
            assert symptoms[sid].group == group
            assert symptoms[sid].label
    for sid in contract.SYMPTOM_IDS["red_flags"]:
        assert symptoms[sid].message and symptoms[sid].sources


def test_symptom_profiles_follow_the_references(atlas):
    def weight(pid, sid):
        return next((w.weight for w in atlas.patterns[pid].symptoms if w.id == sid), 0)

    assert weight("plantar_fasciitis", "first_steps_morning") >= 2
    assert weight("baxters_nerve_entrapment", "burning") > 0
    assert weight("baxters_nerve_entrapment", "first_steps_morning") < 0
    assert weight("severs_disease", "child_8_14") >= 2
    assert weight("tarsal_tunnel_syndrome", "tingling_numbness") >= 2


def test_the_seed_that_names_adductor_hallucis_is_recorded_and_the_map_follows_references(atlas):
    abductor = atlas.patterns["abductor_hallucis"]
    adductor = atlas.patterns["adductor_hallucis"]
    for pattern in (abductor, adductor):
        assert any("seed-001" in n.sources and "adductor" in n.text.lower() for n in pattern.notes)
    inner_heel = atlas.zones[
        (atlas.zones.view == "plantar") & (atlas.zones.role == "essential")
    ].set_index("pattern_id")
    tubercle = atlas.view("plantar").landmarks["medial_calcaneal_tubercle"]
    assert (
        inner_heel.loc[["abductor_hallucis"], "geometry"]
        .apply(lambda g: g.distance(tubercle) < 25)
        .any()
    )
    assert (
        not inner_heel.loc[["adductor_hallucis"], "geometry"]
        .apply(lambda g: g.distance(tubercle) < 40)
        .any()
    )


_cli = cli


def test_patterns_json_lists_every_contract_id():
    rows = json.loads(_cli("patterns", "--json").stdout)
    assert all(set(r) == {"id", "kind", "name"} for r in rows)
    assert set(ALL) <= {r["id"] for r in rows}


def test_show_works_for_every_contract_id(atlas):
    from painmap.cli import main

    for pid in ALL:
        assert main(["show", pid]) == 0
    text = _cli("show", "plantar_fasciitis").stdout
    assert text.startswith("Plantar fasciitis (condition)")
    for heading in (
        "How people describe it",
        "Self-care",
        "When to see a clinician",
        "Look-alikes",
        "Sources:",
        "does not diagnose",
    ):
        assert heading in text
    document = json.loads(_cli("show", "soleus", "--json").stdout)
    assert document["id"] == "soleus" and document["kind"] == "trigger_point"
    assert {z["role"] for z in document["zones"]} >= {"essential", "trigger_point"}
    assert any(s["id"] == "seed-000" for s in document["source_details"])


def test_show_unknown_id_exits_2_with_one_line():
    result = _cli("show", "plantar_fascitis")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_every_condition_starts_from_a_sourced_prior_and_leaves_room_for_the_rest(atlas):
    priors = {p.id: p.prior for p in atlas.patterns.values() if p.kind == "condition"}
    assert all(prior and prior.sources and prior.note for prior in priors.values())
    assert sum(prior.per_1000 for prior in priors.values()) < 1000
    # The heel spur is an X-ray finding, not a rival pain: it starts far below plantar fasciitis.
    assert priors["plantar_heel_spur"].per_1000 * 20 < priors["plantar_fasciitis"].per_1000


# Hands-on steps: pressing on tissue, massage, a ball or roller, stretching, needling.
PRESSING = (
    "massag",
    "knead",
    "roller",
    "rolling",
    "roll the",
    "tennis ball",
    "massage ball",
    "press into",
    "press firmly",
    "stretch",
    "needl",
)


def test_every_step_that_presses_or_stretches_stops_for_a_swollen_warm_or_red_limb(atlas):
    steps = [s for p in atlas.patterns.values() for s in p.self_care]
    steps += [s for t in atlas.knowledge.guidance for s in t.steps]
    pressing = [s for s in steps if any(w in f"{s.step} {s.how}".lower() for w in PRESSING)]
    assert len(pressing) > 40
    for step in pressing:
        words = (step.stop_if or "").lower()
        assert "swollen" in words and "warm" in words and "red" in words, step.step


def test_travell_and_simons_chapters_are_named_with_their_figures(atlas):
    chapters = [
        s for sid, s in atlas.knowledge.sources.items() if sid.startswith("travell-simons-v2-")
    ]
    assert len(chapters) >= 10
    for source in chapters:
        assert "chapter" in source.title.lower(), source.id
        assert "figure" in (source.detail or "").lower(), source.id
    trigger_points = [p for p in atlas.patterns.values() if p.kind == "trigger_point"]
    for pattern in trigger_points:
        assert any(s.startswith("travell-simons-v2") for s in pattern.zone_sources), pattern.id
