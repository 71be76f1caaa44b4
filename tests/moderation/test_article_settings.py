"""Article settings: premoderation, closing, policy thresholds; the site honours `closed`."""

from __future__ import annotations

from services.db import session_scope
from services.models import Article
from tests.helpers import post
from tests.moderation.kit import Desk

PATH = "articles/budget-2027/settings"


def test_unknown_article_reads_as_defaults(desk: Desk) -> None:
    body = desk.get(PATH).get_json()
    assert body == {"article_id": "budget-2027", "premoderation": False, "closed": False,
                    "policy": {}, "updated_at": None}  # fmt: skip


def test_put_creates_the_article_and_keeps_what_is_left_out(desk: Desk) -> None:
    response = desk.put(PATH, {"premoderation": True, "policy": {"spam_hold": 0.4}})
    assert response.status_code == 200
    assert response.get_json()["premoderation"] is True
    assert response.get_json()["policy"] == {"spam_hold": 0.4}
    desk.put(PATH, {"closed": True})
    body = desk.get(PATH).get_json()
    assert (body["premoderation"], body["closed"], body["policy"]) == (
        True,
        True,
        {"spam_hold": 0.4},
    )
    with session_scope(desk.url) as session:
        article = session.get(Article, "budget-2027")
        assert article is not None and article.closed and article.premoderation
    [entry] = desk.audit(action="article.settings")[:1]
    assert entry["before"]["closed"] is False and entry["after"]["closed"] is True
    assert entry["target"] == "article:budget-2027"


def test_closed_article_refuses_new_comments(desk: Desk) -> None:
    desk.put(PATH, {"closed": True})
    assert post(desk.client, article="budget-2027").status_code == 403
    desk.put(PATH, {"closed": False})
    assert post(desk.client, article="budget-2027").status_code == 202


def test_bad_settings_are_422(desk: Desk) -> None:
    for body in ({"closed": "maybe"}, {"policy": {"spam_hold": 7}}, {"policy": {"nonsense": 0.5}},
                 {"policy": "strict"}, {"colour": "red"}, {"policy": {"premoderation": True}},
                 {"policy": {"spam_hold": 0.9, "spam_reject": 0.5}}):  # fmt: skip
        response = desk.put(PATH, body)
        assert response.status_code == 422, body
    assert desk.get(PATH).get_json()["updated_at"] is None
    assert desk.get("articles/..%2Fetc/settings").status_code == 404
