"""Versions, optimistic concurrency (If-Match), history and reading a file as of a date."""

import datetime
import unittest

from credo_server import CredoTestCase, enterprise


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


class HistoryTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _, _, cls.admin_user = cls.admin.get("/auth/me")
        _, _, cls.sales_user = cls.sales.get("/auth/me")

    def test_patch_without_if_match_is_428(self):
        c = self.create_customer()
        self.assertError(self.admin.patch(f"/customers/{c['id']}", {"name": "新名字有限公司"}), 428,
                         "precondition_required")
        self.assertEqual(self.admin.get(f"/customers/{c['id']}")[2]["version"], 1)

    def test_bad_if_match_is_400(self):
        c = self.create_customer()
        self.assertError(self.admin.patch(f"/customers/{c['id']}", {"name": "新名字有限公司"},
                                          headers={"If-Match": "one"}), 400, "invalid_argument", field="If-Match")

    def test_stale_if_match_is_409_with_current_version(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        self.assertStatus(self.admin.patch(path, {"lifecycle": "new"}, if_match=1), 200)
        err = self.assertError(self.admin.patch(path, {"lifecycle": "established"}, if_match=1), 409, "conflict")
        # details values are strings in this server (details is a string map).
        self.assertEqual(str(err["details"]["current_version"]), "2")
        err = self.assertError(self.admin.patch(path, {"lifecycle": "established"}, if_match=7), 409, "conflict")
        self.assertEqual(str(err["details"]["current_version"]), "2")
        got = self.admin.get(path)[2]
        self.assertEqual((got["version"], got["lifecycle"]), (2, "new"))

    def test_patch_with_reason_and_history(self):
        c = self.create_customer(self.sales, name="苏州远大机械有限公司")  # the salesperson's own file
        path = f"/customers/{c['id']}"
        status, headers, patched = self.sales.patch(
            path, {"name": "苏州远大机械股份有限公司", "importance": "important", "email": "info@yuanda.example.cn",
                   "reason": "工商变更"}, if_match=1)
        self.assertEqual(status, 200, patched)
        self.assertEqual(patched["version"], 2)
        self.assertEqual(headers.get("ETag"), '"2"')
        self.assertEqual(patched["name"], "苏州远大机械股份有限公司")
        self.assertEqual(patched["email"], "info@yuanda.example.cn")
        self.assertEqual(patched["code"], c["code"])
        self.assertEqual(patched["created_at"], c["created_at"])
        self.assertGreaterEqual(patched["updated_at"], c["updated_at"])
        self.assertEqual(self.admin.get(path)[1].get("ETag"), '"2"')

        # A weak ETag form is accepted in If-Match too; null clears an optional attribute.
        status, _, patched = self.admin.patch(path, {"email": None}, headers={"If-Match": 'W/"2"'})
        self.assertEqual(status, 200, patched)
        self.assertEqual(patched["version"], 3)
        self.assertNotIn("email", patched)

        history = self.assertStatus(self.admin.get(path + "/history"), 200)["items"]
        self.assertEqual([v["version"] for v in history], [3, 2, 1])  # newest first
        v3, v2, v1 = history
        self.assertEqual(set(v2), {"version", "at", "actor_id", "actor_name", "reason", "changes"})
        self.assertEqual(v2["actor_id"], self.sales_user["id"])
        self.assertEqual(v2["actor_name"], self.sales_user["display_name"])
        self.assertEqual(v2["reason"], "工商变更")
        changes = {ch["field"]: (ch["before"], ch["after"]) for ch in v2["changes"]}
        self.assertEqual(changes, {
            "name": ("苏州远大机械有限公司", "苏州远大机械股份有限公司"),
            "importance": ("general", "important"),
            "email": (None, "info@yuanda.example.cn"),
        })
        self.assertEqual(v3["changes"], [{"field": "email", "before": "info@yuanda.example.cn", "after": None}])
        self.assertIsNone(v3["reason"])
        self.assertEqual(v3["actor_id"], self.admin_user["id"])
        self.assertEqual(v1["actor_id"], self.sales_user["id"])
        self.assertIsNone(v1["reason"])
        v1_changes = {ch["field"]: (ch["before"], ch["after"]) for ch in v1["changes"]}
        self.assertEqual(v1_changes["name"], (None, "苏州远大机械有限公司"))
        self.assertEqual(v1_changes["tax_id"], (None, c["tax_id"]))
        self.assertTrue(all(ch["before"] is None for ch in v1["changes"]), v1["changes"])
        self.assertLessEqual(v1["at"], v2["at"])
        self.assertLessEqual(v2["at"], v3["at"])

    def test_create_with_reason(self):
        c = self.create_customer(reason="展会结识")
        history = self.admin.get(f"/customers/{c['id']}/history")[2]["items"]
        self.assertEqual(len(history), 1)
        self.assertEqual(history[0]["reason"], "展会结识")

    def test_edit_that_changes_nothing_keeps_the_version(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        status, headers, same = self.admin.patch(path, {"name": c["name"], "region": "east",
                                                        "reason": "no-op"}, if_match=1)
        self.assertEqual(status, 200, same)
        self.assertEqual(same["version"], 1)
        self.assertEqual(headers.get("ETag"), '"1"')
        self.assertEqual(same["updated_at"], c["updated_at"])
        status, _, same = self.admin.patch(path, {}, if_match=1)
        self.assertEqual(status, 200, same)
        self.assertEqual(same["version"], 1)
        self.assertEqual(len(self.admin.get(path + "/history")[2]["items"]), 1)

    def test_bad_patches_change_nothing(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        cases = [
            ({"code": "C2000000001"}, "code"),
            ({"version": 5}, "version"),
            ({"id": 3}, "id"),
            ({"updated_at": "2020-01-01T00:00:00.000Z"}, "updated_at"),
            ({"unknown_field": 1}, "unknown_field"),
            ({"name": None}, "name"),
            ({"name": 5}, "name"),
            ({"kind": None}, "kind"),
            ({"kind": "company"}, "kind"),
            ({"region": "atlantis"}, "region"),
            ({"tax_id": None}, "tax_id"),  # required for an enterprise
            ({"kind": "trader", "tax_id": None, "address": None}, "address"),
            ({"registered_capital": {"amount": "-1", "currency": "CNY"}}, "registered_capital"),
            ({"relationship_start": "2024-02-30"}, "relationship_start"),
            ({"contacts": []}, "contacts"),
            ({"reason": 12}, "reason"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                self.assertError(self.admin.patch(path, body, if_match=1), 400, "invalid_argument", field=field)
        self.assertError(self.admin.request("PATCH", path, raw=b"{bad json", headers={"If-Match": '"1"'}), 400,
                         "invalid_argument", field="body")
        got = self.admin.get(path)[2]
        self.assertEqual(got["version"], 1)
        self.assertEqual(len(self.admin.get(path + "/history")[2]["items"]), 1)

    def test_kind_change_checks_the_new_kind(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        # An individual needs only a phone; dropping the enterprise's attributes is fine.
        patched = self.assertStatus(self.admin.patch(path, {"kind": "individual", "tax_id": None}, if_match=1),
                                    200)
        self.assertEqual((patched["kind"], patched["version"]), ("individual", 2))

    def test_patch_unknown_customer_is_404(self):
        self.assertError(self.admin.patch("/customers/987654", {"lifecycle": "new"}, if_match=1), 404, "not_found")
        self.assertError(self.admin.get("/customers/987654/history"), 404, "not_found")

    def test_auditor_may_not_patch(self):
        c = self.create_customer()
        self.assertError(self.auditor.patch(f"/customers/{c['id']}", {"lifecycle": "new"}, if_match=1), 403,
                         "forbidden")
        self.assertStatus(self.auditor.get(f"/customers/{c['id']}/history"), 200)

    def test_as_of(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        self.assertStatus(self.admin.patch(path, {"lifecycle": "new"}, if_match=1), 200)
        yesterday = (today() - datetime.timedelta(days=1)).isoformat()
        err = self.assertError(self.admin.get(path, query={"as_of": yesterday}), 404, "not_found")
        self.assertIn("did not exist", err["message"])
        self.assertError(self.admin.get(path, query={"as_of": "2001-01-01"}), 404, "not_found")
        status, headers, now = self.admin.get(path, query={"as_of": today().isoformat()})
        self.assertEqual(status, 200, now)
        self.assertEqual(now["version"], 2)
        self.assertEqual(now["lifecycle"], "new")
        self.assertEqual(headers.get("ETag"), '"2"')
        current = self.admin.get(path)[2]
        self.assertEqual(now, current)
        # A later date sees the current file too.
        future = (today() + datetime.timedelta(days=30)).isoformat()
        self.assertEqual(self.assertStatus(self.admin.get(path, query={"as_of": future}), 200)["version"], 2)

    def test_invalid_as_of_is_400(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        for bad in ("2024-02-30", "yesterday", "2024-1-5", "", "2024-13-01"):
            with self.subTest(as_of=bad):
                self.assertError(self.admin.get(path, query={"as_of": bad}), 400, "invalid_argument",
                                 field="as_of")
        self.assertError(self.admin.get(path, query={"asof": "2024-01-01"}), 400, "invalid_argument",
                         field="asof")


if __name__ == "__main__":
    unittest.main()
