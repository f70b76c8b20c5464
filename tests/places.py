"""Named places on the atlas used by the matching tests, in one place (right side unless said)."""

from __future__ import annotations

import painmap
from painmap import Area, Mark

ATLAS = painmap.load_atlas()


def at(view: str, landmark: str, dx: float = 0, dy: float = 0, side: str = "right") -> Mark:
    """A mark on a landmark, moved by dx, dy mm (in the right side's frame, then sided)."""
    x, y = ATLAS.view(view).landmark_xy(landmark)
    x, y = x + dx, y + dy
    return Mark(view, x if side == "right" else -x, y)


INNER_FRONT_HEEL = at("plantar", "medial_calcaneal_tubercle")
HEEL_PAD_CENTRE = at("plantar", "heel_center")
THIRD_WEB = at("plantar", "third_web_space")
BALL_2_3 = [at("plantar", "met_head_2"), at("plantar", "met_head_3")]
TARSAL_TUNNEL = at("medial", "tarsal_tunnel")
NAVICULAR = at("medial", "navicular_tuberosity")
INNER_ANKLE = at("medial", "medial_malleolus", dy=-14)
INNER_HEEL_SIDE = at("medial", "medial_heel")
ACHILLES_MID = at("posterior", "achilles_midportion")
ACHILLES_INSERTION = at("posterior", "achilles_insertion")
RETROCALCANEAL = at("posterior", "retrocalcaneal_space")
HAGLUND = at("posterior", "haglund_bump")
HEEL_WALLS = [at("posterior", "heel_medial_wall"), at("posterior", "heel_lateral_wall")]
HEEL_BACK = at("posterior", "heel_back")
SINUS_TARSI = at("lateral", "sinus_tarsi")
PERONEAL_GROOVE = at("lateral", "peroneal_groove")
FRONT_OF_OUTER_ANKLE = at("lateral", "lateral_malleolus", dx=14, dy=-6)
LOWER_CALF = at("posterior", "musculotendinous_junction", dy=-10)
CALF_CENTRE = at("posterior", "calf_center")
OFF_THE_BODY = Mark("plantar", 300, 300)
HEEL_AREA = Area("plantar", ((-22, 12), (22, 12), (22, 66), (-22, 66)))
