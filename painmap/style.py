"""Colours and type shared by every figure: the body, the ink, and the patterns' palette."""

SKIN = "#f5e3d5"
SKIN_EDGE = "#8a6552"
DETAIL = "rgba(138, 101, 82, 0.45)"
INK = "#2f3b45"
MARK = "#c0392b"
FONT = "DejaVu Sans, Arial, sans-serif"
# Okabe-Ito: told apart by people with every common form of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442")
