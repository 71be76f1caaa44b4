"""The moderation pipeline: normalise, match word lists, score spam and toxicity, decide."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from services import spam, toxicity
from services.normalize import Normalized, normalize
from services.policy import Action, Facts, PolicySettings, decide
from services.profanity import Match, ProfanityFilter, default_filter
from services.spam import fingerprint

__all__ = ["Action", "Context", "PolicySettings", "Verdict", "fingerprint", "moderate"]
SPAM_MODEL_REASON = 0.5  # the model's own probability from which it is named as a reason


@dataclass(frozen=True)
class Context:
    """Facts the worker gathers from the store before calling the pipeline."""

    author_name: str = ""
    honeypot: bool = False
    banned: bool = False
    author_trust: int = 0  # approvals minus rejections of the author's earlier comments
    recent_duplicates: int = 0  # comments with the same fingerprint in the last hour
    author_recent_count: int = 0  # comments from this author or address in the 10 min before it
    blocked_terms: tuple[str, ...] = ()
    held_terms: tuple[str, ...] = ()
    allowed_terms: tuple[str, ...] = ()
    settings: PolicySettings = field(default_factory=PolicySettings)


@dataclass(frozen=True)
class Verdict:
    """The decision on one comment, with everything a moderator needs to see why."""

    action: Action
    published_body: str | None
    scores: dict[str, float]
    reasons: list[str]
    explanations: list[str]
    matches: list[dict[str, object]]


@dataclass
class _Findings:
    """Reasons and matches gathered while scoring, in the order found."""

    reasons: list[str] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)
    matches: list[dict[str, object]] = field(default_factory=list)

    def add(self, code: str, explanation: str, terms: Sequence[str] = ()) -> None:
        """Record a reason once, quoting up to three of the terms behind it."""
        if code in self.reasons:
            return
        quoted = ", ".join(f'"{term}"' for term in dict.fromkeys(terms) if term)
        self.reasons.append(code)
        self.explanations.append(f"{explanation} ({quoted})" if quoted else explanation)

    def match(self, term: str, start: int, end: int, source: str) -> None:
        """Record a span of the original text."""
        self.matches.append({"term": term, "start": start, "end": end, "source": source})


@lru_cache(maxsize=256)
def _filter(
    blocked: tuple[str, ...], held: tuple[str, ...], allowed: tuple[str, ...]
) -> ProfanityFilter:
    """The profanity filter for one set of site word lists, built once per distinct set."""
    if not (blocked or held or allowed):
        return default_filter()
    return ProfanityFilter(blocked=blocked, held=held, allowed=allowed)


def _profanity(found: _Findings, matches: list[Match]) -> tuple[bool, bool]:
    """Record word-list matches; return (censorable profanity present, held term present)."""
    codes = {"default": "profanity", "blocked": "blocked_term", "held": "held_term"}
    words = {
        "profanity": "Contains profanity",
        "blocked_term": "Contains a term this site blocks",
        "held_term": "Contains a term this site reviews before publishing",
    }
    for source in ("held", "blocked", "default"):
        terms = [m.term for m in matches if m.source == source]
        if terms:
            found.add(codes[source], words[codes[source]], terms[:3])
    for m in matches:
        found.match(m.term, m.start, m.end, m.source)
    return any(m.source != "held" for m in matches), any(m.source == "held" for m in matches)


def _toxicity(found: _Findings, body: str, norm: Normalized, hold: float) -> tuple[float, float]:
    """Record the toxicity detectors' findings; return (combined score, model score)."""
    result = toxicity.assess(body, norm.text)
    for hit in result.hits:
        start, end = norm.to_original(hit.start, hit.end)
        found.match(body[start:end], start, end, hit.category)
    for category in dict.fromkeys(hit.category for hit in result.hits):
        terms = [
            body[slice(*norm.to_original(h.start, h.end))]
            for h in result.hits
            if h.category == category
        ]
        found.add(category, toxicity.EXPLANATIONS[category], terms[:3])
    if result.model >= hold:
        found.add("toxic_language", toxicity.EXPLANATIONS["toxic_language"])
    elif result.reply >= hold:
        found.add("hostile_reply", toxicity.EXPLANATIONS["hostile_reply"])
    if result.comments >= hold and result.comments > result.model:
        found.add("abusive_comment", toxicity.EXPLANATIONS["abusive_comment"])
    return result.score, result.model


def _spam(found: _Findings, body: str, context: Context) -> tuple[float, float]:
    """Record the spam signals; return (combined score, model score)."""
    signals, features = spam.analyze(body)
    model_logit = spam.model_logit(features)
    logit = spam.signal_logit(model_logit, signals)
    model = _sigmoid(model_logit)
    for signal in signals:
        found.add(signal.code, spam.EXPLANATIONS[signal.code], [s[2] for s in signal.spans[:3]])
        for start, end, term in signal.spans:
            found.match(body[start:end] or term, start, end, signal.code)
    extra = spam.context_signals(
        body, duplicates=context.recent_duplicates, recent=context.author_recent_count
    )
    for code, count, weight in extra:
        found.add(code, spam.EXPLANATIONS[code].format(count=count))
        logit += weight
    if model >= SPAM_MODEL_REASON:
        found.add("spam_model", f"{spam.EXPLANATIONS['spam_model']} ({model:.2f})")
    return _sigmoid(logit), model


def _sigmoid(value: float) -> float:
    """The logistic function, safe for large magnitudes."""
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, value))))


def moderate(body: str, context: Context = Context()) -> Verdict:
    """Decide what happens to one comment, with the scores and reasons behind the decision."""
    settings = context.settings
    norm = normalize(body)
    lists = _filter(
        tuple(context.blocked_terms), tuple(context.held_terms), tuple(context.allowed_terms)
    )
    matches = lists.find(body, norm)
    found = _Findings()
    censorable, held_term = _profanity(found, matches)
    tox, tox_model = _toxicity(
        found, body, norm, settings.hold_limit("toxicity", context.author_trust)
    )
    spam_score, spam_model = _spam(found, body, context)
    facts = Facts(
        spam=spam_score,
        toxicity=tox,
        profanity=censorable,
        held_term=held_term,
        honeypot=context.honeypot,
        banned=context.banned,
        trust=context.author_trust,
    )
    action, decision = decide(facts, settings)
    for code, explanation in decision:
        found.add(code, explanation)
    published = None
    if action is Action.PUBLISH:
        published = body
    elif action is Action.CENSOR:
        published = lists.censor(body, matches=[m for m in matches if m.source != "held"])
    scores = {
        "spam": spam_score,
        "toxicity": tox,
        "spam_model": spam_model,
        "toxicity_model": tox_model,
    }
    return Verdict(action, published, scores, found.reasons, found.explanations, found.matches)
