"""Policy: each action, the author checks, premoderation, trust and settings validation."""

from __future__ import annotations

import pytest

from services.policy import Action, Facts, PolicySettings, decide

DEFAULTS = PolicySettings()


def _action(settings: PolicySettings = DEFAULTS, **facts: object) -> Action:
    values: dict[str, object] = {"spam": 0.01, "toxicity": 0.01, **facts}
    return decide(Facts(**values), settings)[0]  # type: ignore[arg-type]


def test_clean_comment_is_published() -> None:
    assert _action() is Action.PUBLISH


def test_profanity_is_censored_or_held_by_setting() -> None:
    assert _action(profanity=True) is Action.CENSOR
    assert _action(PolicySettings(censor_profanity=False), profanity=True) is Action.HOLD


def test_scores_hold_then_reject() -> None:
    assert _action(spam=DEFAULTS.spam_hold) is Action.HOLD
    assert _action(spam=DEFAULTS.spam_reject) is Action.REJECT
    assert _action(toxicity=DEFAULTS.toxicity_hold) is Action.HOLD
    assert _action(PolicySettings(toxicity_reject=0.9), toxicity=0.95) is Action.REJECT


def test_held_term_holds_even_a_clean_comment() -> None:
    assert _action(held_term=True) is Action.HOLD


def test_banned_and_honeypot_reject_with_their_reason() -> None:
    assert decide(Facts(0.0, 0.0, banned=True), DEFAULTS)[1][0][0] == "banned_author"
    assert decide(Facts(0.0, 0.0, honeypot=True), DEFAULTS)[1][0][0] == "honeypot"
    assert _action(banned=True) is _action(honeypot=True) is Action.REJECT


def test_premoderation_holds_what_would_be_published_only() -> None:
    settings = PolicySettings(premoderation=True)
    assert decide(Facts(0.0, 0.0), settings) == (
        Action.HOLD,
        [("premoderation", "Comments on this article are checked before they appear")],
    )
    assert _action(settings, profanity=True) is Action.HOLD
    assert _action(settings, spam=0.99) is Action.REJECT


def test_trust_moves_the_hold_limits_a_little() -> None:
    score = DEFAULTS.toxicity_hold + 0.05
    assert _action(toxicity=score) is Action.HOLD
    assert _action(toxicity=score, trust=5) is Action.PUBLISH
    assert _action(toxicity=DEFAULTS.toxicity_hold - 0.05, trust=-5) is Action.HOLD
    assert DEFAULTS.hold_limit("spam", 1000) == DEFAULTS.spam_hold + DEFAULTS.trust_cap


def test_from_mapping_ignores_unknown_keys_and_validates() -> None:
    settings = PolicySettings.from_mapping({"premoderation": True, "spam_hold": 0.5, "x": 1})
    assert settings.premoderation and settings.spam_hold == 0.5
    assert PolicySettings.from_mapping(None) == DEFAULTS
    for bad in (
        {"spam_hold": 1.5},
        {"premoderation": "yes"},
        {"toxicity_hold": True},
        {"spam_hold": 0.9, "spam_reject": 0.8},
    ):
        with pytest.raises(ValueError):
            PolicySettings.from_mapping(bad)
