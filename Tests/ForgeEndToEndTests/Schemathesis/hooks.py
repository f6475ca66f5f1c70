"""schemathesis hooks for forge's end-to-end run: a bearer token obtained through the API.

One account is registered per run (POST /api/auth/register answers 202 whether or not it
exists), then POST /api/auth/login gives the token. Operations that declare `security` get it;
a 401 makes schemathesis sign in again. POST /api/auth/logout gets a token of its own per test
case, so signing out never ends the session every other operation shares.
"""

from __future__ import annotations

import secrets
import threading

import requests

import schemathesis

EMAIL = f"schemathesis-{secrets.token_hex(6)}@example.com"
PASSWORD = "St1!" + secrets.token_urlsafe(12)
_registered = threading.Event()
_lock = threading.Lock()


def _base(context) -> str:
    return context.operation.schema.get_base_url().rstrip("/")


def _sign_in(base: str) -> str:
    with _lock:
        if not _registered.is_set():
            reply = requests.post(f"{base}/api/auth/register", json={"email": EMAIL, "password": PASSWORD}, timeout=10)
            if reply.status_code != 202:
                raise RuntimeError(f"register answered {reply.status_code}: {reply.text[:300]}")
            _registered.set()
    reply = requests.post(f"{base}/api/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=10)
    if reply.status_code != 200:
        raise RuntimeError(f"login answered {reply.status_code}: {reply.text[:300]}")
    return reply.json()["data"]["access_token"]


def _cache_key(case, context) -> str:
    return f"logout:{case.id}" if context.operation.path == "/api/auth/logout" else "shared"


def _secured(context) -> bool:
    return bool(context.operation.definition.raw.get("security"))


@schemathesis.auth(refresh_interval=600, cache_by_key=_cache_key, retry_on=[401]).apply_to(_secured)
class BearerToken:
    def get(self, case, context):
        return _sign_in(_base(context))

    def set(self, case, data, context):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"
