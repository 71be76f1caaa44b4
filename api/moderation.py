"""The moderators' blueprint, `bp`, with all its routes: queue, comments, decisions, bans,
article settings, word lists, audit.

Each api/moderation_*.py adds its routes to the one blueprint (api/moderation_kit.py) when it
is imported; importing them here is what gives `bp` its routes, in this order, so that the
app's url_map lists them as it always has.
"""

from __future__ import annotations

# isort: off
from api import (  # noqa: F401 - imported for the routes they register on bp
    moderation_queue,
    moderation_decisions,
    moderation_bans,
    moderation_settings,
    moderation_audit,
)

# isort: on
from api.moderation_kit import bp

__all__ = ["bp"]
