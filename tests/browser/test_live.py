"""Several people at once: live updates between readers, a moderator's decisions, XSS."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Tab
from tests.browser.pages import ARTICLE, HELD_TEXT, Reader, api, sign_in, thread_ids
from tests.support.processes import ApiServer

pytestmark = [pytest.mark.browser, pytest.mark.flow]

XSS_BODY = (
    '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> '
    "<svg onload=window.__xss=3> javascript:window.__xss=4"
)
XSS_NAME = "<b onmouseover=window.__xss=5>Mallory</b>"


def test_second_reader_sees_a_comment_arrive_and_leave_live(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    first, second = open_tab(), open_tab()
    for tab in (first, second):
        tab.page.goto(service.url + "/")
        expect(tab.page.get_by_role("heading", name="Comments (0)")).to_be_visible()
    Reader(first.page).post("Hello from the first reader.", name="Ana")
    arrived = Reader(second.page).published("Hello from the first reader.")
    expect(arrived).to_be_visible(timeout=20_000)
    expect(second.page.locator(".gh-count")).to_have_text("(1)")
    expect(second.page.locator(".gh-live")).to_have_text("New comment from Ana.")

    comment_id = arrived.get_attribute("data-id")
    moderator = make_token("moderator")
    status, _ = api(
        service.url, "POST", f"/api/v1/moderation/comments/{comment_id}/decision",
        {"action": "remove", "reason": "test"}, token=moderator,
    )  # fmt: skip
    assert status == 200
    for tab in (first, second):
        expect(Reader(tab.page).comment("Hello from the first reader.")).to_have_count(0)
        expect(tab.page.locator(".gh-count")).to_have_text("(0)")


def test_a_moderators_approval_updates_the_readers_page(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    reader_tab, desk_tab = open_tab(), open_tab()
    reader = Reader(reader_tab.page)
    reader_tab.page.goto(service.url + "/")
    reader.post(HELD_TEXT, name="Angry Reader")
    expect(reader.pending("What a fucking disgrace")).to_be_visible()

    sign_in(desk_tab.page, service.url + "/moderate", make_token("moderator"))
    item = desk_tab.page.locator(".item", has_text="What a fucking disgrace")
    expect(item).to_be_visible(timeout=20_000)  # held by the worker, then polled in
    expect(item.locator(".body mark")).to_have_text(["fucking", "idiots", "should be shot"])
    expect(item).to_be_focused()
    desk_tab.page.keyboard.press("a")
    expect(item).to_have_count(0)
    expect(desk_tab.page.locator("#desk-status")).to_contain_text(
        "Approved the comment by Angry Reader"
    )

    published = reader.published("disgrace, these idiots")  # as published: censored
    expect(published).to_be_visible(timeout=20_000)
    expect(published.locator(".gh-body")).to_have_text(
        "What a **** disgrace, these idiots should be shot."
    )
    expect(reader.pending("What a fucking disgrace")).to_have_count(0)
    expect(reader_tab.page.locator(".gh-count")).to_have_text("(1)")
    expect(reader_tab.page.locator(".gh-live")).to_have_text("Your comment has been published.")


def test_script_in_a_comment_never_runs_in_any_page(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    admin = make_token("admin")
    status, _ = api(
        service.url, "PUT", f"/api/v1/moderation/articles/{ARTICLE}/settings",
        {"premoderation": True}, token=admin,
    )  # fmt: skip
    assert status == 200
    author, watcher, desk = open_tab(), open_tab(), open_tab()
    for tab in (author, watcher):
        tab.page.goto(service.url + "/")
    Reader(author.page).post(XSS_BODY, name=XSS_NAME)
    expect(Reader(author.page).pending("window.__xss=1")).to_be_visible()

    sign_in(desk.page, service.url + "/moderate", admin)
    item = desk.page.locator(".item", has_text="window.__xss=1")
    expect(item).to_be_visible(timeout=20_000)
    expect(item.locator(".body")).to_have_text(XSS_BODY)
    expect(item.locator(".author")).to_have_text(XSS_NAME)
    item.get_by_role("button", name="Approve").click()
    expect(item).to_have_count(0)

    for tab in (author, watcher):
        shown = Reader(tab.page).published("window.__xss=1")
        expect(shown).to_be_visible(timeout=20_000)
        expect(shown.locator(".gh-body")).to_have_text(XSS_BODY)
        expect(shown.locator(".gh-author")).to_have_text(XSS_NAME)
        shown.locator(".gh-author").hover()
        assert shown.locator("img, script, svg, b").count() == 0
    for tab in (author, watcher, desk):
        assert tab.page.evaluate("typeof window.__xss") == "undefined"
        assert tab.csp_violations() == []
    assert len(thread_ids(service.url)) == 1
