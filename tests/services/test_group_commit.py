"""Group commit: writers of the same moment share one write, each gets its own answer."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext

import pytest

from services import group_commit
from services.group_commit import GroupCommit


class Store:
    """A write function that records each group and can be held shut or made to fail."""

    def __init__(self) -> None:
        self.groups: list[list[int]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()
        self.fail_next: Exception | None = None

    def write(self, _tx: None, items: Sequence[int]) -> list[int]:
        self.entered.set()
        assert self.gate.wait(10)
        self.groups.append(list(items))
        if self.fail_next is not None:
            error, self.fail_next = self.fail_next, None
            raise error
        return [item * 10 for item in items]


class Writers:
    """Submit each item from its own thread; `answers()` waits: item -> its result or error."""

    def __init__(self, group: GroupCommit[None, int, int], items: range) -> None:
        self._answers: dict[int, object] = {}
        self._threads = [threading.Thread(target=self._one, args=(group, i)) for i in items]
        for thread in self._threads:
            thread.start()

    def _one(self, group: GroupCommit[None, int, int], item: int) -> None:
        try:
            self._answers[item] = group.submit(item)
        except Exception as exc:  # the test looks at it
            self._answers[item] = exc

    def answers(self) -> dict[int, object]:
        for thread in self._threads:
            thread.join(10)
        return self._answers


def test_a_lone_writer_writes_its_item_alone() -> None:
    store = Store()
    group = GroupCommit(nullcontext, store.write)
    assert group.submit(7) == 70
    assert group.submit(8) == 80
    assert store.groups == [[7], [8]]


def behind_a_held_write(store: Store, last: int) -> dict[int, object]:
    """Item 1 starts a write that the store holds; items 2..last queue behind it meanwhile;
    then the store lets go. Every item's answer."""
    group = GroupCommit(nullcontext, store.write)
    store.gate.clear()
    first = Writers(group, range(1, 2))
    assert store.entered.wait(5)
    rest = Writers(group, range(2, last + 1))
    threading.Event().wait(0.3)  # time for all of them to queue
    store.gate.set()
    answers = first.answers() | rest.answers()
    assert group.submit(100) == 1000  # and afterwards the next writer leads again
    store.groups.pop()
    return answers


def test_writers_arriving_during_a_write_share_the_next_one() -> None:
    store = Store()
    assert behind_a_held_write(store, 11) == {i: i * 10 for i in range(1, 12)}
    assert store.groups[0] == [1]
    assert sorted(store.groups[1]) == list(range(2, 12))  # one write for the ten waiting
    assert len(store.groups) == 2


def test_a_group_is_at_most_max_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(group_commit, "MAX_GROUP", 3)
    store = Store()
    assert behind_a_held_write(store, 8) == {i: i * 10 for i in range(1, 9)}
    assert max(len(g) for g in store.groups) == 3
    assert sorted(i for g in store.groups for i in g) == list(range(1, 9))  # each once


def test_a_failed_write_fails_its_group_and_those_waiting() -> None:
    store = Store()
    store.fail_next = RuntimeError("database is locked")
    answers = behind_a_held_write(store, 5)
    assert all(isinstance(a, RuntimeError) for a in answers.values()), answers
    assert store.groups == [[1]]  # the four waiting were not written one after the other


def test_after_runs_once_per_group_and_gives_each_caller_its_result() -> None:
    store = Store()
    calls: list[list[int]] = []

    def after(results: Sequence[int]) -> list[int]:
        calls.append(list(results))
        return [r + 1 for r in results]

    group = GroupCommit(nullcontext, store.write, after)
    store.gate.clear()
    first = Writers(group, range(1, 2))
    assert store.entered.wait(5)
    rest = Writers(group, range(2, 6))
    threading.Event().wait(0.3)
    store.gate.set()
    assert first.answers() | rest.answers() == {i: i * 10 + 1 for i in range(1, 6)}
    assert [len(c) for c in calls] == [1, 4]  # once for each written group, with its results


def test_an_error_in_after_reaches_only_its_group() -> None:
    store = Store()
    fail = [True]

    def after(results: Sequence[int]) -> Sequence[int]:
        if fail.pop() if fail else False:
            raise ConnectionError("queue away")
        return results

    group = GroupCommit(nullcontext, store.write, after)
    with pytest.raises(ConnectionError):
        group.submit(1)
    assert store.groups == [[1]]  # written all the same
    assert group.submit(2) == 20  # and the next group is not affected


def test_writers_arriving_while_the_leader_awaits_its_transaction_join_its_group() -> None:
    store = Store()
    turn, awaiting = threading.Event(), threading.Event()

    @contextmanager
    def begin() -> Iterator[None]:  # as a write turn held by another process would
        awaiting.set()
        assert turn.wait(10)
        yield

    group = GroupCommit(begin, store.write)
    first = Writers(group, range(1, 2))
    assert awaiting.wait(5)
    rest = Writers(group, range(2, 6))
    threading.Event().wait(0.3)
    turn.set()
    assert first.answers() | rest.answers() == {i: i * 10 for i in range(1, 6)}
    assert [sorted(g) for g in store.groups] == [[1, 2, 3, 4, 5]]  # one transaction for all


def test_a_transaction_that_cannot_begin_fails_its_writers() -> None:
    store = Store()

    def begin() -> AbstractContextManager[None]:
        raise RuntimeError("database is locked")

    group = GroupCommit(begin, store.write)
    with pytest.raises(RuntimeError, match="locked"):
        group.submit(1)
    assert store.groups == []
