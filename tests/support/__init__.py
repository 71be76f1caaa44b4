"""Helpers for tests that run real processes: Redis, Celery workers, gunicorn."""
