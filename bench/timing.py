"""Run times recorded by ``bench/timed_app.py`` when the benchmark runs the app in-process (AppTest)."""

RUN_TIMES: list[float] = []
