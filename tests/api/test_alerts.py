"""The alerts inbox (RP-5), leak detection (SE-4) and the audit of sensitive reads (SE-3)."""

import time
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise

PASSWORD = "alerts-password-1"
USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    ("manager", PASSWORD, ["sales_manager"], None),
    ("copier.e", PASSWORD, ["sales"], "east"),
    ("exporter.e", PASSWORD, ["sales"], "east"),
    ("assistant.e", PASSWORD, ["assistant"], "east"),
)


class AlertsTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        # Reads reach the counts every second here (5 s by default).
        cls.server = server = CredoServer(users=USERS, config="access_flush_seconds = 1\n")
        cls.addClassCleanup(server.stop)
        server.start()
        cls.c = {}
        for name, password, _, _ in USERS:
            client = server.client()
            client.login(name, password)
            cls.c[name] = client
            cls.addClassCleanup(client.close)
        cls.admin = cls.c["admin"]
        cls.ids = {u["username"]: u["id"] for u in cls.admin.get("/users")[2]["items"]}
        # Ten reads in a day are unusual for a user without history; exports of five rows always are.
        for key, value in (("leak.min_count", 10), ("leak.absolute_exports", 5)):
            status, _, body = cls.admin.request("PUT", f"/policies/{key}", {"value": value})
            assert status == 200, body

    def owned_files(self, owner, n):
        files = []
        for i in range(n):
            body = enterprise(name=f"{owner}的客户{i}阀门有限公司", owner_id=self.ids[owner],
                              contacts=[{"name": "王经理", "profile": {"family": "两个孩子"}}])
            files.append(self.assertStatus(self.admin.post("/customers", body), 201))
        return files

    def wait_for(self, client, predicate, timeout=15):
        deadline = time.monotonic() + timeout
        while True:
            inbox = self.assertStatus(client.get("/alerts"), 200)
            found = [a for a in inbox["items"] if predicate(a)]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.2)

    def test_a_salesperson_reading_every_file_alerts_the_sales_manager_and_admin(self):
        files = self.owned_files("copier.e", 10)
        for f in files[:9]:
            self.assertStatus(self.c["copier.e"].get(f"/customers/{f['id']}"), 200)
        time.sleep(2.5)  # flushed: nine reads are no alarm
        self.assertEqual(self.wait_for(self.c["manager"], lambda a: a["kind"] == "leak_reads", timeout=0), [])
        self.assertStatus(self.c["copier.e"].get(f"/customers/{files[9]['id']}/history"), 200)
        found = self.wait_for(self.c["manager"], lambda a: a["kind"] == "leak_reads")
        self.assertEqual(len(found), 1, found)
        alert = found[0]
        self.assertEqual(alert["subject"], {"id": self.ids["copier.e"], "username": "copier.e"})
        self.assertEqual(alert["params"]["rule"], "multiple")
        self.assertEqual(alert["params"]["count"], 10)
        self.assertEqual(alert["params"]["baseline_sum"], 0)
        self.assertIsNone(alert["read_at"])
        self.assertTrue(self.wait_for(self.admin, lambda a: a["kind"] == "leak_reads"))
        # The subject is not told; the alert is raised once a day.
        self.assertEqual(self.wait_for(self.c["copier.e"], lambda a: a["kind"].startswith("leak"), timeout=0), [])
        self.assertStatus(self.c["copier.e"].get(f"/customers/{files[0]['id']}/contacts"), 200)
        time.sleep(2.5)
        self.assertEqual(len(self.wait_for(self.c["manager"], lambda a: a["kind"] == "leak_reads", timeout=0)), 1)

        # Only its recipient clears it.
        self.assertError(self.c["copier.e"].post(f"/alerts/{alert['id']}/read"), 404, "not_found")
        before = self.assertStatus(self.c["manager"].get("/alerts"), 200)["unread"]
        self.assertStatus(self.c["manager"].post(f"/alerts/{alert['id']}/read"), 204)
        after = self.assertStatus(self.c["manager"].get("/alerts"), 200)
        self.assertEqual(after["unread"], before - 1)
        unread = self.assertStatus(self.c["manager"].get("/alerts", query={"unread": "true"}), 200)
        self.assertNotIn(alert["id"], [a["id"] for a in unread["items"]])

    def test_an_export_above_the_threshold_alerts_at_once(self):
        self.owned_files("exporter.e", 5)
        status, _, _ = self.c["exporter.e"].get("/exports/customers", query={"format": "csv"})
        self.assertEqual(status, 200)
        # Counted in the export's own transaction: no waiting for a flush.
        inbox = self.assertStatus(self.c["manager"].get("/alerts"), 200)["items"]
        found = [a for a in inbox if a["kind"] == "leak_exports" and a["subject"]["username"] == "exporter.e"]
        self.assertEqual(len(found), 1, inbox)
        self.assertEqual(found[0]["params"]["rule"], "absolute")
        self.assertEqual(found[0]["params"]["count"], 5)
        self.assertEqual(found[0]["params"]["threshold"], 5)

    def test_reads_of_sensitive_values_are_in_the_audit_log(self):
        f = self.owned_files("copier.e", 1)[0]
        self.assertStatus(self.admin.get(f"/customers/{f['id']}"), 200)
        # An assistant is not shown the profile: its read is counted, but it read nothing sensitive.
        self.assertStatus(self.c["assistant.e"].get(f"/customers/{f['id']}"), 200)
        deadline = time.monotonic() + 15
        while True:
            entries = self.assertStatus(self.admin.get(
                "/audit", query={"action": "customer.read_sensitive", "actor_id": self.ids["admin"]}), 200)["items"]
            if any(f["id"] in e["details"]["customers"] for e in entries) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertTrue(any(f["id"] in e["details"]["customers"] for e in entries), entries)
        mine = self.assertStatus(self.admin.get(
            "/audit", query={"action": "customer.read_sensitive", "actor_id": self.ids["assistant.e"]}), 200)
        self.assertEqual(mine["items"], [])
        self.assertTrue(self.assertStatus(self.admin.get("/audit/verify"), 200)["intact"])

    def test_bad_queries_name_the_parameter(self):
        self.assertError(self.admin.get("/alerts", query={"unread": "maybe"}), 400, "invalid_argument",
                         field="unread")
        self.assertError(self.admin.get("/alerts", query={"page_size": 500}), 400, "invalid_argument",
                         field="page_size")
        self.assertError(self.admin.get("/alerts", query={"kind": "x"}), 400, "invalid_argument", field="kind")
        self.assertError(self.admin.post("/alerts/999999/read"), 404, "not_found")
        self.assertStatus(self.admin.post("/alerts/read-all"), 204)
        self.assertEqual(self.assertStatus(self.admin.get("/alerts"), 200)["unread"], 0)


if __name__ == "__main__":
    unittest.main()
