"""N Streamlit replicas behind HAProxy on one machine: ``python -m deploy.cluster --processes N --port P``.

Each replica is ``streamlit run app.py`` with the production settings on a free 127.0.0.1 port;
all share one cookie secret and one seeds folder, and each knows its own name (``H200_REPLICA``,
also its stickiness cookie value) so a session that lands on it after its own replica died can
say so. A supervisor thread restarts a replica that exits, on the same port, with a growing pause
if it keeps dying. HAProxy (Debian's /usr/sbin/haproxy) listens on
127.0.0.1:P, pins each browser to one replica with a cookie (its page, static files and websocket
go to the same process), health-checks /_stcore/health, limits connections and adds the security
headers. From Python (tests, benchmarks)::

    with Cluster(processes=2) as url:
        ...  # url is the balancer's base URL, e.g. http://127.0.0.1:40123
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from types import TracebackType

from deploy.production import COOKIE_SECRET_ENV, ROOT, streamlit_command

TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
HAPROXY = "/usr/sbin/haproxy"
STICKY_COOKIE = "SERVERID"
REPLICA_ENV = "H200_REPLICA"  # the replica's own name, compared with the cookie at session start
RESTART_PAUSE_S = 1.0  # doubled for each restart within a minute, up to 30 s
# What Streamlit 1.67 and Plotly need, and no more (checked in Chromium by tests/deploy): the
# page's bootstrap <script> and emotion's CSS-in-JS are inline; Plotly and the data grid draw
# data:/blob: images; fonts are served by the app. connect-src must stay last: the HAProxy
# template appends the browser's own ws:// and wss:// origin to it.
CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "frame-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "connect-src 'self'",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_haproxy() -> str:
    """Debian's /usr/sbin/haproxy (often not on a user's PATH), else whichever is on PATH."""
    return HAPROXY if os.access(HAPROXY, os.X_OK) else shutil.which("haproxy") or HAPROXY


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class Backend:
    """One replica: its HAProxy server name (also its stickiness cookie value) and process."""

    name: str
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def render_haproxy_config(
    port: int,
    backends: list[tuple[str, int]],
    stats_socket: Path,
    *,
    bind_address: str = "127.0.0.1",
    global_maxconn: int = 2000,
    frontend_maxconn: int = 1000,
    server_maxconn: int = 500,
    client_maxconn: int = 200,
    client_rate: int = 1000,
    check_interval: str = "1s",
) -> str:
    """The HAProxy configuration for ``backends`` (name, port on 127.0.0.1)."""
    servers = "\n".join(f"    server {name} 127.0.0.1:{server_port} cookie {name}" for name, server_port in backends)
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        global_maxconn=global_maxconn,
        stats_socket=stats_socket,
        bind_address=bind_address,
        port=port,
        frontend_maxconn=frontend_maxconn,
        csp="; ".join(CSP_DIRECTIVES),
        check_interval=check_interval,
        server_maxconn=server_maxconn,
        client_maxconn=client_maxconn,
        client_rate=client_rate,
        servers=servers,
    )


@dataclass
class Cluster:
    """Replicas plus balancer; a context manager that yields the balancer's base URL."""

    processes: int = 2
    port: int = 0  # 0: a free port
    seeds: Path | None = None  # default: the repository's seeds/
    editing: bool = False
    env: dict[str, str] = field(default_factory=dict)
    #: HAProxy limits (render_haproxy_config's keywords: frontend_maxconn, client_maxconn, ...)
    limits: dict[str, int] = field(default_factory=dict)
    startup_timeout: float = 90.0
    supervise: bool = True  # restart a replica that exits
    haproxy: str = field(default_factory=lambda: find_haproxy())
    backends: list[Backend] = field(default_factory=list, init=False)
    restarts: dict[str, int] = field(default_factory=dict, init=False)
    workdir: Path | None = field(default=None, init=False)
    _haproxy: subprocess.Popen | None = field(default=None, init=False)
    _env: dict[str, str] = field(default_factory=dict, init=False)
    _stopping: threading.Event = field(default_factory=threading.Event, init=False)
    _supervisor: threading.Thread | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _replica_env(self, cookie_secret: str) -> dict[str, str]:
        env = {**os.environ, **self.env, COOKIE_SECRET_ENV: cookie_secret}
        env["H200_SEEDS_DIR"] = str(Path(self.seeds or ROOT / "seeds").resolve())
        if self.editing:
            env["H200_EDITING"] = "1"
        return env

    def start(self) -> str:
        if self.processes < 1:
            raise ValueError("processes must be at least 1")
        if not os.access(self.haproxy, os.X_OK):
            raise RuntimeError(f"{self.haproxy} not found: run scripts/ensure_system.sh (or apt-get install haproxy)")
        self.workdir = Path(tempfile.mkdtemp(prefix="h200-cluster-"))
        self.port = self.port or free_port()
        self._stopping.clear()
        self._env = self._replica_env(os.environ.get(COOKIE_SECRET_ENV) or secrets.token_hex(32))
        try:
            for number in range(1, self.processes + 1):
                self.backends.append(self._spawn(f"s{number}", free_port()))
            deadline = time.monotonic() + self.startup_timeout
            for backend in self.backends:
                self._wait(lambda b=backend: healthy(b.url), deadline, f"replica {backend.name}", backend)
            self._start_haproxy()
            self._wait(self._all_up, deadline, "HAProxy")
            self._wait(lambda: healthy(self.url), deadline, "the balancer")
        except BaseException:
            self.stop()
            raise
        if self.supervise:
            self._supervisor = threading.Thread(target=self._watch_replicas, name="cluster-supervisor", daemon=True)
            self._supervisor.start()
        return self.url

    def _spawn(self, name: str, port: int) -> Backend:
        """Start replica ``name`` on 127.0.0.1:``port`` (its log is appended to across restarts)."""
        assert self.workdir is not None
        log = self.workdir / f"{name}.log"
        env = {**self._env, REPLICA_ENV: name}
        with log.open("ab") as out:
            process = subprocess.Popen(streamlit_command(port), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        return Backend(name, port, process, log)

    def _watch_replicas(self) -> None:
        """The supervisor: a replica that exited is started again on its port (HAProxy's health
        check takes it back once it answers); one that keeps dying waits longer each time."""
        recent: dict[str, list[float]] = {}
        due: dict[str, float] = {}
        while not self._stopping.wait(0.5):
            for index, backend in enumerate(list(self.backends)):
                code = backend.process.poll()
                if code is None:
                    continue
                now = time.monotonic()
                if backend.name not in due:
                    times = [t for t in recent.get(backend.name, []) if now - t < 60]
                    recent[backend.name] = times
                    due[backend.name] = now + min(30.0, RESTART_PAUSE_S * 2 ** len(times))
                    print(f"replica {backend.name} exited (code {code}); restarting it", flush=True)
                if now < due[backend.name]:
                    continue
                with self._lock:
                    if self._stopping.is_set():
                        return
                    self.backends[index] = self._spawn(backend.name, backend.port)
                    self.restarts[backend.name] = self.restarts.get(backend.name, 0) + 1
                recent[backend.name].append(now)
                del due[backend.name]

    def _start_haproxy(self) -> None:
        assert self.workdir is not None
        config = self.workdir / "haproxy.cfg"
        config.write_text(
            render_haproxy_config(
                self.port, [(b.name, b.port) for b in self.backends], self.workdir / "stats.sock", **self.limits
            )
        )
        check = subprocess.run([self.haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"HAProxy rejected its configuration:\n{check.stdout}{check.stderr}")
        log = self.workdir / "haproxy.log"
        with log.open("wb") as out:
            self._haproxy = subprocess.Popen([self.haproxy, "-db", "-f", str(config)], stdout=out, stderr=out)

    def _wait(self, ready, deadline: float, what: str, backend: Backend | None = None) -> None:
        while time.monotonic() < deadline:
            process = backend.process if backend else self._haproxy
            if process is not None and process.poll() is not None:
                log = backend.log if backend else (self.workdir or Path()) / "haproxy.log"
                raise RuntimeError(f"{what} exited early:\n{log.read_text(errors='replace')[-3000:]}")
            if ready():
                return
            time.sleep(0.25)
        raise RuntimeError(f"{what} not ready within {self.startup_timeout:.0f} s")

    def _stats(self) -> list[dict[str, str]]:
        """HAProxy's ``show stat`` rows for the replicas, from its admin socket."""
        assert self.workdir is not None
        path = self.workdir / "stats.sock"
        if not path.exists():
            return []
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(path))
            sock.sendall(b"show stat\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        rows = csv.DictReader(io.StringIO(b"".join(chunks).decode().lstrip("# ")))
        return [row for row in rows if row["pxname"] == "streamlit" and row["svname"] not in {"FRONTEND", "BACKEND"}]

    def _all_up(self) -> bool:
        states = self.server_states()
        return len(states) == len(self.backends) and all(state == "UP" for state in states.values())

    def server_states(self) -> dict[str, str]:
        """Each replica's state as HAProxy's health check sees it ("UP", "DOWN", ...)."""
        return {row["svname"]: row["status"].split()[0] for row in self._stats()}

    def server_stat(self, column: str) -> dict[str, int]:
        """One numeric ``show stat`` column per replica, e.g. "scur" (open connections)."""
        return {row["svname"]: int(row[column] or 0) for row in self._stats()}

    def kill_backend(self, name: str) -> None:
        """Kill one replica outright (SIGKILL), as a crash would; the health check must notice."""
        backend = next(b for b in self.backends if b.name == name)
        backend.process.kill()
        backend.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the supervisor, the balancer, then every replica; remove the working folder."""
        with self._lock:
            self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout=10)
            self._supervisor = None
        processes = [p for p in [self._haproxy, *(b.process for b in self.backends)] if p is not None]
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self._haproxy = None
        self.backends = []
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="N Streamlit replicas behind HAProxy on 127.0.0.1.")
    parser.add_argument("--processes", type=int, default=2, help="number of app processes (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="the balancer's port on 127.0.0.1 (default 8080)")
    parser.add_argument("--seeds", type=Path, default=None, help="seeds folder shared by every replica")
    parser.add_argument("--editing", action="store_true", help="switch editing on (H200_EDITING=1)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    cluster = Cluster(processes=args.processes, port=args.port, seeds=args.seeds, editing=args.editing)
    try:
        with cluster as url:
            names = ", ".join(f"{b.name}=127.0.0.1:{b.port}" for b in cluster.backends)
            print(f"{args.processes} replicas ({names}) behind HAProxy: {url}  (Ctrl+C stops)", flush=True)
            while cluster._haproxy is not None and cluster._haproxy.poll() is None:
                time.sleep(1)
            print("HAProxy exited; stopping the replicas", flush=True)
            return 1
    except KeyboardInterrupt:
        print("stopped", flush=True)
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
