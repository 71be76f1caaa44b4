"""Where the fitted models are read from: services/data, or GATEHOUSE_MODEL_DIR when set (a
refitted set of models dropped in by configuration, as bench/heldout.py does)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "GATEHOUSE_MODEL_DIR"
SHIPPED = Path(__file__).resolve().parent / "data"


def model_file(name: str) -> Path:
    """The path of one model file."""
    return Path(os.environ.get(ENV_VAR) or SHIPPED) / name
