"""The app's web build is served at / by the API (locally and in the cloud), after every route."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

INDEX = """<!DOCTYPE html><html><head><title>Verzek AutoTrader</title>
<link rel="icon" href="/favicon.ico"/></head><body><div id="root"></div>
<script src="/_expo/static/js/web/index-abc123.js" defer></script></body></html>"""


@pytest.fixture
def build(tmp_path, monkeypatch):
    (tmp_path / "_expo/static/js/web").mkdir(parents=True)
    (tmp_path / "_expo/static/js/web/index-abc123.js").write_text("console.log('app')")
    (tmp_path / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    (tmp_path / "index.html").write_text(INDEX)
    monkeypatch.setenv("WEB_APP_DIR", str(tmp_path))
    from verzek.config import reset_settings_cache

    reset_settings_cache()
    yield tmp_path
    reset_settings_cache()


def _client(root_path: str = "") -> TestClient:
    from verzek.api.app import create_app

    return TestClient(create_app(), root_path=root_path)


def test_index_and_bundle_at_the_root(build):
    client = _client()
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-cache" and page.headers["x-frame-options"] == "DENY"
    assert 'src="/_expo/static/js/web/index-abc123.js"' in page.text
    assert '<meta name="verzek-base-path" content="" />' in page.text
    bundle = client.get("/_expo/static/js/web/index-abc123.js")
    assert bundle.status_code == 200 and "immutable" in bundle.headers["cache-control"]


def test_routes_win_and_unknown_api_paths_stay_json_404(build):
    client = _client()
    assert client.get("/health").status_code in (200, 503)  # the route, not a file
    assert client.get("/docs").text.lower().count("swagger") > 0
    for method in ("get", "post"):
        missing = getattr(client, method)("/api/no-such-route")
        assert missing.status_code == 404 and missing.json() == {"error": "Not Found"}
    assert client.get("/no-such-file.js").status_code == 404
    assert client.get("/api/signals").status_code == 401  # still the API's own auth


def test_under_a_stage_path_links_and_api_base_carry_it(build):
    page = _client("/dev").get("/dev/")
    assert 'src="/dev/_expo/static/js/web/index-abc123.js"' in page.text
    assert 'href="/dev/favicon.ico"' in page.text
    assert '<meta name="verzek-base-path" content="/dev" />' in page.text


def test_no_build_no_app(tmp_path, monkeypatch):
    from verzek.config import reset_settings_cache

    monkeypatch.setenv("WEB_APP_DIR", str(tmp_path / "missing"))
    reset_settings_cache()
    try:
        client = _client()
        assert client.get("/").status_code == 404
        assert client.get("/health").status_code in (200, 503)
    finally:
        reset_settings_cache()


def _api_gateway_event(path: str, stage: str) -> dict:
    import json

    from tests.conftest import REPO_ROOT

    event = json.loads((REPO_ROOT / "events" / "api.json").read_text())
    raw = path if stage == "$default" else f"/{stage}{path}"
    event.update(rawPath=raw, rawQueryString="", body=None, routeKey="ANY /{proxy+}")
    event["requestContext"].update(stage=stage, routeKey="ANY /{proxy+}")
    event["requestContext"]["http"].update(method="GET", path=raw)
    return event


@pytest.mark.parametrize(("stage", "prefix"), [("dev", "/dev"), ("$default", "")])
def test_behind_api_gateway_the_pages_link_under_the_stage(build, stage, prefix):
    """Through the Lambda adapter: the stage is the ASGI root_path, so the app's index.html and the
    docs link to `/dev/...` (what API Gateway routes), and the routes still match."""
    from verzek.api.app import create_app
    from verzek.api.lambda_adapter import StageAwareMangum

    adapter = StageAwareMangum(create_app(), lifespan="off")
    page = adapter(_api_gateway_event("/", stage), None)
    assert page["statusCode"] == 200, page
    assert f'src="{prefix}/_expo/static/js/web/index-abc123.js"' in page["body"]
    assert f'<meta name="verzek-base-path" content="{prefix}" />' in page["body"]
    bundle = adapter(_api_gateway_event("/_expo/static/js/web/index-abc123.js", stage), None)
    assert bundle["statusCode"] == 200
    docs = adapter(_api_gateway_event("/docs", stage), None)
    assert docs["statusCode"] == 200 and f"{prefix}/docs-assets/swagger-ui-bundle.js" in docs["body"]
    assert f"{prefix}/openapi.json" in docs["body"]
    assert adapter(_api_gateway_event("/api/signals", stage), None)["statusCode"] == 401
