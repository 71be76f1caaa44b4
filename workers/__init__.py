"""Gatehouse's Celery side: the app and its thin tasks."""
