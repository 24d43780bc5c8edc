"""Central ownership (SPEC OW-1…OW-5): assignment, handover, the pool, balancing, policies."""

import datetime
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise, run_cli

PASSWORD = "owner-password-1"
USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    ("rm.e", PASSWORD, ["regional_manager"], "east"),
    ("s.e1", PASSWORD, ["sales"], "east"),
    ("s.e2", PASSWORD, ["sales"], "east"),
    ("s.leaving", PASSWORD, ["sales"], "east"),
    ("s.off", PASSWORD, ["sales"], "north"),
    ("audit", PASSWORD, ["auditor"], None),
)


class OwnershipTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        cls.server = server = CredoServer(users=USERS)
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

    def create(self, owner=None, region="east"):
        body = enterprise(region=region)
        if owner:
            body["owner_id"] = self.ids[owner]
        return self.assertStatus(self.admin.post("/customers", body), 201)

    def test_who_may_assign_what(self):
        f = self.create()
        done = self.assertStatus(self.c["rm.e"].post(f"/customers/{f['id']}/assign",
                                                     {"owner_id": self.ids["s.e1"], "reason": "划片"}), 200)
        self.assertEqual((done["owner_id"], done["version"]), (self.ids["s.e1"], 2))
        change = self.admin.get(f"/customers/{f['id']}/history")[2]["items"][0]
        self.assertEqual(change["reason"], "划片")
        self.assertError(self.c["s.e1"].post(f"/customers/{f['id']}/assign", {"owner_id": self.ids["s.e2"]}),
                         403, "forbidden")
        self.assertError(self.c["audit"].post(f"/customers/{f['id']}/assign", {"owner_id": None}), 403, "forbidden")
        north = self.create(region="north")
        self.assertError(self.c["rm.e"].post(f"/customers/{north['id']}/assign", {"owner_id": None}), 404, "not_found")
        self.assertError(self.c["rm.e"].post(f"/customers/{f['id']}/assign", {"owner_id": self.ids["audit"]}),
                         400, "invalid_argument", field="owner_id")
        audit = self.admin.get("/audit", query={"action": "customer.assign"})[2]["items"]
        self.assertIn(str(f["id"]), [e["entity_id"] for e in audit])

    def test_cap_pool_and_disabled_successor(self):
        self.assertStatus(self.admin.request("PUT", "/policies/ownership.max_customers_per_sales", {"value": 2}), 200)
        try:
            owned = self.admin.get("/customers", query={"owner_id": self.ids["s.off"]})[2]["total"]
            files = [self.create() for _ in range(3 - owned)]
            for f in files[:-1]:
                self.assertStatus(self.admin.post(f"/customers/{f['id']}/assign", {"owner_id": self.ids["s.off"]}), 200)
            err = self.assertError(self.admin.post(f"/customers/{files[-1]['id']}/assign",
                                                   {"owner_id": self.ids["s.off"]}), 409, "conflict")
            self.assertIn("s.off", err["message"])
            self.assertEqual(err["details"]["cap"], "2")
        finally:
            self.assertStatus(self.admin.request("PUT", "/policies/ownership.max_customers_per_sales",
                                                 {"value": 300}), 200)
        pool = self.assertStatus(self.admin.get("/customers", query={"unassigned": "true", "page_size": 200}), 200)
        self.assertIn(files[-1]["id"], [i["id"] for i in pool["items"]])
        self.assertTrue(all(i["owner_id"] is None for i in pool["items"]))
        self.assertError(self.admin.get("/customers", query={"unassigned": "maybe"}), 400, "invalid_argument")

    def test_handover_moves_every_customer(self):
        n = 500
        self.assertStatus(self.admin.request("PUT", "/policies/ownership.max_customers_per_sales", {"value": 1000}),
                          200)
        ids = [self.create(owner="s.leaving")["id"] for _ in range(n)]
        leaving = self.ids["s.leaving"]
        # One customer has an invoice open and an order on hold: the record lists them.
        line = {"product": "衬氟蝶阀", "quantity": "1", "unit_price": "100.00"}
        prepaid = self.assertStatus(self.admin.post("/orders", {"customer_id": ids[1], "prepayment": "100.00",
                                                                "lines": [line]}), 201)
        self.assertStatus(self.admin.post("/invoices", {"order_id": prepaid["id"]}), 201)
        held = self.assertStatus(self.admin.post("/orders", {"customer_id": ids[1], "lines": [line]}), 201)
        self.assertEqual(held["status"], "credit_hold")
        self.assertError(self.admin.post(f"/users/{leaving}/handover", {"to": leaving, "reason": "离职"}),
                         400, "invalid_argument", field="to")
        record = self.assertStatus(self.c["rm.e"].post(f"/users/{leaving}/handover", {
            "to": self.ids["s.e2"], "per_customer": {str(ids[0]): None}, "reason": "离职"}), 201)
        self.assertEqual(record["customers"], n)
        got = self.assertStatus(self.admin.get(f"/handovers/{record['id']}"), 200)
        self.assertEqual(sorted(i["customer_id"] for i in got["items"]), sorted(ids))
        self.assertEqual(self.admin.get("/customers", query={"owner_id": leaving})[2]["total"], 0)
        with_ledger = next(i for i in got["items"] if i["customer_id"] == ids[1])
        self.assertEqual(with_ledger["open_orders"], 1)
        self.assertEqual(with_ledger["receivables"], {"amount": "100.00", "currency": "CNY"})
        self.assertEqual(with_ledger["reserved_orders"], {"amount": "0.00", "currency": "CNY"})
        self.assertIsNone(next(i for i in got["items"] if i["customer_id"] == ids[2])["receivables"])
        moved = {i["customer_id"]: i["to"] for i in got["items"]}
        self.assertIsNone(moved[ids[0]])
        self.assertEqual({v for k, v in moved.items() if k != ids[0]}, {self.ids["s.e2"]})
        user = next(u for u in self.admin.get("/users")[2]["items"] if u["id"] == leaving)
        self.assertFalse(user["active"])
        self.assertError(self.server.call("POST", "/auth/login", {"username": "s.leaving", "password": PASSWORD},
                                          token=None), 401, "unauthenticated")
        # Nothing can go to the disabled user.
        self.assertError(self.admin.post(f"/customers/{ids[1]}/assign", {"owner_id": leaving}),
                         400, "invalid_argument", field="owner_id")

    def test_proposal_accept_and_stale_move(self):
        for _ in range(4):
            self.create(owner="s.e1")
        proposal = self.assertStatus(self.c["rm.e"].get("/assignments/proposal", query={"region": "east"}), 200)
        self.assertTrue(proposal["moves"])
        counts = [s["after"] for s in proposal["sellers"]]
        self.assertLessEqual(max(counts) - min(counts), 1)
        self.assertError(self.c["s.e1"].get("/assignments/proposal", query={"region": "east"}), 403, "forbidden")
        first = proposal["moves"][0]
        # Someone changes the first file's owner meanwhile: the accept is refused, nothing moves.
        other = self.ids["s.e2"] if first["to_owner_id"] != self.ids["s.e2"] else self.ids["s.e1"]
        if first["from_owner_id"] == other:
            other = None
        self.assertStatus(self.admin.post(f"/customers/{first['customer_id']}/assign", {"owner_id": other}), 200)
        err = self.assertError(self.c["rm.e"].post("/assignments/proposal/accept", {"moves": proposal["moves"]}),
                               409, "conflict")
        self.assertEqual(err["details"]["customer_id"], str(first["customer_id"]))
        fresh = self.assertStatus(self.c["rm.e"].get("/assignments/proposal", query={"region": "east"}), 200)
        done = self.assertStatus(self.c["rm.e"].post("/assignments/proposal/accept", {"moves": fresh["moves"]}), 200)
        self.assertEqual(len(done["items"]), len(fresh["moves"]))
        again = self.assertStatus(self.c["rm.e"].get("/assignments/proposal", query={"region": "east"}), 200)
        self.assertEqual(again["moves"], [])

    def test_pool_return_job_and_its_alerts(self):
        f = self.create(owner="s.e1")
        today = datetime.date.today()
        soon = (today + datetime.timedelta(days=85)).isoformat()
        r = run_cli("jobs", "run", "pool_return", "--as-of", soon, "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        inbox = self.assertStatus(self.c["s.e1"].get("/alerts", query={"unread": "true"}), 200)
        notice = next(a for a in inbox["items"] if a["customer"] and a["customer"]["id"] == f["id"])
        self.assertEqual(notice["kind"], "pool_return")
        self.assertEqual(notice["customer"]["code"], f["code"])
        self.assertEqual(notice["day"], (today + datetime.timedelta(days=91)).isoformat())
        self.assertEqual(notice["params"], {"days_left": 6})
        far = "2100-01-01"
        r = run_cli("jobs", "run", "pool_return", "--as-of", far, "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        after = self.assertStatus(self.admin.get(f"/customers/{f['id']}"), 200)
        self.assertIsNone(after["owner_id"])
        history = self.admin.get(f"/customers/{f['id']}/history")[2]["items"][0]
        self.assertTrue(history["reason"].startswith("neglected for "), history)
        r = run_cli("jobs", "run", "pool_return", "--as-of", far, "--data", self.server.data_dir)
        self.assertIn(b"had already run", r.stdout)

    def test_balancing_by_annual_sales(self):
        # Two salespeople of the north: one with a big customer and a small one, the other with a small one.
        region = "northwest"  # a region of its own in this test class
        self.admin.post("/users", {"username": "s.nw1", "password": PASSWORD, "roles": ["sales"], "region": region})
        self.admin.post("/users", {"username": "s.nw2", "password": PASSWORD, "roles": ["sales"], "region": region})
        ids = {u["username"]: u["id"] for u in self.admin.get("/users")[2]["items"]}
        self.ids.update(ids)
        big, small1 = self.create(owner="s.nw1", region=region), self.create(owner="s.nw1", region=region)
        small2 = self.create(owner="s.nw2", region=region)
        for customer, amount in ((big, "9000.00"), (small1, "3000.00"), (small2, "1000.00")):
            self.assertStatus(self.admin.post("/invoices", {
                "customer_id": customer["id"], "amount": {"amount": amount, "currency": "CNY"}}), 201)
        by_count = self.assertStatus(self.admin.get("/assignments/proposal", query={"region": region}), 200)
        self.assertEqual(by_count["measure"], "count")
        self.assertEqual(by_count["moves"], [])  # 2 and 1 files: even enough by count
        by_sales = self.assertStatus(self.admin.get("/assignments/proposal",
                                                    query={"region": region, "by": "sales"}), 200)
        self.assertEqual(by_sales["measure"], "sales")
        sellers = {s["username"]: s for s in by_sales["sellers"] if s["username"] in ("s.nw1", "s.nw2")}
        self.assertEqual(sellers["s.nw1"]["sales_before"], {"amount": "12000.00", "currency": "CNY"})
        self.assertEqual(sellers["s.nw2"]["sales_before"], {"amount": "1000.00", "currency": "CNY"})
        # The 3,000 customer moves: 9,000 against 4,000 is nearer than 12,000 against 1,000.
        self.assertEqual([m["customer_id"] for m in by_sales["moves"]], [small1["id"]])
        self.assertEqual(sellers["s.nw2"]["sales_after"], {"amount": "4000.00", "currency": "CNY"})
        self.assertError(self.admin.get("/assignments/proposal", query={"region": region, "by": "profit"}),
                         400, "invalid_argument", field="by")

    def test_policies(self):
        items = self.assertStatus(self.admin.get("/policies"), 200)["items"]
        self.assertIn("ownership.neglect_days", [p["key"] for p in items])
        self.assertError(self.c["s.e1"].get("/policies"), 403, "forbidden")
        self.assertError(self.admin.request("PUT", "/policies/ownership.notice_days", {"value": 90}),
                         400, "invalid_argument", field="value")
        self.assertError(self.admin.request("PUT", "/policies/no.such", {"value": 1}), 404, "not_found")
        self.assertError(self.c["rm.e"].request("PUT", "/policies/ownership.notice_days", {"value": 5}),
                         403, "forbidden")


if __name__ == "__main__":
    unittest.main()
