"""The moderation desk: signing in, the queue by keyboard, bans, new arrivals, admin settings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Route, expect

from tests.browser.conftest import Tab, screenshot
from tests.browser.pages import ARTICLE, HELD_TEXT, Reader, api, sign_in
from tests.support.processes import ApiServer, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.flow]


def post_comment(base: str, body: str, name: str, email: str | None = None) -> str:
    """Post through the API and wait until the worker has decided; returns the id."""
    fields = {"author_name": name, "body": body, "author_email": email}
    status, answer = api(base, "POST", f"/api/v1/articles/{ARTICLE}/comments", fields)
    assert status == 202, answer
    comment_id = str(answer["id"])

    def decided() -> str | None:
        state = api(base, "GET", f"/api/v1/comments/{comment_id}")[1]["status"]
        return None if state == "pending" else state

    wait_until(decided, 20, interval=0.2)
    return comment_id


def test_the_queue_works_from_the_keyboard(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    post_comment(service.url, HELD_TEXT, "Angry Reader", "angry@example.org")
    post_comment(service.url, "I will find where you live, minister.", "Troll")
    post_comment(service.url, "You are a worthless idiot and a shit journalist.", "Heckler")
    tab = open_tab(1366, 900)
    page = tab.page
    sign_in(page, service.url + "/moderate", make_token("moderator"))
    items = page.locator(".item")
    expect(items).to_have_count(3)
    expect(page.locator("#queue-count")).to_have_text("(3 held)")
    expect(items.nth(0)).to_be_focused()
    expect(items.nth(1).locator(".body mark").first).to_have_text("I will find where you live")
    expect(items.nth(0).locator(".reasons")).to_contain_text("threat")
    expect(items.nth(0).locator(".explanations")).to_contain_text(
        'Contains a threat of violence ("should be shot")'
    )
    expect(page.locator("#terms-panel")).to_be_hidden()  # moderators do not edit word lists
    expect(page.locator("#whoami")).to_contain_text("(moderator)")
    expect(page.locator("#audit")).not_to_contain_text("auth.")
    screenshot(page, "moderate", full_page=False)

    page.keyboard.press("j")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("r")
    expect(page.locator(".item", has_text="find where you live")).to_have_count(0)
    expect(page.locator("#live")).to_contain_text("Rejected the comment by Troll")
    heckler = page.locator(".item", has_text="worthless idiot")
    expect(heckler).to_be_focused()  # the next one takes the place of the decided one
    page.keyboard.press("x")
    expect(page.locator("#live")).to_have_text("Remove does not apply to a held comment.")
    page.keyboard.press("k")
    page.keyboard.press("b")
    expect(page.locator(".item", has_text="What a fucking disgrace")).to_have_count(0)
    expect(page.locator("#live")).to_contain_text(
        "Rejected the comment by Angry Reader and banned its author"
    )
    expect(heckler).to_be_focused()
    page.keyboard.press("a")
    expect(page.locator("#queue-empty")).to_be_visible()
    expect(page.locator("#queue-empty")).to_be_focused()

    post_comment(service.url, "These idiots should be shot, all of them.", "Latecomer")
    latecomer = page.locator(".item", has_text="Latecomer")
    expect(latecomer).to_be_visible(timeout=15_000)  # polled in, no reload
    expect(page.locator("#live")).to_have_text("1 new held comment in the queue.")
    expect(page.locator("#audit")).to_contain_text("ban.create", timeout=25_000)
    expect(page.locator("#audit")).to_contain_text("comment.approve")

    page.select_option("#filter-status", "published")
    page.get_by_role("button", name="Apply").click()
    published = page.locator(".item", has_text="worthless idiot")
    expect(published.locator(".status")).to_have_text("published")
    published.focus()
    page.keyboard.press("x")
    expect(published).to_have_count(0)
    expect(page.locator("#live")).to_contain_text("Removed the comment by Heckler")
    assert tab.csp_violations() == []


def test_a_term_typed_while_the_queue_loads_keeps_its_focus(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    """The queue takes the focus when it arrives, unless the moderator has put it elsewhere."""
    page = open_tab(1366, 900).page
    held: list[Route] = []
    page.route("**/api/v1/moderation/queue?*", lambda route: held.append(route))  # held back
    sign_in(page, service.url + "/moderate", make_token("admin"))
    page.get_by_label("Add a held term").focus()
    page.keyboard.type("pipel")
    wait_until(lambda: held, 10)
    for route in held:
        route.continue_()
    page.unroute("**/api/v1/moderation/queue?*")
    expect(page.locator("#queue-updated")).to_contain_text("Updated")
    page.keyboard.type("ine")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Remove “pipeline” from held")).to_be_visible()
    page.get_by_role("button", name="Remove “pipeline” from held").click()
    expect(page.get_by_role("button", name="Remove “pipeline” from held")).to_have_count(0)


def test_admin_edits_word_lists_and_closes_an_article(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    desk, reader_tab = open_tab(1366, 900), open_tab()
    page = desk.page
    sign_in(page, service.url + "/moderate", make_token("admin"))
    expect(page.locator("#terms-panel")).to_be_visible()
    page.get_by_label("Add a held term").focus()
    page.keyboard.type("pipeline")
    page.keyboard.press("Enter")
    expect(page.locator("#terms")).to_contain_text("pipeline")
    expect(page.get_by_role("button", name="Remove “pipeline” from held")).to_be_visible()

    post_comment(service.url, "The pipeline deal is the real story here.", "Dana")
    item = page.locator(".item", has_text="pipeline deal")
    expect(item).to_be_visible(timeout=15_000)
    expect(item.locator(".body mark")).to_have_text("pipeline")
    page.get_by_role("button", name="Remove “pipeline” from held").click()
    expect(page.get_by_role("button", name="Remove “pipeline” from held")).to_have_count(0)

    expect(page.locator("#settings-fields")).to_be_enabled()
    page.get_by_label("Closed: accept no new comments").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator("#settings-saved")).to_contain_text(f"Saved for {ARTICLE}")
    reader_tab.page.goto(service.url + "/")
    Reader(reader_tab.page).post("Am I too late?")
    expect(reader_tab.page.locator("#gh1-form-error")).to_have_text(
        "Comments are closed on this article."
    )
    expect(Reader(reader_tab.page).field("Comment")).to_have_value("Am I too late?")


def test_a_token_of_another_role_or_none_is_refused(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    page = open_tab().page
    sign_in(page, service.url + "/moderate", make_token("ops"))
    expect(page.locator("#token-error")).to_have_text(
        "That token may not use this page. It is an ops token: use it on the ops page."
    )
    expect(page.get_by_label("Access token")).to_be_focused()
    page.keyboard.type("not-a-token")
    page.keyboard.press("Enter")
    expect(page.locator("#token-error")).to_have_text("That token is not valid.")
    expect(page.locator("#queue")).to_be_hidden()
    assert page.evaluate("sessionStorage.length") == 0
