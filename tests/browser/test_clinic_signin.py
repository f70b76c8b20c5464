"""A clinic's PainMap behind a real OpenID Connect provider (oidc-provider-mock, on loopback):
nothing but the sign-in page for a visitor, each therapist only their own clients' logs, every
read in the audit trail, and signing out."""

from __future__ import annotations

import os
import sys
from datetime import date

import pytest

from painmap.progress.clinic import Clinic
from painmap.progress.entry import Entry
from painmap.progress.logbook import LogBook

from ..harness import app_command, free_port
from .conftest import started, stopped, wait_words

BOSS, KIM, LEE = "boss@clinic.example", "kim@clinic.example", "lee@clinic.example"


@pytest.fixture(scope="module")
def clinic_app(tmp_path_factory):
    """The provider and the app in clinic mode, with Kim's client Ana and Lee's client Ben."""
    folder = tmp_path_factory.mktemp("clinic")
    db = str(folder / "painmap.db")
    clinic = Clinic(LogBook(db))
    clinic.set_role(BOSS, "admin", by="setup")
    for therapist in (KIM, LEE):
        clinic.set_role(therapist, "therapist", by=BOSS)
    clinic.create("Ana", KIM).save(Entry(date.today(), first_steps=6, note="Ana hurts at dawn"))
    clinic.create("Ben", LEE)
    provider, port = free_port(), free_port()
    (folder / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a long random string only this test knows"\n'
        'client_id = "painmap"\nclient_secret = "test secret"\n'
        f'server_metadata_url = "http://127.0.0.1:{provider}/.well-known/openid-configuration"\n'
    )
    mock = [sys.executable, "-m", "oidc_provider_mock", "-H", "127.0.0.1", "-p", str(provider)]
    idp = started(mock, dict(os.environ), "oidc.log", f"http://127.0.0.1:{provider}/")
    env = {**os.environ, "PAINMAP_DB": db, "PAINMAP_CLINIC": "1"}
    serve = app_command(port, "serve.py", "--secrets.files", str(folder / "secrets.toml"))
    app = started(serve, env, "clinic.log", f"http://127.0.0.1:{port}/_stcore/health")
    yield f"http://127.0.0.1:{port}", clinic
    for process in (app, idp):
        stopped(process)


def _sign_in(page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").last.fill(email)
    page.get_by_role("button", name="Authorize").click()
    wait_words(page, f"Signed in as {email}", timeout=60_000)


def _progress(page) -> None:
    page.get_by_role("link", name="Plan and progress").click()
    wait_words(page, "Your clients' logs")


def _listed(page) -> list[str]:
    page.get_by_label("Your clients' logs").click()
    page.get_by_role("option").first.wait_for(timeout=30_000)
    names = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return names


def test_a_visitor_sees_only_the_sign_in_page(clinic_app, page):
    url, _ = clinic_app
    for path in ("/", "/progress", "/admin"):
        page.goto(url + path)
        page.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
        body = page.inner_text("body")
        assert "Where does it hurt" not in body and "Plan and progress" not in body


def test_each_therapist_sees_only_their_clients_and_every_read_is_audited(clinic_app, page):
    url, clinic = clinic_app
    _sign_in(page, url, LEE)
    _progress(page)
    assert _listed(page) == ["Ben"]
    page.get_by_role("textbox", name="Name or client code for a new log").fill("Ana")
    page.get_by_role("button", name="Start a new log").click()
    wait_words(page, "That name cannot be used for a new log")
    assert "Ana hurts at dawn" not in page.inner_text("body")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()  # the provider's own page
    page.goto(url)
    page.get_by_role("button", name="Sign in").wait_for(timeout=60_000)
    assert "Signed in as" not in page.inner_text("body")

    _sign_in(page, url, KIM)
    _progress(page)
    assert _listed(page) == ["Ana"]
    page.get_by_role("button", name="Open the log").click()
    wait_words(page, "Ana's log · 1 day logged")
    (ana,) = [i for i, name in clinic.logs_for(BOSS) if name == "Ana"]
    done = [(e.actor, e.action) for e in clinic.book.trail(ana)]
    assert done[0] == (KIM, "open") and (LEE, "open") not in done
