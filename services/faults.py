"""Fault injection for tests and drills: GATEHOUSE_FAULT_INJECT=moderate:<substring>[,...].

Only honoured when the variable is set; then the named step raises for comments whose body
contains the substring, as a bug or a broken dependency would.
"""

from __future__ import annotations

import os

VARIABLE = "GATEHOUSE_FAULT_INJECT"


class InjectedFault(RuntimeError):
    """The error an injected fault raises."""


def check(step: str, text: str) -> None:
    """Raise InjectedFault when a fault is injected into `step` for text like this one."""
    spec = os.environ.get(VARIABLE)
    if not spec:
        return
    for rule in spec.split(","):
        name, _, needle = rule.strip().partition(":")
        if name == step and needle and needle in text:
            raise InjectedFault(f"fault injected into {step} ({VARIABLE})")
