"""The OpenAPI document: request bodies the routes parse themselves, with the seed email as example."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from .schemas import BatchRequest, ErrorResponse, TagRequest

EXAMPLES = Path(__file__).resolve().parent / "examples"

DESCRIPTION = """\
Tag clinical case notes and patients' emails: entities (body regions, structures, symptoms,
activities, footwear) with side, negation and modifiers, and ranked kinetic-chain hypotheses.

Send text as JSON, as `text/plain` (paste the email as it is), as `message/rfc822` (an `.eml`
file) or as a `multipart/form-data` upload. When the server sets `TAGGER_API_KEY`, every `/v1`
route needs `Authorization: Bearer <key>`. Errors always come as
`{"error": {"code", "message", "fields"}}`.
"""


@lru_cache
def seed_email() -> str:
    """The patient's part of seed 000, the example in /docs."""
    return (EXAMPLES / "seed_email.txt").read_text(encoding="utf-8")


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def tag_request_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": "The note or email. Query options `clean` and `include_text` apply to non-JSON bodies.",
            "content": {
                "application/json": {"schema": _ref(TagRequest)},
                "text/plain": {"schema": {"type": "string", "description": "The pasted email or note, UTF-8."}},
                "message/rfc822": {"schema": {"type": "string", "description": "An .eml file as it is."}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "file": {"type": "string", "format": "binary",
                                     "description": "An .eml file (tagged as an email) or a UTF-8 text file."},
                            "text": {"type": "string", "description": "Pasted text, when there is no file."},
                        },
                    }
                },
            },
        }
    }


def batch_request_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _ref(BatchRequest)},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {
                            "file": {"type": "string", "format": "binary", "description": "A .csv or .jsonl file."},
                            "text_col": {"type": "string", "default": "text", "description": "Column (or key) holding the text."},
                            "id_col": {"type": "string", "description": "Column (or key) holding your row id."},
                            "format": {"type": "string", "enum": ["csv", "jsonl"],
                                       "description": "Overrides the format guessed from the file name."},
                            "clean": {"type": "boolean", "default": True},
                        },
                    }
                },
            },
        }
    }


def _add_examples(schema: dict[str, Any]) -> None:
    email = seed_email()
    paths = schema.get("paths", {})
    tag_body = paths.get("/v1/tag", {}).get("post", {}).get("requestBody", {}).get("content", {})
    if "application/json" in tag_body:
        tag_body["application/json"]["example"] = {"text": email, "options": {"clean": True, "include_text": True}}
    if "text/plain" in tag_body:
        tag_body["text/plain"]["example"] = email
    if "message/rfc822" in tag_body:
        tag_body["message/rfc822"]["example"] = (
            "From: Jennifer <patient@example.org>\r\nTo: clinic@example.org\r\nSubject: my foot\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + email.replace("\n", "\r\n")
        )
    batch_body = paths.get("/v1/tag/batch", {}).get("post", {}).get("requestBody", {}).get("content", {})
    if "application/json" in batch_body:
        batch_body["application/json"]["example"] = {
            "items": [
                {"id": "jennifer-1", "text": email},
                {"id": "short", "text": "Right knee pain after running; no swelling."},
                {"id": "empty", "text": ""},
            ]
        }


def install_openapi(app: FastAPI) -> None:
    """Build the schema once, adding the body models that the routes parse by hand."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (TagRequest, BatchRequest, ErrorResponse):
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in js.pop("$defs", {}).items():
                components.setdefault(name, definition)
            components.setdefault(model.__name__, js)
        _add_examples(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
