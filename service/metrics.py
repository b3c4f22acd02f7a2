"""Prometheus metrics, one registry per app so that tests (and workers) never share counters."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """Request counts, latencies and errors by route; rows tagged by outcome; the model in use."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "tagger_http_requests_total", "HTTP requests answered, by method, route template and status.",
            ["method", "route", "status"], registry=self.registry,
        )
        self.latency = Histogram(
            "tagger_http_request_duration_seconds", "Time from request to the end of the response body.",
            ["method", "route"], buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.errors = Counter(
            "tagger_http_errors_total", "Responses with status >= 400, by route, status and error class.",
            ["route", "status", "kind"], registry=self.registry,
        )
        self.in_progress = Gauge(
            "tagger_http_requests_in_progress", "Requests being answered now.", registry=self.registry,
        )
        self.rows = Counter(
            "tagger_rows_tagged_total", "Texts tagged, by endpoint and outcome (ok or the error code).",
            ["endpoint", "outcome"], registry=self.registry,
        )
        self.model = Gauge(
            "tagger_model_info", "The model being served (value is always 1).", ["name", "version"], registry=self.registry,
        )

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)
        if status >= 400:
            kind = "server" if status >= 500 else "client"
            self.errors.labels(route, str(status), kind).inc()
