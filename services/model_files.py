"""Where the fitted models are read from: services/data, or GATEHOUSE_MODEL_DIR when set (a
refitted set of models dropped in by configuration, as bench/heldout.py does)."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

ENV_VAR = "GATEHOUSE_MODEL_DIR"
SHIPPED = Path(__file__).resolve().parent / "data"


def model_file(name: str) -> Path:
    """The path of one model file."""
    return Path(os.environ.get(ENV_VAR) or SHIPPED) / name


@cache
def linear_weights(path: Path) -> tuple[float, dict[str, float]]:
    """A fitted linear model's intercept and feature weights (JSON), read once per path."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()}
