"""A circuit breaker: after a failure, skip the call for a while instead of waiting on it again."""

from __future__ import annotations

import threading
import time


class Breaker:
    """Open for `cool_off` seconds after each trip; callers skip the guarded call while open."""

    def __init__(self, cool_off: float = 2.0) -> None:
        self.cool_off = cool_off
        self._open_until = 0.0
        self._lock = threading.Lock()

    def allows(self) -> bool:
        """Whether the guarded call may be tried now."""
        return time.monotonic() >= self._open_until

    def trip(self) -> None:
        """Record a failure: skip the call for the cool-off."""
        with self._lock:
            self._open_until = time.monotonic() + self.cool_off

    def reset(self) -> None:
        """Close the breaker at once."""
        self._open_until = 0.0
