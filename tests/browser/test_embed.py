"""The widget on other sites: allowed origins embed and post, others cannot; headers of pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import HostSite, Tab
from tests.browser.pages import Reader, api, thread_ids
from tests.support.processes import ApiServer

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
    assert policy["connect-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert tab.page.locator("script:not([src])").count() == 0
    tab.page.wait_for_load_state("networkidle")
    assert tab.csp_violations() == []
