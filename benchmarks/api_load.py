"""Loopback load test of the HTTP service: latency, throughput and memory.

Starts ``tagger serve`` as a subprocess on 127.0.0.1 (a free port), sends a ~300-word patient
email to ``POST /v1/tag`` from 1 and from 8 concurrent keep-alive clients, samples the server's
RSS with psutil throughout, and checks that memory stays flat over 10,000 requests. Then stops
the server and prints a table.

    python benchmarks/api_load.py                       # the full run (about 10,000 + 1,300 requests)
    python benchmarks/api_load.py --memory-requests 2000 --requests 200   # a quicker look

Targets (2 cores): p50 <= 20 ms at 1 client, p99 <= 100 ms at 8 clients, RSS <= 400 MB, flat RSS.
Nothing leaves the machine: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "service" / "examples" / "seed_email.txt"
MB = 1024 * 1024


def email_of_about(words: int) -> str:
    """Whole paragraphs of the seed email (the patient's messages) up to about ``words`` words."""
    kept, count = [], 0
    for para in SEED.read_text(encoding="utf-8").split("\n\n"):
        kept.append(para)
        count += len(para.split())
        if count >= words - 10:
            break
    return "\n\n".join(kept)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``tagger serve`` in a subprocess, with its RSS (all its processes) sampled every 50 ms."""

    def __init__(self, *, workers: int, model: str | None, log_path: Path):
        self.port = free_port()
        tagger_bin = shutil.which("tagger", path=str(Path(sys.executable).parent)) or "tagger"
        cmd = [tagger_bin, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers)]
        if model:
            cmd += ["--model", model]
        env = {k: v for k, v in os.environ.items() if k != "TAGGER_API_KEY"}
        self.log = log_path.open("w")
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.ps = psutil.Process(self.proc.pid)
        self.peak = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def rss(self) -> int:
        try:
            procs = [self.ps, *self.ps.children(recursive=True)]
            return sum(p.memory_info().rss for p in procs if p.is_running())
        except psutil.NoSuchProcess:
            return 0

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self.rss())

    def wait_ready(self, timeout: float = 120) -> float:
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}; see {self.log.name}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/readyz")
                if conn.getresponse().status == 200:
                    self._sampler.start()
                    return time.monotonic() - t0
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the server was not ready after {timeout:.0f} s")

    def stop(self) -> None:
        self._stop.set()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


@dataclass
class Run:
    clients: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def load(port: int, body: bytes, *, clients: int, requests: int) -> Run:
    """``requests`` POSTs shared among ``clients`` threads, each on its own keep-alive connection."""
    run = Run(clients)
    lock = threading.Lock()
    left = [requests]
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        errors = 0
        while True:
            with lock:
                if left[0] <= 0:
                    break
                left[0] -= 1
            t0 = time.perf_counter()
            conn.request("POST", "/v1/tag", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - t0)
            errors += response.status != 200
        conn.close()
        with lock:
            run.latencies.extend(mine)
            run.errors += errors

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    run.seconds = time.perf_counter() - t0
    return run


def library_baseline(email: str, model: str | None, requests: int) -> Run:
    """``Tagger.tag`` in this process, no HTTP: what the service cannot be faster than."""
    import tagger

    t = tagger.load(model)
    for _ in range(20):
        t.tag(email)
    run = Run(0)
    t0 = time.perf_counter()
    for _ in range(requests):
        start = time.perf_counter()
        t.tag(email)
        run.latencies.append(time.perf_counter() - start)
    run.seconds = time.perf_counter() - t0
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=500, help="requests per latency scenario (default 500)")
    parser.add_argument("--memory-requests", type=int, default=10_000, help="requests for the flat-memory check")
    parser.add_argument("--words", type=int, default=300, help="size of the email (default 300 words)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model", help="model directory (default: what `tagger serve` loads)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--no-baseline", action="store_true", help="skip timing Tagger.tag in-process first")
    args = parser.parse_args(argv)

    email = email_of_about(args.words)
    body = json.dumps({"text": email}).encode()
    baseline = None if args.no_baseline else library_baseline(email, args.model, args.requests)
    log_path = Path(tempfile.mkdtemp(prefix="api-load-")) / "server.log"
    server = Server(workers=args.workers, model=args.model, log_path=log_path)
    try:
        ready_s = server.wait_ready()
        rss_ready = server.rss()
        load(server.port, body, clients=1, requests=50)  # warm-up
        tiny = load(server.port, json.dumps({"text": "Right foot pain."}).encode(), clients=1, requests=args.requests)
        one = load(server.port, body, clients=1, requests=args.requests)
        eight = load(server.port, body, clients=8, requests=args.requests)
        rss_before = server.rss()
        checkpoints = [(0, rss_before)]
        step = max(1, args.memory_requests // 5)
        done = 0
        long_run = Run(8)
        while done < args.memory_requests:
            n = min(step, args.memory_requests - done)
            part = load(server.port, body, clients=8, requests=n)
            long_run.latencies += part.latencies
            long_run.errors += part.errors
            long_run.seconds += part.seconds
            done += n
            checkpoints.append((done, server.rss()))
        rss_after = server.rss()
        peak = max(server.peak, rss_after)
    finally:
        server.stop()

    load_avg = os.getloadavg()
    rows = [
        *([("Tagger.tag, no HTTP", baseline)] if baseline else []),
        ("1 client, 3-word text", tiny),
        ("1 client", one),
        ("8 clients", eight),
        (f"8 clients x {args.memory_requests:,}", long_run),
    ]
    print(f"\nPOST /v1/tag, {len(email.split())}-word email ({len(body):,} B JSON), loopback, "
          f"{args.workers} worker(s), {os.cpu_count()} CPUs, load average before/after {load_avg[0]:.1f}")
    print(f"server ready in {ready_s:.1f} s; server log: {log_path}\n")
    print(f"{'scenario':<26}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}{'req/s':>9}")
    for name, run in rows:
        print(f"{name:<26}{len(run.latencies):>10,}{run.errors:>8}{run.p50:>9.1f}{run.pct(0.90):>9.1f}"
              f"{run.pct(0.99):>9.1f}{max(run.latencies) * 1000:>9.1f}{run.rps:>9.1f}")
    print("\nserver RSS (MB): " + ", ".join(f"after {n:,} req: {rss / MB:.0f}" for n, rss in checkpoints))
    growth = (rss_after - rss_before) / MB
    print(f"ready {rss_ready / MB:.0f} MB, before the long run {rss_before / MB:.0f} MB, after it {rss_after / MB:.0f} MB "
          f"({growth:+.1f} MB), peak {peak / MB:.0f} MB\n")
    targets = [
        ("p50 at 1 client <= 20 ms", one.p50 <= 20, f"{one.p50:.1f} ms"),
        ("p99 at 8 clients <= 100 ms", eight.pct(0.99) <= 100, f"{eight.pct(0.99):.1f} ms"),
        ("peak RSS <= 400 MB", peak <= 400 * MB, f"{peak / MB:.0f} MB"),
        (f"RSS flat over {args.memory_requests:,} requests (< 20 MB growth)", growth < 20, f"{growth:+.1f} MB"),
        ("no errors", one.errors + eight.errors + long_run.errors == 0, str(one.errors + eight.errors + long_run.errors)),
    ]
    for name, ok, value in targets:
        print(f"  [{'ok' if ok else 'MISS'}] {name}: {value}")
    if args.json:
        args.json.write_text(json.dumps({
            "words": len(email.split()), "workers": args.workers, "load_average": load_avg[0],
            "runs": {name: {"requests": len(r.latencies), "errors": r.errors, "p50_ms": r.p50, "p99_ms": r.pct(0.99),
                            "rps": r.rps} for name, r in rows},
            "rss_mb": {"ready": rss_ready / MB, "before": rss_before / MB, "after": rss_after / MB, "peak": peak / MB},
        }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
