"""What a fault test starts (its own Redis, gunicorn, prefork workers, a beat) and how it talks
to them: clean comments, HTTP requests, a look into the queue."""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Self

import redis as redis_py

from services.inbox import INBOX
from tests.conftest import worker_env
from tests.support.processes import (
    ApiServer,
    RedisServer,
    WorkerProcess,
    _child_env,
    _Process,
    temp_dir,
    wait_until,
)

# Short enough for re-sends and restores to happen within a test, long enough for a task:
# the beat re-sends a pending comment untouched for 3 s; a message abandoned by a killed
# worker is visible again after 4 x TASK_TIME_LIMIT = 32 s.
FAULT_ENV = {
    "STALE_AFTER_SECONDS": "3",
    "TASK_TIME_LIMIT": "8",
    "MAX_ATTEMPTS": "5",
    "COMMENT_RATE_LIMIT": "off",
    "LOG_LEVEL": "INFO",
}
QUEUE = "moderation"
_NOTABLE = re.compile(r"WARNING|ERROR|CRITICAL|Traceback|exited|shutdown|Shutdown|ready\.")
_LOST = re.compile(r"^.*Task handler raised error: WorkerLostError", re.MULTILINE)


class BeatProcess(_Process):
    """`celery -A workers.celery_app beat`, its schedule file in a scratch directory."""

    def __init__(self, env: dict[str, str]) -> None:
        scratch = temp_dir("beat")
        super().__init__(scratch / "beat.log")
        self.env = _child_env(env)
        self.argv = [sys.executable, "-m", "celery", "-A", "workers.celery_app", "beat",
                     "-s", str(scratch / "schedule"), "--loglevel", "INFO"]  # fmt: skip

    def start(self) -> Self:
        self._spawn(self.argv, self.env)
        wait_until(lambda: "beat: Starting" in self.log_text() or self._check_alive(), 30, 0.1)
        return self


@dataclass
class Rig:
    """One fault test's system: a Redis, an API, workers and a beat, all its own."""

    database_url: str
    redis: RedisServer
    env: dict[str, str]
    api: ApiServer | None = None
    workers: list[WorkerProcess] = field(default_factory=list)
    beat: BeatProcess | None = None

    def start_api(self, **env: str) -> ApiServer:
        """gunicorn with two sync workers."""
        self.api = ApiServer(env={**self.env, **env}, workers=2).start().wait_ready(timeout=60)
        return self.api

    def start_worker(self, concurrency: int = 2, **env: str) -> WorkerProcess:
        """A prefork worker on both queues, ready to consume."""
        worker = WorkerProcess(env={**self.env, **env}, concurrency=concurrency)
        self.workers.append(worker)
        return worker.start().wait_ready(timeout=60)

    def start_beat(self) -> BeatProcess:
        self.beat = BeatProcess(self.env).start()
        return self.beat

    def stop(self) -> None:
        """Stop everything this rig started (the Redis last)."""
        for proc in [*self.workers, self.beat, self.api]:
            if proc is not None and proc.proc is not None:
                proc.stop(signal.SIGTERM, timeout=20)
        self.redis.stop()

    def print_logs(self, lines: int = 40) -> None:
        """The end of each process's log, warnings and errors only, for a failing test's output."""
        for proc in [*self.workers, self.beat, self.api, self.redis]:
            if proc is None:
                continue
            notable = [line[:400] for line in proc.log_text().splitlines()
                       if _NOTABLE.search(line)]  # fmt: skip
            state = "running" if proc.running() else f"exited {proc.proc and proc.proc.poll()}"
            print(f"--- {type(proc).__name__} {proc.log_path} ({state})", *notable[-lines:],
                  sep="\n")  # fmt: skip

    def lost_workers(self) -> int:
        """How many tasks a pool process died under, by the workers' logs."""
        return sum(len(_LOST.findall(w.log_text())) for w in self.workers)


@contextlib.contextmanager
def rig(database_url: str, **env: str) -> Iterator[Rig]:
    """A Redis of the test's own (never 6379) and room for the other parts; all stopped after."""
    redis = RedisServer().start()
    extra = {**FAULT_ENV, **env}
    system = Rig(database_url, redis, worker_env(database_url, redis.url, **extra))
    try:
        yield system
    except BaseException:
        system.print_logs()
        raise
    finally:
        system.stop()


def kill_pool_process(worker: WorkerProcess) -> int:
    """SIGKILL one of the worker's pool processes; its pid."""
    pid = worker.pool_pids()[0]
    os.kill(pid, signal.SIGKILL)
    return pid


_WORDS = (
    ("The minister", "This report", "The council", "Our mayor", "The committee", "The new plan",
     "The budget", "This article", "The summit", "The inquiry"),
    ("explains", "questions", "covers", "describes", "weighs", "examines", "summarises",
     "outlines", "reviews", "clarifies"),
    ("the housing costs", "the school funding", "the rail timetable", "the water supply",
     "the local elections", "the hospital waiting lists", "the road repairs",
     "the library hours", "the park renovation", "the tax changes"),
    ("rather well.", "with care.", "in useful detail.", "fairly, I think.", "clearly enough.",
     "better than last week.", "with good sources.", "at a sensible length.", "calmly.",
     "for once without spin."),
)  # fmt: skip


def clean_text(n: int) -> str:
    """A clean sentence, different in its letters for every n below 10,000."""
    return " ".join(words[(n // 10**i) % 10] for i, words in enumerate(_WORDS))


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: status, headers, parsed JSON body (or None), seconds taken."""

    status: int
    headers: dict[str, str]
    body: Any
    seconds: float


def request(base: str, method: str, path: str, body: Any = None, *, headers: dict[str, str]
            | None = None, raw: bytes | None = None, timeout: float = 30) -> Answer:  # fmt: skip
    """One request on a fresh connection (gunicorn's sync workers close it anyway)."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    sent = {"Content-Type": "application/json"} if data is not None else {}
    started = time.monotonic()
    try:
        conn.request(method, path, body=data, headers={**sent, **(headers or {})})
        response = conn.getresponse()
        text = response.read()
    finally:
        conn.close()
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    return Answer(response.status, dict(response.getheaders()), parsed, time.monotonic() - started)


def queue_state(redis_url: str) -> dict[str, int]:
    """Comment ids on the intake list plus messages waiting in the moderation queue (all
    priorities), and messages delivered but unacked."""
    client = redis_py.Redis.from_url(redis_url, socket_timeout=2)
    try:
        keys = [k for k in client.scan_iter(match=f"{QUEUE}*", count=1000)
                if client.type(k) == b"list"]  # fmt: skip
        ready = sum(int(client.llen(k)) for k in keys) + int(client.llen(INBOX))
        return {"ready": ready, "unacked": int(client.hlen("unacked"))}
    except redis_py.RedisError:
        return {"ready": -1, "unacked": -1}
    finally:
        client.close()


def queued_comment_ids(redis_url: str) -> list[str]:
    """The comment ids waiting on the intake list and in the moderation tasks of the queue."""
    client = redis_py.Redis.from_url(redis_url)
    try:
        ids = [i.decode() for i in client.lrange(INBOX, 0, -1)]
        raw = client.lrange(QUEUE, 0, -1)
    finally:
        client.close()
    for item in raw:
        message = json.loads(item)
        first = json.loads(base64.b64decode(message["body"]))[0][0]
        ids.extend(first if isinstance(first, list) else [first])  # a batch, or one id
    return ids
