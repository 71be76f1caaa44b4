"""The ops page: health at a glance, refreshing by itself, and replaying dead letters."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from services import comments, moderation
from services.db import session_scope
from tests.browser.conftest import Tab, screenshot
from tests.browser.pages import ARTICLE, api, sign_in, thread_ids
from tests.support.processes import ApiServer, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.flow]


def make_dead_letter(database_url: str, body: str) -> str:
    """A pending comment whose moderation failed for good, as the worker would leave it."""
    with session_scope(database_url, write=True) as session:
        comment, _ = comments.submit(
            session,
            article_id=ARTICLE,
            submission=comments.Submission(author_name="Lost", body=body),
            client=comments.ClientInfo(request_id="ops-page-test"),
        )
        moderation.dead_letter(
            session, comment.id, task="workers.tasks.moderate_comment", attempts=5,
            error="RuntimeError: the scorer gave up after 5 attempts",
        )  # fmt: skip
    return comment.id


def test_ops_page_shows_health_and_replays_a_dead_letter(
    service: ApiServer,
    database_url: str,
    open_tab: Callable[..., Tab],
    make_token: Callable[[str], str],
) -> None:
    tab = open_tab(1366, 900)
    page = tab.page
    sign_in(page, service.url + "/ops", make_token("ops"))
    expect(page.locator("#ready-value")).to_have_text("Ready", timeout=15_000)
    # `clean` wiped the heartbeat: readiness and the view are read apart, so one refresh
    # (every 5 s) may see the worker's next beat in one and not yet in the other
    expect(page.locator("#workers-count")).to_have_text("1", timeout=15_000)
    expect(page.locator("#queues-table tbody")).to_contain_text("moderation")
    expect(page.locator("#dead-count")).to_have_text("0")
    expect(page.locator("#dead-empty")).to_be_visible()

    comment_id = make_dead_letter(database_url, "Stuck in the machine, then set free.")
    row = page.locator("#dead-table tbody tr", has_text=comment_id[:12])
    expect(row).to_be_visible(timeout=15_000)  # the page refreshes by itself
    expect(page.locator("#dead-count")).to_have_text("1")
    expect(row).to_contain_text("the scorer gave up")
    screenshot(page, "ops", full_page=False)

    replay = row.get_by_role("button", name=f"Replay comment {comment_id[:12]}")
    replay.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ops-status")).to_have_text(
        "The comment is queued for moderation with a fresh set of attempts."
    )
    expect(page.locator("#dead-empty")).to_be_visible(timeout=15_000)
    expect(page.locator("#main")).to_be_focused()
    status = api(service.url, "GET", f"/api/v1/comments/{comment_id}")[1]["status"]
    assert status in {"pending", "published"}
    expect(page.locator("#dead-count")).to_have_text("0", timeout=15_000)
    expect(page.locator("#pending-count")).to_have_text("0", timeout=15_000)
    wait_until(lambda: comment_id in thread_ids(service.url), 20, interval=0.2)
    assert tab.csp_violations() == []


def test_ops_page_refuses_a_moderator_token(
    service: ApiServer, open_tab: Callable[..., Tab], make_token: Callable[[str], str]
) -> None:
    page = open_tab().page
    sign_in(page, service.url + "/ops", make_token("moderator"))
    expect(page.locator("#token-error")).to_have_text(
        "That token may not use this page. It is a moderator token: use it on the moderation desk."
    )
    expect(page.locator("#ready-value")).to_be_hidden()
