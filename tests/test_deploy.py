"""The clinic deployment as files: compose.yaml's services, secrets and checks (Docker does not
run on the build machines, so the files are read, not run), the pinned image and the lock files
the Makefile installs from."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT


def test_compose_runs_the_app_beside_postgresql_with_secrets_from_the_environment():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    db, app = compose["services"]["db"], compose["services"]["app"]
    assert db["image"].startswith("postgres:") and "latest" not in db["image"]
    assert any(v.endswith(":/var/lib/postgresql/data") for v in db["volumes"])
    assert set(compose["volumes"]) == {v.split(":")[0] for v in db["volumes"]}
    assert db["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "/_stcore/health" in " ".join(app["healthcheck"]["test"])
    env = app["environment"]
    assert (
        env["PAINMAP_DB"].startswith("postgresql+psycopg://")
        and "${POSTGRES_PASSWORD" in env["PAINMAP_DB"]
    )
    assert env["PAINMAP_CLINIC"] == "1" and env["PAINMAP_HOSTS"].startswith("${PAINMAP_HOSTS:?")
    assert all(p.startswith("127.0.0.1:") for p in app["ports"])  # only the proxy reaches it
    assert any("secrets.toml" in v and v.endswith(":ro") for v in app["volumes"])


def test_the_image_is_pinned_and_installs_the_locked_hashes():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(
        r"^FROM python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}$", dockerfile, re.M
    )
    assert "--require-hashes" in dockerfile and "requirements.lock" in dockerfile
    assert '"serve.py"' in dockerfile  # the app behind its host check


def test_the_lock_files_pin_every_package_with_a_hash():
    makefile = (ROOT / "Makefile").read_text()
    for name in ("requirements.lock", "requirements-dev.lock"):
        assert f"-r {name}" in makefile
        text = (ROOT / name).read_text()
        pins = re.findall(r"^([A-Za-z0-9_.\-]+)==\S+", text, re.M)
        assert len(pins) > 20 and text.count("--hash=sha256:") >= len(pins)
    locked = (ROOT / "requirements-dev.lock").read_text().lower()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name = re.sub(r"[-_.]+", "-", re.split(r"[\[<>=;]", line)[0].strip().lower())
            assert f"\n{name}==" in locked, line
