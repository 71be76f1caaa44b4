"""kombu's Redis transport, made to survive losing Redis while tasks are unacknowledged.

When the connection to Redis drops, Celery collects the connection, which detaches its channels
from it. Two things then still reach for a Redis client through such a channel: closing it (to
put delivered but unacked messages back in the queue), and a task that was running meanwhile,
acknowledging its message when it ends. kombu then finds no connection to build a client from
and raises AttributeError; that is no connection error, so the worker stops with "Unrecoverable
error" and consumes nothing more until something restarts it.

Here such a channel raises a connection error instead, which kombu and Celery expect and pass
over (the ack is logged as not sent). Nothing is lost: those messages stay in Redis's unacked
set, from which a worker restores them once the visibility timeout has passed, and a second
delivery of a decided comment is skipped.
"""

from __future__ import annotations

from typing import Any

import redis as redis_py
from kombu.transport import redis


class Channel(redis.Channel):
    def _connparams(self, asynchronous: bool = False) -> Any:
        """Where to connect; a connection error once the channel was detached from its connection."""
        transport = self.connection
        if transport is None or getattr(transport, "client", None) is None:
            raise redis_py.ConnectionError("this channel's broker connection was closed")
        return super()._connparams(asynchronous=asynchronous)


class Transport(redis.Transport):
    """`redis://` URLs, with the channel above."""

    Channel = Channel
