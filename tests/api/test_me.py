"""PATCH /auth/me: users set their own preferred language, which GET /auth/me and logins return."""

import unittest

from credo_server import AUDITOR, CredoTestCase


class MeTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        status, _, body = cls.admin.post("/users", {"username": "lang.user", "password": "lang-password-1",
                                                    "roles": ["sales"], "region": "east"})
        if status != 201:
            raise AssertionError(f"cannot create lang.user: {status} {body}")
        cls.user = cls.server.client()
        cls.user.login("lang.user", "lang-password-1")
        cls.addClassCleanup(cls.user.close)

    def login(self, username, password):
        return self.assertStatus(self.server.call("POST", "/auth/login", {"username": username, "password": password},
                                                  token=None), 200)

    def me(self):
        return self.assertStatus(self.user.get("/auth/me"), 200)

    def test_language_is_stored_shown_at_once_and_returned_at_login(self):
        self.me()  # puts the session in the server's 5-second cache: the changes below must show anyway
        for language in ("zh-CN", "zh-TW", "es", "en"):
            with self.subTest(language=language):
                user = self.assertStatus(self.user.patch("/auth/me", {"language": language}), 200)
                self.assertEqual(user["language"], language)
                self.assertEqual(user["username"], "lang.user")
                self.assertEqual(self.me(), user)
        login = self.login("lang.user", "lang-password-1")
        self.assertEqual(login["user"]["language"], "en")
        self.assertEqual(login["user"], self.me())
        # The admin's list shows it too, and an empty body changes nothing.
        users = {u["username"]: u for u in self.assertStatus(self.admin.get("/users"), 200)["items"]}
        self.assertEqual(users["lang.user"]["language"], "en")
        self.assertEqual(self.assertStatus(self.user.patch("/auth/me", {}), 200)["language"], "en")
        # null clears it.
        self.assertIsNone(self.assertStatus(self.user.patch("/auth/me", {"language": None}), 200)["language"])
        self.assertIsNone(self.me()["language"])

    def test_bad_values_and_unknown_members_are_400_and_change_nothing(self):
        self.assertStatus(self.user.patch("/auth/me", {"language": "es"}), 200)
        cases = [
            ({"language": "fr"}, "language"),
            ({"language": ""}, "language"),
            ({"language": "ES"}, "language"),
            ({"language": 5}, "language"),
            ({"language": ["es"]}, "language"),
            ({"language": "en", "display_name": "hacker"}, "display_name"),
            ({"language": "en", "roles": ["admin"]}, "roles"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                self.assertError(self.user.patch("/auth/me", body), 400, "invalid_argument", field=field)
        self.assertError(self.user.request("PATCH", "/auth/me", raw=b"not json"), 400, "invalid_argument")
        self.assertError(self.user.request("PATCH", "/auth/me", raw=b"[]"), 400, "invalid_argument")
        me = self.me()
        self.assertEqual((me["language"], me["display_name"], me["roles"]), ("es", "lang.user", ["sales"]))

    def test_needs_a_session_and_the_auditor_may_set_their_own(self):
        self.assertError(self.user.patch("/auth/me", {"language": "en"}, token=None), 401, "unauthenticated")
        with self.server.client() as auditor:
            auditor.login(*AUDITOR)
            self.assertEqual(self.assertStatus(auditor.patch("/auth/me", {"language": "zh-TW"}), 200)["language"],
                             "zh-TW")
            self.assertEqual(self.assertStatus(auditor.get("/auth/me"), 200)["username"], "auditor1")

    def test_post_users_checks_the_language_against_the_same_list(self):
        ok = {"password": "password-123", "roles": ["sales"]}
        for language in ("fr", "", "zh", 7):
            with self.subTest(language=language):
                self.assertError(self.admin.post("/users", {**ok, "username": "bad-lang", "language": language}),
                                 400, "invalid_argument", field="language")
        created = self.assertStatus(self.admin.post("/users", {**ok, "username": "es-user", "language": "es"}), 201)
        self.assertEqual(created["language"], "es")
        created = self.assertStatus(self.admin.post("/users", {**ok, "username": "no-lang", "language": None}), 201)
        self.assertIsNone(created["language"])


if __name__ == "__main__":
    unittest.main()
