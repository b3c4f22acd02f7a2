"""``tagger serve``: options reach uvicorn, bad options are refused, and the real server answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tagger.cli import app as cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def uvicorn_calls(monkeypatch) -> list[dict]:
    from tagger.cli import serve

    calls: list[dict] = []
    monkeypatch.setattr(serve, "start_uvicorn", lambda target, options: calls.append({"target": target, **options}))
    monkeypatch.delenv("TAGGER_MODEL", raising=False)
    return calls


def test_serve_passes_host_port_workers_and_model_to_uvicorn(uvicorn_calls, tmp_path, monkeypatch) -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "9123", "--workers", "2", "--model", str(tmp_path)])
    assert result.exit_code == 0, result.output
    call = uvicorn_calls[0]
    assert call["target"] == "service.main:create_app" and call["factory"] is True
    assert (call["host"], call["port"], call["workers"]) == ("127.0.0.1", 9123, 2)
    assert call["access_log"] is False
    assert call["log_config"]["loggers"]["tagger"]["level"] == "INFO"
    assert os.environ["TAGGER_MODEL"] == str(tmp_path.resolve())
    monkeypatch.delenv("TAGGER_MODEL")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--model", "/no/such/model"], "not a model directory"),
        (["--port", "0"], "--port"),
        (["--workers", "0"], "--workers"),
        (["--log-level", "chatty"], "--log-level"),
    ],
)
def test_serve_refuses_bad_options(uvicorn_calls, args, says) -> None:
    result = CliRunner().invoke(cli, ["serve", *args])
    assert result.exit_code == 2 and says in result.output
    assert uvicorn_calls == []


def test_serve_warns_when_listening_beyond_loopback_without_a_key(uvicorn_calls, monkeypatch) -> None:
    monkeypatch.delenv("TAGGER_API_KEY", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0 and "without TAGGER_API_KEY" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_tagger_serve_starts_a_server_that_tags(tmp_path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TAGGER_")}
    tagger_bin = Path(sys.executable).with_name("tagger")
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([str(tagger_bin), "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "info"],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the server did not become ready in 60 s"
            time.sleep(0.2)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/tag", data=b"Wearing sneakers hurts my right foot.",
                                         headers={"Content-Type": "text/plain"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert b'"FOOTWEAR"' in response.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert b'id="text"' in response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "POST /v1/tag -> 200" in output and "sneakers" not in output


def test_multi_worker_listener_gives_accepted_connections_tcp_nodelay():
    """uvicorn's own multi-worker socket leaves Nagle on (a ~40 ms stall per keep-alive request)."""
    import asyncio

    from service.uvicorn_config import NoDelayConfig

    listener = NoDelayConfig("service.main:create_app", factory=True, host="127.0.0.1", port=0, workers=2).bind_socket()
    seen: list[int] = []

    async def accept_one() -> None:
        def on_connect(reader, writer):
            seen.append(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            for _ in range(100):
                if seen:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    asyncio.run(accept_one())
    assert listener.proto == socket.IPPROTO_TCP
    assert seen and seen[0] != 0
