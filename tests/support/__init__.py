"""Reusable test parts that run for real on 127.0.0.1 (exchange double, server threads)."""
