"""Gatehouse's domain: store, moderation pipeline, publishing. No web or queue imports."""
