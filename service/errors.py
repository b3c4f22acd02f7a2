"""One error envelope for every failure the API returns, and the handlers that produce it.

Every error body is ``{"error": {"code": ..., "message": ..., "fields": [...]}}``: ``code`` is stable
(the library's ``E1xx`` input codes, or ``E4xx``/``E5xx`` for HTTP-level problems), ``message`` says
what to fix, and ``fields`` (422 only) names each offending field. No message echoes the note text.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from tagger.errors import InputError, TextTooLongError

log = logging.getLogger("tagger.service")

ACCEPTED_TAG_TYPES = ("application/json", "text/plain", "message/rfc822", "multipart/form-data")
ACCEPTED_BATCH_TYPES = ("application/json", "multipart/form-data")


class APIError(Exception):
    """An HTTP error with a code, a message for people and, for 422, the fields at fault."""

    def __init__(self, status: int, code: str, message: str, *, fields: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or []
        self.headers = headers or {}


def unsupported_media_type(content_type: str | None, accepted: tuple[str, ...]) -> APIError:
    given = f"'{content_type}'" if content_type else "no Content-Type"
    return APIError(415, "E415", f"cannot read a body sent as {given}; send one of: {', '.join(accepted)}")


def body_too_large(limit: int) -> APIError:
    return APIError(413, "E413", f"the request body is larger than the limit of {limit:,} bytes; send a shorter text or split the batch")


def not_ready() -> APIError:
    return APIError(503, "E503", "the model is still loading; try again in a few seconds", headers={"Retry-After": "5"})


def input_error(exc: InputError) -> APIError:
    """Map the library's input errors: too long is 413, anything else about the text is 422."""
    status = 413 if isinstance(exc, TextTooLongError) else 422
    return APIError(status, exc.code, exc.message)


def _loc(parts: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(p) for p in parts) or "body"


def validation_fields(errors: Sequence[Mapping[str, Any]], *, drop_prefix: int = 0) -> list[dict[str, str]]:
    """pydantic errors as ``[{"field": "options.clean", "message": ...}]``, without the input values."""
    fields = []
    for err in errors:
        loc = tuple(err.get("loc", ()))[drop_prefix:]
        fields.append({"field": _loc(loc), "message": str(err.get("msg", "invalid value"))})
    return fields


def from_validation_error(exc: ValidationError, what: str = "request body") -> APIError:
    errors = exc.errors(include_input=False, include_url=False)
    if any(err.get("type") == "json_invalid" for err in errors):
        detail = next(str(err.get("msg")) for err in errors if err.get("type") == "json_invalid")
        return APIError(422, "E422", f"the {what} is not valid JSON ({detail})", fields=[{"field": "body", "message": detail}])
    fields = validation_fields(errors)
    summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
    return APIError(422, "E422", f"the {what} does not match the schema: {summary}", fields=fields)


def error_body(code: str, message: str, fields: list[dict[str, str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def error_response(err: APIError) -> JSONResponse:
    return JSONResponse(error_body(err.code, err.message, err.fields), status_code=err.status, headers=err.headers)


_HTTP_MESSAGES = {
    404: "there is nothing at this path; see /docs for the API",
    405: "this path does not accept that method; see /docs for the API",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return error_response(input_error(exc))

    @app.exception_handler(RequestValidationError)
    async def _request_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"field": _loc(tuple(e.get("loc", ()))), "message": str(e.get("msg", "invalid value"))} for e in exc.errors()]
        summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
        return error_response(APIError(422, "E422", f"the request is not valid: {summary}", fields=fields))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = _HTTP_MESSAGES.get(exc.status_code) or str(exc.detail)
        if exc.status_code == 400:  # Starlette's multipart parser: "Missing boundary in multipart." and the like
            message = f"the request body cannot be read: {exc.detail} Let the HTTP client build the multipart body"
        return error_response(APIError(exc.status_code, f"E{exc.status_code}", message, headers=dict(exc.headers or {})))


def log_unhandled(exc: BaseException, route: str, request_id: str) -> None:
    """Log where an unexpected error happened without its message (which may quote the input)."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unhandled %s in %s (request %s)\n%s", type(exc).__name__, route, request_id, frames)
