"""How many idle SSE readers one process holds, and whether the intake still answers fast.

Starts its own Redis, a migrated SQLite database (or --database-url) and the API under
gunicorn (--workers, gunicorn.conf.py's gthread). With --model split (what `make run` runs)
the streams go to the stream process beside it (api/web/stream.py: gevent, one process); with
--model single they go to the API itself, whose worker class --worker-class picks. Opens
--streams idle streams from this process, reads the RSS of the process(es) holding them, times
POSTs to the API while the streams stay open, then publishes one event and times its fan-out
to every reader. --wrk also runs `wrk` (Debian's package) against the intake before and while
the streams are open. Prints a readable summary and, last, one JSON line.

    .venv/bin/python bench/streams.py --streams 5000 --wrk
    .venv/bin/python bench/streams.py --model single --worker-class gthread --streams 20
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402

from services import events  # noqa: E402
from services.migrate import upgrade  # noqa: E402
from tests.support.processes import ApiServer, RedisServer, child_pids, temp_dir  # noqa: E402

ARTICLE = "bench-streams"
COMMENT = json.dumps({"author_name": "Bench", "body": "A short and polite comment."})
WRK_SCRIPT = f"""wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = {json.dumps(COMMENT)}
"""


def rss_kib(pid: int) -> int:
    """Resident memory of one process, in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]


def open_streams(port: int, count: int, timeout: float) -> tuple[list[socket.socket], int]:
    """Open `count` SSE connections; return them and how many got their first chunk in time."""
    request = (
        f"GET /api/v1/articles/{ARTICLE}/comments/stream HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
    ).encode()
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(request)
        sock.setblocking(False)
        socks.append(sock)
    return socks, wait_for(socks, b"retry:", timeout)


def wait_for(socks: list[socket.socket], marker: bytes, timeout: float) -> int:
    """Read every socket until it has shown `marker`; return how many did within the timeout."""
    selector = selectors.DefaultSelector()
    seen: dict[socket.socket, bytes] = {}
    for sock in socks:
        selector.register(sock, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    done = 0
    while done < len(socks) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.2):
            sock = key.fileobj
            chunk = sock.recv(65536)  # type: ignore[union-attr]
            seen[sock] = (seen.get(sock, b"") + chunk)[-4096:]  # type: ignore[index]
            if marker in seen[sock] or not chunk:  # type: ignore[index]
                selector.unregister(sock)
                done += bool(chunk)
    selector.close()
    return done


def time_posts(port: int, count: int) -> dict[str, float]:
    """POST `count` comments one after another; latency in ms, and how many failed."""
    latencies, failed = [], 0
    for _ in range(count):
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("POST", f"/api/v1/articles/{ARTICLE}/comments", COMMENT,
                         {"Content-Type": "application/json"})  # fmt: skip
            ok = conn.getresponse().status == 202
            conn.close()
        except OSError:
            ok = False
        latencies.append((time.perf_counter() - start) * 1000)
        failed += not ok
        if failed >= 3 and failed == len(latencies):
            break  # starved: every request times out, no need to wait for all of them
    latencies.sort()
    return {"median_ms": round(statistics.median(latencies), 2),
            "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
            "max_ms": round(latencies[-1], 2), "failed": failed}  # fmt: skip


def run_wrk(port: int, seconds: int, connections: int) -> dict[str, float] | None:
    """Requests per second and p99 latency of `wrk` POSTing comments, if wrk is installed."""
    if not shutil.which("wrk"):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT)
        script.flush()
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name,
             f"http://127.0.0.1:{port}/api/v1/articles/{ARTICLE}/comments"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else 0
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"req_per_s": rps, "p99_ms": round(float(p99.group(1)) * scale, 2) if p99 else -1,
            "non_2xx": int(errors.group(1)) if errors else 0}  # fmt: skip


def wait_subscribed(redis_url: str, count: int, timeout: float) -> float | None:
    """Seconds until Redis counts `count` subscribers on the article's channel (None: never)."""
    client, start = redis.Redis.from_url(redis_url), time.perf_counter()
    while time.perf_counter() - start < timeout:
        subscribers = dict(client.pubsub_numsub(events.channel(ARTICLE)))
        if subscribers.get(events.channel(ARTICLE).encode(), 0) >= count:
            time.sleep(1)  # let the last ones settle before memory is read
            return round(time.perf_counter() - start, 2)
        time.sleep(0.25)
    return None


def fan_out(redis_url: str, socks: list[socket.socket], timeout: float) -> tuple[int, float]:
    """Publish one event; return how many readers received it and how long the last took."""
    message = {"event": events.PUBLISHED, "data": {"id": "bench", "body": "hello"}}
    start = time.perf_counter()
    redis.Redis.from_url(redis_url).publish(events.channel(ARTICLE), json.dumps(message))
    received = wait_for(socks, events.PUBLISHED.encode(), timeout)
    return received, round(time.perf_counter() - start, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=2000)
    parser.add_argument("--model", choices=("split", "single"), default="split")
    parser.add_argument("--worker-class", default="gthread", help="the API's, for --model single")
    parser.add_argument("--workers", type=int, default=2, help="the API's worker processes")
    parser.add_argument("--threads", type=int, default=8, help="gthread threads per process")
    parser.add_argument("--database-url", help="an empty database to use (default: a SQLite file)")
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--wrk", action="store_true", help="also measure intake with wrk")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    args = parser.parse_args()

    scratch = temp_dir("bench")
    database_url = args.database_url or f"sqlite:///{scratch / 'bench.db'}"
    upgrade(database_url)
    with RedisServer(scratch / "redis") as redis_server:
        env = {"DATABASE_URL": database_url, "REDIS_URL": redis_server.url,
               "SECRET_KEY": "bench", "COMMENT_RATE_LIMIT": "off", "JSON_LOGS": "1",
               "GUNICORN_WORKER_CLASS": args.worker_class,
               "GUNICORN_THREADS": str(args.threads)}  # fmt: skip
        connections = ["--worker-connections", str(args.streams + 1000)]
        api = ApiServer(env, workers=args.workers, log_path=scratch / "api.log")
        api.argv += connections
        streams = api
        if args.model == "split":
            streams = ApiServer(env, workers=1, log_path=scratch / "stream.log")
            app = streams.argv.index("api:create_app()")
            streams.argv[app:] = [
                "-k",
                "gevent",
                *connections,
                "api.web.stream:create_stream_app()",
            ]
            streams.start().wait_ready()
        try:
            with api:
                result = measure(api, streams, redis_server.url, args)
        finally:
            streams.stop()
    result.update(model=args.model, streams=args.streams, api_workers=args.workers,
                  api_worker_class=args.worker_class, database=database_url.split(":", 1)[0])  # fmt: skip
    print(json.dumps(result))


def measure(
    api: ApiServer, streams: ApiServer, redis_url: str, args: argparse.Namespace
) -> dict[str, object]:
    """The measurements, against started servers."""
    holders = child_pids(streams.pid)  # the worker processes that will hold the streams
    time_posts(api.port, 20)  # warm up: imports, connection pools
    result: dict[str, object] = {"rss_idle_kib": sum(map(rss_kib, holders))}
    result["posts_idle"] = time_posts(api.port, args.posts)
    if args.wrk:
        result["wrk_idle"] = run_wrk(api.port, args.wrk_seconds, 16)
    start = time.perf_counter()
    socks, opened = open_streams(streams.port, args.streams, max(30.0, args.streams / 100))
    result.update(opened=opened, open_seconds=round(time.perf_counter() - start, 2))
    # each process holding streams subscribes once for all its readers (services/live.py)
    result["subscribed_seconds"] = wait_subscribed(redis_url, 1, timeout=120)
    result["rss_streams_kib"] = rss = sum(map(rss_kib, holders))
    result["kib_per_stream"] = round((rss - result["rss_idle_kib"]) / max(opened, 1), 1)  # type: ignore[operator]
    result["redis_clients"] = redis.Redis.from_url(redis_url).info("clients")["connected_clients"]
    result["posts_with_streams"] = time_posts(api.port, args.posts)
    if args.wrk:
        result["wrk_with_streams"] = run_wrk(api.port, args.wrk_seconds, 16)
    received, seconds = fan_out(redis_url, socks, timeout=30)
    result.update(fan_out_received=received, fan_out_seconds=seconds)
    for sock in socks:
        sock.close()
    for key, value in result.items():
        print(f"{key:>20}: {value}")
    return result


if __name__ == "__main__":
    main()
