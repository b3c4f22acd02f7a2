"""POST /v1/tag: every accepted content type, the options, and every input error."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from tagger.schema import TagResult

EMAIL_WITH_FURNITURE = (
    "From: Jennifer <j@example.org>\n"
    "Sent: Monday, 3 March 2025 09:12\n"
    "Subject: my foot\n"
    "\n"
    "Wearing sneakers makes my right foot feel like it is falling asleep. I have no hip pain.\n"
    "\n"
    "Thanks,\n"
    "Jennifer\n"
)

EML = (
    b"From: Jennifer <j@example.org>\r\n"
    b"To: clinic@example.org\r\n"
    b"Subject: my foot\r\n"
    b"Date: Mon, 3 Mar 2025 09:12:00 +0000\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Wearing sneakers makes my right foot feel like it is falling asleep.\r\n"
)

PNG_GARBAGE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8


def entity_labels(result: dict) -> dict[str, str]:
    return {e["text"].lower(): e["label"] for e in result["entities"]}


def test_json_body_returns_a_tag_result_for_the_seed_email(client, seed_email: str) -> None:
    response = client.post("/v1/tag", json={"text": seed_email})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    result = TagResult.model_validate(response.json())
    assert result.text == seed_email
    assert entity_labels(response.json())["sneakers"] == "FOOTWEAR"
    assert any(e.text == "hip" and e.negated for e in result.entities)


def test_plain_text_body_is_tagged_as_pasted_email_with_furniture_removed(client) -> None:
    response = client.post("/v1/tag", content=EMAIL_WITH_FURNITURE.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert response.status_code == 200
    body = response.json()
    assert body["cleaning"]["source"] == "cleaned"
    assert body["cleaning"]["removed"].get("header", 0) >= 3
    assert "Subject" not in body["text"]
    assert entity_labels(body)["sneakers"] == "FOOTWEAR"


def test_plain_text_in_a_declared_legacy_charset_is_decoded(client) -> None:
    text = "Caf\u00e9 owner: right heel pain when barefoot."
    response = client.post("/v1/tag", content=text.encode("latin-1"), headers={"content-type": "text/plain; charset=latin-1"})
    assert response.status_code == 200
    assert response.json()["text"] == text


def test_rfc822_body_is_decoded_as_an_email(client) -> None:
    response = client.post("/v1/tag", content=EML, headers={"content-type": "message/rfc822"})
    assert response.status_code == 200
    body = response.json()
    assert body["cleaning"]["source"] == "decoded"
    assert "Subject" not in body["text"]
    assert entity_labels(body)["sneakers"] == "FOOTWEAR"


def test_multipart_eml_upload_is_tagged_as_an_email(client) -> None:
    response = client.post("/v1/tag", files={"file": ("message.eml", EML, "application/octet-stream")})
    assert response.status_code == 200
    assert response.json()["cleaning"]["source"] == "decoded"


def test_multipart_text_file_upload_is_decoded_and_tagged(client) -> None:
    data = "\ufeffMy left knee hurts after running.".encode()
    response = client.post("/v1/tag", files={"file": ("note.txt", data, "text/plain")})
    assert response.status_code == 200
    assert response.json()["text"] == "My left knee hurts after running."


def test_multipart_text_field_is_tagged(client) -> None:
    response = client.post("/v1/tag", data={"text": "Pain in my right foot."}, files={"unused": ("x.bin", b"", "application/octet-stream")})
    assert response.status_code == 200
    assert entity_labels(response.json())["foot"] == "BODY_REGION"


def test_include_text_false_leaves_the_text_out(client) -> None:
    response = client.post("/v1/tag", json={"text": "Right foot pain.", "options": {"include_text": False}})
    assert response.status_code == 200
    assert "text" not in response.json()
    assert response.json()["entities"][0]["start"] == 6


def test_clean_false_tags_the_email_as_given(client) -> None:
    response = client.post("/v1/tag", json={"text": EMAIL_WITH_FURNITURE, "options": {"clean": False}})
    assert response.status_code == 200
    assert response.json()["cleaning"]["source"] == "input"
    assert response.json()["text"] == EMAIL_WITH_FURNITURE


def test_query_options_apply_to_plain_text_bodies(client) -> None:
    response = client.post("/v1/tag?clean=false&include_text=false", content=EMAIL_WITH_FURNITURE.encode(),
                           headers={"content-type": "text/plain"})
    assert response.status_code == 200
    assert response.json()["cleaning"]["source"] == "input"
    assert "text" not in response.json()


def test_results_carry_hypotheses_from_the_classifier(hyp_client, seed_email: str) -> None:
    body = hyp_client.post("/v1/tag", json={"text": seed_email}).json()
    assert [h["label"] for h in body["hypotheses"]] == ["footwear", "hip_to_foot", "posture"]
    evidence_text = {s["text"] for s in body["hypotheses"][0]["evidence"][0]["spans"]}
    assert evidence_text == {"sneakers"}


@pytest.mark.parametrize(
    ("body", "headers", "status", "code", "says"),
    [
        pytest.param(b'{"text": ""}', {"content-type": "application/json"}, 422, "E101", "empty", id="empty-json-text"),
        pytest.param(b"   \n\t  ", {"content-type": "text/plain"}, 422, "E101", "empty", id="whitespace-plain-text"),
        pytest.param(b"x" * 2_000_000, {"content-type": "text/plain"}, 413, "E413", "1,048,576 bytes", id="2MB-body"),
        pytest.param(PNG_GARBAGE, {"content-type": "text/plain"}, 422, "E103", "binary", id="binary-garbage"),
        pytest.param(b"caf\xe9 au lait and foot pain", {"content-type": "text/plain"}, 422, "E104", "UTF-8", id="invalid-utf8"),
        pytest.param(b"<x/>", {"content-type": "application/xml"}, 415, "E415",
                     "application/json, text/plain, message/rfc822, multipart/form-data", id="wrong-content-type"),
        pytest.param(b"foot pain", {}, 415, "E415", "no Content-Type", id="no-content-type"),
        pytest.param(b'{"text": "foot pain",', {"content-type": "application/json"}, 422, "E422", "not valid JSON", id="malformed-json"),
        pytest.param(b"x", {"content-type": "text/plain; charset=klingon"}, 415, "E415", "charset", id="unknown-charset"),
        pytest.param(("a " * 100_001).encode(), {"content-type": "text/plain"}, 413, "E102", "the limit is 200,000", id="text-over-max-chars"),
    ],
)
def test_bad_input_gets_a_status_and_a_message_saying_what_to_fix(client, body, headers, status, code, says) -> None:
    response = client.post("/v1/tag", content=body, headers=headers)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert says in error["message"]


@pytest.mark.parametrize(
    ("payload", "field", "says"),
    [
        pytest.param({"txt": "foot pain"}, "text", "Field required", id="missing-text"),
        pytest.param({"text": 42}, "text", "valid string", id="text-not-a-string"),
        pytest.param({"text": "foot pain", "options": {"clean": "maybe"}}, "options.clean", "valid boolean", id="bad-option"),
        pytest.param({"text": "foot pain", "options": {"colour": True}}, "options.colour", "Extra inputs", id="unknown-option"),
    ],
)
def test_json_that_does_not_fit_the_schema_gets_field_level_messages(client, payload, field, says) -> None:
    response = client.post("/v1/tag", json=payload)
    assert response.status_code == 422
    fields = {f["field"]: f["message"] for f in response.json()["error"]["fields"]}
    assert field in fields and says in fields[field]


def test_malformed_json_names_the_body_as_the_field(client) -> None:
    response = client.post("/v1/tag", content=b"{text: 'single quotes'}", headers={"content-type": "application/json"})
    assert response.json()["error"]["fields"][0]["field"] == "body"


def test_error_messages_never_echo_the_note(client) -> None:
    secret = "ZEBRA-QUOKKA-4471 has right foot pain"
    for payload in ({"text": secret, "options": {"clean": "nope"}}, {"text": [secret]}):
        response = client.post("/v1/tag", json=payload)
        assert response.status_code == 422
        assert "ZEBRA" not in response.text


def test_chunked_body_over_the_limit_is_refused_while_reading(make_app) -> None:
    from fastapi.testclient import TestClient

    def chunks():
        for _ in range(40):
            yield b"foot pain " * 100  # 1 KB a chunk, 40 KB in all, no Content-Length

    with TestClient(make_app(max_body_bytes=10_000)) as c:
        response = c.post("/v1/tag", content=chunks(), headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert "10,000 bytes" in response.json()["error"]["message"]


def test_multipart_without_a_file_says_which_field_to_use(client) -> None:
    response = client.post("/v1/tag", data={"note": "foot pain"}, files={"attachment": ("a.bin", b"", "application/octet-stream")})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "file"


def test_eml_without_a_text_part_is_a_clear_error(client) -> None:
    eml = b"From: a@b.c\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\n\x89PNG"
    response = client.post("/v1/tag", content=eml, headers={"content-type": "message/rfc822"})
    assert response.status_code == 422
    assert "text/plain" in response.json()["error"]["message"]


def test_unknown_paths_and_methods_answer_in_the_error_envelope(client) -> None:
    assert client.get("/v1/nothing").json()["error"]["code"] == "E404"
    response = client.get("/v1/tag")
    assert response.status_code == 405 and response.json()["error"]["code"] == "E405"


class _CountingTagger:
    """Wraps a tagger; records how many ``tag`` calls run at the same time."""

    def __init__(self, real):
        self.real, self.running, self.most = real, 0, 0
        self.lock = threading.Lock()

    def __getattr__(self, name):
        return getattr(self.real, name)

    def tag(self, text, **kwargs):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.05)
        try:
            return self.real.tag(text, **kwargs)
        finally:
            with self.lock:
                self.running -= 1


@pytest.mark.parametrize("threads", [1, 3])
def test_work_threads_caps_how_many_notes_are_tagged_at_once(make_app, rules_tagger, threads):
    counting = _CountingTagger(rules_tagger)
    with TestClient(make_app(counting, work_threads=threads)) as client:
        def post(_):
            return client.post("/v1/tag", json={"text": "R knee pain x3/52"}).status_code

        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(pool.map(post, range(6)))
    assert statuses == [200] * 6
    assert counting.most <= threads
    assert counting.most == 1 if threads == 1 else counting.most >= 2
