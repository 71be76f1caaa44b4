"""The live fan-out: one Redis subscription per process, shared by all its stream readers.

A reader (an open Server-Sent Events response) registers for an article and gets a queue.
One thread per process (a greenlet under gevent) holds the process's only pub/sub connection,
subscribed to the channels of the articles that have readers here, and puts each message on
the queues of that article's readers, parsed once. So a thousand readers of a hot article
cost Redis one connection and one delivery per message, not a thousand of each.

Subscriptions change only on the fan-out thread (redis-py's PubSub is not thread-safe): a new
reader's article is subscribed within POLL seconds. If Redis fails, every reader is told (its
stream ends and the browser reconnects) and the thread stops; the next reader starts it again.
A reader whose queue overflows (a stalled connection) is dropped the same way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import redis

log = logging.getLogger(__name__)

POLL = 0.1  # seconds the fan-out thread waits for a message before it looks at (un)subscribes
QUEUE_SIZE = 1000  # events waiting for one reader before it is dropped as stalled


class Interrupted(Exception):
    """The stream can no longer follow its article (Redis failed, or the reader fell behind)."""


@dataclass(eq=False)
class Reader:
    """One open stream: the events of its article, in order; None means it was interrupted."""

    channel: str
    events: queue.Queue[tuple[str, str] | None] = field(
        default_factory=lambda: queue.Queue(QUEUE_SIZE)
    )

    def next(self, timeout: float) -> tuple[str, str] | None:
        """The next (event, json data), or None after `timeout` seconds of quiet."""
        try:
            item = self.events.get(timeout=timeout)
        except queue.Empty:
            return None
        if item is None:
            raise Interrupted("the live stream was interrupted")
        return item


class Fanout:
    """The process's subscriber: readers by channel, and the thread that feeds them."""

    def __init__(self, connect: Callable[[], redis.Redis]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._readers: dict[str, set[Reader]] = {}
        self._thread: threading.Thread | None = None

    def open(self, channel: str) -> Reader:
        """Register a reader of `channel`, starting the fan-out thread if it is not running."""
        reader = Reader(channel)
        with self._lock:
            self._readers.setdefault(channel, set()).add(reader)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="gatehouse-live", daemon=True
                )
                self._thread.start()
        return reader

    def close(self, reader: Reader) -> None:
        """Forget a reader; its channel is unsubscribed once it has none."""
        with self._lock:
            readers = self._readers.get(reader.channel)
            if readers is not None:
                readers.discard(reader)
                if not readers:
                    del self._readers[reader.channel]

    def readers(self) -> int:
        """How many streams are open in this process."""
        with self._lock:
            return sum(len(r) for r in self._readers.values())

    def _run(self) -> None:
        client = self._connect()
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        subscribed: set[str] = set()
        try:
            while True:
                with self._lock:
                    wanted = set(self._readers)
                    if not wanted and not subscribed:
                        self._thread = None  # nobody listens: stop; open() starts a new one
                        return
                if wanted - subscribed:
                    pubsub.subscribe(*(wanted - subscribed))
                if subscribed - wanted:
                    pubsub.unsubscribe(*(subscribed - wanted))
                subscribed = wanted
                if not subscribed:
                    continue
                message = pubsub.get_message(timeout=POLL)
                if message is not None and message.get("type") == "message":
                    self._deliver(message)
        except redis.RedisError as exc:
            log.warning("live events interrupted", extra={"error": str(exc)})
            self._interrupt_all()
        finally:
            pubsub.close()
            client.close()

    def _deliver(self, message: dict[str, Any]) -> None:
        parsed = json.loads(message["data"])
        item = (parsed["event"], json.dumps(parsed["data"]))
        with self._lock:
            readers = list(self._readers.get(message["channel"], ()))
        for reader in readers:
            try:
                reader.events.put_nowait(item)
            except queue.Full:  # a stalled reader: end its stream rather than hold its events
                self.close(reader)
                _tell_interrupted(reader)

    def _interrupt_all(self) -> None:
        with self._lock:
            readers = [r for group in self._readers.values() for r in group]
            self._readers.clear()
            self._thread = None
        for reader in readers:
            _tell_interrupted(reader)


def _tell_interrupted(reader: Reader) -> None:
    """Put the end marker on a reader's queue, making room for it if the queue is full."""
    while True:
        try:
            reader.events.put_nowait(None)
            return
        except queue.Full:
            with contextlib.suppress(queue.Empty):
                reader.events.get_nowait()
