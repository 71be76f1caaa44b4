"""What the spam tests ask of a comment: the signals it raises, and whether it is held."""

from __future__ import annotations

from services import spam
from services.pipeline import Action, moderate


def codes(text: str) -> set[str]:
    """The codes of the content signals `text` raises."""
    return {signal.code for signal in spam.analyze(text)[0]}


def held(text: str) -> bool:
    """Whether the pipeline holds or rejects `text`."""
    return moderate(text).action in (Action.HOLD, Action.REJECT)
