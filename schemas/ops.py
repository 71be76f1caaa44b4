"""The ops bodies: readiness, the queues view, dead letters and their replay."""

from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, validate

DEAD_LETTER_STATES = ("open", "replayed", "all")


class Readiness(Schema):
    """GET /readyz: "ok", or "unavailable" with what does not answer."""

    status = fields.String(required=True, validate=validate.OneOf(("ok", "unavailable")))
    checks = fields.Dict(keys=fields.String(), values=fields.String(), required=True)


class QueueRead(Schema):
    name = fields.String(required=True)
    depth = fields.Integer(required=True, allow_none=True)


class RunningTask(Schema):
    task = fields.String()
    id = fields.String()
    comment_id = fields.String(allow_none=True)
    runtime_seconds = fields.Float(allow_none=True)


class WorkerRead(Schema):
    """A worker whose heartbeat is live, and what it runs."""

    name = fields.String(required=True)
    pid = fields.Integer()
    queues = fields.List(fields.String())
    pool = fields.String(allow_none=True)
    concurrency = fields.Integer(allow_none=True)
    active = fields.Integer()
    running = fields.List(fields.Nested(RunningTask))
    processed = fields.Dict(keys=fields.String(), values=fields.Integer())
    seen_seconds_ago = fields.Float()


class PendingRead(Schema):
    count = fields.Integer(required=True)
    oldest_age_seconds = fields.Float(required=True)


class Counts(Schema):
    received = fields.Integer(required=True)
    decided = fields.Integer(required=True)
    published = fields.Integer(required=True)


class Throughput(Schema):
    last_minute = fields.Nested(Counts, required=True)


class QueuesRead(Schema):
    """GET /api/v1/ops/queues: the queues, the workers, the backlog, the dead letters."""

    queues = fields.List(fields.Nested(QueueRead), required=True)
    unacked = fields.Integer(allow_none=True, metadata={"description": "handed to workers"})
    workers = fields.List(fields.Nested(WorkerRead), required=True)
    pending = fields.Nested(PendingRead, required=True)
    dead_letters = fields.Integer(required=True)
    throughput = fields.Nested(Throughput, required=True)
    unavailable = fields.List(fields.String(), metadata={"description": "sources not read"})


class DeadLetterQuery(Schema):
    """Query of GET /api/v1/ops/dead-letters."""

    class Meta:
        unknown = EXCLUDE

    state = fields.String(load_default="open", validate=validate.OneOf(DEAD_LETTER_STATES))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.Integer(load_default=None, validate=validate.Range(min=1))


class DeadLetterRead(Schema):
    id = fields.Integer(required=True)
    comment_id = fields.String(required=True)
    article_id = fields.String()
    comment_status = fields.String()
    task = fields.String(required=True)
    error = fields.String(required=True)
    attempts = fields.Integer(required=True)
    created_at = fields.DateTime(required=True)
    replayed_at = fields.DateTime(allow_none=True)


class DeadLetterPage(Schema):
    items = fields.List(fields.Nested(DeadLetterRead), required=True)
    next_cursor = fields.String(allow_none=True)


class ReplayRead(Schema):
    """POST .../dead-letters/<id>/replay: what was replayed and whether it is queued."""

    dead_letter = fields.Nested(DeadLetterRead, required=True)
    comment_status = fields.String(required=True)
    queued = fields.Boolean(required=True)
    message = fields.String(required=True)
