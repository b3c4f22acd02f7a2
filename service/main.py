"""Build the FastAPI app: settings, lifespan (the model is loaded once), routers and middleware.

Run it with ``tagger serve`` or ``uvicorn --factory service.main:create_app``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

import anyio
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.middleware.cors import CORSMiddleware

from tagger import __version__
from tagger.core import Tagger, load
from tagger.gc_tuning import tune_after_load

from .config import Settings, get_settings
from .errors import install_error_handlers
from .metrics import Metrics
from .middleware import DOCS_CDN_CSP, DOCS_CSP, BodyLimitMiddleware, ObservabilityMiddleware, SecurityHeadersMiddleware
from .openapi import DESCRIPTION, install_openapi
from .routes import health, info, tag
from .routes.page import install_page
from .routes.page import router as page_router

log = logging.getLogger("tagger.service")


def load_tagger(settings: Settings) -> Tagger:
    """The one model load of the process (a module function so tests can slow it down)."""
    return load(settings.model_path, max_chars=settings.max_chars)


def _set_tagger(app: FastAPI, tagger: Tagger) -> None:
    app.state.tagger = tagger
    app.state.metrics.model.labels(tagger.info.name, tagger.info.version).set(1)
    log.info("serving model %s %s with %d hypothesis labels", tagger.info.name, tagger.info.version, len(tagger.labels))


async def _load_into(app: FastAPI, *, background: bool) -> None:
    settings: Settings = app.state.settings
    try:
        tagger = await anyio.to_thread.run_sync(partial(load_tagger, settings))
    except Exception as exc:
        app.state.load_error = f"{type(exc).__name__}: {exc}"
        log.error("could not load the model from %s: %s", settings.model_path or "the default location", app.state.load_error)
        if not background:
            raise
        return
    tune_after_load()  # the model lives as long as the process (see tagger.gc_tuning)
    _set_tagger(app, tagger)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load the model once. In background mode /healthz answers while it loads and /readyz says 503."""
    # the thread pool that runs sync routes and streamed batches (see Settings.work_threads)
    anyio.to_thread.current_default_thread_limiter().total_tokens = app.state.settings.work_threads
    if app.state.tagger is not None:
        yield
        return
    if not app.state.settings.load_in_background:
        await _load_into(app, background=False)
        yield
        return
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(partial(_load_into, app, background=True))
        yield
        tasks.cancel_scope.cancel()


def create_app(settings: Settings | None = None, *, tagger: Tagger | None = None) -> FastAPI:
    """A new app. Pass ``tagger`` to serve an already-loaded one (tests); else the lifespan loads it."""
    settings = settings or get_settings()
    app = FastAPI(
        title="Case-notes tagger",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.tagger = None
    app.state.load_error = None
    if tagger is not None:
        _set_tagger(app, tagger)

    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(tag.router)
    app.include_router(info.router)
    offline_docs = install_page(app)
    install_openapi(app)

    def body_limit(path: str) -> int:
        return settings.max_batch_body_bytes if path.rstrip("/") == "/v1/tag/batch" else settings.max_body_bytes

    # Added innermost first: a request meets Observability, then SecurityHeaders, CORS, BodyLimit.
    app.add_middleware(BodyLimitMiddleware, limit_for=body_limit)
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
            max_age=600,
        )
    app.add_middleware(SecurityHeadersMiddleware, docs_csp=DOCS_CSP if offline_docs else DOCS_CDN_CSP)
    routers = (health.router, tag.router, info.router, page_router)
    known_paths = frozenset(r.path for rt in routers for r in rt.routes if isinstance(r, APIRoute) and "{" not in r.path)
    app.add_middleware(ObservabilityMiddleware, metrics=app.state.metrics, log_requests=settings.log_requests,
                       known_paths=known_paths)
    return app
