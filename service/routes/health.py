"""Liveness, readiness and Prometheus metrics (outside /v1: no API key, no model needed)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ..schemas import HealthResponse, ReadyResponse

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, summary="Liveness")
async def healthz() -> HealthResponse:
    """200 while the process is answering, even before the model has loaded."""
    return HealthResponse()


@router.get("/readyz", response_model=ReadyResponse, responses={503: {"model": ReadyResponse}}, summary="Readiness")
async def readyz(request: Request) -> JSONResponse:
    """200 once the model is loaded; 503 (loading, or failed with the reason) until then."""
    state = request.app.state
    tagger = getattr(state, "tagger", None)
    if tagger is not None:
        body = ReadyResponse(status="ready", model=tagger.info.model_dump())
        return JSONResponse(body.model_dump(exclude_none=True))
    error = getattr(state, "load_error", None)
    body = ReadyResponse(status="failed", detail=error) if error else ReadyResponse(status="loading")
    return JSONResponse(body.model_dump(exclude_none=True), status_code=503, headers={"Retry-After": "5"})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response,
            responses={200: {"content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}})
async def metrics(request: Request) -> Response:
    """Request counts, latency histograms and errors by route, in the Prometheus text format."""
    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
