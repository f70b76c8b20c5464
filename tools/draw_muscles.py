"""Draw the muscle layer: write ``maps/muscles.geojson`` from the shapes below.

One feature per muscle and view where it shows (``kind: muscle``, its id the pattern id of its
trigger point) and per main tendon (``kind: tendon``), each with its depth: ``superficial`` (drawn
solid) or ``deep`` (dashed, under another muscle). Bellies are smooth shapes through control
points; tendons and strap-like muscles are bands along a line (:func:`curves.band`). Every
shape is clipped to its view's outline, so nothing is drawn off the body.

Placed from the references named in maps/README.md (Gray's Anatomy 1918, TeachMeAnatomy and
Kenhub pages on the leg and foot compartments, Travell & Simons vol. 2 figures): attachments,
which muscle lies over which, and where each tendon runs.
"""

from __future__ import annotations

from curves import band, blob, mirror_x
from draw_maps import MAPS, VIEWS, write
from shapely import MultiPolygon, Polygon, set_precision, union_all
from shapely.geometry import mapping

# The shapes are tables of control points laid out by hand, a shape a few lines.
# fmt: off
MUSCLES = {  # (pattern id, view): (depth, shape)
    # --- the sole, seen from below: first layer superficial, second to fourth deep -------------
    ("abductor_hallucis", "plantar"): ("superficial", band(
        [(20, 22), (25, 45), (27, 75), (28, 105), (30, 135), (33, 160), (37, 182), (39, 200)],
        [16, 18, 18, 17, 14, 10, 7, 4])),
    ("flexor_digitorum_brevis", "plantar"): ("superficial", blob(
        [(-12, 40), (0, 33), (12, 40), (15, 70), (14, 110), (10, 140), (4, 160), (-7, 162),
         (-17, 150), (-21, 115), (-19, 75)])),
    ("abductor_digiti_minimi", "plantar"): ("superficial", band(
        [(-17, 25), (-24, 50), (-29, 80), (-33, 105), (-37, 128), (-41, 150), (-45, 170),
         (-48, 190)], [16, 18, 17, 16, 13, 10, 6, 4])),
    ("quadratus_plantae", "plantar"): ("deep", blob(
        [(-20, 38), (-8, 30), (8, 30), (19, 38), (19, 60), (14, 85), (8, 105), (2, 116),
         (-6, 112), (-14, 90), (-20, 62)])),
    ("flexor_hallucis_brevis", "plantar"): ("deep", blob(
        [(17, 118), (24, 112), (30, 122), (34, 150), (37, 175), (38, 198), (32, 204), (24, 197),
         (20, 172), (17, 145)])),
    ("adductor_hallucis", "plantar"): ("deep", union_all([
        blob([(-18, 128), (-6, 122), (6, 132), (14, 150), (22, 168), (25, 182), (18, 185),
              (8, 173), (-4, 159), (-16, 145)]),
        band([(-36, 162), (-20, 170), (0, 175), (20, 179)], [9, 10, 10, 9]),
    ])),
    # --- the top of the foot ------------------------------------------------------------------
    ("extensor_digitorum_brevis", "dorsal"): ("superficial", blob(
        [(22, 70), (34, 66), (42, 78), (40, 100), (33, 122), (22, 140), (10, 152), (0, 150),
         (2, 136), (12, 112), (16, 88)])),
    ("interossei", "dorsal"): ("deep", union_all([  # the four spaces between the metatarsals
        band([(-6, 118), (-8, 140), (-10, 165), (-12, 186)], [3, 7, 7, 3]),
        band([(4, 118), (5, 140), (6, 165), (7, 190)], [3, 8, 8, 3]),
        band([(12, 116), (15, 140), (18, 165), (21, 184)], [3, 7, 7, 3]),
        band([(20, 114), (25, 135), (30, 158), (35, 176)], [3, 7, 7, 3]),
    ])),
    # --- the inner side -----------------------------------------------------------------------
    ("gastrocnemius", "medial"): ("superficial", blob(
        [(26, 505), (50, 512), (70, 496), (70, 470), (80, 440), (90, 400), (94, 355), (92, 315),
         (84, 280), (74, 248), (63, 222), (56, 214), (49, 228), (43, 268), (38, 330), (38, 390),
         (32, 450), (22, 485)])),
    ("soleus", "medial"): ("superficial", blob(  # the strip between the shin bone and the calf
        [(-6, 432), (-4, 380), (2, 320), (8, 260), (15, 205), (24, 160), (32, 128), (38, 112),
         (44.2, 118), (46, 142), (49, 165), (53, 188), (56, 206), (51, 228), (44, 268),
         (39, 330), (39, 390), (33, 440), (18, 450)], per_segment=6)),
    ("flexor_digitorum_longus", "medial"): ("deep", blob(
        [(-16, 425), (-4, 428), (4, 380), (10, 300), (16, 220), (19, 160), (14, 125), (6, 118),
         (0, 140), (-8, 200), (-14, 260), (-18, 330), (-20, 390)])),
    ("tibialis_posterior", "medial"): ("deep", blob(
        [(-2, 440), (12, 440), (20, 380), (22, 300), (20, 220), (16, 160), (12, 135), (6, 140),
         (2, 200), (-2, 280), (-5, 360)])),
    ("flexor_hallucis_longus", "medial"): ("deep", blob(
        [(22, 330), (34, 320), (40, 260), (42, 190), (40, 140), (34, 110), (26, 100), (20, 120),
         (18, 180), (18, 260)])),
    ("abductor_hallucis", "medial"): ("superficial", band(
        [(56, 16), (38, 17), (15, 17), (-10, 18), (-35, 19), (-62, 17), (-88, 13), (-108, 10),
         (-118, 9)], [22, 26, 26, 24, 20, 16, 12, 8, 5])),
    # --- the outer side -----------------------------------------------------------------------
    ("gastrocnemius", "lateral"): ("superficial", blob(
        [(-26, 505), (-50, 512), (-70, 496), (-70, 470), (-80, 440), (-90, 400), (-94.5, 355),
         (-92, 318), (-85, 290), (-78, 265), (-73, 252), (-64, 262), (-52, 300), (-46, 340),
         (-46, 390), (-40, 450), (-28, 488)])),
    ("soleus", "lateral"): ("superficial", blob(
        [(-26, 432), (-30, 380), (-33, 300), (-35, 230), (-38, 160), (-40, 128), (-44.2, 118),
         (-46, 142), (-48.5, 162), (-52.5, 183), (-58.5, 205), (-67, 230), (-72, 250),
         (-63, 264), (-51, 300), (-45, 340), (-45, 390), (-39, 440)], per_segment=6)),
    ("fibularis_longus", "lateral"): ("superficial", blob(
        [(-4, 458), (-20, 455), (-28, 420), (-30, 360), (-30, 300), (-28, 250), (-24, 222),
         (-18, 225), (-12, 260), (-6, 320), (-2, 390)])),
    ("fibularis_brevis", "lateral"): ("deep", blob(
        [(-30, 300), (-12, 302), (-4, 250), (-4, 190), (-9, 140), (-17, 104), (-26, 100),
         (-32, 130), (-34, 190), (-33, 250)])),
    ("extensor_digitorum_longus", "lateral"): ("superficial", blob(
        [(2, 470), (12, 468), (14, 420), (12, 360), (14, 300), (18, 230), (22, 170), (24, 140),
         (18, 140), (10, 180), (2, 240), (-4, 300), (-8, 360), (-6, 420)])),
    ("tibialis_anterior", "lateral"): ("superficial", blob(
        [(14, 478), (38, 484), (50, 470), (48, 440), (44, 400), (40, 350), (36, 290), (32, 230),
         (29, 185), (27, 165), (22, 168), (18, 200), (14, 260), (12, 320), (12, 380),
         (12, 430)])),
    ("extensor_hallucis_longus", "lateral"): ("deep", blob(
        [(6, 300), (14, 302), (22, 260), (25, 210), (24, 160), (22, 130), (16, 126), (8, 150),
         (4, 200), (2, 250)])),
    ("fibularis_tertius", "lateral"): ("superficial", blob(
        [(2, 190), (14, 196), (20, 160), (22, 120), (18, 100), (10, 98), (2, 112), (-2, 140),
         (-2, 170)])),
    ("extensor_digitorum_brevis", "lateral"): ("superficial", blob(
        [(6, 58), (24, 60), (46, 55), (66, 45), (70, 36), (58, 32), (36, 32), (16, 36),
         (4, 46)])),
    ("abductor_digiti_minimi", "lateral"): ("superficial", band(
        [(-48, 10), (-20, 9), (20, 8), (60, 8), (100, 8), (140, 9)], [14, 14, 12, 10, 9, 6])),
    # --- the back of the leg ------------------------------------------------------------------
    ("gastrocnemius", "posterior"): ("superficial", MultiPolygon([
        blob([(-48, 505), (-20, 497), (-10, 472), (-4, 430), (-4, 360), (-6, 300), (-8, 250),
              (-14, 222), (-27, 211), (-40, 218), (-50, 242), (-57, 290), (-61, 340),
              (-61, 395), (-57, 440), (-52, 470)]),
        blob([(48, 505), (18, 497), (10, 472), (4, 430), (4, 360), (6, 300), (10, 265),
              (18, 249), (30, 243), (43, 252), (51, 275), (55, 320), (55, 370), (52, 420),
              (49, 460)]),
    ])),
    ("soleus", "posterior"): ("deep", blob(
        [(-40, 440), (-20, 445), (0, 430), (25, 445), (44, 440), (50, 410), (52, 360),
         (50, 300), (44, 240), (36, 190), (25, 150), (14, 122), (6, 112), (-6, 112),
         (-16, 125), (-28, 155), (-38, 200), (-46, 250), (-50, 300), (-50, 360), (-46, 410)])),
    ("plantaris", "posterior"): ("deep", blob(
        [(12, 505), (24, 502), (24, 480), (18, 450), (12, 432), (7, 436), (6, 460), (8, 488)])),
    ("popliteus", "posterior"): ("deep", blob(
        [(32, 494), (20, 496), (-8, 470), (-32, 446), (-36, 432), (-26, 420), (-10, 424),
         (10, 440), (26, 462), (34, 480)])),
    ("tibialis_posterior", "posterior"): ("deep", blob(
        [(-16, 430), (16, 430), (20, 380), (18, 300), (12, 230), (6, 180), (-2, 150), (-8, 170),
         (-14, 230), (-18, 300), (-20, 380)])),
    ("flexor_digitorum_longus", "posterior"): ("deep", blob(
        [(-24, 380), (-10, 382), (-6, 320), (-6, 250), (-10, 180), (-16, 120), (-22, 100),
         (-28, 130), (-31, 200), (-31, 270), (-29, 330)])),
    ("flexor_hallucis_longus", "posterior"): ("deep", blob(
        [(10, 340), (30, 342), (38, 290), (40, 220), (36, 160), (28, 115), (16, 96), (8, 104),
         (6, 150), (4, 220), (6, 290)])),
}

ACHILLES_SIDE = [(60, 36), (52, 55), (45, 75), (41.5, 100), (41, 130), (43, 160), (47, 185),
                 (53, 205)]
TENDONS = {  # (tendon id, view): (depth, name, muscles, shape)
    ("achilles_tendon", "posterior"): ("superficial", "Achilles tendon", ["gastrocnemius", "soleus"],
        band([(0, 26), (0, 50), (0, 80), (0, 120), (0, 160), (0, 200)], [24, 16, 13, 14, 17, 26])),
    ("achilles_tendon", "medial"): ("superficial", "Achilles tendon", ["gastrocnemius", "soleus"],
        band(ACHILLES_SIDE, [10, 8, 7, 7, 8, 9, 11, 14])),
    ("achilles_tendon", "lateral"): ("superficial", "Achilles tendon", ["gastrocnemius", "soleus"],
        band(mirror_x(ACHILLES_SIDE), [10, 8, 7, 7, 8, 9, 11, 14])),
    ("tibialis_anterior_tendon", "medial"): ("superficial", "Tibialis anterior tendon",
        ["tibialis_anterior"],
        band([(-27, 150), (-28.5, 122), (-32, 104), (-40, 91), (-52, 79), (-64, 69), (-70, 62)],
             [5, 5, 5, 5, 5, 4.5, 4])),
    ("tibialis_anterior_tendon", "lateral"): ("superficial", "Tibialis anterior tendon",
        ["tibialis_anterior"],
        band([(26, 168), (28.5, 122), (32, 104), (39, 93), (46, 86)], [6, 5, 5, 5, 4])),
    ("tibialis_anterior_tendon", "dorsal"): ("superficial", "Tibialis anterior tendon",
        ["tibialis_anterior"], band([(-5, 70), (-7, 79), (-15, 92), (-24, 105), (-31, 117)],
                                    [5, 5, 5, 4.5, 4])),
    ("tibialis_posterior_tendon", "medial"): ("superficial",
        "Tibialis posterior tendon (behind the inner ankle bone)", ["tibialis_posterior"],
        band([(10, 140), (11, 100), (15, 78), (12, 60), (1, 48), (-14, 42), (-23, 40)],
             [4.5, 4.5, 4.5, 4.5, 4.5, 5, 5])),
    ("flexor_digitorum_longus_tendon", "medial"): ("superficial",
        "Flexor digitorum longus tendon (behind the inner ankle bone)",
        ["flexor_digitorum_longus"],
        band([(17, 130), (19, 100), (22, 74), (17, 55), (4, 43), (-12, 34)], [3.5] * 6)),
    ("flexor_hallucis_longus_tendon", "medial"): ("deep",
        "Flexor hallucis longus tendon (under the heel and along the sole to the big toe)",
        ["flexor_hallucis_longus"],
        band([(30, 108), (29, 80), (26, 58), (20, 38), (5, 26), (-20, 20), (-60, 14), (-100, 10),
              (-150, 8), (-185, 12)], [4] * 10)),
    ("flexor_tendons_behind_medial_malleolus", "posterior"): ("superficial",
        "Tibialis posterior and long toe flexor tendons (behind the inner ankle bone)",
        ["tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus"],
        band([(-25, 150), (-26.5, 120), (-28, 95), (-28, 70), (-25, 55)], [6] * 5)),
    ("flexor_hallucis_longus_tendon", "posterior"): ("deep",
        "Flexor hallucis longus tendon", ["flexor_hallucis_longus"],
        band([(10, 100), (4, 80), (-6, 62), (-16, 48)], [5] * 4)),
    ("fibular_tendons", "lateral"): ("superficial",
        "Fibularis (peroneal) tendons (behind the outer ankle bone)",
        ["fibularis_longus", "fibularis_brevis"], union_all([
            band([(-21, 225), (-22, 150), (-23, 100), (-25, 72), (-24, 50), (-13, 36), (14, 27),
                  (44, 17), (63, 12)], [4, 4, 4, 4, 4, 4, 4, 4, 4.5]),
            band([(-24, 225), (-28, 150), (-30, 100), (-31, 70), (-28, 45), (-15, 29), (10, 18),
                  (34, 10), (52, 5)], [4.5] * 9),
        ])),
    ("fibular_tendons", "posterior"): ("superficial",
        "Fibularis (peroneal) tendons (behind the outer ankle bone)",
        ["fibularis_longus", "fibularis_brevis"],
        band([(27, 140), (28.5, 110), (30, 85), (30, 60), (28, 45)], [6] * 5)),
    ("fibularis_tertius_tendon", "lateral"): ("superficial", "Fibularis tertius tendon",
        ["fibularis_tertius"], band([(14, 100), (30, 70), (50, 40), (66, 24)], [3] * 4)),
    ("fibularis_tertius_tendon", "dorsal"): ("superficial", "Fibularis tertius tendon",
        ["fibularis_tertius"], band([(14, 80), (30, 104), (44, 126)], [3] * 3)),
    ("extensor_tendons", "lateral"): ("superficial", "Long toe extensor tendons",
        ["extensor_digitorum_longus"],
        band([(20, 140), (24, 112), (34, 94), (58, 74), (98, 54), (138, 39), (176, 28)],
             [5, 5, 5, 4, 3.5, 3, 2.5])),
    ("extensor_digitorum_longus_tendons", "dorsal"): ("superficial",
        "Long toe extensor tendons", ["extensor_digitorum_longus"], union_all([
            band([(3, 76), (3, 86), (2, 130), (1, 180), (1, 236)], [2.6] * 5),
            band([(5, 80), (6, 92), (10, 150), (15, 200), (16, 226)], [2.6] * 5),
            band([(7, 80), (9, 92), (19, 145), (29, 190), (32, 216)], [2.6] * 5),
            band([(9, 80), (12, 92), (28, 140), (43, 180), (47, 200)], [2.6] * 5),
        ])),
    ("extensor_hallucis_longus_tendon", "dorsal"): ("superficial",
        "Extensor hallucis longus tendon", ["extensor_hallucis_longus"],
        band([(-1, 74), (-3, 82), (-14, 130), (-24, 180), (-27, 222)], [3.5] * 5)),
    ("extensor_digitorum_brevis_tendons", "dorsal"): ("superficial",
        "Short toe extensor tendons", ["extensor_digitorum_brevis"], union_all([
            band([(4, 150), (-14, 180), (-24, 205)], [2] * 3),
            band([(10, 150), (5, 180), (3, 205)], [2] * 3),
            band([(16, 146), (15, 175), (17, 200)], [2] * 3),
            band([(24, 138), (27, 165), (31, 190)], [2] * 3),
        ])),
    ("flexor_digitorum_longus_tendon", "plantar"): ("deep",
        "Flexor digitorum longus tendon (deep in the sole, to the four smaller toes)",
        ["flexor_digitorum_longus"], union_all([
            band([(22, 45), (14, 75), (6, 100), (-2, 125)], [5, 5, 5, 5]),
            *(band([(-2, 125), (x0, 160), (x1, tip)], [3, 2.5, 2.5])
              for x0, x1, tip in [(0, 2, 235), (-7, -14, 228), (-15, -29, 218), (-22, -44, 203)]),
        ])),
    ("flexor_hallucis_longus_tendon", "plantar"): ("deep",
        "Flexor hallucis longus tendon (deep in the sole, to the big toe)",
        ["flexor_hallucis_longus"],
        band([(24, 40), (22, 80), (22, 120), (25, 160), (27, 200), (28, 235)], [5] * 6)),
    ("fibularis_longus_tendon", "plantar"): ("deep",
        "Fibularis longus tendon (across the deep sole)", ["fibularis_longus"],
        band([(-44, 112), (-25, 122), (-5, 132), (15, 140)], [5] * 4)),
    ("plantaris_tendon", "posterior"): ("deep", "Plantaris tendon", ["plantaris"],
        band([(10, 432), (4, 380), (-4, 300), (-9, 220), (-10, 150), (-10, 90), (-10, 40)],
             [2.2] * 7)),
}
# fmt: on

NAMES = {  # the muscle's name as drawn; the pattern's own name may add its companion muscle
    "abductor_hallucis": "Abductor hallucis",
    "flexor_digitorum_brevis": "Flexor digitorum brevis",
    "abductor_digiti_minimi": "Abductor digiti minimi",
    "quadratus_plantae": "Quadratus plantae",
    "flexor_hallucis_brevis": "Flexor hallucis brevis",
    "adductor_hallucis": "Adductor hallucis",
    "extensor_digitorum_brevis": "Extensor digitorum brevis",
    "interossei": "Interossei (between the metatarsals)",
    "gastrocnemius": "Gastrocnemius",
    "soleus": "Soleus",
    "flexor_digitorum_longus": "Flexor digitorum longus",
    "tibialis_posterior": "Tibialis posterior",
    "flexor_hallucis_longus": "Flexor hallucis longus",
    "fibularis_longus": "Fibularis longus",
    "fibularis_brevis": "Fibularis brevis",
    "extensor_digitorum_longus": "Extensor digitorum longus",
    "tibialis_anterior": "Tibialis anterior",
    "extensor_hallucis_longus": "Extensor hallucis longus",
    "fibularis_tertius": "Fibularis tertius",
    "plantaris": "Plantaris",
    "popliteus": "Popliteus",
}


def _on_body(shape, view):
    """``shape`` clipped half a millimetre inside the view's outline."""
    inside = Polygon(VIEWS[view]["outline"]).buffer(-0.5)
    clipped = shape.intersection(inside).simplify(0.15)  # finer than a line's width is noise
    parts = [g for g in getattr(clipped, "geoms", [clipped]) if g.geom_type == "Polygon"]
    parts = [g for g in parts if g.area > 2]  # slivers left by the clip are not anatomy
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _coords(shape):
    """GeoJSON geometry of ``shape`` on a 0.1 mm grid, kept valid (rounding alone can cross
    two edges of a thin tendon)."""
    return mapping(set_precision(shape, 0.1))


def features():
    out = []
    for (mid, view), (depth, shape) in MUSCLES.items():
        props = {"kind": "muscle", "id": mid, "view": view, "depth": depth, "name": NAMES[mid]}
        out.append(
            {"type": "Feature", "properties": props, "geometry": _coords(_on_body(shape, view))}
        )
    for (tid, view), (depth, name, muscles, shape) in TENDONS.items():
        props = {
            "kind": "tendon",
            "id": tid,
            "view": view,
            "depth": depth,
            "name": name,
            "muscles": muscles,
        }
        out.append(
            {"type": "Feature", "properties": props, "geometry": _coords(_on_body(shape, view))}
        )
    return out


def main():
    document = {
        "type": "FeatureCollection",
        "painmap": {
            "layer": "muscles",
            "side": "right",
            "units": "mm",
            "drawn_by": "tools/draw_muscles.py",
        },
        "features": features(),
    }
    write(MAPS / "muscles.geojson", document)


if __name__ == "__main__":
    main()
