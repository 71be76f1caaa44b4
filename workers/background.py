"""Consumer steps that run a loop on their own thread while the worker consumes.

Celery stops and restarts consumer steps when the broker connection is lost and regained, so
such a loop runs only while the worker is connected to its queues.
"""

from __future__ import annotations

import threading
from typing import Any

from celery import bootsteps


class ThreadStep(bootsteps.StartStopStep):
    """Run `loop(consumer, stop)` on a daemon thread from start until stop sets `stop`."""

    requires = ("celery.worker.consumer.tasks:Tasks",)
    thread_name = "gatehouse-step"
    join_seconds = 2.0  # how long stop waits for the loop to notice

    def __init__(self, consumer: Any, **kwargs: Any) -> None:
        super().__init__(consumer, **kwargs)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def wanted(self, consumer: Any) -> bool:
        """Whether this worker runs the loop at all."""
        return True

    def loop(self, consumer: Any, stop: threading.Event) -> None:
        """The work, until `stop` is set."""
        raise NotImplementedError

    def before_start(self, consumer: Any) -> None:
        """Run on the consumer's thread before the loop's thread starts."""

    def after_stop(self, consumer: Any) -> None:
        """Run once the loop's thread has ended (or `join_seconds` have passed)."""

    def start(self, consumer: Any) -> None:
        if not self.wanted(consumer):
            return
        self.before_start(consumer)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self.loop, args=(consumer, self._stop), name=self.thread_name, daemon=True
        )
        self._thread.start()

    def stop(self, consumer: Any) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.join_seconds)
            self._thread = None
            self.after_stop(consumer)

    shutdown = stop
