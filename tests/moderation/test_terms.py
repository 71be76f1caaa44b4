"""The site's word lists: admins read, replace, add and remove terms."""

from __future__ import annotations

from services import site_settings
from services.db import session_scope
from services.models import Role
from tests.moderation.kit import Desk

ADMIN = Role.ADMIN


def stored(desk: Desk) -> dict[str, list[str]]:
    with session_scope(desk.url) as session:
        return site_settings.terms(session)


def test_empty_lists(desk: Desk) -> None:
    assert desk.get("terms", role=ADMIN).get_json() == {"blocked": [], "held": [], "allowed": []}


def test_replace_a_list_normalizes_and_dedupes(desk: Desk) -> None:
    body = {"terms": ["  Idiot ", "idiot", "moron", "Dirty  Word"]}
    response = desk.put("terms/held", body, role=ADMIN)
    assert response.status_code == 200
    assert response.get_json() == {"list": "held", "terms": ["dirty word", "idiot", "moron"]}
    desk.put("terms/held", {"terms": ["clown"]}, role=ADMIN)
    assert stored(desk) == {"blocked": [], "held": ["clown"], "allowed": []}
    entry = desk.audit(action="terms.replace")[0]
    assert entry["before"] == {"terms": ["dirty word", "idiot", "moron"]}
    assert entry["after"] == {"terms": ["clown"]}
    assert (entry["actor"], entry["role"]) == ("ada", "admin")


def test_add_and_remove_single_terms(desk: Desk) -> None:
    assert desk.post("terms/blocked", {"term": "Spamword"}, role=ADMIN).status_code == 201
    again = desk.post("terms/blocked", {"term": "spamword"}, role=ADMIN)
    assert again.status_code == 200
    assert again.get_json()["terms"] == ["spamword"]
    desk.post("terms/allowed", {"term": "Scunthorpe"}, role=ADMIN)
    assert stored(desk) == {"blocked": ["spamword"], "held": [], "allowed": ["scunthorpe"]}
    assert desk.delete("terms/blocked/SPAMWORD", role=ADMIN).get_json()["terms"] == []
    assert desk.delete("terms/blocked/spamword", role=ADMIN).status_code == 404
    assert [e["action"] for e in desk.audit(action="terms")] == [
        "terms.remove",
        "terms.add",
        "terms.add",
    ]


def test_unknown_list_and_bad_terms(desk: Desk) -> None:
    assert desk.get("terms/secret", role=ADMIN).status_code == 404
    assert desk.put("terms/secret", {"terms": []}, role=ADMIN).status_code == 404
    assert desk.put("terms/held", {"terms": [""]}, role=ADMIN).status_code == 422
    assert desk.put("terms/held", {"terms": ["x" * 121]}, role=ADMIN).status_code == 422
    assert desk.put("terms/held", {"terms": "idiot"}, role=ADMIN).status_code == 422
    assert desk.post("terms/held", {"term": "bad\x00term"}, role=ADMIN).status_code == 422
    assert stored(desk)["held"] == []
