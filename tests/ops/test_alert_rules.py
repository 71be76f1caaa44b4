"""The Prometheus config and alert rules in ops/: they parse, and they name real metrics."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from tests.ops.kit import families

OPS = Path(__file__).resolve().parents[2] / "ops"
DURATION = re.compile(r"^([0-9]+(ms|s|m|h|d|w|y))+$")
SYNTHETIC = {"up"}  # made by Prometheus itself for every target
OPERATORS = {"and", "or", "unless", "by", "without", "on", "ignoring", "bool", "offset"}
HISTOGRAM_PARTS = re.compile(r"_(bucket|count|sum)$")


def rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((OPS / "alerts.yml").read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def metric_names(expr: str) -> set[str]:
    """The series an expression reads: identifiers that are not functions, labels or keywords."""
    expr = re.sub(r'"[^"]*"', "", expr)
    expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", expr)
    expr = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", expr)
    names = set(re.findall(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()", expr))
    return {name for name in names if name not in OPERATORS and not DURATION.match(name)}


def test_the_rules_have_the_shape_prometheus_expects() -> None:
    document = yaml.safe_load((OPS / "alerts.yml").read_text())
    assert [group["name"] for group in document["groups"]] == ["gatehouse"]
    names = set()
    for rule in rules():
        assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule
        assert re.match(r"^Gatehouse[A-Za-z]+$", rule["alert"]) and rule["alert"] not in names
        names.add(rule["alert"])
        assert isinstance(rule["expr"], str) and metric_names(rule["expr"])
        assert DURATION.match(rule["for"])
        assert rule["labels"]["severity"] in {"page", "warning"}
        assert {"summary", "description"} <= set(rule["annotations"])
    assert {
        "GatehouseBacklogGrowing", "GatehousePendingTooOld", "GatehouseNoWorkers",
        "GatehouseDeadLetters", "GatehouseIntakeErrors",
    } <= names  # fmt: skip


def test_the_scrape_config_loads_the_rules_and_scrapes_the_api() -> None:
    config = yaml.safe_load((OPS / "prometheus.yml").read_text())
    assert config["rule_files"] == ["alerts.yml"]
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert jobs["gatehouse-api"]["metrics_path"] == "/metrics"


def test_every_metric_the_rules_read_is_in_the_metrics_output(client: FlaskClient) -> None:
    exported = families(client.get("/metrics").get_data(as_text=True))
    for rule in rules():
        for name in metric_names(rule["expr"]) - SYNTHETIC:
            assert HISTOGRAM_PARTS.sub("", name) in exported, (rule["alert"], name)


def test_metric_names_are_read_from_expressions() -> None:
    expr = 'sum(rate(a_total{code=~"5.."}[5m])) / max by (queue) (b) > 0.05 and up{job="x"} == 0'
    assert metric_names(expr) == {"a_total", "b", "up"}


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool is not installed")
@pytest.mark.parametrize(
    "args",
    [
        ("check", "rules", "alerts.yml"),
        ("check", "config", "prometheus.yml"),
        ("test", "rules", "alerts.test.yml"),
    ],
)
def test_promtool_accepts_the_rules_the_config_and_the_alert_tests(args: tuple[str, ...]) -> None:
    result = subprocess.run(["promtool", *args], cwd=OPS, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_includes_flower_and_prometheus_with_these_files() -> None:
    root = yaml.safe_load((OPS.parent / "docker-compose.yml").read_text())
    assert "ops/compose.yml" in root["include"]
    services = yaml.safe_load((OPS / "compose.yml").read_text())["services"]
    assert "flower" in " ".join(services["flower"]["command"])
    mounts = services["prometheus"]["volumes"]
    assert "./prometheus.yml:/etc/prometheus/prometheus.yml:ro" in mounts
    assert "./alerts.yml:/etc/prometheus/alerts.yml:ro" in mounts
    assert all(port.startswith("127.0.0.1:") for s in services.values() for port in s["ports"])
