"""Protocol-level load testing: simulated Streamlit sessions over the websocket, no browser."""

from bench.protocol.client import LoadResult, PingStats, StreamlitSession, load_once
from bench.protocol.drive import StepResult, percentile, run_step, warm_up
from bench.protocol.server import Server, cpu_seconds, free_port, rss_mb, streamlit_server

__all__ = [
    "LoadResult",
    "PingStats",
    "Server",
    "StepResult",
    "StreamlitSession",
    "cpu_seconds",
    "free_port",
    "load_once",
    "percentile",
    "rss_mb",
    "run_step",
    "streamlit_server",
    "warm_up",
]
