"""The spam model: a fitted logistic regression over words, word pairs and signals, plus
fixed log-odds for signals too rare in the training data for it to weigh."""

from __future__ import annotations

import math
from itertools import repeat

from services.model_files import linear_weights, model_file
from services.spam_signals import Signal

DATA = model_file("spam_model.json")
# Log-odds added for signals too rare in the training data for the model to weigh them.
PRIORS = {
    "crypto_bait": 2.5,
    "contact_handle": 3.0,
    "link_shortener": 1.5,
    "blocked_domain": 2.5,
    "income_claim": 1.5,
    "adult_bait": 2.5,
    "contact_request": 2.5,
    "sales_offer": 1.5,
    "testimonial": 1.5,
    "chain_letter": 2.5,
}
# The least log-odds a comment with these signals can have, whatever its words: an offer with
# a way to respond off-site is held for a moderator (0.88) even when it reads like a comment.
FLOORS = {"sales_pitch": 2.0}


def _weights() -> tuple[float, dict[str, float]]:
    """The fitted intercept and weights."""
    return linear_weights(DATA)


def model_logit(features: list[str]) -> float:
    """The fitted logistic regression's log-odds for the features from `spam.analyze`."""
    intercept, weights = _weights()
    return intercept + math.fsum(map(weights.get, set(features), repeat(0.0)))


def prior_logit(found: list[Signal]) -> float:
    """The log-odds the rare signals present add to the model's."""
    return sum(PRIORS.get(signal.code, 0.0) for signal in found)


def signal_logit(model: float, found: list[Signal]) -> float:
    """The model's log-odds `model` plus the priors of the rare signals present, raised to
    the floor of any signal that has one."""
    logit = model + prior_logit(found)
    return max([logit, *(FLOORS.get(signal.code, logit) for signal in found)])


def content_logit(found: list[Signal], features: list[str]) -> float:
    """The content log-odds of a comment from its signals and the model's features."""
    return signal_logit(model_logit(features), found)
