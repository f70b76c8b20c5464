"""PainMap: an interactive foot and calf pain map.

The core (atlas, geometry, matching, rendering, export) never imports streamlit, so it can be
tested and scripted; the web app in ``app.py`` is a thin layer on top.
"""

__version__ = "0.1.0"

from painmap.atlas import Atlas, load_atlas, read_atlas
from painmap.errors import AtlasError, Problem
from painmap.render import figure

__all__ = ["Atlas", "AtlasError", "Problem", "__version__", "figure", "load_atlas", "read_atlas"]
