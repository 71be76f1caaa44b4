"""Fault injection for tests and drills: GATEHOUSE_FAULT_INJECT=<rule>[,<rule>...].

Only honoured when the variable is set. A rule is `<mode>:<substring>`, and applies to the
comments whose body contains the substring:

- `<step>:<substring>` (e.g. `moderate:KABOOM`): that step raises, as a bug or a broken
  dependency would; the steps are `moderate` (a worker's pipeline) and `intake` (the API,
  before it saves a comment);
- `kill:<substring>`: the worker's pool process moderating such a comment dies at once
  (SIGKILL), as one killed by the kernel's out-of-memory killer or a segfault in a C
  extension would;
- `slow:<substring>`: every step first sleeps for SLOW_SECONDS, so that a test can catch work
  in flight.
"""

from __future__ import annotations

import os
import signal
import time

VARIABLE = "GATEHOUSE_FAULT_INJECT"
KILL = "kill"
SLOW = "slow"
SLOW_SECONDS = 0.5
KILL_STEP = "moderate"


class InjectedFault(RuntimeError):
    """The error an injected fault raises."""


def rules(spec: str | None = None) -> list[tuple[str, str]]:
    """The (mode, substring) pairs in the variable (or in `spec`); empty substrings are ignored."""
    spec = os.environ.get(VARIABLE, "") if spec is None else spec
    pairs = (rule.strip().partition(":") for rule in spec.split(","))
    return [(mode, needle) for mode, _, needle in pairs if mode and needle]


def check(step: str, text: str) -> None:
    """Apply the faults injected into `step` (or any step) for text like this one."""
    if not os.environ.get(VARIABLE):
        return
    for mode, needle in rules():
        if needle not in text:
            continue
        if mode == SLOW:
            time.sleep(SLOW_SECONDS)
        elif mode == KILL and step == KILL_STEP:
            os.kill(os.getpid(), signal.SIGKILL)
        elif mode == step:
            raise InjectedFault(f"fault injected into {step} ({VARIABLE})")
