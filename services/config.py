"""Settings read by the API and the workers alike: defaults in code, environment over them."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _sqlite_absolute(url: str) -> str:
    """Resolve a relative SQLite path against the project root, so every process agrees."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url.startswith(prefix + "/") or url == prefix + ":memory:":
        return url
    path = ROOT / url[len(prefix) :]
    path.parent.mkdir(parents=True, exist_ok=True)
    return prefix + str(path)


def _secret_key() -> str:
    """A per-install secret kept under instance/ when SECRET_KEY is not set."""
    path = INSTANCE / "secret_key"
    if path.exists():
        return path.read_text().strip()
    INSTANCE.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    return key


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the contract's defaults."""

    database_url: str = "sqlite:///instance/moderation.db"
    redis_url: str = "redis://127.0.0.1:6379/0"
    comment_rate_limit: str = "10/minute"
    cors_origins: tuple[str, ...] = ()
    secret_key: str = ""
    trusted_proxies: int = 0
    max_body_bytes: int = 64 * 1024
    redis_timeout: float = 0.5
    # how long an API request waits for a database lock before it answers 503
    db_lock_timeout: float = 5.0
    stale_after_seconds: int = 60
    max_attempts: int = 5
    task_time_limit: int = 30
    # the relay hands on at most this many comments per task, and only while fewer than
    # relay_queue_target tasks wait: ids gather into larger batches when the workers fall behind
    batch_size: int = 50
    relay_queue_target: int = 2
    site_policy: Mapping[str, object] = field(default_factory=dict)
    log_level: str = "INFO"
    json_logs: bool = True

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with some fields replaced (tests, CLI)."""
        return replace(self, **overrides)  # type: ignore[arg-type]


_ENV = {
    "database_url": ("DATABASE_URL", str),
    "redis_url": ("REDIS_URL", str),
    "comment_rate_limit": ("COMMENT_RATE_LIMIT", str),
    "cors_origins": ("CORS_ORIGINS", _split),
    "secret_key": ("SECRET_KEY", str),
    "trusted_proxies": ("TRUSTED_PROXIES", int),
    "max_body_bytes": ("MAX_BODY_BYTES", int),
    "redis_timeout": ("REDIS_TIMEOUT", float),
    "db_lock_timeout": ("DB_LOCK_TIMEOUT", float),
    "stale_after_seconds": ("STALE_AFTER_SECONDS", int),
    "max_attempts": ("MAX_ATTEMPTS", int),
    "task_time_limit": ("TASK_TIME_LIMIT", int),
    "batch_size": ("BATCH_SIZE", int),
    "relay_queue_target": ("RELAY_QUEUE_TARGET", int),
    "log_level": ("LOG_LEVEL", str),
    "json_logs": ("JSON_LOGS", _bool),
}


def load_settings(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build settings from the environment (or a given mapping) and explicit overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for name, (var, cast) in _ENV.items():
        raw = env.get(var)
        if raw not in (None, ""):
            values[name] = cast(raw)  # type: ignore[operator]
    values.update(overrides)
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in values.items() if k in known})  # type: ignore[arg-type]
    return replace(
        settings,
        database_url=_sqlite_absolute(settings.database_url),
        secret_key=settings.secret_key or _secret_key(),
    )
