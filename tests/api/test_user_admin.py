"""Changing users (PATCH /users/{id}), own passwords (POST /auth/password), API tokens (/auth/tokens), and
`credo user set`: who may do what, what takes effect at once, and what the audit log keeps."""

import unittest

from credo_server import ADMIN, CredoTestCase, enterprise, run_cli

PASSWORD = "user-admin-pass-1"


class UserAdminTest(CredoTestCase):
    # --- helpers ------------------------------------------------------------------------------------

    def new_user(self, username, roles=("sales",), region="east"):
        body = {"username": username, "password": PASSWORD, "roles": list(roles)}
        if region:
            body["region"] = region
        return self.assertStatus(self.admin.post("/users", body), 201)

    def signed_in(self, username, password=PASSWORD):
        client = self.server.client()
        client.login(username, password)
        self.addCleanup(client.close)
        return client

    def login(self, username, password):
        return self.server.call("POST", "/auth/login", {"username": username, "password": password}, token=None)

    def user(self, user_id):
        return next(u for u in self.admin.get("/users")[2]["items"] if u["id"] == user_id)

    def admin_id(self):
        return next(u["id"] for u in self.admin.get("/users")[2]["items"] if u["username"] == ADMIN[0])

    def newest_audit(self, **query):
        items = self.assertStatus(self.admin.get("/audit", query={"page_size": 1, **query}), 200)["items"]
        self.assertTrue(items, f"no audit entry for {query}")
        return items[0]

    # --- PATCH /users/{id} --------------------------------------------------------------------------

    def test_admin_changes_a_user_and_it_is_audited(self):
        u = self.new_user("ua.change")
        changed = self.assertStatus(self.admin.patch(f"/users/{u['id']}", {
            "display_name": "改名后", "roles": ["regional_manager", "sales"], "region": "north", "language": "es"}),
            200)
        self.assertEqual((changed["display_name"], changed["region"], changed["language"], changed["active"]),
                         ("改名后", "north", "es", True))
        self.assertEqual(sorted(changed["roles"]), ["regional_manager", "sales"])
        self.assertEqual(self.user(u["id"]), changed)
        entry = self.newest_audit(action="user.update", entity_id=str(u["id"]))
        self.assertEqual(entry["actor_name"], ADMIN[0])
        self.assertEqual(sorted(entry["details"]["fields"]), ["display_name", "language", "region", "roles"])
        # The region can be cleared; nothing else moves.
        cleared = self.assertStatus(self.admin.patch(f"/users/{u['id']}", {"region": None}), 200)
        self.assertIsNone(cleared["region"])
        self.assertEqual(cleared["display_name"], "改名后")

    def test_role_change_takes_effect_on_the_next_request(self):
        u = self.new_user("ua.scope")
        client = self.signed_in("ua.scope")
        other = self.create_customer(region="north")  # no owner, another region
        self.assertError(client.get(f"/customers/{other['id']}"), 404, "not_found")
        self.assertError(client.get("/users"), 403, "forbidden")
        self.assertStatus(self.admin.patch(f"/users/{u['id']}", {"roles": ["sales_manager"]}), 200)
        self.assertStatus(client.get(f"/customers/{other['id']}"), 200)
        self.assertStatus(self.admin.patch(f"/users/{u['id']}", {"roles": ["sales"]}), 200)
        self.assertError(client.get(f"/customers/{other['id']}"), 404, "not_found")

    def test_disable_blocks_login_and_ends_sessions_and_tokens_at_once(self):
        u = self.new_user("ua.disable")
        client = self.signed_in("ua.disable")
        token = self.assertStatus(client.post("/auth/tokens", {"name": "erp"}), 201)["token"]
        with self.server.client(token) as by_token:
            self.assertStatus(by_token.get("/auth/me"), 200)
            self.assertStatus(client.get("/auth/me"), 200)  # cached now
            disabled = self.assertStatus(self.admin.patch(f"/users/{u['id']}", {"active": False}), 200)
            self.assertIs(disabled["active"], False)
            self.assertError(client.get("/auth/me"), 401, "unauthenticated")
            self.assertError(by_token.get("/auth/me"), 401, "unauthenticated")
        self.assertError(self.login("ua.disable", PASSWORD), 401, "unauthenticated")
        entry = self.newest_audit(action="user.update", entity_id=str(u["id"]))
        self.assertEqual(entry["details"]["fields"], ["active"])
        # Enabled again, the user logs in; the old session and token stay ended.
        self.assertStatus(self.admin.patch(f"/users/{u['id']}", {"active": True}), 200)
        self.assertStatus(self.login("ua.disable", PASSWORD), 200)
        self.assertError(client.get("/auth/me"), 401, "unauthenticated")
        with self.server.client(token) as by_token:
            self.assertError(by_token.get("/auth/me"), 401, "unauthenticated")

    def test_disabling_a_user_who_owns_customers_is_refused_with_the_count(self):
        u = self.new_user("ua.owner")
        for _ in range(2):
            self.create_customer(owner_id=u["id"], region="east")
        err = self.assertError(self.admin.patch(f"/users/{u['id']}", {"active": False, "display_name": "不应改"}),
                               409, "conflict", field="active")
        self.assertEqual(int(err["details"]["owned_customers"]), 2)
        self.assertIn("handover", err["message"])
        after = self.user(u["id"])
        self.assertEqual((after["active"], after["display_name"]), (True, "ua.owner"))
        self.signed_in("ua.owner")

    def test_an_admin_cannot_lock_itself_out(self):
        me = self.admin_id()
        for body, field in (({"roles": ["sales_manager"]}, "roles"), ({"active": False}, "active")):
            with self.subTest(body=body):
                err = self.assertError(self.admin.patch(f"/users/{me}", body), 409, "conflict", field=field)
                self.assertIn("lock yourself out", err["message"])
        self.assertEqual(self.user(me)["roles"], ["admin"])
        self.assertIs(self.user(me)["active"], True)
        # Adding a role to oneself is fine.
        self.assertStatus(self.admin.patch(f"/users/{me}", {"roles": ["admin", "auditor"]}), 200)
        self.assertStatus(self.admin.patch(f"/users/{me}", {"roles": ["admin"]}), 200)

    def test_self_escalation_is_refused_and_audited(self):
        u = self.new_user("ua.escalate")
        client = self.signed_in("ua.escalate")
        for body in ({"roles": ["admin"]}, {"roles": ["wizard"]}, {"active": "yes"}):
            with self.subTest(body=body):
                self.assertError(client.patch(f"/users/{u['id']}", body), 403, "forbidden")
        entry = self.newest_audit(action="user.update_denied", entity_id=str(u["id"]))
        self.assertEqual(entry["actor_name"], "ua.escalate")
        self.assertEqual(entry["details"], {"fields": ["active"], "self": True})
        first = self.assertStatus(self.admin.get("/audit", query={"action": "user.update_denied",
                                                                  "entity_id": str(u["id"])}), 200)
        self.assertEqual(first["total"], 3)
        self.assertEqual(self.user(u["id"])["roles"], ["sales"])
        self.assertError(client.get("/users"), 403, "forbidden")
        # Another user's record, by the auditor: refused the same way.
        self.assertError(self.auditor.patch(f"/users/{u['id']}", {"display_name": "x"}), 403, "forbidden")
        self.assertEqual(self.newest_audit(action="user.update_denied")["details"]["self"], False)

    def test_bad_patches_change_nothing(self):
        u = self.new_user("ua.bad")
        cases = [
            ({"roles": ["sales_manager", "wizard"], "display_name": "x"}, "roles"),
            ({"roles": []}, "roles"),
            ({"roles": "sales"}, "roles"),
            ({"region": "mars", "display_name": "x"}, "region"),
            ({"region": 5}, "region"),
            ({"language": "fr"}, "language"),
            ({"active": "no"}, "active"),
            ({"password": "short"}, "password"),
            ({"display_name": ""}, "display_name"),
            ({"username": "renamed"}, "username"),
            ({"is_admin": True}, "is_admin"),
        ]
        before = self.user(u["id"])
        for body, field in cases:
            with self.subTest(body=body):
                self.assertError(self.admin.patch(f"/users/{u['id']}", body), 400, "invalid_argument", field=field)
        self.assertEqual(self.user(u["id"]), before)
        self.assertError(self.admin.patch("/users/999999", {"display_name": "x"}), 404, "not_found")

    def test_admin_password_reset(self):
        u = self.new_user("ua.reset")
        client = self.signed_in("ua.reset")
        self.assertStatus(self.admin.patch(f"/users/{u['id']}", {"password": "reset-password-2"}), 200)
        self.assertError(client.get("/auth/me"), 401, "unauthenticated")
        self.assertError(self.login("ua.reset", PASSWORD), 401, "unauthenticated")
        self.assertStatus(self.login("ua.reset", "reset-password-2"), 200)
        entry = self.newest_audit(action="user.update", entity_id=str(u["id"]))
        self.assertEqual(entry["details"]["fields"], ["password"])
        self.assertNotIn("reset-password-2", str(entry))

    # --- POST /auth/password --------------------------------------------------------------------------

    def test_password_change(self):
        u = self.new_user("ua.pw")
        client = self.signed_in("ua.pw")
        other = self.signed_in("ua.pw")
        self.assertError(client.post("/auth/password", {"current_password": "wrong-password",
                                                        "new_password": "new-password-1"}),
                         400, "invalid_argument", field="current_password")
        self.assertError(client.post("/auth/password", {"current_password": PASSWORD, "new_password": "short"}),
                         400, "invalid_argument", field="new_password")
        self.assertError(client.post("/auth/password", {"new_password": "new-password-1"}),
                         400, "invalid_argument", field="current_password")
        self.assertStatus(other.get("/auth/me"), 200)
        self.assertStatus(client.post("/auth/password", {"current_password": PASSWORD,
                                                         "new_password": "new-password-1"}), 204)
        self.assertStatus(client.get("/auth/me"), 200)  # this session stays
        self.assertError(other.get("/auth/me"), 401, "unauthenticated")  # the others end
        self.assertError(self.login("ua.pw", PASSWORD), 401, "unauthenticated")
        self.assertStatus(self.login("ua.pw", "new-password-1"), 200)
        entry = self.newest_audit(action="auth.password_change", entity_id=str(u["id"]))
        self.assertEqual(entry["actor_name"], "ua.pw")
        self.assertNotIn("new-password-1", str(entry))

    # --- API tokens ---------------------------------------------------------------------------------

    def test_token_create_list_use_revoke(self):
        self.new_user("ua.token", roles=("sales",), region="east")
        client = self.signed_in("ua.token")
        created = self.assertStatus(client.post("/auth/tokens", {"name": "ERP 同步", "expires_days": 30}), 201)
        self.assertEqual(set(created), {"id", "name", "token", "created_at", "expires_at"})
        self.assertEqual(len(created["token"]), 64)
        default = self.assertStatus(client.post("/auth/tokens", {"name": "默认"}), 201)
        listed = self.assertStatus(client.get("/auth/tokens"), 200)["items"]
        self.assertEqual([t["id"] for t in listed], [created["id"], default["id"]])
        for t in listed:
            self.assertEqual(set(t), {"id", "name", "created_at", "expires_at"})
        self.assertEqual(listed[0]["name"], "ERP 同步")
        # Others do not see nor revoke it.
        self.assertEqual(self.assertStatus(self.sales.get("/auth/tokens"), 200)["items"], [])
        self.assertError(self.sales.request("DELETE", f"/auth/tokens/{created['id']}"), 404, "not_found")
        # The token works like a session, with the owner's scope.
        with self.server.client(created["token"]) as by_token:
            me = self.assertStatus(by_token.get("/auth/me"), 200)
            self.assertEqual(me["username"], "ua.token")
            self.assertError(by_token.get("/users"), 403, "forbidden")
            mine = self.assertStatus(by_token.post("/customers", enterprise(region="east")), 201)
            self.assertEqual(mine["owner_id"], me["id"])
            self.assertStatus(client.request("DELETE", f"/auth/tokens/{created['id']}"), 204)
            self.assertError(by_token.get("/auth/me"), 401, "unauthenticated")
        self.assertError(client.request("DELETE", f"/auth/tokens/{created['id']}"), 404, "not_found")
        self.assertEqual([t["id"] for t in client.get("/auth/tokens")[2]["items"]], [default["id"]])
        self.assertEqual(self.newest_audit(action="auth.token_create")["details"]["name"], "默认")
        self.assertEqual(self.newest_audit(action="auth.token_revoke")["entity_id"], str(created["id"]))

    def test_bad_token_requests(self):
        for body, field in (({}, "name"), ({"name": ""}, "name"), ({"name": "x", "expires_days": 0}, "expires_days"),
                            ({"name": "x", "expires_days": 366}, "expires_days"),
                            ({"name": "x", "expires_days": "30"}, "expires_days"), ({"name": "x", "scope": 1}, "scope")):
            with self.subTest(body=body):
                self.assertError(self.sales.post("/auth/tokens", body), 400, "invalid_argument", field=field)

    # --- credo user set -----------------------------------------------------------------------------

    def test_cli_user_set(self):
        u = self.new_user("ua.cli")
        data = self.server.data_dir
        r = run_cli("user", "set", "ua.cli", "--role", "sales", "--role", "regional_manager", "--region", "north",
                    "--name", "命令行", "--data", data)
        self.assertEqual(r.returncode, 0, r.stderr)
        after = self.user(u["id"])
        self.assertEqual((sorted(after["roles"]), after["region"], after["display_name"]),
                         (["regional_manager", "sales"], "north", "命令行"))
        entry = self.newest_audit(action="user.update", entity_id=str(u["id"]))
        self.assertEqual(entry["actor_name"], "system")
        r = run_cli("user", "set", "ua.cli", "--no-region", "--password", "cli-password-9", "--data", data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIsNone(self.user(u["id"])["region"])
        self.assertStatus(self.login("ua.cli", "cli-password-9"), 200)
        # Failures: one line, exit 1, nothing changed.
        for args, word in ((["--region", "mars"], b"region"), (["--password", "short"], b"password")):
            with self.subTest(args=args):
                r = run_cli("user", "set", "ua.cli", *args, "--data", data)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
                self.assertIn(word, r.stderr)
        r = run_cli("user", "set", "nobody.here", "--disable", "--data", data)
        self.assertEqual(r.returncode, 1, r.stderr)
        # Bad usage: exit 2.
        for args in (["--role", "wizard"], [], ["--disable", "--enable"], ["--region", "east", "--no-region"]):
            with self.subTest(args=args):
                r = run_cli("user", "set", "ua.cli", *args, "--data", data)
                self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIsNone(self.user(u["id"])["region"])
        # A user owning customers is not disabled; one without is, and its session ends.
        self.create_customer(owner_id=u["id"], region="east")
        r = run_cli("user", "set", "ua.cli", "--disable", "--data", data)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"hand them over", r.stderr)
        self.assertIs(self.user(u["id"])["active"], True)
        self.new_user("ua.cli2")
        r = run_cli("user", "set", "ua.cli2", "--disable", "--data", data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertError(self.login("ua.cli2", PASSWORD), 401, "unauthenticated")


if __name__ == "__main__":
    unittest.main()
