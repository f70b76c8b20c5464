"""Draw the atlas: write ``maps/<view>.geojson`` from the control points below.

The five views of the right foot and lower leg are drawn here as anatomical control points
joined by smooth curves (centripetal Catmull-Rom splines, :mod:`curves`). The GeoJSON files this
writes are what PainMap loads; this script is how they were made and how to redraw them
reproducibly: edit a point, run ``make maps`` (which also runs ``tools/draw_muscles.py`` for the
muscle layer), look at ``docs/atlas.png``.

Proportions of the reference adult foot (length 260 mm, heel to tip of the big toe), from
foot anthropometry (see maps/README.md): ball width 100 mm (38 % of length), heel width 66 mm
(25 %), first metatarsal head at 72 % and fifth at 64 % of length, medial malleolus 80 mm and
lateral malleolus 62 mm above the floor, the lateral one about 15 mm further back, leg length
floor to knee joint 490 mm, calf widest (120 mm) about 340 mm above the floor. Seen from the
side the heel bone juts 23 mm behind the line of the Achilles tendon, with a hollow (Kager's fat
pad) in front of the tendon; the ankle's front is the curve of the tibialis anterior tendon over
the talar neck, not a corner.

Besides lines, a view has filled details in a second tone: ``shade`` for hollows (the arch, the
hollows beside the Achilles, the sinus tarsi) and ``light`` for what bears weight or juts (the
footprint of the sole, the ankle bones), so the drawing has depth without any outline of a hole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import shapely
from curves import ellipse, mirror_x, ring, spline
from shapely import Polygon

MAPS = Path(__file__).resolve().parent.parent / "maps"


def detail(detail_id, label, points, closed=False, fill=None, caption=None):
    """A detail of a view: a line (or closed ring), filled in a second tone when ``fill``."""
    return {
        "id": detail_id,
        "label": label,
        "points": points,
        "closed": closed or bool(fill),
        "fill": fill,
        "caption": caption,
    }


def toe(cx, hw, tip, base_right, base_left):
    """Control points of one toe seen from below or above: from its base on the right, over
    its rounded pad, to its base on the left (a pad, not a tapered finger)."""
    pad = tip - 1.05 * hw
    return [
        (cx + 0.93 * hw, base_right + 3),
        (cx + 0.97 * hw, pad - 0.45 * hw),
        (cx + 0.92 * hw, pad + 0.45 * hw),
        (cx + 0.52 * hw, tip - 0.12 * hw),
        (cx, tip),
        (cx - 0.52 * hw, tip - 0.12 * hw),
        (cx - 0.92 * hw, pad + 0.45 * hw),
        (cx - 0.97 * hw, pad - 0.45 * hw),
        (cx - 0.93 * hw, base_left + 3),
    ]


# The control-point tables are laid out by hand, a few points a line, to read as drawings.
# fmt: off
# --- plantar: the sole from below, toes up; the big toe (medial) is on the right (+x) -----------

# (centre x, half width, tip y) of each toe, big toe first; toe tips 260, 254, 244.5, 233.5, 215.5.
TOES = [(29, 16, 260), (1.5, 7.8, 254), (-15.2, 7.2, 244.5), (-30.8, 6.8, 233.5), (-45.8, 6.6, 215.5)]
CLEFTS = [(12.2, 222), (-7.0, 216), (-23.2, 208), (-38.3, 199)]  # rounded webs between them

SOLE_OUTLINE = [
    # heel, medial side up to the ball
    (0, 0), (15, 2.5), (26, 10), (32, 24), (33.5, 42), (32.5, 62), (31.5, 88), (33, 112),
    (36, 138), (40.5, 160), (44.5, 178), (45.6, 194),
    # big toe: its inner side is the foot's medial border
    (45.6, 210), (45, 226), (42.6, 242), (37.6, 253.5), (29, 260),
    *toe(29, 16, 260, 222, 222)[5:],
    CLEFTS[0], *toe(*TOES[1], 222, 216), CLEFTS[1], *toe(*TOES[2], 216, 208), CLEFTS[2],
    *toe(*TOES[3], 208, 199), CLEFTS[3], *toe(*TOES[4], 199, 195)[:7],
    # the little toe's outer side, then the lateral border down to the heel
    (-52.8, 204), (-54.2, 194), (-55, 180), (-55, 166), (-53, 148), (-49.5, 126), (-45.5, 102),
    (-41, 78), (-36.5, 54), (-33, 32), (-27.5, 14), (-16, 3),
]

ARCH_LINE = [(25, 64), (13, 90), (5, 116), (9, 140), (22, 160), (34, 171)]
BALL_EDGE = [(41, 166), (22, 172), (0, 175), (-20, 166), (-37, 153), (-51, 141)]
TOE_CREASE = [(45, 207), (28, 212), (11, 213), (-8, 207), (-25, 199), (-40, 189), (-53.8, 178)]


def _sole_details():
    outline = Polygon(spline(SOLE_OUTLINE, closed=True, per_segment=6))
    inside = outline.buffer(-2.2)
    # The arch: the inner sole between heel and ball that does not bear weight.
    medial = [p for p in SOLE_OUTLINE if p[0] > 20 and 60 <= p[1] <= 175]
    arch = shapely.make_valid(Polygon([*spline(ARCH_LINE), *reversed(medial)])).intersection(inside)
    # What bears weight: heel, outer border and ball (a footprint), and each toe's pad.
    ball_front = Polygon([*spline(TOE_CREASE), (-70, 178), (-70, -10), (70, -10), (70, 207)])
    footprint = inside.intersection(ball_front).difference(arch.buffer(1.2)).buffer(-1).buffer(1)
    pads = []
    for n, (cx, hw, tip) in enumerate(TOES, start=1):
        pad = outline.intersection(Polygon(ellipse(cx, tip - 1.2 * hw, 0.95 * hw, 1.15 * hw, n=40)))
        pads.append(detail(f"toe_{n}_pad", "big toe pad" if n == 1 else f"toe {n} pad",
                           ring(pad.buffer(-1.2)), fill="light"))
    return [
        detail("footprint", "weight-bearing sole: heel, outer border and ball", ring(footprint),
               fill="light"),
        detail("arch_hollow", "the arch (off the floor)", ring(arch), fill="shade"),
        *pads,
        detail("arch_line", "edge of the arch (weight-bearing line)", ARCH_LINE, caption="arch"),
        detail("heel_pad", "front edge of the heel pad",
               [(-31, 64), (-18, 73), (0, 76), (18, 72), (27, 64)]),
        detail("ball_edge", "back edge of the ball of the foot", BALL_EDGE),
        detail("toe_crease", "crease at the base of the toes", TOE_CREASE),
        detail("hallux_crease", "big toe joint crease", [(44, 228), (29, 225), (14, 228)]),
    ]


SOLE_LANDMARKS = {
    "heel_center": (0, 38),
    "medial_calcaneal_tubercle": (13, 58),
    "heel_front_edge": (0, 74),
    "lateral_heel_plantar": (-20, 40),
    "medial_arch": (26, 118),
    "central_arch": (0, 118),
    "lateral_border_mid": (-34, 118),
    "met_head_1": (30, 186),
    "met_head_2": (9, 192),
    "met_head_3": (-9, 187),
    "met_head_4": (-25, 178),
    "met_head_5": (-40, 166),
    "third_web_space": (-17, 194),
    "hallux_plantar": (30, 240),
    "lesser_toes_plantar": (-12, 226),
}

# --- dorsal: the top of the foot from above; the mirror of the sole, big toe on the left -------
# The leg rises out of the foot towards the eye: shaded behind the ankle crease, never a hole.

ANKLE_CREASE = [(-33, 64), (-18, 73), (0, 76), (18, 71), (33, 60)]


def _top_details():
    outline = Polygon(mirror_x(spline(SOLE_OUTLINE, closed=True, per_segment=6)))
    leg = []
    for k, lift in enumerate((0, 16, 32)):  # three soft steps: the leg's roundness
        crease = [(x, y - lift * (1 - (x / 40) ** 2)) for x, y in spline(ANKLE_CREASE)]
        behind = Polygon([*crease, (40, -10), (-40, -10)])
        leg.append(detail(f"leg_above_ankle_{k + 1}", "the lower leg, rising above the ankle",
                          ring(outline.buffer(-1.5 - 3 * k).intersection(behind)), fill="rim"))
    nails = []
    for n, (cx, hw, tip) in enumerate(TOES, start=1):
        w, h = 0.62 * hw, 0.75 * hw
        nails.append(detail(f"nail_{n}", "big toe nail" if n == 1 else f"toe {n} nail",
                            spline([(-cx - w, tip - 2.2 * h), (-cx - w, tip - 0.9 * h),
                                    (-cx, tip - 0.25 * h), (-cx + w, tip - 0.9 * h),
                                    (-cx + w, tip - 2.2 * h)], closed=True, per_segment=5)))
    return [
        *leg,
        detail("medial_malleolus_top", "inner ankle bone", ellipse(-27.5, 52, 5, 9), fill="light"),
        detail("lateral_malleolus_top", "outer ankle bone", ellipse(28.5, 38, 5, 8.5), fill="light"),
        detail("ankle_crease", "front of the ankle", ANKLE_CREASE),
        detail("ta_tendon_top", "tibialis anterior tendon",
               [(-7, 79), (-15, 92), (-24, 105), (-31, 117)]),
        detail("ehl_tendon", "big toe extensor tendon", [(-3, 82), (-14, 130), (-24, 180), (-27, 222)]),
        detail("edl_tendon_2", "toe extensor tendon", [(3, 86), (2, 130), (1, 180), (1, 236)]),
        detail("edl_tendon_3", "toe extensor tendon", [(6, 92), (10, 150), (15, 200), (16, 226)]),
        detail("edl_tendon_4", "toe extensor tendon", [(9, 92), (19, 145), (29, 190), (32, 216)]),
        detail("edl_tendon_5", "toe extensor tendon", [(12, 92), (28, 140), (43, 180), (47, 200)]),
        *nails,
        detail("knuckles", "toe knuckles (metatarsophalangeal joints)",
               [(-45, 190), (-30, 194), (-9, 198), (9, 192), (25, 183), (40, 172), (54, 160)]),
    ]


TOP_LANDMARKS = {
    "front_of_ankle": (0, 82),
    "dorsal_lateral_midfoot": (28, 120),
    "dorsal_first_metatarsal": (-22, 155),
    "dorsal_metatarsals_2_4": (4, 165),
    "hallux_dorsal": (-30, 240),
    "lesser_toes_dorsal": (14, 226),
}

# --- medial: the inner side of foot and leg; toes to the left (-x), heel to the right ------------
# x = 0 on the leg's long axis. The heel bone juts 23 mm behind the Achilles line (x 67.6 against
# 44.2); the calf bulges out of the tendon at 160 to 300 mm and narrows to the knee crease.

HEEL_AND_CALF = [  # back of heel, Achilles tendon and calf, bottom to top
    (54, 2.2), (61, 6.5), (65.5, 13), (67.5, 21), (67.6, 30), (66, 39), (62.5, 46.5),
    (57.5, 53), (52, 60), (48, 68.5), (45.6, 78), (44.5, 90), (44.2, 105), (44.6, 122),
    (46, 142), (48.5, 162), (52.5, 183), (58.5, 205), (67, 230), (77, 258), (86, 288),
    (92.5, 318), (95.5, 345), (94.5, 372), (90, 400), (83, 428), (75.5, 452), (70, 469),
    (68.6, 482), (69.6, 496), (72, 510),
    # the top, cut on a gentle curve just above the knee crease
    (55, 515), (25, 518), (-5, 518), (-35, 515), (-52, 511),
]
SHIN_AND_ANKLE = [  # front of the knee and shin, top to bottom, then over the ankle
    (-53.5, 500), (-55.2, 486), (-55.5, 470), (-53, 452), (-49, 430), (-45, 400), (-41.5, 360),
    (-38, 315), (-35, 270), (-32.5, 225), (-30.8, 185), (-30, 155), (-30.2, 138),
    # the tibialis anterior tendon bows over the ankle; then the talar neck and the instep
    (-31.5, 122), (-34, 108), (-39, 96), (-47, 86.5), (-58, 78.5), (-72, 70.5), (-88, 62.5),
]

INNER_OUTLINE = [
    # sole from the big toe back to the heel: the inner arch lifts off the floor
    (-196, 13), (-194, 6), (-188, 1.6), (-178, 0.2), (-160, 0), (-140, 0.2), (-121, 0.8),
    (-105, 3.5), (-90, 8), (-70, 13.5), (-48, 15.5), (-26, 11), (-6, 4.5), (10, 1), (28, 0),
    (44, 0.3),
    *HEEL_AND_CALF,
    *SHIN_AND_ANKLE,
    # the top of the foot down to the big toe
    (-104, 55), (-121, 47.5), (-138, 40.5), (-153, 35), (-166, 31.5), (-178, 29), (-188, 25.5),
    (-194, 20),
]

ACHILLES_FRONT = [(40, 46), (37, 70), (35.5, 105), (36.5, 140), (40.5, 175), (47, 205)]

INNER_DETAILS = [
    detail("achilles_hollow", "hollow in front of the Achilles tendon (Kager's fat pad)",
           [(20, 56), (31, 49), (35.5, 66), (34.5, 100), (31.5, 128), (23, 124), (18, 100), (17, 78)],
           fill="shade"),
    detail("arch_side", "the inner arch", [(-104, 10), (-75, 17), (-48, 19.5), (-22, 15), (-8, 8), (-24, 24), (-52, 29), (-82, 24)],
           fill="shade"),
    detail("medial_malleolus_outline", "inner ankle bone (medial malleolus)", ellipse(5, 80, 11, 13),
           fill="light"),
    detail("navicular_bump", "navicular tuberosity", ellipse(-28, 40, 7, 5.5, -20), fill="light"),
    detail("first_mtp_outline", "big toe joint", ellipse(-120, 21, 11, 9.5), fill="light"),
    detail("heel_bone_side", "heel bone", [(22, 4), (44, 5), (60, 14), (64, 30), (59, 44)]),
    detail("achilles_front_edge", "front edge of the Achilles tendon", ACHILLES_FRONT),
    detail("tp_tendon", "tibialis posterior tendon, behind the inner ankle bone",
           [(9, 130), (11, 100), (15, 78), (12, 60), (1, 48), (-14, 42), (-23, 40)]),
    detail("fdl_tendon", "flexor digitorum longus tendon, behind the inner ankle bone",
           [(17, 130), (19, 100), (22, 74), (17, 55), (4, 43), (-12, 34)]),
    detail("ta_tendon", "tibialis anterior tendon",
           [(-27, 150), (-28.5, 122), (-32, 104), (-40, 91), (-52, 79), (-64, 69)]),
    detail("soleus_edge", "edge of the soleus", [(40, 175), (31, 225), (24, 290), (19, 350)]),
    detail("gastrocnemius_edge", "lower edge of the inner calf muscle (gastrocnemius)",
           [(61, 214), (52, 232), (44, 270), (39, 330), (40, 390), (47, 440), (56, 472)]),
    detail("tibia_border", "inner border of the shin bone",
           [(-14, 118), (-17, 200), (-22, 300), (-26, 400), (-33, 465)]),
    detail("tibial_tuberosity", "bump below the kneecap (tibial tuberosity)",
           ellipse(-47, 480, 6, 11), fill="light"),
    detail("knee_crease_side", "crease at the back of the knee", [(68.6, 482), (60, 485)]),
    detail("heel_pad_side", "heel pad", [(6, 3.5), (10, 14), (24, 20), (42, 17), (54, 8)]),
    detail("nail_1_side", "big toe nail",
           spline([(-192, 21.5), (-183, 26), (-173, 28.5), (-174, 24), (-185, 20.5)], closed=True, per_segment=6)),
    detail("toe_crease_side", "crease under the big toe", [(-160, 0.5), (-158, 8), (-159, 14)]),
]

INNER_LANDMARKS = {
    "medial_malleolus": (5, 80),
    "tarsal_tunnel": (25, 55),
    "navicular_tuberosity": (-28, 40),
    "medial_heel": (35, 25),
    "medial_arch": (-65, 25),
    "first_mtp_joint": (-120, 22),
    "achilles_insertion": (61, 33),
    "achilles_midportion": (40, 85),
    "lower_medial_calf": (48, 215),
    "medial_calf_belly": (58, 320),
    "front_inner_shin": (-22, 260),
}

# --- lateral: the outer side; toes to the right (+x). The leg's silhouette is the mirror of the
# inner view's (the same body seen from the other side); the outer border of the foot rests on
# the floor, so the sole line is nearly flat.

OUTER_OUTLINE = [
    (196, 13), (194, 6), (188, 1.6), (178, 0.2), (150, 0), (120, 0.3), (95, 1.2), (70, 2.2),
    (45, 2.6), (22, 2), (0, 1), (-18, 0.3), (-36, 0.4), (-44, 0.8),
    *mirror_x(HEEL_AND_CALF),
    *mirror_x(SHIN_AND_ANKLE),
    (104, 55), (121, 47.5), (138, 40.5), (153, 35), (166, 31.5), (178, 29), (188, 25.5),
    (194, 20),
]

OUTER_DETAILS = [
    detail("achilles_hollow_outer", "hollow in front of the Achilles tendon",
           [(-24, 78), (-31, 60), (-35.5, 68), (-34.5, 100), (-31.5, 128), (-24, 124), (-20, 100)],
           fill="shade"),
    detail("sinus_tarsi_hollow", "sinus tarsi hollow", ellipse(17, 46, 10, 6, -15), fill="shade"),
    detail("lateral_malleolus_outline", "outer ankle bone (lateral malleolus)",
           ellipse(-12, 62, 10, 14), fill="light"),
    detail("fifth_met_bump", "base of the fifth metatarsal", ellipse(65, 10, 8, 5), fill="light"),
    detail("fibular_head_outline", "head of the fibula", ellipse(-12, 440, 10, 9), fill="light"),
    detail("heel_bone_side_outer", "heel bone", [(-22, 4), (-44, 5), (-60, 14), (-64, 30), (-59, 44)]),
    detail("fibularis_brevis_tendon_line", "fibularis brevis tendon, behind the outer ankle bone",
           [(-21, 150), (-23, 100), (-25, 72), (-24, 50), (-13, 36), (14, 27), (44, 17), (63, 12)]),
    detail("fibularis_longus_tendon_line", "fibularis longus tendon, behind the outer ankle bone",
           [(-28, 150), (-30, 100), (-31, 70), (-28, 45), (-15, 29), (10, 18), (34, 10), (52, 5)]),
    detail("fibula_line", "shaft of the fibula",
           [(-14, 428), (-12, 350), (-10, 250), (-11, 160), (-12, 78)]),
    detail("achilles_front_edge_outer", "front edge of the Achilles tendon", mirror_x(ACHILLES_FRONT)),
    detail("gastrocnemius_edge_outer", "lower edge of the outer calf muscle (gastrocnemius)",
           [(-74, 250), (-63, 264), (-52, 300), (-46, 340), (-46, 390), (-51, 440), (-60, 470)]),
    detail("tibialis_anterior_edge", "edge of the front shin muscle (tibialis anterior)",
           [(0, 440), (6, 350), (12, 250), (17, 170)]),
    detail("ta_tendon_outer", "tibialis anterior tendon", [(26, 160), (28.5, 122), (32, 104), (39, 93)]),
    detail("edl_tendons_side", "toe extensor tendons",
           [(22, 118), (34, 94), (58, 74), (98, 54), (138, 39), (170, 29)]),
    detail("knee_crease_side_outer", "crease at the back of the knee", [(-68.6, 482), (-60, 485)]),
    detail("little_toe", "little toe",
           [(150, 1.5), (160, 6), (166, 12), (163, 17), (152, 18), (140, 17)]),
    detail("nail_5_side", "little toe nail", ellipse(160, 14, 4, 2.2, -10)),
    detail("nail_1_side_outer", "big toe nail", mirror_x(INNER_DETAILS[-2]["points"])),
    detail("heel_pad_side_outer", "heel pad", [(-6, 1.5), (-10, 12), (-24, 19), (-42, 17), (-54, 8)]),
]

OUTER_LANDMARKS = {
    "lateral_malleolus": (-12, 62),
    "sinus_tarsi": (18, 45),
    "fifth_metatarsal_base": (65, 12),
    "peroneal_groove": (-28, 42),
    "lateral_heel": (-35, 22),
    "lateral_foot_border": (105, 12),
    "fibular_head": (-12, 440),
    "lateral_calf_mid": (5, 300),
    "anterior_shin_upper": (25, 400),
    "achilles_insertion": (-61, 33),
}

# --- posterior: heel, Achilles tendon and calf from behind; medial on the left (-x) ---------------
# The heel (74 mm) is as wide as the ankle bones above it; above them the ankle narrows to 58 mm,
# and the calf swells out of the tendon, the inner head of the gastrocnemius lower and fuller.

BACK_OUTLINE = [
    (0, 0), (13, 1), (24, 4.5), (31.5, 11), (35.8, 20), (37, 30), (36, 40), (33.5, 48),
    # outer ankle bone: lower than the inner one
    (32, 55), (34.5, 61), (36, 68), (35.5, 76), (32.5, 84),
    (30.5, 94), (29, 108), (28.5, 125), (29.5, 145), (32.5, 168), (37, 192), (42.5, 220),
    (48.5, 255), (53.5, 292), (56.5, 330), (57, 362), (55, 398), (52, 432), (49.5, 460),
    (48.5, 478), (50, 495), (52.5, 510),
    (30, 514), (0, 516), (-30, 514), (-55, 510),
    (-54, 495), (-52, 478), (-53.5, 460), (-57, 432), (-61, 398), (-63.5, 362), (-63, 330),
    (-60, 295), (-54, 258), (-46.5, 222), (-39.5, 192), (-34, 168), (-30.5, 145), (-29.5, 125),
    # inner ankle bone: higher and further forward
    (-30, 112), (-32, 104), (-35.5, 96), (-37, 86), (-36.5, 76), (-34.5, 68), (-33, 60),
    (-34, 52), (-36.2, 44), (-37.2, 34), (-36.5, 24), (-32.5, 13), (-25, 5), (-13.5, 1),
]

BACK_DETAILS = [
    detail("retrocalcaneal_hollow_medial", "hollow beside the Achilles tendon (inner)",
           [(-10, 50), (-20, 52), (-26, 62), (-26, 92), (-21, 116), (-11, 104), (-9, 75)], fill="shade"),
    detail("retrocalcaneal_hollow_lateral", "hollow beside the Achilles tendon (outer)",
           [(10, 50), (20, 52), (25, 60), (25, 88), (20, 112), (11, 102), (9, 75)], fill="shade"),
    detail("popliteal_hollow", "hollow at the back of the knee",
           [(-24, 490), (-10, 482), (10, 482), (24, 490), (10, 500), (-10, 500)], fill="shade"),
    detail("medial_malleolus_back", "inner ankle bone", ellipse(-31, 84, 5, 11), fill="light"),
    detail("lateral_malleolus_back", "outer ankle bone", ellipse(30.5, 68, 4.5, 10), fill="light"),
    detail("achilles_medial_edge", "inner edge of the Achilles tendon",
           [(-12, 28), (-8, 50), (-7, 80), (-8.5, 120), (-12.5, 160), (-19, 195), (-25, 218)]),
    detail("achilles_lateral_edge", "outer edge of the Achilles tendon",
           [(12, 28), (8, 50), (7, 80), (8.5, 120), (12.5, 160), (18, 198), (23, 232)]),
    detail("medial_gastrocnemius_edge", "lower edge of the inner head of the calf muscle",
           [(-50, 240), (-40, 218), (-27, 212), (-15, 222), (-6, 246)]),
    detail("lateral_gastrocnemius_edge", "lower edge of the outer head of the calf muscle",
           [(52, 274), (43, 252), (30, 244), (17, 250), (6, 266)]),
    detail("calf_midline", "groove between the two heads of the calf muscle",
           [(0, 262), (0.5, 330), (-0.5, 400), (0, 460)]),
    detail("knee_crease", "crease at the back of the knee", [(-40, 480), (-15, 476), (15, 476), (38, 480)]),
    detail("heel_bone_top", "top of the heel bone", [(-24, 52), (-13, 57), (0, 58), (14, 57), (24, 52)]),
]

BACK_LANDMARKS = {
    "achilles_insertion": (0, 30),
    "achilles_midportion": (0, 72),
    "retrocalcaneal_space": (-13, 50),
    "haglund_bump": (17, 45),
    "heel_back": (0, 12),
    "heel_medial_wall": (-27, 25),
    "heel_lateral_wall": (27, 25),
    "musculotendinous_junction": (0, 200),
    "lower_medial_calf": (-30, 220),
    "medial_calf_belly": (-33, 320),
    "lateral_calf_belly": (30, 340),
    "calf_center": (0, 300),
    "back_of_knee": (0, 470),
}

# fmt: on


def outline(view_id):
    """The smooth outline of a view, as drawn into its file."""
    points = {
        "plantar": SOLE_OUTLINE,
        "medial": INNER_OUTLINE,
        "lateral": OUTER_OUTLINE,
        "posterior": BACK_OUTLINE,
    }
    if view_id == "dorsal":
        return mirror_x(outline("plantar"))
    return spline(points[view_id], closed=True, per_segment=6)


VIEWS = {
    "plantar": {
        "title": "Sole (plantar view)",
        "frame": "seen from below, toes up; x to the right (the big toe, medial, for the right "
        "foot), y from the back of the heel (0) towards the toes",
        "details": _sole_details(),
        "landmarks": SOLE_LANDMARKS,
    },
    "dorsal": {
        "title": "Top of the foot (dorsal view)",
        "frame": "seen from above, toes up; x to the right (the little toe, lateral, for the "
        "right foot), y from the back of the heel (0) towards the toes",
        "details": _top_details(),
        "landmarks": TOP_LANDMARKS,
    },
    "medial": {
        "title": "Inner side (medial view)",
        "frame": "seen from the inner side; toes to the left (-x), heel to the right; x = 0 on "
        "the long axis of the leg, y from the floor (0) up to the knee",
        "details": INNER_DETAILS,
        "landmarks": INNER_LANDMARKS,
    },
    "lateral": {
        "title": "Outer side (lateral view)",
        "frame": "seen from the outer side; toes to the right (+x), heel to the left; x = 0 on "
        "the long axis of the leg, y from the floor (0) up to the knee",
        "details": OUTER_DETAILS,
        "landmarks": OUTER_LANDMARKS,
    },
    "posterior": {
        "title": "Back of heel and calf (posterior view)",
        "frame": "seen from behind; x to the right (lateral for the right leg), x = 0 on the "
        "midline of the heel and calf, y from the floor (0) up to the back of the knee",
        "details": BACK_DETAILS,
        "landmarks": BACK_LANDMARKS,
    },
}


def rims(view_id):
    """The body's edge turning away from the eye: two soft bands along the outline, darker at
    the very edge, each cut in two halves (a detail is a ring without holes)."""
    body = Polygon(outline(view_id))
    minx, miny, maxx, maxy = body.bounds
    middle = (minx + maxx) / 2
    # Round the toes' clefts a rim would pool into dark spots: the foot's is narrower and runs
    # inside a smoothed outline that bridges the clefts.
    foot = view_id in ("plantar", "dorsal")
    inner = body.buffer(7).buffer(-7) if foot else body
    out = []
    for width in (6, 2.5) if foot else (9, 3.5):
        band = body.difference(inner.buffer(-width))
        for side, (x0, x1) in (("left", (minx - 1, middle)), ("right", (middle, maxx + 1))):
            half = band.intersection(shapely.box(x0, miny - 1, x1, maxy + 1))
            parts = [g for g in getattr(half, "geoms", [half]) if g.area > 5]
            for n, part in enumerate(parts, start=1):
                out.append(
                    detail(
                        f"rim_{side}_{width:g}_{n}",
                        "edge of the body, turning away",
                        ring(part.simplify(0.3)),
                        fill="rim",
                    )
                )
    return out


# The leg is not cut at the knee like a stocking: above the knee crease it fades out.
FADE_ABOVE_MM = 482
for _view_id, _spec in VIEWS.items():
    _spec["outline"] = outline(_view_id)
    if _view_id in ("medial", "lateral", "posterior"):
        _spec["fade_above"] = FADE_ABOVE_MM
    _spec["details"] = [*rims(_view_id), *_spec["details"]]


def _round(points):
    return [[round(float(x), 1), round(float(y), 1)] for x, y in points]


def feature_collection(view_id, spec):
    body = _round(spec["outline"])
    body.append(body[0])
    features = [
        {
            "type": "Feature",
            "properties": {"kind": "outline", "id": "outline", "label": spec["title"]},
            "geometry": {"type": "Polygon", "coordinates": [body]},
        }
    ]
    # The filled tones first (they are painted under the lines), each as drawn in the table.
    for d in sorted(spec["details"], key=lambda d: d["fill"] is None):
        points = d["points"]
        smooth = points if len(points) > 8 else spline(points, closed=d["closed"])
        coords = _round(smooth)
        if d["closed"]:
            coords.append(coords[0])
        props = {"kind": "detail", "id": d["id"], "label": d["label"]}
        props.update({k: d[k] for k in ("fill", "caption") if d[k]})
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "LineString", "coordinates": coords},
            }
        )
    for landmark_id, (x, y) in spec["landmarks"].items():
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "landmark", "id": landmark_id},
                "geometry": {"type": "Point", "coordinates": [float(x), float(y)]},
            }
        )
    return {
        "type": "FeatureCollection",
        "painmap": {
            "view": view_id,
            "side": "right",
            "units": "mm",
            "title": spec["title"],
            "frame": spec["frame"],
            **({"fade_above": spec["fade_above"]} if "fade_above" in spec else {}),
            "drawn_by": "tools/draw_maps.py",
        },
        "features": features,
    }


def write(path, document):
    """Write GeoJSON with one coordinate pair per line: readable files, small diffs."""
    text = json.dumps(document, indent=1)
    text = re.sub(r"\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]", r"[\1, \2]", text)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(MAPS.parent)}")


def main():
    MAPS.mkdir(exist_ok=True)
    for view_id, spec in VIEWS.items():
        write(MAPS / f"{view_id}.geojson", feature_collection(view_id, spec))


if __name__ == "__main__":
    main()
