"""/docs and /redoc load every asset from this API: nothing from a CDN, so they work offline."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from verzek.api.app import create_app


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app())


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_use_only_local_assets(client, page):
    html = client.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'|spec-url=["']([^"']+)""", html.text)
    urls = [u for group in urls for u in group if u]
    assert urls, html.text
    assert not [u for u in urls if u.startswith(("http:", "https:", "//"))], urls
    assert "https://" not in html.text and "cdn" not in html.text.lower(), html.text
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 100, url
    assert any(u.endswith(".js") for u in urls)


def test_swagger_bundle_renders_openapi_3_1(client):
    # FastAPI publishes OpenAPI 3.1; Swagger UI before 5 shows "Unable to render this definition" for it.
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    bundle = client.get("/docs-assets/swagger-ui-bundle.js").text
    assert re.search(r'"5\.\d+\.\d+"', bundle)


@pytest.mark.parametrize(("page", "endpoint"), [("/verify-email", "api/auth/verify-email"),
                                                ("/reset-password", "api/auth/password/reset")])
def test_email_link_pages_exist_and_never_render_the_token(client, page, endpoint):
    token = "ev_" + "x" * 40
    response = client.get(page, params={"token": token, "utm_source": "mail"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert token not in response.text  # the page's script reads it from the address bar
    assert f'fetch("{endpoint}"' in response.text  # relative: works under a stage base path
    assert response.headers["cache-control"] == "no-store" and response.headers["referrer-policy"] == "no-referrer"
    assert page not in client.get("/openapi.json").json()["paths"]
