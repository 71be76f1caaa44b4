"""Moderation policy: from scores and findings to publish, censor, hold or reject."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum


class Action(StrEnum):
    """What happens to a comment."""

    PUBLISH = "publish"
    CENSOR = "censor"
    HOLD = "hold"
    REJECT = "reject"


THRESHOLDS = ("spam_hold", "spam_reject", "toxicity_hold", "toxicity_reject")
DECISION_EXPLANATIONS = {
    "banned_author": "The author is banned",
    "honeypot": "The hidden form field was filled in, as bots do",
    "premoderation": "Comments on this article are checked before they appear",
    "spam": "Spam score {score:.2f} is at or above the limit of {limit:.2f}",
    "toxicity": "Toxicity score {score:.2f} is at or above the limit of {limit:.2f}",
}


@dataclass(frozen=True)
class PolicySettings:
    """Per-site defaults, overridden per article; scores at or above a limit trigger it."""

    premoderation: bool = False
    spam_hold: float = 0.7
    spam_reject: float = 0.98
    toxicity_hold: float = 0.5
    toxicity_reject: float = 1.0
    censor_profanity: bool = True
    trust_step: float = 0.02  # how far each unit of author trust moves the hold limits
    trust_cap: float = 0.1  # and at most how far

    @classmethod
    def from_mapping(cls, data: Mapping[str, object] | None) -> PolicySettings:
        """Settings from a mapping, ignoring unknown keys; ValueError on a bad value."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in (data or {}).items():
            if key not in known:
                continue
            if isinstance(getattr(cls, key), bool):
                if not isinstance(value, bool):
                    raise ValueError(f"{key} must be true or false")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{key} must be a number")
            elif not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"{key} must be between 0 and 1")
            values[key] = value if isinstance(value, bool) else float(value)
        settings = cls(**values)  # type: ignore[arg-type]
        for kind in ("spam", "toxicity"):
            if getattr(settings, f"{kind}_hold") > getattr(settings, f"{kind}_reject"):
                raise ValueError(f"{kind}_hold must not exceed {kind}_reject")
        return settings

    def hold_limit(self, kind: str, trust: int) -> float:
        """The hold limit for "spam" or "toxicity", moved by the author's trust."""
        shift = max(-self.trust_cap, min(self.trust_cap, trust * self.trust_step))
        limit = getattr(self, f"{kind}_hold") + shift
        return max(0.05, min(limit, getattr(self, f"{kind}_reject")))


@dataclass(frozen=True)
class Facts:
    """What the pipeline found, in the terms the policy decides on."""

    spam: float
    toxicity: float
    profanity: bool = False  # default- or blocked-list terms that censoring can hide
    held_term: bool = False  # a term on the site's held list
    honeypot: bool = False
    banned: bool = False
    trust: int = 0


def decide(facts: Facts, settings: PolicySettings) -> tuple[Action, list[tuple[str, str]]]:
    """The action, and the (code, explanation) of each decision reason behind it."""
    if facts.banned:
        return Action.REJECT, [_reason("banned_author")]
    if facts.honeypot:
        return Action.REJECT, [_reason("honeypot")]
    rejected = [
        _reason(kind, score=score, limit=limit)
        for kind, score, limit in (
            ("spam", facts.spam, settings.spam_reject),
            ("toxicity", facts.toxicity, settings.toxicity_reject),
        )
        if score >= limit
    ]
    if rejected:
        return Action.REJECT, rejected
    held = [
        _reason(kind, score=score, limit=limit)
        for kind, score in (("spam", facts.spam), ("toxicity", facts.toxicity))
        if score >= (limit := settings.hold_limit(kind, facts.trust))
    ]
    if held or facts.held_term:
        return Action.HOLD, held
    if settings.premoderation:
        return Action.HOLD, [_reason("premoderation")]
    if facts.profanity:
        return (Action.CENSOR if settings.censor_profanity else Action.HOLD), []
    return Action.PUBLISH, []


def _reason(code: str, **numbers: float) -> tuple[str, str]:
    """A decision reason code with its explanation filled in."""
    return code, DECISION_EXPLANATIONS[code].format(**numbers)
