"""User administration by admins: list, add, role, disable (which signs the user out),
password; the last admin cannot lock everyone out."""

from __future__ import annotations

import httpx
from tests.web.browsing import PASSWORD, Browser, Site, sign_in

from crosscheck.review import audit, users

pytest_plugins = ["tests.web.server"]


def _post(browser: Browser, path: str, **fields: str) -> httpx.Response:
    return browser.client.post(path, data={"csrf_token": browser.csrf, **fields})


def test_users_page_lists_accounts(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["admin"].client
    page = client.get("/users").text
    for user in users.list_users(site.db):
        assert f'data-username="{user.username}"' in page
    data = client.get("/users.json").json()
    assert data == client.get("/api/users").json()
    assert {u["username"] for u in data["users"]} >= {"viewer", "analyst", "admin"}
    assert "password" not in str(data).replace("password_", "")


def test_users_add_role_disable_password(browsers: dict[str, Browser], site: Site) -> None:
    admin = browsers["admin"]
    answer = _post(admin, "/users", username="newcomer", password=PASSWORD, role="viewer")
    assert answer.status_code == 303
    newcomer = sign_in(site.url, "newcomer")
    assert _post(
        admin, "/users/newcomer/role", role="analyst", comment="joins the desk"
    ).is_redirect
    assert users.get_user(site.db, "newcomer").role == "analyst"  # type: ignore[union-attr]
    entry = audit.audit_log(site.db, target_kind="user", target_id="newcomer", limit=1)[0]
    assert entry.diff == [("role", "viewer", "analyst")]
    assert entry.username == "admin"
    assert _post(admin, "/users/newcomer/disabled", disabled="true", comment="left").is_redirect
    assert newcomer.client.get("/dashboard").status_code == 303  # signed out everywhere
    assert _post(admin, "/users/newcomer/disabled", disabled="false", comment="back").is_redirect
    assert _post(admin, "/users/newcomer/password", password="another long secret").is_redirect
    sign_in(site.url, "newcomer", "another long secret").client.close()
    newcomer.client.close()


def test_users_bad_input_is_400(browsers: dict[str, Browser]) -> None:
    admin = browsers["admin"]
    assert (
        _post(admin, "/users", username="x y", password=PASSWORD, role="viewer").status_code == 400
    )
    assert (
        _post(admin, "/users", username="shorty", password="short", role="viewer").status_code
        == 400
    )
    assert (
        _post(admin, "/users", username="viewer", password=PASSWORD, role="viewer").status_code
        == 400
    )
    assert _post(admin, "/users/viewer/role", role="analyst", comment="").status_code == 400
    assert _post(admin, "/users/nobody/role", role="analyst", comment="x").status_code == 404


def test_users_last_admin_keeps_the_role(browsers: dict[str, Browser], site: Site) -> None:
    answer = _post(browsers["admin"], "/users/admin/role", role="viewer", comment="oops")
    assert answer.status_code == 400
    assert "last enabled admin" in answer.text
    assert users.get_user(site.db, "admin").role == "admin"  # type: ignore[union-attr]
