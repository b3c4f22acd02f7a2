"""Health, readiness, labels, model card, metrics and the OpenAPI docs."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import service.main
from tagger.errors import ModelLoadError

EXAMPLE = Path(__file__).resolve().parents[2] / "service" / "examples" / "seed_email.txt"


def wait_until_ready(client: TestClient, seconds: float = 10.0) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get("/readyz").status_code
        if status == 200:
            return status
        time.sleep(0.02)
    return status


def test_healthz_answers_ok(client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_names_the_loaded_model(client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "model": {"name": "rules-only", "version": response.json()["model"]["version"]}}


def test_readyz_is_503_until_the_background_load_finishes(make_app, rules_tagger, monkeypatch) -> None:
    release = threading.Event()

    def slow_load(settings):
        release.wait(10)
        return rules_tagger

    monkeypatch.setattr(service.main, "load_tagger", slow_load)
    with TestClient(make_app(tagger=None, load_in_background=True)) as c:
        loading = c.get("/readyz")
        assert loading.status_code == 503 and loading.json()["status"] == "loading"
        assert c.get("/healthz").status_code == 200
        busy = c.post("/v1/tag", json={"text": "foot pain"})
        assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
        assert "still loading" in busy.json()["error"]["message"]
        release.set()
        assert wait_until_ready(c) == 200
        assert c.post("/v1/tag", json={"text": "foot pain"}).status_code == 200


def test_a_failed_background_load_is_reported_by_readyz(make_app, monkeypatch) -> None:
    def failing_load(settings):
        raise ModelLoadError("model directory /nowhere does not exist")

    monkeypatch.setattr(service.main, "load_tagger", failing_load)
    with TestClient(make_app(tagger=None, load_in_background=True)) as c:
        deadline = time.monotonic() + 10
        while c.get("/readyz").json()["status"] == "loading" and time.monotonic() < deadline:
            time.sleep(0.02)
        response = c.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "failed" and "/nowhere does not exist" in response.json()["detail"]


def test_a_failed_load_at_startup_stops_the_app(make_app, tmp_path) -> None:
    app = make_app(tagger=None, model_path=tmp_path / "missing")
    with pytest.raises(ModelLoadError), TestClient(app):
        pass


def test_the_lifespan_loads_the_model_once(make_app, rules_tagger, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(service.main, "load_tagger", lambda settings: calls.append(settings) or rules_tagger)
    with TestClient(make_app(tagger=None)) as c:
        for _ in range(3):
            assert c.post("/v1/tag", json={"text": "foot pain"}).status_code == 200
    assert len(calls) == 1


def test_labels_list_the_models_labels_first_with_taxonomy_details(hyp_client) -> None:
    body = hyp_client.get("/v1/labels").json()
    names = [label["label"] for label in body["labels"]]
    assert names[:3] == ["footwear", "hip_to_foot", "posture"]
    assert all(label["in_model"] for label in body["labels"][:3])
    assert not any(label["in_model"] for label in body["labels"][3:])
    entity = {e["label"]: e["description"] for e in body["entity_labels"]}
    assert set(entity) == {"BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR"}
    assert all(entity.values())


def test_labels_carry_descriptions_and_chain_paths_from_the_taxonomy(hyp_client) -> None:
    taxonomy = pytest.importorskip("tagger.classifier.taxonomy")
    body = hyp_client.get("/v1/labels").json()
    by_name = {label["label"]: label for label in body["labels"]}
    for name, entry in taxonomy.TAXONOMY.items():
        assert by_name[name]["description"] == entry["description"]
        assert by_name[name]["path"] == list(entry.get("path") or [])


def test_labels_fall_back_to_the_models_labels_without_a_taxonomy(hyp_client, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "tagger.classifier.taxonomy", None)  # import now raises ImportError
    body = hyp_client.get("/v1/labels").json()
    assert [(label["label"], label["description"]) for label in body["labels"]] == [
        ("footwear", ""), ("hip_to_foot", ""), ("posture", "")]


def test_model_route_returns_the_card(hyp_client, hyp_tagger) -> None:
    assert hyp_client.get("/v1/model").json() == hyp_tagger.card


def test_metrics_count_requests_latency_and_errors_by_route(client) -> None:
    client.post("/v1/tag", json={"text": "foot pain"})
    client.post("/v1/tag", json={"text": ""})
    client.get("/v1/nowhere/at/all")
    text = client.get("/metrics").text
    assert 'tagger_http_requests_total{method="POST",route="/v1/tag",status="200"} 1.0' in text
    assert 'tagger_http_errors_total{kind="client",route="/v1/tag",status="422"} 1.0' in text
    assert 'tagger_http_request_duration_seconds_count{method="POST",route="/v1/tag"} 2.0' in text
    assert 'route="<unmatched>"' in text and "/v1/nowhere" not in text
    assert 'tagger_rows_tagged_total{endpoint="tag",outcome="E101"} 1.0' in text
    assert 'tagger_model_info{name="rules-only"' in text


def test_requests_refused_before_routing_are_counted_under_their_route(make_app) -> None:
    with TestClient(make_app(max_body_bytes=100)) as c:
        assert c.post("/v1/tag", content=b"x" * 200, headers={"content-type": "text/plain"}).status_code == 413
        text = c.get("/metrics").text
    assert 'tagger_http_requests_total{method="POST",route="/v1/tag",status="413"} 1.0' in text


def test_each_app_has_its_own_metrics(make_app) -> None:
    with TestClient(make_app()) as first, TestClient(make_app()) as second:
        first.post("/v1/tag", json={"text": "foot pain"})
        assert 'route="/v1/tag"' not in second.get("/metrics").text


def test_the_docs_example_is_the_seed_email(client, seed_email: str) -> None:
    assert EXAMPLE.read_text(encoding="utf-8") == seed_email
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/v1/tag"]["post"]["requestBody"]["content"]
    assert set(content) == {"application/json", "text/plain", "message/rfc822", "multipart/form-data"}
    assert content["application/json"]["example"]["text"] == seed_email
    assert content["text/plain"]["example"] == seed_email
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/TagRequest"}
    assert "TagRequest" in spec["components"]["schemas"] and "BatchRequest" in spec["components"]["schemas"]


def test_docs_page_is_served_without_a_cdn(client) -> None:
    pytest.importorskip("swagger_ui_bundle", reason="offline /docs need swagger-ui-bundle-v2")
    page = client.get("/docs")
    assert page.status_code == 200 and "cdn" not in page.text
    assert "/docs/assets/swagger-ui-bundle.js" in page.text
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert "script-src 'self';" in page.headers["content-security-policy"]


def test_docs_fall_back_to_the_cdn_page_without_the_bundle(make_app, monkeypatch) -> None:
    import service.routes.page as page

    monkeypatch.setattr(page, "swagger_assets", lambda: None)
    with TestClient(make_app()) as c:
        response = c.get("/docs")
    assert response.status_code == 200 and "swagger-ui-bundle.js" in response.text
    assert "https://cdn.jsdelivr.net" in response.headers["content-security-policy"]


def test_the_shipped_example_is_the_patients_part_of_seed_000(seed_document) -> None:
    """Tests fall back to the example file when the seeds are not beside the clone: it must
    stay the exact slice of seed 000 they would otherwise read."""
    start = seed_document.index("Seriously. Your Blog")
    end = seed_document.index("down to my toes.") + len("down to my toes.")
    assert EXAMPLE.read_text(encoding="utf-8") == seed_document[start:end]
