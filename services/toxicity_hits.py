"""What a toxicity detector reports, and the words the detectors read."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Hit:
    """A detector's finding, with its span in the normalised text."""

    category: str
    term: str
    start: int
    end: int
