"""The pages behind the links in our emails: `/verify-email?token=…` and `/reset-password?token=…`.

Opening a link changes nothing by itself (mail scanners pre-fetch links): the page asks the user to
confirm, then its script posts the token to the JSON API (`/api/auth/verify-email`,
`/api/auth/password/reset`), resolved relative to the page so it works under a stage base path. The
token never enters the HTML the server renders (the script reads it from the address bar), the page
is not cached, and no referrer leaves it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
TokenQuery = Annotated[str | None, Query(max_length=200)]

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Verzek AutoTrader</title>
<style>body{{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#111}}
button{{font-size:1rem;padding:.6rem 1.2rem}}input{{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}}
#result{{margin-top:1rem;font-weight:600}}</style></head>
<body><h1>{title}</h1>
<form id="form">{fields}<p><button type="submit" id="submit">{action}</button></p></form>
<p id="result" role="status"></p>
<script>
const token = new URLSearchParams(location.search).get("token") || "";
const form = document.getElementById("form"), result = document.getElementById("result");
if (!token) {{ result.textContent = "This link has no token: open the link from the email again."; }}
form.addEventListener("submit", async (event) => {{
  event.preventDefault();
  document.getElementById("submit").disabled = true;
  const body = {{token, ...Object.fromEntries(new FormData(form))}};
  try {{
    const response = await fetch("{endpoint}", {{method: "POST", headers: {{"content-type": "application/json"}},
                                               body: JSON.stringify(body)}});
    const answer = await response.json().catch(() => ({{}}));
    result.textContent = response.ok ? "{done}"
      : "Not done: " + (typeof answer.error === "string" ? answer.error : "the link is invalid or expired");
    result.dataset.outcome = response.ok ? "ok" : "failed";
  }} catch (error) {{
    result.textContent = "The service did not answer; try again."; result.dataset.outcome = "failed";
  }}
  document.getElementById("submit").disabled = false;
}});
</script></body></html>
"""


def _page(**parts: str) -> HTMLResponse:
    return HTMLResponse(_PAGE.format(**parts), headers=_HEADERS)


@router.get("/verify-email", response_class=HTMLResponse)
def verify_email_page(token: TokenQuery = None) -> HTMLResponse:
    return _page(title="Verify your email", fields="", action="Verify my email",
                 endpoint="api/auth/verify-email", done="Email verified. You can log in now.")


@router.get("/reset-password", response_class=HTMLResponse)
def reset_password_page(token: TokenQuery = None) -> HTMLResponse:
    fields = ('<p><label>New password<br><input type="password" name="new_password" autocomplete="new-password" '
              'required minlength="10"></label></p>')
    return _page(title="Choose a new password", fields=fields, action="Set password",
                 endpoint="api/auth/password/reset", done="Password changed. Log in with the new one.")
