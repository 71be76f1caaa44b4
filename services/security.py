"""Keyed hashes for what must be matched but never shown: client addresses, emails, tokens."""

from __future__ import annotations

import hashlib
import hmac


def keyed_hash(secret: str, value: str) -> str:
    """HMAC-SHA256 of a value under the install's secret, hex."""
    return hmac.new(secret.encode(), value.strip().lower().encode(), hashlib.sha256).hexdigest()


def token_hash(token: str) -> str:
    """SHA-256 of an API token: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def content_hash(*parts: str | None) -> str:
    """A stable digest of a request's content, to compare idempotent retries."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode())
        digest.update(b"\x00")
    return digest.hexdigest()
