"""The public ids of ../shared/CONTRACT.md, in one place.

Users, saved sessions and shared links depend on these names: never rename or drop one.
A test reads the contract document and checks every id here against it.
"""

from painmap.vocabulary import PATTERN_KINDS, SIDE_IDS, VIEW_IDS, ZONE_ROLES, Kind, ResultList

__all__ = ["LANDMARK_IDS", "PATTERN_IDS", "PATTERN_KINDS", "SIDE_IDS", "SYMPTOM_IDS", "VIEW_IDS"]
__all__ += ["ZONE_ROLES"]  # the views, sides, roles and kinds live in painmap.vocabulary

LANDMARK_IDS = {
    "plantar": (
        "heel_center",
        "medial_calcaneal_tubercle",
        "heel_front_edge",
        "lateral_heel_plantar",
        "medial_arch",
        "central_arch",
        "lateral_border_mid",
        "met_head_1",
        "met_head_2",
        "met_head_3",
        "met_head_4",
        "met_head_5",
        "third_web_space",
        "hallux_plantar",
        "lesser_toes_plantar",
    ),
    "dorsal": (
        "front_of_ankle",
        "dorsal_lateral_midfoot",
        "dorsal_first_metatarsal",
        "dorsal_metatarsals_2_4",
        "hallux_dorsal",
        "lesser_toes_dorsal",
    ),
    "medial": (
        "medial_malleolus",
        "tarsal_tunnel",
        "navicular_tuberosity",
        "medial_heel",
        "medial_arch",
        "first_mtp_joint",
        "achilles_insertion",
        "achilles_midportion",
        "lower_medial_calf",
        "medial_calf_belly",
        "front_inner_shin",
    ),
    "lateral": (
        "lateral_malleolus",
        "sinus_tarsi",
        "fifth_metatarsal_base",
        "peroneal_groove",
        "lateral_heel",
        "lateral_foot_border",
        "fibular_head",
        "lateral_calf_mid",
        "anterior_shin_upper",
        "achilles_insertion",
    ),
    "posterior": (
        "achilles_insertion",
        "achilles_midportion",
        "retrocalcaneal_space",
        "haglund_bump",
        "heel_back",
        "heel_medial_wall",
        "heel_lateral_wall",
        "musculotendinous_junction",
        "lower_medial_calf",
        "medial_calf_belly",
        "lateral_calf_belly",
        "calf_center",
        "back_of_knee",
    ),
}

REFERRAL_SOURCE_IDS = (
    "soleus",
    "gastrocnemius",
    "tibialis_posterior",
    "tibialis_anterior",
    "flexor_digitorum_longus",
    "flexor_hallucis_longus",
    "extensor_digitorum_longus",
    "extensor_hallucis_longus",
    "fibularis_longus",
    "fibularis_brevis",
    "fibularis_tertius",
    "abductor_hallucis",
    "adductor_hallucis",
    "abductor_digiti_minimi",
    "flexor_digitorum_brevis",
    "quadratus_plantae",
    "flexor_hallucis_brevis",
    "extensor_digitorum_brevis",
    "interossei",
    "popliteus",
    "plantaris",
    "gluteus_minimus",
    "sacrotuberous_ligament",
)

CONDITION_IDS = (
    "plantar_fasciitis",
    "heel_fat_pad_syndrome",
    "calcaneal_stress_fracture",
    "baxters_nerve_entrapment",
    "tarsal_tunnel_syndrome",
    "insertional_achilles_tendinopathy",
    "midportion_achilles_tendinopathy",
    "retrocalcaneal_bursitis",
    "haglund_deformity",
    "severs_disease",
    "plantar_heel_spur",
    "posterior_tibial_tendon_dysfunction",
    "sinus_tarsi_syndrome",
    "peroneal_tendinopathy",
    "mortons_neuroma",
    "metatarsalgia",
    "lateral_ankle_sprain",
    "achilles_rupture",
)

PATTERN_IDS = REFERRAL_SOURCE_IDS + CONDITION_IDS

SYMPTOM_IDS = {
    "timing": (
        "first_steps_morning",
        "after_rest",
        "worse_end_of_day",
        "during_activity",
        "start_of_activity_eases",
        "at_night",
    ),
    "triggers": (
        "uneven_ground",
        "tiptoe_push_off",
        "tight_or_new_shoes",
        "barefoot_hard_floor",
        "running_jumping",
        "uphill_stairs",
        "prolonged_standing",
        "shoe_heel_counter_pressure",
    ),
    "quality": ("sharp_stabbing", "burning", "tingling_numbness", "deep_ache", "stiffness"),
    "signs": (
        "swelling",
        "redness_warmth",
        "visible_bump",
        "after_injury_sprain",
        "both_feet",
        "child_8_14",
        "runner",
        "diabetes",
    ),
    "red_flags": (
        "sudden_snap",
        "cannot_bear_weight",
        "hot_red_swollen_foot",
        "calf_swelling_warmth",
        "fever_or_night_pain",
        "cold_pale_foot",
        "progressive_numbness_weakness",
    ),
}


# Beyond the contract: names the results use.
NOT_ON_LIST = "not_on_list"  # "something not on this list": a cause the map does not hold
# The two lists of the results, and the pattern kinds in each: what it could be, and the
# muscles (and the one ligament) worth checking.
LISTS = {
    ResultList.CONDITIONS: (Kind.CONDITION,),
    ResultList.MUSCLES: (Kind.TRIGGER_POINT, Kind.LIGAMENT),
}
LIST_OF_KIND = {kind: name for name, kinds in LISTS.items() for kind in kinds}
