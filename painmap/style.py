"""Colours and type shared by every figure: the body, the ink, the muscles, and the palette."""

SKIN = "#f5e3d5"
SKIN_EDGE = "#8a6552"
DETAIL = "rgba(138, 101, 82, 0.45)"
# The body's second tones (painmap.viewmap.TONES): hollows shaded, what juts or bears weight light.
TONE_FILLS = {
    "rim": "rgba(120, 84, 66, 0.055)",
    "shade": "rgba(120, 84, 66, 0.13)",
    "light": "rgba(255, 251, 246, 0.7)",
}
CAPTION = "#7a5a4a"
INK = "#2f3b45"
MARK = "#b03224"
# Muscle red-brown and tendon ivory, as anatomy plates draw them; kept apart from the palette.
MUSCLE = (168, 71, 61)
TENDON = (239, 230, 210)
TENDON_EDGE = (156, 142, 114)
FONT = "DejaVu Sans, Arial, sans-serif"
# Okabe-Ito: told apart by people with every common form of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442")
