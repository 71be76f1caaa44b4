"""Group commit: the threads of a process that write at the same moment share one transaction.

Each caller adds its item and waits. One of them at a time, the leader, opens a transaction
(which may first wait for the store's write turn), takes every item waiting by then, writes
them in it and hands each caller its own result (or the error the transaction raised). Items
that arrive meanwhile wait for the next leader: the first of them is woken to lead; a leader
first yields once, so that writers already under way join it. So a lone writer costs one
transaction, as before, and under load one transaction (one write turn, one BEGIN, one COMMIT)
carries as many items as arrived while the previous one was being written or waited for. A
caller returns only after its own transaction committed.

An optional `after(results)` step runs once per group when its transaction is done, outside
the lead (the next group is already being written meanwhile): the intake uses it to queue a
whole group's comments with one Redis command.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Generic, TypeVar

Tx = TypeVar("Tx")
Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_GROUP = 64  # items in one transaction, at most


class _Waiter(Generic[Item, Result]):
    __slots__ = ("done", "error", "item", "lead", "result", "woken")

    def __init__(self, item: Item) -> None:
        self.item = item
        self.woken = threading.Event()
        self.lead = False
        self.done = False
        self.result: Result | None = None
        self.error: BaseException | None = None


class GroupCommit(Generic[Tx, Item, Result]):
    """Write items in groups: `begin()` opens a transaction (a context manager that commits on
    leaving), `write(tx, items) -> results` writes a group in it (one result per item, in
    order), then each group's results pass through `after(results) -> results`, if given. An
    error in `after` reaches its group's callers (their items are written)."""

    def __init__(
        self,
        begin: Callable[[], AbstractContextManager[Tx]],
        write: Callable[[Tx, Sequence[Item]], Sequence[Result]],
        after: Callable[[Sequence[Result]], Sequence[Result]] | None = None,
    ) -> None:
        self._begin = begin
        self._write = write
        self._after = after
        self._lock = threading.Lock()
        self._waiting: list[_Waiter[Item, Result]] = []
        self._leading = False

    def submit(self, item: Item) -> Result:
        """Write `item` (with whatever else waits) and return its result, or raise its error."""
        me: _Waiter[Item, Result] = _Waiter(item)
        with self._lock:
            self._waiting.append(me)
            me.lead = not self._leading
            self._leading = True
        if not me.lead:
            # the leader always wakes us, with our result or to lead: writes are bounded by
            # the store's own lock timeout, so this wait is too
            me.woken.wait()
        if not me.done:
            self._lead()
        if me.error is not None:
            raise me.error
        return me.result  # type: ignore[return-value]

    def _lead(self) -> None:
        # let the writers already on their way (greenlets ready to run, threads waiting for the
        # GIL) reach the queue first: under gevent a leader that went straight to its write would
        # block the process and write alone, time after time
        time.sleep(0)
        group: list[_Waiter[Item, Result]] = []
        results: Sequence[Result] = ()
        error: BaseException | None = None
        try:
            with self._begin() as tx:
                with self._lock:  # those who came while the write turn was awaited come too
                    group, self._waiting = self._waiting[:MAX_GROUP], self._waiting[MAX_GROUP:]
                results = self._write(tx, [w.item for w in group])
        except BaseException as exc:
            # every caller of the group gets the transaction's error, and so do those that
            # arrived meanwhile: a store that just refused (locked, down) would keep each of
            # them waiting its own timeout over again, one after the other
            error = exc
            with self._lock:
                group, self._waiting = group + self._waiting, []
        finally:
            with self._lock:
                successor = self._waiting[0] if self._waiting else None
                self._leading = successor is not None
            if successor is not None:
                successor.lead = True
                successor.woken.set()
        if error is None and self._after is not None:
            try:
                results = self._after(results)
            except BaseException as exc:
                error = exc
        if error is None:
            for waiter, result in zip(group, results, strict=True):
                waiter.result = result
        for waiter in group:
            waiter.error = error
            waiter.done = True
            waiter.woken.set()
