"""API key, CORS, security headers, and logs that never hold note text."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

STATIC = Path(__file__).resolve().parents[2] / "service" / "static"
KEY = "k3y-with-sufficient-entropy-2f9a"

V1_CALLS = [
    ("POST", "/v1/tag", {"json": {"text": "Right foot pain."}}),
    ("POST", "/v1/tag/batch", {"json": {"texts": ["Right foot pain."]}}),
    ("GET", "/v1/labels", {}),
    ("GET", "/v1/model", {}),
]


@pytest.fixture
def keyed_client(make_app):
    with TestClient(make_app(api_key=KEY)) as c:
        yield c


@pytest.mark.parametrize(("method", "path", "kwargs"), V1_CALLS, ids=[f"{m} {p}" for m, p, _ in V1_CALLS])
def test_v1_routes_need_the_bearer_key_when_one_is_set(keyed_client, method, path, kwargs) -> None:
    missing = keyed_client.request(method, path, **kwargs)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in missing.json()["error"]["message"]

    wrong = keyed_client.request(method, path, headers={"Authorization": "Bearer not-the-key"}, **kwargs)
    assert wrong.status_code == 401 and "not valid" in wrong.json()["error"]["message"]
    assert 'error="invalid_token"' in wrong.headers["www-authenticate"]

    right = keyed_client.request(method, path, headers={"Authorization": f"Bearer {KEY}"}, **kwargs)
    assert right.status_code == 200


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", f"Token {KEY}", "Bearer", f"Bearer {KEY}x", "Bearer \u00e9t\u00e9".encode("latin-1")])
def test_other_schemes_and_near_misses_are_refused(keyed_client, header) -> None:
    response = keyed_client.post("/v1/tag", json={"text": "foot pain"}, headers={"Authorization": header})
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/", "/static/app.js", "/openapi.json"])
def test_health_metrics_and_page_need_no_key(keyed_client, path) -> None:
    assert keyed_client.get(path).status_code == 200


def test_no_key_configured_means_no_key_needed(client) -> None:
    assert client.post("/v1/tag", json={"text": "foot pain"}).status_code == 200


def test_page_has_a_strict_csp_and_security_headers(client) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    csp = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'" and csp["connect-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_api_answers_are_never_cached(client) -> None:
    response = client.post("/v1/tag", json={"text": "foot pain"})
    assert response.headers["cache-control"] == "no-store"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.handlers: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        for name in ("src", "href"):
            if re.match(r"^(https?:)?//", attrs.get(name) or ""):
                self.external.append(attrs[name])


def test_page_has_no_inline_script_and_no_external_asset() -> None:
    parser = _Tags()
    parser.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    assert parser.scripts and all(s.get("src", "").startswith("/static/") for s in parser.scripts)
    assert parser.handlers == [] and parser.external == []
    for asset in ("app.js", "style.css"):
        assert "http://" not in (STATIC / asset).read_text() and "https://" not in (STATIC / asset).read_text()


def test_page_never_writes_text_as_html() -> None:
    source = (STATIC / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in source.replace("never innerHTML", "") and "insertAdjacentHTML" not in source


def test_static_assets_are_served_by_the_app(client) -> None:
    assert client.get("/static/app.js").headers["content-type"].startswith(("application/javascript", "text/javascript"))
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/favicon.svg").status_code == 200


def test_cors_is_closed_unless_configured(client) -> None:
    preflight = client.options("/v1/tag", headers={"Origin": "https://elsewhere.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.post("/v1/tag", json={"text": "foot pain"}, headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_cors_allows_only_the_configured_origins(make_app) -> None:
    with TestClient(make_app(cors_origins="https://intake.example, https://clinic.example")) as c:
        ok = c.options("/v1/tag", headers={"Origin": "https://clinic.example", "Access-Control-Request-Method": "POST"})
        assert ok.headers["access-control-allow-origin"] == "https://clinic.example"
        other = c.options("/v1/tag", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in other.headers


def test_logs_hold_ids_sizes_and_timings_but_never_the_text(client, caplog) -> None:
    secret = "ZEBRA-QUOKKA-4471"
    caplog.set_level(logging.INFO, logger="tagger")
    client.post("/v1/tag", json={"text": f"{secret} has right foot pain."})
    client.post("/v1/tag", content=f"{secret} knee pain".encode(), headers={"content-type": "text/plain"})
    client.post("/v1/tag", content=f'{{"text": "{secret}"'.encode(), headers={"content-type": "application/json"})
    client.post("/v1/tag/batch", json={"texts": [f"{secret} hip pain", ""]})
    client.post("/v1/tag", json={"text": secret + " x" * 100_001})
    assert secret not in caplog.text
    request_lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("request ")]
    assert len(request_lines) == 5
    assert re.match(r"request [0-9a-f]{16} POST /v1/tag -> 200 in [\d.]+ ms \(body in \d+ B, out \d+ B\)", request_lines[0])


def test_request_id_is_echoed_or_made_up(client) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "intake-42"}).headers["x-request-id"] == "intake-42"
    made_up = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"}).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{16}", made_up)


def test_unexpected_failure_is_a_500_that_leaks_nothing(make_app, rules_tagger, caplog) -> None:
    from tagger.core import Tagger

    class Broken(Tagger):
        def tag(self, text, **kwargs):
            raise RuntimeError(f"internal detail about {text}")

    caplog.set_level(logging.INFO, logger="tagger")
    with TestClient(make_app(Broken(rules_tagger.nlp)), raise_server_exceptions=False) as c:
        response = c.post("/v1/tag", json={"text": "ZEBRA-QUOKKA-4471 foot pain"})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "E500"
    assert "ZEBRA" not in response.text and "ZEBRA" not in caplog.text
    assert "RuntimeError" in caplog.text


def test_the_key_is_checked_before_the_body_is_read(keyed_client) -> None:
    response = keyed_client.post("/v1/tag", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 401
