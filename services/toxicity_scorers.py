"""Toxicity scorers: alt-profanity-check's linear model in plain Python, and a null one."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from services.model_files import model_file

DATA = model_file("profanity_check.npz")
# The exact token pattern of alt-profanity-check's TfidfVectorizer.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
ENV_VAR = "GATEHOUSE_TOXICITY_SCORER"
# alt-profanity-check calibrates its linear SVM five times over (five folds) and averages.
MODELS = 5


class ToxicityScorer(Protocol):
    """Anything that turns a comment into a toxicity probability."""

    def score(self, text: str, normalized_text: str) -> float:
        """Probability in 0..1 that the comment is toxic, given as written (`text`) and as
        the words the model should judge, lowercased and joined by single spaces."""
        ...


class NullScorer:
    """Scores everything 0: for tests, or to rely on the patterns alone."""

    def score(self, text: str, normalized_text: str) -> float:
        """Always 0."""
        return 0.0


class LinearScorer:
    """alt-profanity-check's tf-idf + calibrated linear SVMs, over the tokens present."""

    def __init__(self, path: Path = DATA) -> None:
        self._path = path
        self._table: dict[str, tuple[float, ...]] | None = None
        self._calibration: list[tuple[float, float, float]] = []

    def _load(self) -> dict[str, tuple[float, ...]]:
        """Read the exported vocabulary, idf, coefficients and calibrators once."""
        with np.load(self._path) as data:
            words = bytes(data["words"]).decode("utf-8").split("\n")
            rows = np.column_stack([data["idf"], data["coef"].T]).tolist()
            self._calibration = list(
                zip(data["intercept"].tolist(), data["a"].tolist(), data["b"].tolist(), strict=True)
            )
        if len(self._calibration) != MODELS:
            raise ValueError(f"{self._path}: expected {MODELS} calibrated models")
        self._table = {word: tuple(row) for word, row in zip(words, rows, strict=True)}
        return self._table

    def probability(self, text: str) -> float:
        """What `profanity_check.predict_prob([text])[0]` returns, without scikit-learn."""
        return self._of_tokens(TOKEN.findall(text.lower()))

    def _of_tokens(self, tokens: list[str]) -> float:
        """The l2-normalised tf-idf of the tokens in the vocabulary, each model's decision
        value through its sigmoid calibrator, averaged."""
        table = self._table if self._table is not None else self._load()
        norm = d0 = d1 = d2 = d3 = d4 = 0.0
        for token, count in Counter(tokens).items():
            row = table.get(token)
            if row is None:
                continue
            idf, c0, c1, c2, c3, c4 = row
            weight = count * idf
            norm += weight * weight
            d0 += weight * c0
            d1 += weight * c1
            d2 += weight * c2
            d3 += weight * c3
            d4 += weight * c4
        scale = 1.0 / math.sqrt(norm) if norm else 0.0
        total = 0.0
        for dot, (intercept, a, b) in zip((d0, d1, d2, d3, d4), self._calibration, strict=True):
            total += 1.0 / (1.0 + math.exp(a * (dot * scale + intercept) + b))
        return total / MODELS

    def score(self, text: str, normalized_text: str) -> float:
        """The model's probability for the comment's words, given lowercased and joined by
        single spaces (services.toxicity_masking.masked): each a run of word characters, so
        TOKEN would find exactly those of two characters or more."""
        return self._of_tokens([word for word in normalized_text.split() if len(word) > 1])


SCORERS: dict[str, type[NullScorer] | type[LinearScorer]] = {
    "linear": LinearScorer,
    "null": NullScorer,
}


def get_scorer(name: str | None = None) -> ToxicityScorer:
    """The scorer named by `name`, else by GATEHOUSE_TOXICITY_SCORER (default "linear")."""
    choice = (name or os.environ.get(ENV_VAR) or "linear").strip().lower()
    if choice not in SCORERS:
        raise ValueError(f"unknown toxicity scorer {choice!r}; choose from {sorted(SCORERS)}")
    return _scorer(choice)


@cache
def _scorer(choice: str) -> ToxicityScorer:
    """One shared instance per scorer, so a model is loaded once."""
    return SCORERS[choice]()
