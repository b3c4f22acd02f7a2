"""POST /v1/tag and POST /v1/tag/batch: thin routes over ``Tagger.tag`` and ``Tagger.tag_many``.

The endpoints are plain ``def`` (and the batch stream a plain generator), so the CPU work runs in
the threadpool and the event loop stays free for health checks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse

from tagger.core import RowError, Tagger
from tagger.errors import InputError

from ..deps import BatchInputDep, MetricsDep, TaggerDep, TagInputDep, require_api_key
from ..errors import input_error, log_unhandled
from ..inputs import BatchInput
from ..metrics import Metrics
from ..openapi import batch_request_body, tag_request_body
from ..schemas import BatchLine, ErrorResponse, TagResponse

router = APIRouter(prefix="/v1", tags=["tag"], dependencies=[Depends(require_api_key)])

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "TAGGER_API_KEY is set and the Bearer key is missing or wrong."},
    413: {"model": ErrorResponse, "description": "The body or the text is over the limit the message states."},
    415: {"model": ErrorResponse, "description": "The Content-Type is not one the route reads; the message lists them."},
    422: {"model": ErrorResponse, "description": "Empty, binary or badly encoded text, or a body that does not fit the schema."},
    503: {"model": ErrorResponse, "description": "The model is still loading."},
}


class NDJSONResponse(StreamingResponse):
    media_type = "application/x-ndjson"


@router.post(
    "/tag",
    response_model=TagResponse,
    responses=ERRORS,
    openapi_extra=tag_request_body(),
    summary="Tag one note or email",
)
def tag(tagger: TaggerDep, work: TagInputDep, metrics: MetricsDep) -> Response:
    """Tag one note, pasted email or .eml file; the answer is a ``TagResult``."""
    try:
        if work.kind == "eml":
            result = tagger.tag_eml(work.data or b"")
        else:
            result = tagger.tag(work.text or "", clean_input=work.clean)
    except InputError as exc:
        metrics.rows.labels("tag", exc.code).inc()
        raise input_error(exc) from None
    metrics.rows.labels("tag", "ok").inc()
    body = result.model_dump_json(exclude=None if work.include_text else {"text"})
    return Response(body, media_type="application/json")


def _line(index: int, row_id: object, *, result: str | None = None, code: str = "", message: str = "") -> str:
    head = f'{{"index":{index},"id":{json.dumps(row_id)},'
    if result is not None:
        return head + f'"result":{result}}}\n'
    return head + f'"error":{json.dumps({"code": code, "message": message})}}}\n'


def stream_batch(tagger: Tagger, batch: BatchInput, metrics: Metrics, request_id: str = "-") -> Iterator[str]:
    """One NDJSON line per input row, in input order: a result or that row's error."""
    rows = batch.rows
    good = [i for i, row in enumerate(rows) if row.error is None]
    results = tagger.tag_many((rows[i].text for i in good), errors="return", clean_input=batch.clean)
    index = 0
    try:
        for index, row in enumerate(rows):
            if row.error is not None:
                metrics.rows.labels("batch", row.error[0]).inc()
                yield _line(index, row.id, code=row.error[0], message=row.error[1])
                continue
            out = next(results)
            if isinstance(out, RowError):
                metrics.rows.labels("batch", out.code).inc()
                yield _line(index, row.id, code=out.code, message=out.message)
            else:
                metrics.rows.labels("batch", "ok").inc()
                yield _line(index, row.id, result=out.model_dump_json())
    except Exception as exc:  # the status line has gone out: finish the stream with one error line per row left
        log_unhandled(exc, "/v1/tag/batch", request_id)
        for rest in range(index, len(rows)):
            metrics.rows.labels("batch", "E500").inc()
            yield _line(rest, rows[rest].id, code="E500", message=f"the server failed on this row; see request {request_id}")


@router.post(
    "/tag/batch",
    response_class=NDJSONResponse,
    responses={200: {"model": BatchLine, "description": "NDJSON: one BatchLine per input row, in input order."}, **ERRORS},
    openapi_extra=batch_request_body(),
    summary="Tag many notes; stream one NDJSON line per row",
)
def tag_batch(tagger: TaggerDep, batch: BatchInputDep, metrics: MetricsDep, request: Request) -> NDJSONResponse:
    """Tag a JSON list (``texts`` or ``items``) or an uploaded CSV/JSONL file.

    A row that cannot be tagged (empty, binary, too long, unreadable) gets an ``error`` line in its
    place, so the output always has one line per input row.
    """
    request_id = getattr(request.state, "request_id", "-")
    return NDJSONResponse(stream_batch(tagger, batch, metrics, request_id), headers={"X-Batch-Rows": str(len(batch.rows))})
