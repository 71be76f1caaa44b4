"""The process helpers, the Redis script, and the entry points the Procfile and compose name."""

from __future__ import annotations

import importlib
import itertools
import json
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.processes import (
    ApiServer,
    RedisServer,
    WorkerProcess,
    free_port,
    wait_until,
)

ROOT = Path(__file__).resolve().parent.parent


def redis_call(port: int, *args: str) -> object:
    """Send one command to the Redis on port and return its decoded reply."""
    request = b"*%d\r\n" % len(args) + b"".join(
        b"$%d\r\n%s\r\n" % (len(a.encode()), a.encode()) for a in args
    )
    with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
        conn.sendall(request)
        return _read_reply(conn.makefile("rb"))


def _read_reply(reader) -> object:
    line = reader.readline().rstrip(b"\r\n")
    kind, rest = line[:1], line[1:].decode()
    if kind == b"*":
        return [_read_reply(reader) for _ in range(int(rest))]
    if kind == b"$":
        return None if int(rest) < 0 else reader.read(int(rest) + 2)[:-2].decode()
    if kind == b"-":
        raise RuntimeError(rest)
    return int(rest) if kind == b":" else rest


def test_free_port_is_bindable_and_never_6379():
    port = free_port()
    assert port != 6379
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_wait_until_returns_the_value_or_times_out():
    assert wait_until(lambda: 42, timeout=1) == 42
    with pytest.raises(TimeoutError):
        wait_until(lambda: False, timeout=0.1)


def test_redis_server_keeps_data_across_restart_and_wipe_clears_it(tmp_path):
    with RedisServer(tmp_path / "redis") as redis:
        port = redis.port
        assert redis.ping() and redis.url == f"redis://127.0.0.1:{port}/0"
        assert redis_call(port, "SET", "greeting", "hello") == "OK"
        redis.restart()
        assert redis.port == port and redis.ping()
        assert redis_call(port, "GET", "greeting") == "hello"  # the AOF survived
        redis.restart(wipe=True)
        assert redis_call(port, "GET", "greeting") is None
        redis.kill()
        assert not redis.ping() and not redis.running()
        redis.restart()
        assert redis.ping()
    assert not redis.ping() and not redis.running()


def test_start_then_with_is_one_process(tmp_path):
    redis = RedisServer(tmp_path).start()
    pid = redis.pid
    with redis:
        assert redis.start().pid == pid and redis.ping()
    assert not redis.running() and not redis.ping()


def test_redis_server_runs_with_aof_and_noeviction(tmp_path):
    with RedisServer(tmp_path) as redis:
        assert redis_call(redis.port, "CONFIG", "GET", "appendonly") == ["appendonly", "yes"]
        policy = redis_call(redis.port, "CONFIG", "GET", "maxmemory-policy")
        assert policy == ["maxmemory-policy", "noeviction"]
        assert redis_call(redis.port, "CONFIG", "GET", "save") == ["save", ""]


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "redis_server.py"), *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_redis_script_ensure_starts_once_and_stop_stops_it(tmp_path):
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    first = run_script("ensure", "--url", url, "--dir", str(tmp_path))
    try:
        assert first.returncode == 0, first.stderr
        assert "started" in first.stdout
        assert redis_call(port, "PING") == "PONG"
        assert redis_call(port, "CONFIG", "GET", "appendonly") == ["appendonly", "yes"]
        assert redis_call(port, "CONFIG", "GET", "maxmemory-policy") == [
            "maxmemory-policy",
            "noeviction",
        ]
        second = run_script("ensure", "--url", url, "--dir", str(tmp_path))
        assert second.returncode == 0 and "already" in second.stdout
    finally:
        stopped = run_script("stop", "--url", url, "--dir", str(tmp_path))
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert run_script("wait", "--url", url, "--timeout", "0.2").returncode == 1


def test_redis_script_never_stops_a_redis_it_did_not_start(tmp_path):
    with RedisServer(tmp_path / "theirs") as redis:
        result = run_script("stop", "--url", redis.url, "--dir", str(tmp_path / "ours"))
        assert result.returncode == 0 and "nothing of ours" in result.stdout
        (tmp_path / "ours" / f"redis-{redis.port}.pid").parent.mkdir(parents=True)
        (tmp_path / "ours" / f"redis-{redis.port}.pid").write_text(str(redis.pid))
        result = run_script("stop", "--url", redis.url, "--dir", str(tmp_path / "ours"))
        assert result.returncode == 0 and "not a Redis we started" in result.stdout
        assert redis.ping()  # the same binary and port, but not run from our data dir


def compose_services() -> dict[str, dict]:
    """docker-compose.yml's services, through PyYAML where installed."""
    text = (ROOT / "docker-compose.yml").read_text()
    try:
        import yaml
    except ImportError:
        return _minimal_services(text)
    return yaml.safe_load(text)["services"]


def _minimal_services(text: str) -> dict[str, dict]:
    """Each service's one-line JSON-style `command`, without a YAML parser."""
    services: dict[str, dict] = {}
    inside, name = False, ""
    for line in text.splitlines():
        indent, stripped = len(line) - len(line.lstrip()), line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if indent == 0:
            inside = stripped == "services:"
        elif inside and indent == 2 and stripped.endswith(":"):
            name = stripped[:-1]
            services[name] = {}
        elif inside and indent == 4 and stripped.startswith("command:"):
            services[name]["command"] = json.loads(stripped.split(":", 1)[1])
    return services


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_compose_runs_the_contract_commands():
    services = compose_services()
    assert set(services) == {"redis", "postgres", "migrate", "api", "stream", "worker", "beat"}
    redis = " ".join(services["redis"]["command"])
    assert "--appendonly yes" in redis and "--maxmemory-policy noeviction" in redis
    assert services["migrate"]["command"] == ["flask", "--app", "api", "db", "upgrade"]
    api = services["api"]["command"]
    assert api[:2] == ["gunicorn", "--no-control-socket"] and api[-1] == "api:create_app()"
    assert "0.0.0.0:8000" in api
    worker = " ".join(services["worker"]["command"])
    assert worker.startswith("celery -A workers.celery_app worker -Q moderation,maintenance")
    stream = services["stream"]["command"]
    assert stream[-1] == "api.web.stream:create_stream_app()" and "gevent" in stream
    beat = " ".join(services["beat"]["command"])
    assert beat.startswith("celery -A workers.celery_app beat --schedule instance/")


def test_compose_wiring():
    pytest.importorskip("yaml", reason="PyYAML reads the anchors and dependencies")
    services = compose_services()
    for name in ("migrate", "api", "worker", "beat"):
        env = services[name]["environment"]
        assert (
            env["DATABASE_URL"]
            == "postgresql+psycopg://gatehouse:gatehouse@postgres:5432/gatehouse"
        )
        assert env["REDIS_URL"] == "redis://redis:6379/0"
    for name in ("api", "stream", "worker", "beat"):
        assert (
            services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        )
        assert services[name]["depends_on"]["redis"]["condition"] == "service_healthy"
        assert services[name]["healthcheck"]["test"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["beat"]["deploy"]["replicas"] == 1
    assert "redis-cli" in services["redis"]["healthcheck"]["test"]


def test_procfile_runs_the_contract_commands():
    lines = procfile()
    assert next(iter(lines)) == "web"  # honcho hands the first line PORT itself
    gunicorn = "gunicorn --no-control-socket -w ${WEB_CONCURRENCY:-2} -b 127.0.0.1:${PORT:-8000}"
    assert f"{gunicorn} 'api:create_app()'" in lines["web"]
    assert "celery -A workers.celery_app worker -Q moderation,maintenance" in lines["worker"]
    assert (
        "celery -A workers.celery_app beat --schedule instance/celerybeat-schedule" in lines["beat"]
    )
    assert "redis_server.py serve" in lines["redis"]
    assert all("redis_server.py wait" in lines[name] for name in ("web", "worker", "beat"))


def _entry_points() -> set[str]:
    """The modules (and callables) that compose and the Procfile start."""
    commands = [shlex.split(c) for c in procfile().values()]
    commands += [s["command"] for s in compose_services().values() if "command" in s]
    found = set()
    for argv in commands:
        for flag, value in itertools.pairwise(argv):
            if flag in ("-A", "--app"):
                found.add(value)
        found.update(arg for arg in argv if re.fullmatch(r"[\w.]+:\w+\(\)", arg))
    return found


def test_api_entry_points_exist():
    from flask import Flask

    assert {"api", "api:create_app()"} <= _entry_points()
    api = importlib.import_module("api")
    assert callable(api.create_app)
    assert isinstance(api.create_app(), Flask)


def test_every_app_factory_named_exists():
    factories = {point for point in _entry_points() if point.endswith("()")}
    assert {"api:create_app()", "api.web.stream:create_stream_app()"} <= factories
    for point in factories:
        module, name = point[:-2].split(":")
        assert callable(getattr(importlib.import_module(module), name)), point


def test_worker_entry_point_exists():
    from celery import Celery

    assert "workers.celery_app" in _entry_points()
    module = importlib.import_module("workers.celery_app")
    assert any(isinstance(value, Celery) for value in vars(module).values())


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.flow
def test_worker_process_lifecycle(tmp_path):
    with RedisServer(tmp_path / "redis") as redis:
        env = {"REDIS_URL": redis.url, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite"}
        worker = WorkerProcess(env, concurrency=2, log_path=tmp_path / "w1.log").start()
        worker.wait_ready(timeout=60)
        assert len(worker.pool_pids()) == 2
        assert worker.stop() == 0
        assert f"{worker.nodename} ready." in worker.log_text()
        worker = WorkerProcess(env, concurrency=2, log_path=tmp_path / "w2.log").start()
        pool = worker.wait_ready(timeout=60).pool_pids()
        worker.kill()
        wait_until(lambda: not any(alive(pid) for pid in [worker.pid, *pool]), timeout=5)


@pytest.mark.flow
def test_api_server_serves_healthz_and_stops(tmp_path):
    with RedisServer(tmp_path / "redis") as redis:
        env = {"REDIS_URL": redis.url, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite"}
        api = ApiServer(env, log_path=tmp_path / "api.log").start()
        pid = api.pid
        with api:  # start() then `with`: still the one gunicorn
            assert api.healthy() and api.url.endswith(str(api.port)) and api.pid == pid
        assert not api.running() and api.proc is not None and api.proc.returncode == 0
        assert not alive(pid)


def test_make_run_refuses_a_port_in_use(tmp_path: Path) -> None:
    """gunicorn's SO_REUSEPORT would otherwise let a second install share the first one's port."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {"PATH": "/usr/bin:/bin", "PORT": str(port), "STREAM_PORT": str(free_port()),
               "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}  # fmt: skip
        run_sh = ["bash", str(ROOT / "scripts" / "run.sh")]
        result = subprocess.run(run_sh, env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr
