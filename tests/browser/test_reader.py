"""A reader on the demo article: posting, awaiting moderation, errors, replies, the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Request, Route, expect

from tests.browser.conftest import Tab, screenshot, start_api
from tests.browser.pages import HELD_TEXT, Reader, api, tab_to, thread_ids
from tests.support.processes import ApiServer, RedisServer, WorkerProcess, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.flow]


def test_page_is_served_with_a_strict_policy(
    service: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab()
    response = tab.page.goto(service.url + "/")
    assert response is not None and response.ok
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "connect-src 'self' http://127.0.0.1:" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    script = tab.page.locator("script[src$='/embed.js']")
    expect(script).to_have_count(1)
    expect(tab.page.locator("[data-gatehouse-article='state-visit-moscow']")).to_have_count(1)
    expect(tab.page.get_by_role("heading", name="Comments (0)")).to_be_visible()
    assert tab.csp_violations() == []


def test_reader_posts_and_sees_the_comment_published(
    service: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab()
    tab.page.goto(service.url + "/")
    reader = Reader(tab.page)
    reader.post("A measured report on the state visit. Thank you.", email="ana@example.org")
    expect(reader.comment("A measured report")).to_be_visible()
    expect(reader.published("A measured report")).to_be_visible(timeout=20_000)
    expect(
        reader.published("A measured report").get_by_role("button", name="Reply to Ana")
    ).to_be_visible()
    expect(tab.page.locator(".gh-count")).to_have_text("(1)")
    expect(reader.field("Comment")).to_have_value("")
    expect(reader.field("Name")).to_have_value("Ana")
    assert tab.csp_violations() == []


def test_held_comment_shows_as_awaiting_moderation_and_survives_a_reload(
    service: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab()
    tab.page.goto(service.url + "/")
    reader = Reader(tab.page)
    with tab.page.expect_response(lambda r: r.request.method == "POST") as posted:
        reader.post(HELD_TEXT, name="Angry Reader")
    comment_id = posted.value.json()["id"]
    pending = reader.pending("What a fucking disgrace")
    expect(pending.locator(".gh-badge")).to_have_text("Awaiting moderation")
    expect(pending).to_be_focused()

    def held() -> bool:
        return api(service.url, "GET", f"/api/v1/comments/{comment_id}")[1]["status"] == "held"

    wait_until(held, 20, interval=0.2)
    tab.page.reload()
    expect(reader.pending("What a fucking disgrace").locator(".gh-badge")).to_have_text(
        "Awaiting moderation"
    )
    assert comment_id not in thread_ids(service.url)
    reader.post("Glad the grain routes are on the agenda at last.", name="Ben")
    expect(reader.published("grain routes")).to_be_visible(timeout=20_000)
    screenshot(tab.page, "article")


def test_validation_errors_sit_next_to_their_fields_and_keep_the_text(
    service: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab()
    tab.page.goto(service.url + "/")
    reader = Reader(tab.page)
    tab.page.get_by_role("button", name="Post Comment").click()
    expect(tab.page.locator("#gh1-body-error")).to_have_text("Please write a comment.")
    expect(tab.page.locator("#gh1-author_name-error")).to_have_text("Please give a name.")
    expect(reader.field("Comment")).to_be_focused()
    expect(reader.field("Comment")).to_have_attribute("aria-invalid", "true")

    reader.post("Keep this text, please.", email="not-an-email")
    email = reader.field("Email (optional)")
    expect(tab.page.locator("#gh1-author_email-error")).to_contain_text("email")
    expect(email).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description(
        "Never shown to readers. Not a valid email address."
    )
    expect(reader.field("Comment")).to_have_value("Keep this text, please.")
    expect(tab.page.locator("#gh1-body-error")).to_be_hidden()
    assert thread_ids(service.url) == []


def test_a_lost_answer_is_retried_with_the_same_idempotency_key(
    service: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab()
    tab.page.goto(service.url + "/")
    keys: list[str] = []

    def lose_first_answer(route: Route, request: Request) -> None:
        keys.append(request.headers["idempotency-key"])
        response = route.fetch()  # the server gets it and saves the comment...
        if len(keys) == 1:
            route.abort("connectionreset")  # ...but the reader never hears back
        else:
            route.fulfill(response=response)

    tab.page.route("**/api/v1/articles/*/comments", _only_posts(lose_first_answer))
    with tab.page.expect_response(lambda r: r.request.method == "POST" and r.status == 202):
        Reader(tab.page).post("Posted once, whatever the network does.")
    expect(Reader(tab.page).published("Posted once")).to_be_visible(timeout=20_000)
    assert len(keys) == 2 and keys[0] == keys[1]
    assert len(thread_ids(service.url)) == 1
    Reader(tab.page).post("A second comment is a new submission.")
    expect(Reader(tab.page).published("A second comment")).to_be_visible(timeout=20_000)
    assert len(set(keys)) == 2


def test_keyboard_only_post_and_reply(service: ApiServer, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab()
    page = tab.page
    page.goto(service.url + "/")
    reader = Reader(page)
    tab_to(page, "textarea[name=body]")
    page.keyboard.type("Typed without a mouse.")
    page.keyboard.press("Tab")
    assert reader.focused("name") == "author_name"
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")
    assert reader.focused("name") == "author_email"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Post Comment"
    page.keyboard.press("Enter")
    expect(reader.published("Typed without a mouse.")).to_be_visible(timeout=20_000)

    page.locator("h1").click()  # start from the article, as a reader would
    tab_to(page, "button.gh-reply")
    assert reader.focused("aria-label") == "Reply to Kim"
    page.keyboard.press("Enter")
    assert reader.focused("name") == "body"
    expect(page.locator(".gh-replying")).to_contain_text("Replying to Kim")
    page.keyboard.press("Escape")  # changed my mind: focus goes back to the button
    assert reader.focused("aria-label") == "Reply to Kim"
    page.keyboard.press("Enter")
    page.keyboard.type("And a reply, by keyboard too.")
    for _ in range(3):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    parent = reader.published("Typed without a mouse.")
    expect(parent.locator(".gh-replies .gh-body")).to_have_text(
        "And a reply, by keyboard too.", timeout=20_000
    )
    expect(page.locator(".gh-form-home .gh-form")).to_have_count(1)


@pytest.fixture
def strict_api(
    database_url: str, redis_server: RedisServer, worker: WorkerProcess, clean: None
) -> Iterator[ApiServer]:
    """A second API process that lets one comment a minute through."""
    server = start_api(database_url, redis_server.url, COMMENT_RATE_LIMIT="1/minute")
    yield server
    server.stop()


def test_rate_limit_is_shown_by_the_button_and_keeps_the_text(
    strict_api: ApiServer, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab()
    tab.page.goto(strict_api.url + "/")
    reader = Reader(tab.page)
    reader.post("The first one goes through.")
    expect(reader.comment("The first one")).to_be_visible()
    reader.post("The second one is too soon.")
    error = tab.page.locator("#gh1-form-error")
    expect(error).to_contain_text("You are posting too quickly. Please wait")
    expect(error).to_contain_text("seconds, then post again")
    expect(tab.page.get_by_role("button", name="Post Comment")).to_have_accessible_description(
        error.inner_text()
    )
    expect(reader.field("Comment")).to_have_value("The second one is too soon.")
    expect(reader.comment("The second one")).to_have_count(0)


def _only_posts(handler: Callable[[Route, Request], None]) -> Callable[[Route, Request], Any]:
    def route(route: Route, request: Request) -> Any:
        if request.method != "POST":
            return route.continue_()
        return handler(route, request)

    return route
