"""Load generators for the benches: closed-loop (as fast as N connections go) and open-loop
(a request every 1/rate seconds whatever the answers), over keep-alive HTTP/1.1, plus a Redis
pub/sub listener that notes when each comment is announced as published.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field

import redis

from bench.common import article_path, comment_json


@dataclass
class Sent:
    """One POST: when it was due, when its answer came, the status and the comment id."""

    due: float
    done: float = 0.0
    status: int = 0
    comment_id: str = ""


KEEPALIVE = 4.0  # under gunicorn's keepalive (5 s): an older idle connection may be closing


class _Conn:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.used = time.monotonic()


def _take(idle: list[_Conn]) -> _Conn | None:
    """A kept-alive connection still fresh enough to reuse; stale ones are closed."""
    while idle:
        conn = idle.pop()
        if time.monotonic() - conn.used < KEEPALIVE:
            return conn
        conn.writer.close()
    return None


async def _open(port: int) -> _Conn:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    return _Conn(reader, writer)


async def _post(conn: _Conn, port: int, n: int) -> tuple[int, bytes]:
    body = comment_json(n)
    head = (f"POST {article_path(n)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")  # fmt: skip
    conn.writer.write(head.encode() + body)
    status_line = await conn.reader.readline()
    length = 0
    while True:
        line = await conn.reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    payload = await conn.reader.readexactly(length) if length else b""
    return int(status_line.split()[1]), payload


async def _send(idle: list[_Conn], port: int, n: int, sent: Sent) -> None:
    conn = _take(idle) or await _open(port)
    try:
        sent.status, payload = await _post(conn, port, n)
        sent.done = conn.used = time.monotonic()
        if sent.status == 202:
            sent.comment_id = json.loads(payload)["id"]
        idle.append(conn)
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
        sent.done = time.monotonic()
        conn.writer.close()


async def _closed(port: int, count: int, start: int, concurrency: int) -> list[Sent]:
    results: list[Sent] = []
    counter = iter(range(start, start + count))

    async def lane() -> None:
        idle: list[_Conn] = []
        for n in counter:
            sent = Sent(due=time.monotonic())
            await _send(idle, port, n, sent)
            results.append(sent)
        for conn in idle:
            conn.writer.close()

    await asyncio.gather(*(lane() for _ in range(concurrency)))
    return results


async def _open_loop(port: int, rate: float, seconds: float, start: int) -> list[Sent]:
    idle: list[_Conn] = []
    tasks, results = [], []
    t0 = time.monotonic() + 0.05
    for i in range(int(rate * seconds)):
        due = t0 + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sent = Sent(due=due)
        results.append(sent)
        tasks.append(asyncio.ensure_future(_send(idle, port, start + i, sent)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)
    for conn in idle:
        conn.writer.close()
    return results


def closed_loop(port: int, count: int, *, start: int = 0, concurrency: int = 16) -> list[Sent]:
    """POST `count` comments over `concurrency` keep-alive connections, as fast as they answer."""
    return asyncio.run(_closed(port, count, start, concurrency))


def open_loop(port: int, rate: float, seconds: float, *, start: int = 0) -> list[Sent]:
    """POST at a fixed rate for `seconds`, on time whatever the answers (no coordinated omission)."""
    return asyncio.run(_open_loop(port, rate, seconds, start))


@dataclass
class Announcements:
    """Listens to every bench article's channel; `seen` maps comment id to arrival (monotonic)."""

    redis_url: str
    seen: dict[str, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Announcements:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def _run(self, ready: threading.Event) -> None:
        client = redis.Redis.from_url(self.redis_url)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        pubsub.psubscribe("gatehouse:thread:bench-*")
        pubsub.get_message(timeout=1)  # the subscription's confirmation
        ready.set()
        while not self._stop.is_set():
            message = pubsub.get_message(timeout=0.1)
            if message is not None:
                arrived = time.monotonic()
                event = json.loads(message["data"])
                if event.get("event") == "comment.published":
                    self.seen[event["data"]["id"]] = arrived
        pubsub.close()
        client.close()

    def wait_for(self, ids: set[str], timeout: float) -> int:
        """Wait until every id is seen (or the timeout); return how many were."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not ids.issubset(self.seen.keys()):
            time.sleep(0.05)
        return len(ids & self.seen.keys())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
