"""Login, lockout, logout, bearer tokens, and `credo user add`."""

import re
import secrets
import unittest

from credo_server import ADMIN, SALES, CredoTestCase, add_user, run_cli
from routes import PROTECTED_ROUTES, concrete

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


class AuthTest(CredoTestCase):
    def login(self, username, password):
        return self.server.call("POST", "/auth/login", {"username": username, "password": password}, token=None)

    def test_login_ok(self):
        body = self.assertStatus(self.login(*SALES), 200)
        self.assertEqual(set(body), {"token", "expires_at", "user"})
        self.assertRegex(body["token"], r"^[0-9a-f]{64}$")
        self.assertRegex(body["expires_at"], TIMESTAMP)
        user = body["user"]
        self.assertEqual(user["username"], "sales1")
        self.assertEqual(user["roles"], ["sales"])
        self.assertEqual(user["region"], "east")
        self.assertIs(user["active"], True)
        self.assertEqual(set(user), {"id", "username", "display_name", "roles", "region", "language", "email", "active"})
        # The new token works.
        me = self.assertStatus(self.server.call("GET", "/auth/me", token=body["token"]), 200)
        self.assertEqual(me, user)

    def test_me(self):
        me = self.assertStatus(self.admin.get("/auth/me"), 200)
        self.assertEqual(me["username"], "admin")
        self.assertEqual(me["roles"], ["admin"])
        self.assertIsNone(me["region"])

    def test_wrong_password_and_unknown_user_answer_alike(self):
        wrong = self.assertError(self.login("auditor1", "not-the-password"), 401, "unauthenticated")
        unknown = self.assertError(self.login("nobody-here", "not-the-password"), 401, "unauthenticated")
        self.assertEqual(wrong["message"], unknown["message"])
        self.assertNotIn("fields", wrong)
        self.assertNotIn("details", wrong)
        # One failure does not lock: the right password still works (and resets the counter).
        self.assertStatus(self.login("auditor1", "auditor-password-1"), 200)

    def test_login_bad_requests(self):
        c = self.server.client()
        self.assertError(c.request("POST", "/auth/login", {"username": "admin"}, token=None), 400,
                         "invalid_argument", field="password")
        self.assertError(c.request("POST", "/auth/login", {"password": "x" * 10}, token=None), 400,
                         "invalid_argument", field="username")
        self.assertError(c.request("POST", "/auth/login", {"username": 5, "password": "x" * 10}, token=None),
                         400, "invalid_argument", field="username")
        self.assertError(c.request("POST", "/auth/login", {"username": "admin", "password": "x" * 10, "otp": "1"},
                                   token=None), 400, "invalid_argument", field="otp")
        self.assertError(c.request("POST", "/auth/login", raw=b"{oops", token=None,
                                   headers={"Content-Type": "application/json"}), 400, "invalid_argument",
                         field="body")
        c.close()

    def test_five_failures_lock_the_account(self):
        self.assertStatus(self.admin.post("/users", {"username": "locky", "password": "locky-password",
                                                     "roles": ["sales"], "region": "east"}), 201)
        for i in range(4):
            self.assertError(self.login("locky", f"wrong-{i}-password"), 401, "unauthenticated")
        err = self.assertError(self.login("locky", "wrong-4-password"), 423, "locked")
        self.assertRegex(err["details"]["locked_until"], TIMESTAMP)
        again = self.assertError(self.login("locky", "locky-password"), 423, "locked")
        self.assertEqual(again["details"]["locked_until"], err["details"]["locked_until"])
        # The lock is per account: others still log in.
        self.assertStatus(self.login(*SALES), 200)

    def test_logout_ends_the_session(self):
        c = self.server.client()
        c.login(*ADMIN)
        self.assertStatus(c.get("/auth/me"), 200)
        status, headers, body = c.post("/auth/logout")
        self.assertEqual(status, 204)
        self.assertEqual(body, b"")
        self.assertError(c.get("/auth/me"), 401, "unauthenticated")
        self.assertError(c.get("/customers"), 401, "unauthenticated")
        self.assertError(c.post("/auth/logout"), 401, "unauthenticated")
        # Other sessions of the same user are not affected.
        self.assertStatus(self.admin.get("/auth/me"), 200)
        c.close()

    def test_missing_or_garbage_bearer_is_401_everywhere(self):
        c = self.server.client()
        bad_headers = [
            None,
            {"Authorization": "Bearer"},
            {"Authorization": "Bearer "},
            {"Authorization": "Bearer garbage"},
            {"Authorization": "Bearer " + secrets.token_hex(32)},
            {"Authorization": "bearer " + self.admin.token},
            {"Authorization": "Basic YWRtaW46YWRtaW4="},
            {"Authorization": "Bearer " + self.admin.token[:-1] + "g"},
        ]
        for method, path in PROTECTED_ROUTES:
            for headers in bad_headers:
                with self.subTest(method=method, path=path, headers=headers):
                    result = c.request(method.upper(), concrete(path), token=None, headers=headers,
                                       raw=b"{}" if method in ("post", "patch") else None)
                    self.assertError(result, 401, "unauthenticated")
                    self.assertEqual(result[1].get("WWW-Authenticate"), "Bearer")
        c.close()

    def test_cli_user_add_bad_role_exits_2_and_creates_nothing(self):
        r = add_user(self.server.data_dir, "wizard", "wizard-password", ["wizard"])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"wizard", r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
        users = self.assertStatus(self.admin.get("/users"), 200)["items"]
        self.assertNotIn("wizard", [u["username"] for u in users])
        self.assertError(self.login("wizard", "wizard-password"), 401, "unauthenticated")

    def test_cli_user_add_usage_errors(self):
        # Missing --password: bad usage.
        r = run_cli("user", "add", "nopass", "--role", "sales", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 2, r.stderr)
        # A valid command line with an invalid value is a failure (1) with a one-line reason.
        r = add_user(self.server.data_dir, "shortpw", "short", ["sales"])
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
        self.assertIn(b"password", r.stderr)
        r = add_user(self.server.data_dir, "admin", "another-password", ["admin"])
        self.assertEqual(r.returncode, 1, r.stderr)
        users = [u["username"] for u in self.assertStatus(self.admin.get("/users"), 200)["items"]]
        self.assertNotIn("nopass", users)
        self.assertNotIn("shortpw", users)
        self.assertEqual(users.count("admin"), 1)

    def test_cli_user_add_while_serving(self):
        r = add_user(self.server.data_dir, "cliuser", "cli-user-password", ["sales", "finance"], "north")
        self.assertEqual(r.returncode, 0, r.stderr)
        body = self.assertStatus(self.login("cliuser", "cli-user-password"), 200)
        self.assertEqual(sorted(body["user"]["roles"]), ["finance", "sales"])
        self.assertEqual(body["user"]["region"], "north")


if __name__ == "__main__":
    unittest.main()
