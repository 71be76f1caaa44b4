"""What the browser tests do on each page, in a person's terms, and a few API shortcuts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from playwright.sync_api import Locator, Page

ARTICLE = "state-visit-moscow"
HELD_TEXT = "What a fucking disgrace, these idiots should be shot."


class Reader:
    """A reader on a page that embeds the widget."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def field(self, name: str) -> Locator:
        return self.page.get_by_role("textbox", name=name, exact=True)

    def post(self, body: str, name: str = "Ana", email: str = "") -> None:
        self.field("Comment").fill(body)
        self.field("Name").fill(name)
        self.field("Email (optional)").fill(email)
        self.page.get_by_role("button", name="Post Comment").click()

    def comment(self, text: str) -> Locator:
        """The comment (published or the reader's own pending one) whose body has `text`."""
        return self.page.locator(".gh-comment", has=self.page.locator(".gh-body", has_text=text))

    def published(self, text: str) -> Locator:
        return self.page.locator(
            ".gh-comment:not(.gh-pending)", has=self.page.locator(".gh-body", has_text=text)
        )

    def pending(self, text: str) -> Locator:
        return self.page.locator(
            ".gh-comment.gh-pending", has=self.page.locator(".gh-body", has_text=text)
        )

    def count(self) -> str:
        return self.page.locator(".gh-count").inner_text()

    def focused(self, attribute: str = "id") -> str:
        return str(self.page.evaluate(f"document.activeElement.getAttribute('{attribute}') || ''"))


def tab_to(page: Page, selector: str, limit: int = 60, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def sign_in(page: Page, url: str, token: str) -> None:
    """Open a desk or ops page and sign in with the keyboard."""
    page.goto(url)
    page.get_by_label("Access token").wait_for()
    assert page.evaluate("document.activeElement.id") == "token"
    page.keyboard.type(token)
    page.keyboard.press("Enter")


def api(
    base: str, method: str, path: str, body: Any = None, token: str | None = None
) -> tuple[int, Any]:
    """One JSON request to the API; returns (status, parsed body)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def thread_ids(base: str, article: str = ARTICLE) -> list[str]:
    """Every published comment id in the article's thread, replies included."""
    _, thread = api(base, "GET", f"/api/v1/articles/{article}/comments")

    def walk(nodes: list[dict[str, Any]]) -> list[str]:
        return [i for n in nodes for i in [n["id"], *walk(n["replies"])]]

    return walk(thread["comments"])
