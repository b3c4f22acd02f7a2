"""Typed dependencies: settings, the loaded tagger, metrics, the API key check and parsed bodies."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tagger.core import Tagger

from .config import Settings
from .errors import APIError, not_ready
from .inputs import BatchInput, TagInput, read_batch_input, read_tag_input
from .metrics import Metrics


async def app_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(app_settings)]


async def get_tagger(request: Request) -> Tagger:
    """The tagger loaded in the lifespan; 503 while it is still loading."""
    tagger = getattr(request.app.state, "tagger", None)
    if tagger is None:
        raise not_ready()
    return tagger


TaggerDep = Annotated[Tagger, Depends(get_tagger)]


async def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


MetricsDep = Annotated[Metrics, Depends(get_metrics)]

bearer = HTTPBearer(auto_error=False, description="Needed on every /v1 route when the server sets TAGGER_API_KEY.")


async def require_api_key(settings: SettingsDep,
                          credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """401 unless ``Authorization: Bearer <key>`` matches TAGGER_API_KEY (when one is set)."""
    if settings.api_key is None:
        return
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if credentials is None:
        raise APIError(401, "E401", "this server needs an API key: send the header 'Authorization: Bearer <key>'",
                       headers={"WWW-Authenticate": 'Bearer realm="tagger"'})
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), expected):
        raise APIError(401, "E401", "the API key is not valid; check the key in the 'Authorization: Bearer <key>' header",
                       headers={"WWW-Authenticate": 'Bearer realm="tagger", error="invalid_token"'})


async def tag_input(
    request: Request,
    settings: SettingsDep,
    clean: Annotated[bool, Query(description="For text/plain, .eml and form bodies: strip email furniture first. "
                                             "JSON bodies use options.clean instead.")] = True,
    include_text: Annotated[bool, Query(description="For non-JSON bodies: echo the tagged text in the response. "
                                                    "JSON bodies use options.include_text instead.")] = True,
) -> TagInput:
    return await read_tag_input(request, settings, clean=clean, include_text=include_text)


TagInputDep = Annotated[TagInput, Depends(tag_input)]


async def batch_input(request: Request, settings: SettingsDep) -> BatchInput:
    return await read_batch_input(request, settings)


BatchInputDep = Annotated[BatchInput, Depends(batch_input)]
