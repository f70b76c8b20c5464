"""PainMap: an interactive foot and calf pain map.

The core (atlas, geometry, matching, rendering, export) never imports streamlit, so it can be
tested and scripted; the web app in ``app.py`` is a thin layer on top.
"""

from painmap.atlas import Atlas, load_atlas, read_atlas
from painmap.errors import AtlasError, PainMapError, Problem
from painmap.marks import Area, Mark
from painmap.matching import analyse, match
from painmap.render import figure
from painmap.version import __version__

__all__ = [
    "Area",
    "Atlas",
    "AtlasError",
    "Mark",
    "PainMapError",
    "Problem",
    "__version__",
    "analyse",
    "figure",
    "load_atlas",
    "match",
    "read_atlas",
]
