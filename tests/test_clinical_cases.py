"""Clinical cases written from the references: where it hurts (and how) to what should rank.

Each case cites why: AFP 2011 heel-pain review (Tu & Bytomski), AFP 2019 plantar fasciitis,
Travell & Simons vol. 2 referral maps, and the condition reviews in data/sources.
"""

from __future__ import annotations

import pytest

from painmap import match

from . import places as P
from .places import ATLAS

CASES = [
    # (name, marks, symptoms, expected id, within top n)
    ("front-inner heel, worst on first steps: plantar fasciitis (AFP 2019)",
     [P.INNER_FRONT_HEEL], ["first_steps_morning", "sharp_stabbing"], "plantar_fasciitis", 1),
    ("centre of heel pad, barefoot on hard floors, deep bruised ache: fat pad (AFP 2011)",
     [P.HEEL_PAD_CENTRE], ["barefoot_hard_floor", "deep_ache"], "heel_fat_pad_syndrome", 3),
    ("both sides of the heel, after a rise in running: stress fracture, squeeze test (AFP 2011)",
     P.HEEL_WALLS, ["running_jumping", "during_activity"], "calcaneal_stress_fracture", 3),
    ("behind the inner ankle, burning and tingling: tarsal tunnel (AFP 2011)",
     [P.TARSAL_TUNNEL], ["tingling_numbness", "burning"], "tarsal_tunnel_syndrome", 1),
    ("inner heel, burning through the day, no first-step pain: Baxter's nerve (AFP 2011)",
     [P.INNER_FRONT_HEEL, P.INNER_HEEL_SIDE], ["burning", "worse_end_of_day"],
     "baxters_nerve_entrapment", 3),
    ("Achilles 2-6 cm up, stiff at the start then eases, runner: mid-portion tendinopathy",
     [P.ACHILLES_MID], ["start_of_activity_eases", "runner", "stiffness"],
     "midportion_achilles_tendinopathy", 1),
    ("where the tendon meets the bone, shoe back presses: insertional tendinopathy",
     [P.ACHILLES_INSERTION], ["shoe_heel_counter_pressure", "tiptoe_push_off"],
     "insertional_achilles_tendinopathy", 3),
    ("either side of the tendon above the heel, swollen: retrocalcaneal bursitis",
     [P.RETROCALCANEAL], ["swelling", "shoe_heel_counter_pressure"], "retrocalcaneal_bursitis", 3),
    ("upper outer back corner of the heel, a bump, shoes rub: Haglund's deformity",
     [P.HAGLUND], ["visible_bump", "shoe_heel_counter_pressure"], "haglund_deformity", 3),
    ("back of the heel in a child of 8 to 14 who runs: Sever's disease (AFP 2011)",
     [P.HEEL_BACK], ["child_8_14", "running_jumping"], "severs_disease", 1),
    ("between the 3rd and 4th toes, burning, tight shoes: Morton's neuroma",
     [P.THIRD_WEB], ["burning", "tight_or_new_shoes"], "mortons_neuroma", 1),
    ("under the 2nd and 3rd metatarsal heads after long standing: metatarsalgia",
     P.BALL_2_3, ["prolonged_standing", "barefoot_hard_floor"], "metatarsalgia", 3),
    ("inner ankle and navicular, arch collapsing, swollen: tibialis posterior tendon",
     [P.NAVICULAR, P.INNER_ANKLE], ["swelling", "prolonged_standing"],
     "posterior_tibial_tendon_dysfunction", 1),
    ("soft hollow in front of the outer ankle, uneven ground, after a sprain: sinus tarsi",
     [P.SINUS_TARSI], ["uneven_ground", "after_injury_sprain"], "sinus_tarsi_syndrome", 3),
    ("behind and below the outer ankle: peroneal tendinopathy",
     [P.PERONEAL_GROOVE], ["during_activity", "uneven_ground"], "peroneal_tendinopathy", 3),
    ("front of the outer ankle after rolling it, swollen: lateral ankle sprain",
     [P.FRONT_OF_OUTER_ANKLE], ["after_injury_sprain", "swelling"], "lateral_ankle_sprain", 1),
    ("heel pain with a tender spot low in the calf: soleus trigger point (Travell & Simons)",
     [P.HEEL_BACK, P.LOWER_CALF], ["uphill_stairs"], "soleus", 3),
    ("pain under the heel, worse on uneven ground: quadratus plantae (seed-000)",
     [P.HEEL_PAD_CENTRE], ["uneven_ground"], "quadratus_plantae", 3),
    ("inner side of the heel: abductor hallucis (Travell & Simons; seed-001 corrected)",
     [P.INNER_HEEL_SIDE], [], "abductor_hallucis", 3),
    ("heel pain focused in the middle of the calf: sacrotuberous ligament (seed-000)",
     [P.CALF_CENTRE, P.HEEL_BACK], [], "sacrotuberous_ligament", 3),
]  # fmt: skip


@pytest.mark.parametrize(("name", "marks", "symptoms", "expected", "top"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_clinical_case(name, marks, symptoms, expected, top):
    results = match(ATLAS, marks, symptoms)
    assert expected in results.id.head(top).tolist(), results[["id", "score"]].head(6)


@pytest.mark.parametrize(("name", "marks", "symptoms", "expected", "top"), CASES[:6],
                         ids=[c[0] for c in CASES[:6]])  # fmt: skip
def test_clinical_case_on_the_left_side(name, marks, symptoms, expected, top):
    left = [m.__class__(m.view, -m.x, m.y) for m in marks]
    results = match(ATLAS, left, symptoms, side="left")
    assert expected in results.id.head(top).tolist()


def test_a_sudden_snap_is_a_red_flag_whatever_the_ranking():
    results = match(ATLAS, [P.ACHILLES_MID], ["sudden_snap", "runner"])
    assert results.attrs["red_flags"] == ["sudden_snap"]
    assert "achilles_rupture" in results.id.tolist()
