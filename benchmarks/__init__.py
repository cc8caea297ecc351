"""Benchmarks: plain scripts run with `python -m benchmarks.<name>`; each reports ratios against a baseline."""
