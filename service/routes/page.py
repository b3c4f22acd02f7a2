"""The paste-an-email page at ``/`` and the API docs at ``/docs``, every asset served by the app."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

log = logging.getLogger("tagger.service")

STATIC = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(include_in_schema=False)

DOCS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - API docs</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs-init.js"></script>
</body>
</html>
"""


def swagger_assets() -> Path | None:
    """Swagger UI from the ``swagger-ui-bundle-v2`` package, when installed (no CDN at all then)."""
    try:
        module = importlib.import_module("swagger_ui_bundle")
    except ImportError:
        return None
    path = Path(getattr(module, "swagger_ui_path", ""))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


@router.get("/")
async def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


def install_page(app: FastAPI) -> bool:
    """Mount the page's files and /docs. Returns whether the docs are served offline."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    assets = swagger_assets()
    if assets is not None:
        app.mount("/docs/assets", StaticFiles(directory=assets), name="docs-assets")

        @app.get("/docs", include_in_schema=False)
        async def docs() -> HTMLResponse:
            return HTMLResponse(DOCS_HTML.format(title=app.title))

        return True

    log.warning("swagger-ui-bundle-v2 is not installed: /docs loads Swagger UI from a CDN")

    @app.get("/docs", include_in_schema=False)
    async def docs_cdn() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} - API docs")

    return False
