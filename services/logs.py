"""One JSON object per log line, carrying the request and comment each line belongs to."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, TextIO

# What the current request or task is about: request_id, comment_id, task, task_id.
_bound: ContextVar[Mapping[str, Any]] = ContextVar(
    "gatehouse_log_context", default=MappingProxyType({})
)
# A LogRecord's own attributes; everything else on a record came in through `extra`.
_RECORD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
}
# Fields that may hold a reader's words or address: never written at info level or above.
SENSITIVE = frozenset({"body", "text", "published_body", "author_email", "email"})
PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def bind(**fields: Any) -> Token[Mapping[str, Any]]:
    """Add fields to every line logged from this context on; `unbind` the token to drop them."""
    return _bound.set({**_bound.get(), **{k: v for k, v in fields.items() if v is not None}})


def unbind(token: Token[Mapping[str, Any]]) -> None:
    """Restore the fields bound before `bind` returned this token."""
    _bound.reset(token)


@contextmanager
def bound(**fields: Any) -> Iterator[None]:
    """Fields on every line logged inside the block."""
    token = bind(**fields)
    try:
        yield
    finally:
        unbind(token)


def current() -> Mapping[str, Any]:
    """The fields bound in this context."""
    return _bound.get()


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, message, bound fields, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        entry.update(_bound.get())
        for key, value in record.__dict__.items():
            if key not in _RECORD_FIELDS and not key.startswith("_"):
                entry[key] = value
        if record.levelno > logging.DEBUG:
            for key in SENSITIVE.intersection(entry):
                entry[key] = "[redacted]"
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(
    level: str | int = "INFO", *, json_lines: bool = True, stream: TextIO | None = None
) -> None:
    """Send the root logger's records to stderr, as JSON lines or plain text; safe to repeat."""
    root = logging.getLogger()
    formatter = JsonFormatter() if json_lines else logging.Formatter(PLAIN_FORMAT)
    ours = [h for h in root.handlers if getattr(h, "gatehouse", False)]  # set by us or logconfig
    handler = ours[0] if ours else logging.StreamHandler(stream or sys.stderr)
    if not ours:
        handler.gatehouse = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    handler.setFormatter(formatter)
    root.setLevel(level if isinstance(level, int) else level.upper())


def gunicorn_logconfig(level: str = "INFO") -> dict[str, Any]:
    """A `logconfig_dict` for gunicorn.conf.py, so gunicorn's own lines are JSON too."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    logger = {"handlers": ["stderr"], "level": level, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stderr": {**handler, ".": {"gatehouse": True}}},
        "loggers": {"gunicorn.error": logger, "gunicorn.access": logger},
        "root": {"handlers": ["stderr"], "level": level},
    }
