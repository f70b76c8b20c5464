"""PainMap's server: `streamlit run serve.py` (what `make run` and the container start).

The app itself is app.py; this wraps it so that only the expected host names are served
(PAINMAP_HOSTS, see painmap/settings.py and painmap/hosts.py).
"""

from starlette.middleware import Middleware
from streamlit.starlette import App

from painmap.hosts import HostCheck

app = App("app.py", middleware=[Middleware(HostCheck)])
