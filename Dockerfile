# PainMap for a clinic: one container serving the app; compose.yaml runs it beside PostgreSQL.
# Build: docker build -t painmap .
# Run:   docker compose up -d   (see the README: "Running it for a clinic")
# The base image is pinned by digest (python 3.11.7 on Debian bookworm, the Python the tests ran
# on); its Debian archive state comes with it, so apt installs the packages of that snapshot.
FROM python:3.11.7-slim-bookworm@sha256:d11b9bd5e49ea7401753d78f4d3b56f3aec952b85b49bcae88981f0452818e0b

# Chromium draws the image exports and prints the PDF handout; fonts give them real text.
# CHROMIUM_VERSION pins it when set (e.g. the version `apt-cache policy chromium` shows).
ARG CHROMIUM_VERSION=""
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       "chromium${CHROMIUM_VERSION:+=$CHROMIUM_VERSION}" fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home painmap
WORKDIR /app
# Exactly the locked versions, each checked against its hash.
COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY --chown=painmap . .
RUN mkdir /data && chown painmap /data
USER painmap
ENV PAINMAP_DB=/data/painmap.db
VOLUME /data

# Inside the container the server must listen beyond loopback so the published port reaches it;
# compose.yaml publishes it on the host's loopback only, for the reverse proxy. Only the names in
# PAINMAP_HOSTS (and loopback's) are served.
ENV PYTHONUNBUFFERED=1
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "streamlit", "run", "serve.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
