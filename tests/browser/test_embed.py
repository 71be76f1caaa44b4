"""The widget on other sites: allowed origins embed and post, others cannot; headers of pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import HostSite, Tab, start_api
from tests.browser.pages import Reader, api, thread_ids
from tests.support.processes import ApiServer, RedisServer, WorkerProcess

pytestmark = [pytest.mark.browser, pytest.mark.flow]


def test_a_listed_site_embeds_the_widget_posts_and_follows_live(
    service: ApiServer, host_sites: tuple[HostSite, HostSite], open_tab: Callable[..., Tab]
) -> None:
    listed = host_sites[0]
    partner, other_reader = open_tab(), open_tab()
    partner.page.goto(listed.origin + "/")
    expect(partner.page.get_by_role("heading", name="Comments (0)")).to_be_visible()
    other_reader.page.goto(service.url + "/")
    # the stylesheet came from the API's origin, found through the script's own address
    css = partner.page.locator("link[data-gatehouse-css]")
    expect(css).to_have_attribute("href", service.url + "/assets/embed.css")
    submit = partner.page.get_by_role("button", name="Post Comment")
    expect(submit).to_have_css("background-color", "rgb(29, 78, 137)")

    Reader(partner.page).post("Posted from a partner site.", name="Partner reader")
    expect(Reader(partner.page).published("Posted from a partner site.")).to_be_visible(
        timeout=20_000
    )
    expect(Reader(other_reader.page).published("Posted from a partner site.")).to_be_visible()

    status, answer = api(
        service.url, "POST", "/api/v1/articles/state-visit-moscow/comments",
        {"author_name": "Ana", "body": "Seen live on the partner site too."},
    )  # fmt: skip
    assert status == 202, answer
    expect(Reader(partner.page).published("Seen live on the partner site too.")).to_be_visible(
        timeout=20_000
    )
    assert partner.errors == []


def test_an_unlisted_site_can_neither_read_nor_post(
    service: ApiServer, host_sites: tuple[HostSite, HostSite], open_tab: Callable[..., Tab]
) -> None:
    unlisted = host_sites[1]
    tab = open_tab()
    tab.page.goto(unlisted.origin + "/")
    expect(tab.page.locator(".gh-notice")).to_contain_text("Comments could not be loaded.")
    Reader(tab.page).post("Sneaking in from elsewhere.")
    expect(tab.page.locator("#gh1-form-error")).to_contain_text("could not be sent")
    expect(Reader(tab.page).field("Comment")).to_have_value("Sneaking in from elsewhere.")
    assert thread_ids(service.url) == []
    assert any("CORS" in error for error in tab.errors)


def test_the_widget_reads_the_stream_from_the_stream_process(
    service: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    stream_url = service.stream.url  # type: ignore[attr-defined]
    tab = open_tab()
    with tab.page.expect_request(lambda r: r.url.endswith("/comments/stream")) as opened:
        response = tab.page.goto(service.url + "/")
    assert opened.value.url.startswith(stream_url + "/api/v1/articles/state-visit-moscow/")
    assert response is not None
    assert f"connect-src 'self' {stream_url};" in response.headers["content-security-policy"]
    status, body = api(stream_url, "GET", "/api/v1/articles/state-visit-moscow/comments")
    assert status == 404 and body["error"]["code"] == "not_found"  # it serves streams only


@pytest.fixture
def plain_api(
    database_url: str, redis_server: RedisServer, worker: WorkerProcess, clean: None
) -> Iterator[ApiServer]:
    """An API with no stream process: the widget falls back to the API's own stream route."""
    server = start_api(database_url, redis_server.url, COMMENT_RATE_LIMIT="off")
    yield server
    server.stop()


def test_without_a_stream_process_the_widget_uses_the_apis_own_route(
    plain_api: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    watcher = open_tab()
    with watcher.page.expect_request(lambda r: r.url.endswith("/comments/stream")) as opened:
        watcher.page.goto(plain_api.url + "/")
    assert opened.value.url.startswith(plain_api.url + "/api/v1/")
    author = open_tab()
    author.page.goto(plain_api.url + "/")
    Reader(author.page).post("Heard over the fallback route.")
    expect(Reader(watcher.page).published("Heard over the fallback")).to_be_visible(timeout=20_000)


@pytest.mark.parametrize("path", ["/", "/moderate", "/ops"])
def test_every_page_sends_a_strict_policy(
    service: ApiServer, open_tab: Callable[..., Tab], path: str
) -> None:
    tab = open_tab()
    response = tab.page.goto(service.url + path)
    assert response is not None and response.status == 200
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    policy = dict(
        part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["connect-src"] == f"'self' {service.stream.url}"  # type: ignore[attr-defined]
    assert policy["frame-ancestors"] == "'none'"
    assert tab.page.locator("script:not([src])").count() == 0
    tab.page.wait_for_load_state("networkidle")
    assert tab.csp_violations() == []
