"""Headless Chromium against the real service: gunicorn, a Celery worker, Redis, a migrated DB.

Chromium is Debian's (`apt-get install -y chromium`), driven by Playwright for Python with
`executable_path`; Playwright's own browser download is never used. Host pages on two other
origins (one listed in CORS_ORIGINS, one not) embed the widget the way a news site would.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from api import create_app
from tests.conftest import settings_for, worker_env
from tests.support.processes import ApiServer, RedisServer, WorkerProcess, free_port

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("GATEHOUSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1><p>A partner site that embeds Gatehouse.</p>
<div data-gatehouse-article="{article}"></div></main>
<script src="{api}/embed.js" defer></script></body></html>
"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: end-to-end in headless Chromium against the real processes"
    )


class HostSite:
    """A plain web server on its own origin whose page embeds the widget from the API."""

    def __init__(self, port: int, title: str) -> None:
        self.port, self.title, self.api_url = port, title, ""
        self.article = "state-visit-moscow"
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                page = HOST_PAGE.format(title=site.title, api=site.api_url, article=site.article)
                body = page.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def host_sites() -> Iterator[tuple[HostSite, HostSite]]:
    """Two partner sites: the first listed in CORS_ORIGINS, the second not."""
    listed, unlisted = HostSite(free_port(), "Partner"), HostSite(free_port(), "Stranger")
    yield listed, unlisted
    listed.close()
    unlisted.close()


def start_api(database_url: str, redis_url: str, port: int | None = None, **env: str) -> ApiServer:
    """gunicorn serving the app (gunicorn.conf.py's worker class) on a free port."""
    server = ApiServer(worker_env(database_url, redis_url, **env), workers=1, port=port)
    return server.start().wait_ready(timeout=60)


def start_stream(database_url: str, redis_url: str, **env: str) -> ApiServer:
    """The stream process as the Procfile runs it: gevent, serving only the stream route."""
    server = ApiServer(worker_env(database_url, redis_url, **env), workers=1)
    app = server.argv.index("api:create_app()")
    server.argv[app:] = ["-k", "gevent", "--worker-connections", "2000",
                         "api.web.stream:create_stream_app()"]  # fmt: skip
    return server.start().wait_ready(timeout=60)


@pytest.fixture(scope="session")
def api_server(
    database_url: str,
    redis_server: RedisServer,
    worker: WorkerProcess,
    host_sites: tuple[HostSite, HostSite],
) -> Iterator[ApiServer]:
    """The API and its stream process, rate limit off, the first partner site allowed."""
    port = free_port()  # the API's own pages read the stream across origins, as partners do
    origins = f"{host_sites[0].origin},http://127.0.0.1:{port}"
    env = {"COMMENT_RATE_LIMIT": "off", "CORS_ORIGINS": origins}
    stream = start_stream(database_url, redis_server.url, **env)
    server = start_api(database_url, redis_server.url, port, STREAM_PORT=str(stream.port), **env)
    server.stream = stream  # type: ignore[attr-defined]
    for site in host_sites:
        site.api_url = server.url
    yield server
    server.stop()
    stream.stop()


@pytest.fixture
def service(api_server: ApiServer, clean: None) -> ApiServer:
    """The running API over an emptied database and Redis."""
    return api_server


@pytest.fixture
def make_token(database_url: str, redis_server: RedisServer, clean: None) -> Callable[[str], str]:
    """Make a token with `flask tokens create` (through Flask's CLI runner); returns it."""
    app = create_app(settings_for(database_url, redis_server.url))

    def make(role: str) -> str:
        name = f"{role}-{uuid.uuid4().hex[:6]}"
        args = ["tokens", "create", "--role", role, "--name", name]
        result = app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 0, result.output
        return str(result.stdout.strip().splitlines()[-1])

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """A page in its own browser context (its own storage), with its console errors kept."""

    def __init__(self, browser: Browser, width: int, height: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(15_000)
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def csp_violations(self) -> list[str]:
        return [e for e in self.errors if "Content Security Policy" in e or "pageerror" in e]


@pytest.fixture
def open_tab(browser: Browser) -> Iterator[Callable[..., Tab]]:
    """Open a new, separate browser tab (a fresh context: its own cookies and storage)."""
    tabs: list[Tab] = []

    def open_one(width: int = 1280, height: int = 900) -> Tab:
        tabs.append(Tab(browser, width, height))
        return tabs[-1]

    yield open_one
    for tab in tabs:
        tab.context.close()


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG of the page for the README, under docs/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path
