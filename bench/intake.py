"""Intake under wrk: the real comment endpoint (gunicorn as `make run` serves it) beside the
bare Flask + marshmallow + LPUSH app, in the same run.

    .venv/bin/python -m bench.intake --seconds 15
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time

from bench.common import ROOT, WORDS, Stack, cpu_seconds, log, rss_mib
from tests.support.processes import ApiServer, child_pids

# Each request: its own words (so no two bodies are alike), author address and one of ten
# articles; done() prints the figures as one JSON line.
WRK_LUA = """
local words = {{{words}}}
local counter = 0
local thread_no = 0
local threads = {{}}
setup = function(thread) thread:set("tid", thread_no); thread_no = thread_no + 1; table.insert(threads, thread) end
init = function(args) counter = tonumber(tid) * 1000000 end
request = function()
  counter = counter + 1
  local pick = function(i) return words[math.floor(counter / 20 ^ i) % 20 + 1] end
  local body = string.format('{{"author_name":"Reader %d","author_email":"wrk%d@example.org",'
    .. '"body":"I think the %s and the %s matter more than the %s; the %s near the %s could wait."}}',
    counter % 997, counter, pick(0), pick(1), pick(2), pick(3), pick(4))
  return wrk.format("POST", "/api/v1/articles/bench-" .. (counter % 10) .. "/comments",
    {{["Content-Type"] = "application/json"}}, body)
end
done = function(summary, latency, requests)
  io.write(string.format('WRK {{"requests": %d, "seconds": %.3f, "non_2xx": %d, "errors": %d, '
    .. '"p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
""".format(words=", ".join(f'"{w}"' for w in WORDS))


def run_wrk(port: int, seconds: int, connections: int = 16) -> dict[str, float]:
    """wrk -t1 -c16 against one server; req/s and latency percentiles."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", dir=ROOT / "bench") as script:
        script.write(WRK_LUA)
        script.flush()
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", script.name,
             f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    result = json.loads(line[4:])
    result["req_per_s"] = round(result["requests"] / result["seconds"], 1)
    return result


def bare_server(stack: Stack, worker_class: str) -> ApiServer:
    """The bare app under gunicorn, 2 processes of the given class."""
    server = ApiServer(stack.env, workers=2, log_path=stack.scratch / f"bare-{worker_class}.log")
    server.argv[-1] = "bench.bare_app:create_app()"
    server.argv += ["-k", worker_class]
    return server.start().wait_ready()


def measure(seconds: int, *, rounds: int = 2) -> dict[str, object]:
    """Alternate bare and real `rounds` times; keep each one's best round (the machine is noisy)."""
    with Stack(name="intake") as stack:
        api = stack.start_api()
        bare_sync = bare_server(stack, "sync")
        bare_gthread = bare_server(stack, "gthread")
        servers = {"bare_sync": bare_sync, "bare_gthread": bare_gthread, "gatehouse": api}
        for server in servers.values():
            run_wrk(server.port, 2)  # warm up: imports, pools, first article rows
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
        for i in range(rounds):
            for name, server in servers.items():
                log(f"intake: wrk {name} round {i + 1}")
                pids = child_pids(server.pid)
                cpu = cpu_seconds(pids)
                result = run_wrk(server.port, seconds)
                result["server_cpu_ms_per_req"] = round(
                    (cpu_seconds(pids) - cpu) * 1000 / max(result["requests"], 1), 3
                )
                runs[name].append(result)
                time.sleep(1)
        best = {name: max(r, key=lambda x: x["req_per_s"]) for name, r in runs.items()}
        api_rss = [rss_mib(pid) for pid in stack.api_pids()]
        for server in (bare_sync, bare_gthread):
            server.stop()
    real, bare = best["gatehouse"], best["bare_sync"]
    return {"seconds": seconds, "rounds": rounds, **best, "all_rounds": runs,
            "ratio": round(real["req_per_s"] / bare["req_per_s"], 2),
            "cpu_ratio": round(bare["server_cpu_ms_per_req"] / real["server_cpu_ms_per_req"], 2),
            "api_rss_mib": api_rss}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(measure(args.seconds, rounds=args.rounds)))


if __name__ == "__main__":
    main()
