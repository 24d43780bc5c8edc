"""The demo company with two years of trade: it loads, reconciles, and shows grades, holds and proposals."""

import os
import shutil
import tempfile
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, run_cli


class DemoTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        cls.root = tempfile.mkdtemp(prefix="credo-demo-test-")
        cls.addClassCleanup(shutil.rmtree, cls.root, True)
        data = os.path.join(cls.root, "data")
        loaded = run_cli("demo", "--data", data, timeout=300)
        assert loaded.returncode == 0, loaded.stderr
        cls.reconciled = run_cli("credit", "reconcile", "--data", data)
        cls.server = server = CredoServer(users=(), data_dir=data)
        cls.addClassCleanup(server.stop)
        server.start()
        cls.admin = server.client()
        cls.admin.login("admin", "credo-demo")
        cls.addClassCleanup(cls.admin.close)

    def test_the_ledger_reconciles(self):
        self.assertEqual(self.reconciled.returncode, 0, self.reconciled.stdout + self.reconciled.stderr)

    def test_grades_holds_and_proposals_are_visible_on_first_start(self):
        held = self.assertStatus(self.admin.get("/orders", query={"status": "credit_hold"}), 200)
        self.assertGreater(held["total"], 0)
        self.assertGreater(self.assertStatus(self.admin.get("/orders"), 200)["total"], 1000)
        proposals = self.assertStatus(self.admin.get("/credit-proposals"), 200)
        self.assertGreater(proposals["total"], 0)
        grades = set()
        for c in self.assertStatus(self.admin.get("/customers", query={"page_size": 60}), 200)["items"]:
            grades.add(self.assertStatus(self.admin.get(f"/customers/{c['id']}/credit"), 200)["grade"])
        self.assertTrue({"I", "II"} <= grades, grades)

    def test_a_justified_customer_gets_no_downgrade_proposal(self):
        entries = self.assertStatus(self.admin.get("/audit", query={"action": "credit.justification"}), 200)["items"]
        self.assertEqual(len(entries), 1, entries)
        customer = int(entries[0]["entity_id"])
        justifications = self.assertStatus(self.admin.get(f"/customers/{customer}/credit/justifications"), 200)
        self.assertEqual(len(justifications["items"]), 1)
        proposals = self.assertStatus(self.admin.get("/credit-proposals", query={"page_size": 200}), 200)["items"]
        self.assertNotIn(customer, [p["customer_id"] for p in proposals])


if __name__ == "__main__":
    unittest.main()
