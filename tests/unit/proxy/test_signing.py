from __future__ import annotations

import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st
from verzek.exchange import signing

SECRET = b"s" * 40


NODE = "proxy1.example.com"


def test_canonical_string_layout():
    text = signing.canonical_string("k1", "Proxy1.Example.com", "post", "https://api.binance.com/api/v3/order?a=1",
                                    "1700000000000", "n" * 20, b"x=1", {"x-mbx-apikey": "K", "content-type": "t"})
    assert text.split("\n") == ["VZK2-HMAC-SHA256", "k1", "proxy1.example.com", "POST",
                                "https://api.binance.com/api/v3/order?a=1", "1700000000000", "n" * 20,
                                hashlib.sha256(b"x=1").hexdigest(), "content-type;x-mbx-apikey",
                                hashlib.sha256(b"content-type:t\nx-mbx-apikey:K\n").hexdigest()]


def test_signature_is_hmac_sha256_of_canonical_string():
    headers = signing.sign_request("k1", SECRET, "GET", "https://api.bybit.com/v5/market/time", b"", node=NODE,
                                   headers={"X-BAPI-API-KEY": "K", "Connection": "keep-alive"},
                                   timestamp_ms=1, nonce="a" * 16)
    expected = hmac.new(SECRET, signing.canonical_string("k1", NODE, "GET", "https://api.bybit.com/v5/market/time",
                                                         "1", "a" * 16, b"", {"x-bapi-api-key": "K"}).encode(),
                        hashlib.sha256).hexdigest()
    assert headers[signing.HEADER_SIGNATURE] == expected
    assert headers[signing.HEADER_SIGNED_HEADERS] == "x-bapi-api-key"  # hop-by-hop never signed
    assert set(headers) == set(signing.AUTH_HEADERS)


def test_fresh_nonce_per_request():
    one = signing.sign_request("k1", SECRET, "GET", "https://api.binance.com/", b"", node=NODE)
    two = signing.sign_request("k1", SECRET, "GET", "https://api.binance.com/", b"", node=NODE)
    assert one[signing.HEADER_NONCE] != two[signing.HEADER_NONCE]
    assert signing.NONCE_RE.match(one[signing.HEADER_NONCE])


@pytest.mark.parametrize("bad_key_id", ["", "has space", "x" * 33])
def test_bad_key_id_refused(bad_key_id):
    with pytest.raises(ValueError):
        signing.sign_request(bad_key_id, SECRET, "GET", "https://api.binance.com/", b"", node=NODE)


@given(method=st.sampled_from(["GET", "POST", "DELETE"]), path=st.text(min_size=1, max_size=40),
       body=st.binary(max_size=64),
       field=st.sampled_from(["method", "url", "ts", "nonce", "body", "key_id", "node", "header", "extra_header"]))
def test_any_change_breaks_the_signature(method, path, body, field):
    url = "https://api.binance.com/" + path
    sent = {"x-mbx-apikey": "user-key"}
    headers = signing.sign_request("k1", SECRET, method, url, body, node=NODE, headers=sent, timestamp_ms=1000,
                                   nonce="n" * 16)
    args = {"key_id": "k1", "node": NODE, "method": method, "target_url": url, "timestamp_ms": "1000",
            "nonce": "n" * 16, "body": body, "headers": sent}
    assert signing.signature_matches(SECRET, headers[signing.HEADER_SIGNATURE], **args)
    changed = dict(args)
    if field == "method":
        changed["method"] = "PUT"
    elif field == "url":
        changed["target_url"] = url + "x"
    elif field == "ts":
        changed["timestamp_ms"] = "1001"
    elif field == "nonce":
        changed["nonce"] = "m" * 16
    elif field == "body":
        changed["body"] = body + b"\0"
    elif field == "node":
        changed["node"] = "proxy2.example.com"
    elif field == "header":
        changed["headers"] = {"x-mbx-apikey": "someone-elses-key"}
    elif field == "extra_header":
        changed["headers"] = {**sent, "x-mbx-extra": "1"}
    else:
        changed["key_id"] = "k2"
    assert not signing.signature_matches(SECRET, headers[signing.HEADER_SIGNATURE], **changed)


def test_the_account_tag_is_signed_and_never_the_key():
    tag = signing.account_tag("user-api-key-1")
    assert tag.startswith("ak-") and "user-api-key-1" not in tag and signing.account_tag(None) is None
    headers = signing.sign_request("k1", SECRET, "GET", "https://api.binance.com/", b"", node=NODE, account=tag,
                                   timestamp_ms=1, nonce="a" * 16)
    assert headers[signing.HEADER_ACCOUNT] == tag
    common = ("k1", NODE, "GET", "https://api.binance.com/", "1", "a" * 16, b"", {})
    assert signing.signature_matches(SECRET, headers[signing.HEADER_SIGNATURE], *common, account=tag)
    assert not signing.signature_matches(SECRET, headers[signing.HEADER_SIGNATURE], *common, account="ak-other")
    assert not signing.signature_matches(SECRET, headers[signing.HEADER_SIGNATURE], *common)   # dropped: refused
