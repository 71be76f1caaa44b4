"""GATEHOUSE_FAULT_INJECT itself: which rule does what, where."""

from __future__ import annotations

import signal

import pytest

from services import faults

pytestmark = pytest.mark.faults


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Kills and sleeps recorded instead of done."""
    done: list[tuple[str, object]] = []
    monkeypatch.setattr(faults.os, "kill", lambda pid, sig: done.append(("kill", sig)))
    monkeypatch.setattr(faults.time, "sleep", lambda s: done.append(("sleep", s)))
    return done


def inject(monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    monkeypatch.setenv(faults.VARIABLE, spec)


def test_nothing_happens_without_the_variable(
    monkeypatch: pytest.MonkeyPatch, calls: list[tuple[str, object]]
) -> None:
    monkeypatch.delenv(faults.VARIABLE, raising=False)
    faults.check("moderate", "KABOOM FATALITY")
    assert calls == []


def test_rules_are_parsed_leniently() -> None:
    assert faults.rules(" moderate:KABOOM , kill:X,slow:, :Y,bad") == [
        ("moderate", "KABOOM"), ("kill", "X"),
    ]  # fmt: skip


def test_a_step_rule_raises_in_that_step_only(monkeypatch: pytest.MonkeyPatch) -> None:
    inject(monkeypatch, "intake:KABOOM")
    faults.check("moderate", "it goes KABOOM")
    faults.check("intake", "all quiet")
    with pytest.raises(faults.InjectedFault, match="intake"):
        faults.check("intake", "it goes KABOOM")


def test_kill_takes_down_only_a_moderating_process(
    monkeypatch: pytest.MonkeyPatch, calls: list[tuple[str, object]]
) -> None:
    inject(monkeypatch, "kill:FATALITY")
    faults.check("intake", "a FATALITY")  # the API stays up
    assert calls == []
    faults.check("moderate", "a FATALITY")
    assert calls == [("kill", signal.SIGKILL)]


def test_slow_delays_every_step(
    monkeypatch: pytest.MonkeyPatch, calls: list[tuple[str, object]]
) -> None:
    inject(monkeypatch, "slow:Unhurried")
    faults.check("intake", "Unhurried")
    faults.check("moderate", "Unhurried")
    faults.check("moderate", "in a hurry")
    assert calls == [("sleep", faults.SLOW_SECONDS)] * 2
