"""Draw the atlas: write ``maps/<view>.geojson`` from the control points below.

The five views of the right foot and lower leg are drawn here as anatomical control points
joined by smooth curves (centripetal Catmull-Rom splines, which pass through every point and
never overshoot). The GeoJSON files this writes are what PainMap loads; this script is how they
were made and how to redraw them reproducibly: edit a point, run ``make maps``, look at
``docs/atlas.png``.

Proportions of the reference adult foot (length 260 mm, heel to tip of the big toe), from
foot anthropometry (see maps/README.md): ball width 100 mm (38 % of length), heel width 66 mm
(25 %), first metatarsal head at 72 % and fifth at 64 % of length, medial malleolus 80 mm and
lateral malleolus 62 mm above the floor, the lateral one about 15 mm further back, leg length
floor to knee joint 490 mm, calf widest (118 mm) about 340 mm above the floor.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

MAPS = Path(__file__).resolve().parent.parent / "maps"


def spline(points, closed=False, per_segment=12):
    """Centripetal Catmull-Rom curve through ``points``, as a list of (x, y)."""
    p = np.asarray(points, dtype=float)
    if len(p) < 3:
        return [tuple(map(float, q)) for q in p]
    if closed:
        p = np.vstack([p[-1], p, p[0], p[1]])
    else:
        p = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        t0 = 0.0
        t1 = t0 + max(np.linalg.norm(p1 - p0), 1e-6) ** 0.5
        t2 = t1 + max(np.linalg.norm(p2 - p1), 1e-6) ** 0.5
        t3 = t2 + max(np.linalg.norm(p3 - p2), 1e-6) ** 0.5
        for t in np.linspace(t1, t2, per_segment, endpoint=False):
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append(tuple((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2))
    if not closed:
        out.append(tuple(p[-2]))
    return out


def ellipse(cx, cy, rx, ry, angle=0.0, n=36):
    a = math.radians(angle)
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    return pts


def mirror_x(points):
    return [(-x, y) for x, y in points]


# The control-point tables are laid out by hand, a few points a line, to read as drawings.
# fmt: off
# --- plantar: the sole from below, toes up; the big toe (medial) is on the right (+x) -----------

SOLE_OUTLINE = [
    # heel, medial side up to the ball
    (0, 0), (15, 2.5), (26, 10), (32, 24), (33.5, 42), (32.5, 62), (31.5, 88), (33, 112),
    (36, 138), (40.5, 160), (44.5, 178), (45.5, 192),
    # big toe; neighbouring toes touch, so each cleft is a narrow slit
    (45, 208), (44.8, 224), (43, 240), (39.5, 251), (33, 258), (26, 260), (19, 257.5),
    (14.5, 250), (12.6, 238), (12.1, 227), (11.6, 220),
    # second toe
    (10.8, 229), (10.2, 240), (7.5, 250), (3, 254.5), (-1.5, 253.5), (-4.5, 247),
    (-5.9, 236), (-6.6, 224), (-7.2, 214),
    # third toe
    (-8, 223), (-9.5, 234), (-12.5, 242), (-16.5, 244.5), (-20.5, 241), (-22.6, 231),
    (-23.4, 218), (-24, 205.5),
    # fourth toe
    (-24.8, 215), (-26.3, 225), (-29.3, 232), (-33.2, 233.5), (-36.6, 229), (-38.1, 219),
    (-38.8, 206), (-39.4, 197),
    # fifth toe, then the lateral border down to the heel
    (-40.3, 204), (-42.3, 211), (-45.8, 215.5), (-49.7, 215), (-52.6, 209), (-54.2, 198),
    (-55, 180), (-55, 166), (-53, 148), (-49.5, 126), (-45.5, 102), (-41, 78),
    (-36.5, 54), (-33, 32), (-27.5, 14), (-16, 3),
]

SOLE_DETAILS = [
    ("heel_pad", "heel pad", True, ellipse(0, 38, 25, 36)),
    (
        "arch_line",
        "edge of the arch (weight-bearing line)",
        False,
        [(25, 66), (13, 90), (5, 116), (9, 140), (22, 160), (33, 170)],
    ),
    (
        "ball_edge",
        "back edge of the ball of the foot",
        False,
        [(40, 165), (22, 172), (0, 175), (-20, 166), (-37, 153), (-50, 143)],
    ),
    (
        "toe_crease",
        "crease at the base of the toes",
        False,
        [(44, 208), (28, 213), (11, 214), (-8, 208), (-25, 199), (-40, 189), (-53.5, 178)],
    ),
    ("met_head_1_outline", "first metatarsal head", True, ellipse(30, 186, 9, 8, 10)),
    ("met_head_2_outline", "second metatarsal head", True, ellipse(9, 192, 6.5, 6.5)),
    ("met_head_3_outline", "third metatarsal head", True, ellipse(-9, 187, 6, 6)),
    ("met_head_4_outline", "fourth metatarsal head", True, ellipse(-25, 178, 5.5, 5.5)),
    ("met_head_5_outline", "fifth metatarsal head", True, ellipse(-40, 166, 5.5, 5.5)),
    ("hallux_pad", "big toe pad", True, ellipse(28, 244, 9.5, 10, 5)),
    ("toe_2_pad", "second toe pad", True, ellipse(1, 244, 5, 6)),
    ("toe_3_pad", "third toe pad", True, ellipse(-16, 235, 4.5, 5.5)),
    ("toe_4_pad", "fourth toe pad", True, ellipse(-32, 223, 4, 5)),
    ("toe_5_pad", "fifth toe pad", True, ellipse(-47, 206, 3.8, 4.5)),
    ("hallux_crease", "big toe joint crease", False, [(43.5, 226), (29, 223), (13, 226)]),
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

TOP_DETAILS = [
    ("ankle", "lower leg, cut above the ankle", True, ellipse(2, 46, 25, 31)),
    ("medial_malleolus_top", "inner ankle bone", True, ellipse(-25, 54, 6, 9)),
    ("lateral_malleolus_top", "outer ankle bone", True, ellipse(27, 40, 6, 9)),
    ("ehl_tendon", "big toe extensor tendon", False, [(-8, 84), (-16, 130), (-24, 180), (-27, 222)]),
    (
        "edl_tendons",
        "toe extensor tendons",
        False,
        [(3, 86), (2, 130), (1, 180), (1, 236)],
    ),
    ("edl_tendon_3", "toe extensor tendon", False, [(5, 100), (10, 150), (15, 200), (16, 226)]),
    ("edl_tendon_4", "toe extensor tendon", False, [(8, 100), (19, 145), (29, 190), (32, 216)]),
    ("edl_tendon_5", "toe extensor tendon", False, [(11, 100), (28, 140), (43, 180), (47, 200)]),
    ("nail_1", "big toe nail", True, spline([(-37, 242), (-36, 254), (-26, 257), (-18, 253),
                                              (-18, 241), (-27, 238)], closed=True, per_segment=6)),
    ("nail_2", "second toe nail", True, ellipse(-1.5, 247, 4, 4.5)),
    ("nail_3", "third toe nail", True, ellipse(16.5, 237.5, 3.5, 4)),
    ("nail_4", "fourth toe nail", True, ellipse(33, 225.5, 3, 3.5)),
    ("nail_5", "fifth toe nail", True, ellipse(48.5, 208.5, 2.5, 3)),
    (
        "knuckles",
        "toe knuckles (metatarsophalangeal joints)",
        False,
        [(-45, 190), (-30, 194), (-9, 198), (9, 192), (25, 183), (40, 172), (54, 160)],
    ),
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

LEG_BACK = [  # back of heel, Achilles tendon and calf, bottom to top
    (56, 18), (57.5, 32), (55, 46), (49.5, 62), (46, 82), (45, 105), (45.5, 130),
    (47.5, 158), (52, 188), (60, 220), (71, 258), (81, 296), (86, 328), (86.5, 356),
    (82, 392), (75, 430), (68, 462), (65, 486), (64.5, 500),
]
LEG_FRONT = [  # front of the shin, top to bottom down to the front of the ankle
    (-47, 500), (-49, 484), (-47, 460), (-43, 420), (-39.5, 370), (-36.5, 320),
    (-33.5, 260), (-31, 200), (-29.5, 150), (-29.5, 118), (-31, 104),
]

INNER_OUTLINE = [
    # sole from the big toe back to the heel: the inner arch lifts off the floor
    (-205, 13), (-202.5, 5.5), (-195, 1.2), (-182, 0), (-160, 0), (-138, 0.3),
    (-118, 1.8), (-95, 7.5), (-70, 14), (-45, 15.5), (-22, 10), (0, 3.5), (18, 0.3),
    (36, 0.5), (48, 4.5),
    *LEG_BACK,
    *LEG_FRONT,
    # front of the ankle and the top of the foot down to the big toe
    (-37, 94), (-52, 82), (-75, 67), (-100, 53), (-122, 43), (-140, 37), (-158, 32),
    (-176, 28), (-192, 24), (-201, 19.5),
]

INNER_DETAILS = [
    ("medial_malleolus_outline", "inner ankle bone (medial malleolus)", True, ellipse(5, 80, 11, 13)),
    (
        "achilles_front_edge",
        "front edge of the Achilles tendon",
        False,
        [(36, 40), (33, 70), (31.5, 110), (33, 150), (38, 190), (45, 215)],
    ),
    (
        "soleus_edge",
        "edge of the soleus",
        False,
        [(38, 190), (30, 240), (24, 300), (22, 350)],
    ),
    (
        "gastrocnemius_edge",
        "lower edge of the inner calf muscle (gastrocnemius)",
        False,
        [(60, 220), (52, 240), (44, 280), (40, 330), (42, 390), (50, 440), (55, 470)],
    ),
    (
        "tibia_border",
        "inner border of the shin bone",
        False,
        [(-14, 112), (-18, 200), (-22, 300), (-26, 400), (-32, 470)],
    ),
    ("navicular_bump", "navicular tuberosity", True, ellipse(-28, 40, 7, 5.5, -20)),
    ("first_mtp_outline", "big toe joint", True, ellipse(-130, 20, 10, 9)),
    ("heel_pad_side", "heel pad", False, [(6, 3.5), (10, 14), (24, 20), (42, 17), (52, 10)]),
    (
        "nail_1_side",
        "big toe nail",
        True,
        spline([(-198, 22), (-188, 25.5), (-179, 27.5), (-180, 23), (-190, 20.5)], closed=True, per_segment=6),
    ),
    ("toe_crease_side", "crease under the big toe", False, [(-168, 0.5), (-166, 8), (-167, 14)]),
]

INNER_LANDMARKS = {
    "medial_malleolus": (5, 80),
    "tarsal_tunnel": (25, 55),
    "navicular_tuberosity": (-28, 40),
    "medial_heel": (35, 25),
    "medial_arch": (-65, 25),
    "first_mtp_joint": (-130, 22),
    "achilles_insertion": (50, 35),
    "achilles_midportion": (40, 85),
    "lower_medial_calf": (48, 215),
    "medial_calf_belly": (58, 320),
    "front_inner_shin": (-22, 260),
}

# --- lateral: the outer side; toes to the right (+x). The leg's silhouette is the mirror of the
# inner view's (the same body seen from the other side); the outer border of the foot rests on
# the floor, so the sole line is nearly flat.

OUTER_OUTLINE = [
    (205, 13), (202.5, 5.5), (195, 1.2), (182, 0), (150, 0), (120, 0.3), (95, 1.5),
    (70, 2.5), (45, 3), (22, 2.2), (0, 1.2), (-18, 0.3), (-36, 0.5), (-48, 4.5),
    *mirror_x(LEG_BACK),
    *mirror_x(LEG_FRONT),
    (37, 94), (52, 82), (75, 67), (100, 53), (122, 43), (140, 37), (158, 32),
    (176, 28), (192, 24), (201, 19.5),
]

OUTER_DETAILS = [
    ("lateral_malleolus_outline", "outer ankle bone (lateral malleolus)", True, ellipse(-12, 62, 10, 14)),
    (
        "peroneal_tendons",
        "fibularis (peroneal) tendons",
        False,
        [(-36, 230), (-35, 150), (-31, 90), (-27, 52), (-12, 38), (25, 22), (65, 12)],
    ),
    (
        "fibula_line",
        "shaft of the fibula",
        False,
        [(-14, 430), (-12, 350), (-10, 250), (-11, 160), (-12, 76)],
    ),
    ("fibular_head_outline", "head of the fibula", True, ellipse(-12, 440, 10, 9)),
    (
        "achilles_front_edge_outer",
        "front edge of the Achilles tendon",
        False,
        [(-36, 40), (-33, 70), (-31.5, 110), (-33, 150), (-38, 190), (-45, 215)],
    ),
    (
        "gastrocnemius_edge_outer",
        "lower edge of the outer calf muscle (gastrocnemius)",
        False,
        [(-71, 258), (-60, 270), (-50, 300), (-44, 340), (-44, 390), (-50, 440), (-58, 466)],
    ),
    (
        "tibialis_anterior_edge",
        "edge of the front shin muscle (tibialis anterior)",
        False,
        [(-2, 440), (6, 350), (12, 250), (16, 150), (22, 100)],
    ),
    ("fifth_met_bump", "base of the fifth metatarsal", True, ellipse(65, 11, 8, 5)),
    ("sinus_tarsi_hollow", "sinus tarsi hollow", False, [(6, 52), (16, 44), (30, 42)]),
    (
        "little_toe",
        "little toe",
        False,
        [(150, 1.5), (160, 6), (166, 12), (163, 17), (152, 18), (140, 17)],
    ),
    ("nail_5_side", "little toe nail", True, ellipse(160, 14, 4, 2.2, -10)),
    (
        "nail_1_side_outer",
        "big toe nail",
        True,
        spline([(198, 22), (188, 25.5), (179, 27.5), (180, 23), (190, 20.5)], closed=True, per_segment=6),
    ),
    ("heel_pad_side_outer", "heel pad", False, [(-6, 1.5), (-10, 12), (-24, 19), (-42, 17), (-52, 10)]),
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
    "achilles_insertion": (-50, 35),
}

# --- posterior: heel, Achilles tendon and calf from behind; medial on the left (-x) ---------------

BACK_OUTLINE = [
    (0, 0), (14, 1.2), (25, 6), (31, 16), (33, 30), (31.5, 42), (29, 51),
    # outer ankle bone: lower than the inner one
    (32.5, 57), (36.5, 64), (36, 72), (31, 81),
    (28.5, 95), (27.5, 125), (29, 160), (33, 192), (40, 232), (48, 280), (53.5, 325),
    (55, 360), (54, 400), (52, 440), (52, 475), (53, 500),
    (-56, 500), (-55, 475), (-57, 440), (-60.5, 400), (-62.5, 362), (-61, 320),
    (-55, 272), (-45, 222), (-37, 185), (-31.5, 150), (-29.5, 118),
    # inner ankle bone: higher and further forward
    (-31, 100), (-35, 92), (-37.5, 82), (-36.5, 72), (-32, 64), (-29.5, 54),
    (-31.5, 42), (-33, 30), (-31, 16), (-25, 6), (-14, 1.2),
]

BACK_DETAILS = [
    (
        "achilles_medial_edge",
        "inner edge of the Achilles tendon",
        False,
        [(-10, 26), (-8, 50), (-7.5, 80), (-9, 120), (-13, 160), (-21, 200), (-27, 225)],
    ),
    (
        "achilles_lateral_edge",
        "outer edge of the Achilles tendon",
        False,
        [(10, 26), (8, 50), (7.5, 80), (9, 120), (13, 160), (19, 200), (24, 232)],
    ),
    (
        "medial_gastrocnemius",
        "inner head of the calf muscle (gastrocnemius)",
        True,
        spline(
            [(-27, 212), (-42, 250), (-51, 300), (-52, 350), (-46, 410), (-33, 458), (-6, 470),
             (-4, 420), (-5, 340), (-10, 270), (-18, 228)],
            closed=True,
            per_segment=8,
        ),
    ),
    (
        "lateral_gastrocnemius",
        "outer head of the calf muscle (gastrocnemius)",
        True,
        spline(
            [(22, 240), (36, 275), (44, 320), (45, 370), (40, 420), (28, 460), (6, 470),
             (4, 420), (5, 350), (10, 290), (15, 255)],
            closed=True,
            per_segment=8,
        ),
    ),
    ("knee_crease", "crease at the back of the knee", False, [(-40, 478), (-15, 474), (15, 474), (38, 478)]),
    ("heel_bone_top", "top of the heel bone", False, [(-24, 52), (-13, 57), (0, 58), (14, 57), (24, 52)]),
    ("medial_malleolus_back", "inner ankle bone", True, ellipse(-31, 80, 5, 10)),
    ("lateral_malleolus_back", "outer ankle bone", True, ellipse(30, 66, 4, 9)),
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

VIEWS = {
    "plantar": {
        "title": "Sole (plantar view)",
        "frame": "seen from below, toes up; x to the right (the big toe, medial, for the right "
        "foot), y from the back of the heel (0) towards the toes",
        "outline": spline(SOLE_OUTLINE, closed=True, per_segment=6),
        "details": SOLE_DETAILS,
        "landmarks": SOLE_LANDMARKS,
    },
    "dorsal": {
        "title": "Top of the foot (dorsal view)",
        "frame": "seen from above, toes up; x to the right (the little toe, lateral, for the "
        "right foot), y from the back of the heel (0) towards the toes",
        "outline": mirror_x(spline(SOLE_OUTLINE, closed=True, per_segment=6)),
        "details": TOP_DETAILS,
        "landmarks": TOP_LANDMARKS,
    },
    "medial": {
        "title": "Inner side (medial view)",
        "frame": "seen from the inner side; toes to the left (-x), heel to the right; x = 0 on "
        "the long axis of the leg, y from the floor (0) up to the knee",
        "outline": spline(INNER_OUTLINE, closed=True, per_segment=6),
        "details": INNER_DETAILS,
        "landmarks": INNER_LANDMARKS,
    },
    "lateral": {
        "title": "Outer side (lateral view)",
        "frame": "seen from the outer side; toes to the right (+x), heel to the left; x = 0 on "
        "the long axis of the leg, y from the floor (0) up to the knee",
        "outline": spline(OUTER_OUTLINE, closed=True, per_segment=6),
        "details": OUTER_DETAILS,
        "landmarks": OUTER_LANDMARKS,
    },
    "posterior": {
        "title": "Back of heel and calf (posterior view)",
        "frame": "seen from behind; x to the right (lateral for the right leg), x = 0 on the "
        "midline of the heel and calf, y from the floor (0) up to the back of the knee",
        "outline": spline(BACK_OUTLINE, closed=True, per_segment=6),
        "details": BACK_DETAILS,
        "landmarks": BACK_LANDMARKS,
    },
}


def _round(points):
    return [[round(float(x), 1), round(float(y), 1)] for x, y in points]


def feature_collection(view_id, spec):
    outline = _round(spec["outline"])
    outline.append(outline[0])
    features = [
        {
            "type": "Feature",
            "properties": {"kind": "outline", "id": "outline", "label": spec["title"]},
            "geometry": {"type": "Polygon", "coordinates": [outline]},
        }
    ]
    for detail_id, label, closed, points in spec["details"]:
        smooth = points if len(points) > 8 else spline(points, closed=closed)
        coords = _round(smooth)
        if closed:
            coords.append(coords[0])
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "detail", "id": detail_id, "label": label},
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
            "drawn_by": "tools/draw_maps.py",
        },
        "features": features,
    }


def main():
    MAPS.mkdir(exist_ok=True)
    for view_id, spec in VIEWS.items():
        path = MAPS / f"{view_id}.geojson"
        text = json.dumps(feature_collection(view_id, spec), indent=1)
        # One coordinate pair per line keeps the files readable and their diffs small.
        text = re.sub(r"\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]", r"[\1, \2]", text)
        path.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(MAPS.parent)}")


if __name__ == "__main__":
    main()
