"""Benchmarks (`make bench`), each reported as a ratio against a baseline run side by side."""
