"""``tagger serve``: the HTTP API and the paste-an-email page (``service/``) under uvicorn."""

from __future__ import annotations

import copy
import ipaddress
import logging
import os
from pathlib import Path
from typing import Annotated, Any

import typer

log = logging.getLogger("tagger")

LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging config plus the ``tagger`` loggers (request lines: ids, sizes, timings; never text)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["tagger"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    return config


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_server(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, model: Path | None = None,
               log_level: str = "info") -> None:
    """Serve until interrupted. Each worker process loads the model once, in the app's lifespan."""
    from service.config import get_settings

    if model is not None:
        os.environ["TAGGER_MODEL"] = str(model.resolve())  # read by every worker's Settings
    get_settings.cache_clear()
    options: dict[str, Any] = {
        "factory": True, "host": host, "port": port, "workers": workers, "log_level": log_level,
        "log_config": log_config(log_level),
        "access_log": False,  # the app logs one line per request itself, without query strings or text
        "server_header": False,
    }
    start_uvicorn("service.main:create_app", options)


def start_uvicorn(target: str, options: dict[str, Any]) -> None:
    """``uvicorn.run``, except that several workers share a listening socket bound so that
    their connections get TCP_NODELAY (see ``service/uvicorn_config.py``)."""
    import uvicorn

    if options.get("workers", 1) <= 1:
        uvicorn.run(target, **options)
        return
    from uvicorn.supervisors import Multiprocess

    from service.uvicorn_config import NoDelayConfig

    config = NoDelayConfig(target, **options)
    try:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    except KeyboardInterrupt:
        pass


def serve_cli(
    host: Annotated[str, typer.Option(help="Interface to listen on. Keep 127.0.0.1 unless TAGGER_API_KEY is set.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes, each with its own copy of the model.")] = 1,
    model: Annotated[Path | None, typer.Option(help="Model directory (default: the shipped models/default, else rules only).")] = None,
    log_level: Annotated[str, typer.Option(help="critical, error, warning, info or debug.")] = "info",
) -> None:
    """Serve the API (/v1, /docs) and the paste-an-email page (/)."""
    if model is not None and not model.is_dir():
        raise typer.BadParameter(f"{model} is not a model directory", param_hint="--model")
    if log_level.lower() not in LOG_LEVELS:
        raise typer.BadParameter(f"must be one of {', '.join(LOG_LEVELS)}", param_hint="--log-level")
    if not is_loopback(host) and not os.environ.get("TAGGER_API_KEY", "").strip():
        typer.echo(f"warning: serving on {host} without TAGGER_API_KEY: anyone who reaches this port can send notes",
                   err=True)
    run_server(host=host, port=port, workers=workers, model=model, log_level=log_level.lower())


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cli)
