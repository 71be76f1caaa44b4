"""The live fan-out: one subscription per process, each event to each reader of its article."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import cast

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from services import live
from services.live import Fanout, Interrupted, Reader
from tests.support.processes import RedisServer, wait_until


def publish_until_heard(
    client: redis.Redis, channel: str, event: str, reader: Reader
) -> tuple[str, str]:
    """Publish until the fan-out has subscribed and the reader hears it (subscribing is async)."""
    message = json.dumps({"event": event, "data": {"id": "c1"}})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        client.publish(channel, message)
        heard = reader.next(0.2)
        if heard is not None:
            return heard
    raise AssertionError("the reader heard nothing")


def subscribers(client: redis.Redis, channel: str) -> int:
    counts = cast(list[tuple[str, int]], client.pubsub_numsub(channel))
    return int(counts[0][1])


@pytest.fixture
def channels(request: pytest.FixtureRequest) -> tuple[str, str]:
    """Two channel names of this test only (a fan-out of an earlier test may still listen)."""
    return f"{request.node.name}:a", f"{request.node.name}:b"


@pytest.fixture
def connect(redis_server: RedisServer, clean: None) -> Callable[[], redis.Redis]:
    return lambda: redis.Redis.from_url(redis_server.url, decode_responses=True)


def test_readers_of_an_article_share_one_subscription(
    connect: Callable[[], redis.Redis], channels: tuple[str, str]
) -> None:
    thread_a, thread_b = channels
    client, fanout = connect(), Fanout(connect)
    one, two, other = fanout.open(thread_a), fanout.open(thread_a), fanout.open(thread_b)
    assert publish_until_heard(client, thread_a, "comment.published", one) == (
        "comment.published",
        '{"id": "c1"}',
    )
    while two.next(0.2) is not None:  # what `one` heard while waiting, `two` heard too
        pass
    client.publish(thread_a, json.dumps({"event": "comment.removed", "data": {"id": "c2"}}))
    assert two.next(2) == ("comment.removed", '{"id": "c2"}')
    assert other.next(0.3) is None  # nothing was said on its article
    assert subscribers(client, thread_a) == 1  # one connection for both readers
    assert fanout.readers() == 3


def test_the_last_reader_leaving_unsubscribes_and_stops_the_thread(
    connect: Callable[[], redis.Redis], channels: tuple[str, str]
) -> None:
    thread_a = channels[0]
    client, fanout = connect(), Fanout(connect)
    reader = fanout.open(thread_a)
    publish_until_heard(client, thread_a, "comment.published", reader)
    fanout.close(reader)
    wait_until(lambda: subscribers(client, thread_a) == 0, 5, interval=0.05)
    wait_until(lambda: fanout._thread is None, 5, interval=0.05)
    again = fanout.open(thread_a)  # and it starts again for the next reader
    publish_until_heard(client, thread_a, "comment.published", again)


def test_a_failing_redis_interrupts_every_reader(channels: tuple[str, str]) -> None:
    thread_a, thread_b = channels

    def refuse() -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=1, retry=Retry(NoBackoff(), 0))

    fanout = Fanout(refuse)
    readers = [fanout.open(thread_a), fanout.open(thread_b)]
    for reader in readers:
        with pytest.raises(Interrupted):
            reader.next(5)
    assert fanout.readers() == 0


def test_a_reader_that_falls_behind_is_dropped(
    connect: Callable[[], redis.Redis], channels: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    thread_a = channels[0]
    monkeypatch.setattr(live, "QUEUE_SIZE", 3)
    client, fanout = connect(), Fanout(connect)
    slow, keen = fanout.open(thread_a), fanout.open(thread_a)
    publish_until_heard(client, thread_a, "comment.published", keen)
    for n in range(6):  # `slow` reads none of these
        client.publish(thread_a, json.dumps({"event": "comment.published", "data": {"n": n}}))
        assert keen.next(2) is not None
    with pytest.raises(Interrupted):
        while slow.next(1) is not None:
            pass
    assert fanout.readers() == 1
