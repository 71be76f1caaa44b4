"""gunicorn settings, read from the working directory by every `gunicorn` start.

Flags on the command line win over these; each has an environment override.
"""

import os

# gunicorn 25+ otherwise shares one control socket in ~/.gunicorn between every instance.
control_socket_disable = True

# gevent: each request is a greenlet. A request spends most of its time waiting (for its group's
# commit, for Redis), and a greenlet waits for a fraction of what a thread switch costs under
# the GIL: side by side, ~0.75 ms of CPU per POST against ~0.95 ms under gthread 2x8 (bench/
# RESULTS.md). An SSE stream open on this port holds a greenlet, not a thread or a worker.
# SQLite's own lock waits would stop a whole process here, so under gevent they are made in
# Python (services/db.py); psycopg yields to gevent by itself. gthread (GUNICORN_THREADS per
# process) remains a choice.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gevent")
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", "1000"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# Each process listens on its own socket (SO_REUSEPORT) and the kernel spreads new connections
# across them. With one shared socket, the process that wakes first accepts a whole burst of
# keep-alive connections (a proxy's pool, a load test) and serves them all on one core while the
# other idles. GUNICORN_REUSE_PORT=0 goes back to the shared socket.
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "1") != "0"

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "5"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
