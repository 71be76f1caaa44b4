"""gunicorn settings, read from the working directory by every `gunicorn` start.

Flags on the command line win over these; each has an environment override.
"""

import os

# gunicorn 25+ otherwise shares one control socket in ~/.gunicorn between every instance.
control_socket_disable = True

# The SSE stream holds its connection open: with gunicorn's default sync workers each reader
# would take a whole worker (and be killed after `timeout`). gthread serves it on a thread.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
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
