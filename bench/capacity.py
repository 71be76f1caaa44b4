"""What one Redis and one PostgreSQL carry on this machine, for bench/SCALING.md:
redis-benchmark (Debian's redis-tools) on a scratch Redis, pgbench on a scratch database.

    .venv/bin/python -m bench.capacity
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import uuid

import psycopg

from bench.common import PG_ADMIN_URL, log
from tests.support.processes import RedisServer

REDIS_TESTS = "lpush,rpop,set,incr"


def redis_ops(clients: int = 16) -> dict[str, float]:
    """Requests per second per command, one connection per request at a time (no pipelining)."""
    if not shutil.which("redis-benchmark"):
        return {}
    with RedisServer() as server:
        out = subprocess.run(
            ["redis-benchmark", "-p", str(server.port), "-q", "-n", "100000", "-c", str(clients),
             "-t", REDIS_TESTS],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    found = re.findall(r"([A-Z_]+).*?: ([\d.]+) requests per second", out.replace("\r", "\n"))
    return {name.lower(): float(rps) for name, rps in found}


def pg_tps(clients: int = 8, seconds: int = 10) -> dict[str, float]:
    """pgbench's TPC-B-like mix (5 statements, one commit) and select-only, transactions/s."""
    if not shutil.which("pgbench"):
        return {}
    name = f"gatehouse_pgbench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ["-h", "127.0.0.1", "-U", "postgres"]
    try:
        subprocess.run(
            ["pgbench", *base, "-i", "-q", "-s", "10", name], capture_output=True, check=True
        )
        result = {}
        for label, extra in (("tpcb_like_tps", []), ("select_only_tps", ["-S"])):
            out = subprocess.run(["pgbench", *base, "-c", str(clients), "-j", "2", "-T", str(seconds),
                                  *extra, name], capture_output=True, text=True, check=True).stdout  # fmt: skip
            result[label] = float(re.search(r"tps = ([\d.]+)", out).group(1))  # type: ignore[union-attr]
        return result
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure() -> dict[str, object]:
    log("capacity: redis-benchmark")
    redis = redis_ops()
    log("capacity: pgbench")
    return {"redis_requests_per_second": redis, "postgres": pg_tps()}


if __name__ == "__main__":
    print(json.dumps(measure()))
