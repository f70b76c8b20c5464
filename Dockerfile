# PainMap for a clinic: one container serving the app to the clinic's own network.
# Build: docker build -t painmap .
# Run:   docker run -p 8501:8501 -v painmap-logs:/data painmap
# (the volume keeps the progress logs; or set PAINMAP_DB to the clinic's PostgreSQL URL)
FROM python:3.11-slim-bookworm

# Chromium draws the image exports and prints the PDF handout; fonts give them real text.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home painmap
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=painmap . .
RUN mkdir /data && chown painmap /data
USER painmap
ENV PAINMAP_DB=/data/painmap.db
VOLUME /data

# Inside the container the server must listen beyond loopback so the published port reaches it;
# everything else in .streamlit/config.toml (no usage statistics) stays as it is.
ENV PYTHONUNBUFFERED=1
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
