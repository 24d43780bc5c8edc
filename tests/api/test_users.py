"""User administration: listing and creating users, and who may do it."""

import unittest

from credo_server import CredoTestCase

USER_KEYS = {"id", "username", "display_name", "roles", "region", "language", "email", "active"}


class UsersTest(CredoTestCase):
    def login_status(self, username, password):
        return self.server.call("POST", "/auth/login", {"username": username, "password": password}, token=None)

    def test_admin_lists_users(self):
        items = self.assertStatus(self.admin.get("/users"), 200)["items"]
        by_name = {u["username"]: u for u in items}
        self.assertLessEqual({"admin", "sales1", "auditor1"}, set(by_name))
        for u in items:
            self.assertEqual(set(u), USER_KEYS)
            self.assertNotIn("password", u)
            self.assertNotIn("password_hash", u)
        self.assertEqual(by_name["sales1"]["roles"], ["sales"])
        self.assertEqual(by_name["sales1"]["region"], "east")
        self.assertEqual(by_name["auditor1"]["roles"], ["auditor"])
        self.assertIs(by_name["admin"]["active"], True)

    def test_admin_creates_a_user_who_can_log_in(self):
        status, _, user = self.admin.post("/users", {
            "username": "zhang.wei", "password": "密码-password-8", "display_name": "张伟",
            "roles": ["sales", "regional_manager"], "region": "south", "language": "zh-CN"})
        self.assertEqual(status, 201, user)
        self.assertEqual(set(user), USER_KEYS)
        self.assertEqual((user["username"], user["display_name"], user["region"], user["language"], user["active"]),
                         ("zhang.wei", "张伟", "south", "zh-CN", True))
        self.assertEqual(sorted(user["roles"]), ["regional_manager", "sales"])
        login = self.assertStatus(self.login_status("zhang.wei", "密码-password-8"), 200)
        self.assertEqual(login["user"], user)
        self.assertIn("zhang.wei", [u["username"] for u in self.admin.get("/users")[2]["items"]])
        # The new user works: creating a customer records them as the actor.
        with self.server.client(login["token"]) as c:
            created = self.assertStatus(c.post("/customers", {"kind": "individual", "name": "张伟的客户",
                                                              "region": "south", "phone": "13500009999"}), 201)
            history = c.get(f"/customers/{created['id']}/history")[2]["items"]
            self.assertEqual(history[0]["actor_name"], "张伟")
            self.assertEqual(history[0]["actor_id"], user["id"])

    def test_minimal_user(self):
        user = self.assertStatus(self.admin.post("/users", {"username": "min-user", "password": "12345678",
                                                            "roles": ["finance"]}), 201)
        self.assertEqual((user["display_name"], user["region"], user["language"]), ("min-user", None, None))

    def test_sales_user_is_forbidden(self):
        body = {"username": "by-sales", "password": "password-123", "roles": ["admin"]}
        self.assertError(self.sales.post("/users", body), 403, "forbidden")
        self.assertError(self.sales.get("/users"), 403, "forbidden")
        self.assertError(self.auditor.post("/users", body), 403, "forbidden")
        self.assertNotIn("by-sales", [u["username"] for u in self.admin.get("/users")[2]["items"]])
        self.assertError(self.login_status("by-sales", "password-123"), 401, "unauthenticated")

    def test_auditor_may_list(self):
        items = self.assertStatus(self.auditor.get("/users"), 200)["items"]
        self.assertIn("admin", [u["username"] for u in items])

    def test_invalid_users(self):
        ok = {"username": "valid-name", "password": "password-123", "roles": ["sales"]}
        cases = [
            ({**ok, "username": "ab"}, 400, "username"),
            ({**ok, "username": "Upper"}, 400, "username"),
            ({**ok, "username": "中文名"}, 400, "username"),
            ({**ok, "username": 5}, 400, "username"),
            ({k: v for k, v in ok.items() if k != "username"}, 400, "username"),
            ({**ok, "password": "short"}, 400, "password"),
            ({k: v for k, v in ok.items() if k != "password"}, 400, "password"),
            ({**ok, "roles": []}, 400, "roles"),
            ({**ok, "roles": ["wizard"]}, 400, "roles"),
            ({**ok, "roles": "sales"}, 400, "roles"),
            ({k: v for k, v in ok.items() if k != "roles"}, 400, "roles"),
            ({**ok, "region": "mars"}, 400, "region"),
            ({**ok, "language": "fr"}, 400, "language"),
            ({**ok, "display_name": "x" * 101}, 400, "display_name"),
            ({**ok, "is_admin": True}, 400, "is_admin"),
        ]
        for body, status, field in cases:
            with self.subTest(body=body):
                self.assertError(self.admin.post("/users", body), status, "invalid_argument", field=field)
        self.assertNotIn("valid-name", [u["username"] for u in self.admin.get("/users")[2]["items"]])

    def test_duplicate_username(self):
        body = {"username": "twice", "password": "password-123", "roles": ["sales"]}
        self.assertStatus(self.admin.post("/users", body), 201)
        # The server answers a taken username as a field error of the form (400), not 409 already_exists.
        err = self.assertError(self.admin.post("/users", body), 400, "invalid_argument", field="username")
        self.assertIn("taken", err["fields"]["username"])
        self.assertEqual([u["username"] for u in self.admin.get("/users")[2]["items"]].count("twice"), 1)


if __name__ == "__main__":
    unittest.main()
