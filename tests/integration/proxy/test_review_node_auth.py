"""Review: a non-ASCII digit in X-Verzek-Timestamp is a malformed header (401), not a node crash (500)."""

from __future__ import annotations

from tests.integration.proxy.test_node_refusals import TIME_URL, assert_refused, send, signed


def test_non_ascii_digit_timestamp_is_malformed(double, module_node):
    headers = {k: v.encode("latin-1") for k, v in signed(TIME_URL).items()}
    before = len(double.requests)
    for timestamp in (b"\xb2", b"17\xb9\xb3"):  # latin-1 '²', '17¹³': str.isdigit() says yes, int() says no
        headers["X-Verzek-Timestamp"] = timestamp
        assert_refused(send(module_node, "GET", headers), 401, "malformed_auth")
    assert len(double.requests) == before
