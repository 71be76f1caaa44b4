"""bench/RESULTS.md: each bench writes only between its own markers; other sections (the
quality section among them) are kept as they are."""

from __future__ import annotations

from bench.common import ROOT

RESULTS = ROOT / "bench" / "RESULTS.md"
TITLE = "# Benchmarks\n"


def write_section(name: str, text: str) -> None:
    """Replace the `<!-- name:start -->` ... `<!-- name:end -->` block, or append it."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text.strip()}\n{end}"
    current = RESULTS.read_text() if RESULTS.exists() else TITLE
    if start in current and end in current:
        head, rest = current.split(start, 1)
        tail = rest.split(end, 1)[1]
        current = head + block + tail
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(current)
