"""Classification and dynamic management (SPEC CL-1…CL-3, CL-5, DY-2…DY-4) against a small hand-built ledger.

Five files, all as of 2026-06-30 (the twelve months (2025-06-30, 2026-06-30]):
  TOP   east, owned by sales1, invoiced 300,000.00 on 2026-03-01                         -> A (the boundary)
  EDGE  east, invoiced 299,999.99                                                        -> B
  NOTE  north, invoiced 300,000.50 less a credit note of 0.51                            -> B (credit notes count)
  SMALL north, invoiced 1,000.00, relationship since 2020                                -> C, long_standing
  NEW   north, a prospect whose relationship started 2026-05-01, nothing bought          -> D
"""

import unittest

from credo_server import CredoTestCase, enterprise

AS_OF = "2026-06-30"


class ClassificationTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sales_id = next(u["id"] for u in cls.admin.get("/users")[2]["items"] if u["username"] == "sales1")
        cls.ids = {}
        # Finance receives the report reminders.
        status, _, body = cls.admin.post("/users", {"username": "finance1", "password": "finance-password-1",
                                                    "roles": ["finance"]})
        assert status == 201, body

        def make(key, region, start, lifecycle="established", owner=None):
            body = enterprise(name=f"分类测试{key}阀门有限公司", region=region, relationship_start=start,
                              lifecycle=lifecycle)
            if owner:
                body["owner_id"] = owner
            status, _, created = cls.admin.post("/customers", body)
            assert status == 201, created
            cls.ids[key] = created["id"]

        def invoice(key, amount, day="2026-03-01"):
            status, _, body = cls.admin.post("/invoices", {
                "customer_id": cls.ids[key], "amount": {"amount": amount, "currency": "CNY"},
                "issue_date": day, "due_date": "2026-04-30"})
            assert status == 201, body
            return body

        make("TOP", "east", "2020-01-01", owner=sales_id)
        make("EDGE", "east", "2020-01-01")
        make("NOTE", "north", "2021-01-01")
        make("SMALL", "north", "2020-01-01")
        make("NEW", "north", "2026-05-01", lifecycle="prospect")
        invoice("TOP", "300000.00")
        invoice("EDGE", "299999.99")
        invoice("NOTE", "300000.50")
        invoice("SMALL", "1000.00")
        status, _, body = cls.admin.post("/payments", {
            "customer_id": cls.ids["NOTE"], "kind": "credit_note", "day": "2026-04-01",
            "amount": {"amount": "0.51", "currency": "CNY"}})
        assert status == 201, body

    def classification(self, key, as_of=AS_OF, client=None):
        client = client or self.admin
        return self.assertStatus(client.get(f"/customers/{self.ids[key]}/classification",
                                            query={"as_of": as_of}), 200)

    def test_tiers_exactly_at_the_boundaries(self):
        top = self.classification("TOP")
        self.assertEqual(top["tier"], "A")
        self.assertEqual(top["figures"]["last_12_months"], "300000.00")
        self.assertEqual(top["figures"]["currency"], "CNY")
        self.assertEqual(top["thresholds"]["tier_a_min"], "300000.00")
        self.assertEqual(self.classification("EDGE")["tier"], "B")
        note = self.classification("NOTE")
        self.assertEqual(note["tier"], "B")
        self.assertEqual(note["figures"]["last_12_months"], "299999.99")
        small = self.classification("SMALL")
        self.assertEqual((small["tier"], small["core"], small["long_standing"]), ("C", False, True))
        self.assertEqual((small["time"], small["process"], small["volume"]), ("old", "current", "scattered"))
        new = self.classification("NEW")
        self.assertEqual((new["tier"], new["time"], new["process"]), ("D", "new", "upcoming"))
        # Exactly twelve months after the invoice it has left the window.
        later = self.classification("TOP", as_of="2027-03-01")
        self.assertEqual((later["tier"], later["process"]), ("C", "past"))
        self.assertEqual(self.classification("TOP", as_of="2027-02-28")["tier"], "A")

    def test_thresholds_are_policies(self):
        self.assertStatus(self.admin.request("PUT", "/policies/classification.tier_a_min", {"value": 299999}), 200)
        self.assertEqual(self.classification("NOTE")["tier"], "A")
        self.assertEqual(self.classification("EDGE")["tier"], "A")
        self.assertStatus(self.admin.request("PUT", "/policies/classification.tier_a_min", {"value": 300000}), 200)
        self.assertEqual(self.classification("EDGE")["tier"], "B")

    def test_distribution_adds_up(self):
        for by in ("tier", "grade", "region", "owner"):
            with self.subTest(by=by):
                r = self.assertStatus(self.admin.get("/reports/tiers", query={"as_of": AS_OF, "by": by}), 200)
                self.assertEqual(r["by"], by)
                self.assertEqual(r["total"], 5)
                self.assertEqual(sum(g["count"] for g in r["groups"]), 5)
                self.assertEqual(sum(g["share_bp"] for g in r["groups"]), 10000)
                self.assertIsNone(r["reason"])
        tiers = self.assertStatus(self.admin.get("/reports/tiers", query={"as_of": AS_OF}), 200)
        self.assertEqual([(g["key"], g["count"], g["share_bp"]) for g in tiers["groups"]],
                         [("A", 1, 2000), ("B", 2, 4000), ("C", 1, 2000), ("D", 1, 2000)])
        grades = self.assertStatus(self.admin.get("/reports/grades", query={"as_of": AS_OF}), 200)
        self.assertEqual([g["key"] for g in grades["groups"]], ["I", "II", "III", "IV", ""])
        regions = self.assertStatus(self.admin.get("/reports/tiers", query={"as_of": AS_OF, "by": "region"}), 200)
        self.assertEqual([(g["key"], g["count"]) for g in regions["groups"]], [("north", 3), ("east", 2)])

    def test_scope(self):
        mine = self.assertStatus(self.sales.get("/reports/tiers", query={"as_of": AS_OF}), 200)
        self.assertEqual(mine["total"], 1)
        self.assertEqual([g["count"] for g in mine["groups"]], [1, 0, 0, 0])
        self.assertEqual(sum(g["share_bp"] for g in mine["groups"]), 10000)
        self.assertError(self.sales.get(f"/customers/{self.ids['EDGE']}/classification"), 404, "not_found")
        due = self.assertStatus(self.sales.get("/reviews/due", query={"as_of": "2026-12-31"}), 200)
        self.assertEqual({i["id"] for i in due["items"]}, {self.ids["TOP"]})
        self.assertError(self.sales.post(f"/customers/{self.ids['EDGE']}/reviews", {}), 404, "not_found")
        self.assertError(self.auditor.post(f"/customers/{self.ids['TOP']}/reviews", {}), 403, "forbidden")

    def test_search_by_tier_and_grade(self):
        # CF-8: today's tier (the invoices are within the last twelve months) and the grade on the account.
        def ids(client, **query):
            page = self.assertStatus(client.get("/customers", query=query), 200)
            self.assertEqual(page["total"], len(page["items"]))
            return {i["id"] for i in page["items"]}

        self.assertEqual(ids(self.admin, tier="A"), {self.ids["TOP"]})
        self.assertEqual(ids(self.admin, tier="B"), {self.ids["EDGE"], self.ids["NOTE"]})
        self.assertEqual(ids(self.admin, tier="B", region="north"), {self.ids["NOTE"]})
        self.assertEqual(ids(self.admin, tier="B", q="EDGE阀门"), {self.ids["EDGE"]})
        today = self.assertStatus(self.admin.get("/reports/tiers"), 200)
        for group in today["groups"]:
            with self.subTest(tier=group["key"]):
                self.assertEqual(len(ids(self.admin, tier=group["key"])), group["count"])
        self.assertEqual(ids(self.sales, tier="A"), {self.ids["TOP"]})
        self.assertEqual(ids(self.sales, tier="B"), set())
        self.assertEqual(ids(self.admin, grade="I"), set())
        self.assertError(self.admin.get("/customers", query={"tier": "E"}), 400, "invalid_argument", field="tier")
        self.assertError(self.admin.get("/customers", query={"grade": "V"}), 400, "invalid_argument", field="grade")
        status, _, _ = self.admin.request("GET", "/exports/customers?format=csv&tier=A")
        self.assertEqual(status, 200)
        self.assertError(self.admin.get("/exports/customers", query={"format": "csv", "tier": "E"}), 400,
                         "invalid_argument", field="tier")

    def test_bad_input(self):
        err = self.assertError(self.admin.get("/reports/tiers", query={"by": "colour"}), 400, "invalid_argument",
                               field="by")
        self.assertIn("colour", err["fields"]["by"])
        self.assertError(self.admin.get("/reports/tiers", query={"as_of": "2026-02-30"}), 400, "invalid_argument",
                         field="as_of")
        self.assertError(self.admin.get("/reports/movers"), 400, "invalid_argument", field="kind")
        self.assertError(self.admin.get("/reports/movers", query={"kind": "shrinking"}), 400, "invalid_argument",
                         field="kind")
        self.assertError(self.admin.post(f"/customers/{self.ids['TOP']}/reviews", {"day": "2999-01-01"}), 400,
                         "invalid_argument", field="day")
        self.assertError(self.admin.post(f"/customers/{self.ids['TOP']}/reviews", {"mood": "ok"}), 400,
                         "invalid_argument", field="mood")
        empty = self.assertStatus(self.admin.get("/reports/tiers", query={"as_of": "2000-01-01"}), 200)
        self.assertEqual(empty["total"], 0)
        self.assertTrue(empty["reason"])
        self.assertEqual([g["share_bp"] for g in empty["groups"]], [0, 0, 0, 0])

    def test_reviews_due_and_done(self):
        due = self.assertStatus(self.admin.get("/reviews/due", query={"as_of": AS_OF}), 200)
        by_id = {i["id"]: i for i in due["items"]}
        self.assertEqual(set(by_id), set(self.ids.values()))
        self.assertEqual(by_id[self.ids["TOP"]]["cadence_months"], 2)
        self.assertEqual(by_id[self.ids["SMALL"]]["cadence_months"], 3)
        review = self.assertStatus(self.admin.post(f"/customers/{self.ids['TOP']}/reviews",
                                                   {"day": AS_OF, "notes": "年中复核"}), 201)
        self.assertEqual((review["tier"], review["day"]), ("A", AS_OF))
        after = self.assertStatus(self.admin.get("/reviews/due", query={"as_of": AS_OF}), 200)
        self.assertNotIn(self.ids["TOP"], {i["id"] for i in after["items"]})
        # Tier A: due again two months later.
        again = self.assertStatus(self.admin.get("/reviews/due", query={"as_of": "2026-08-30"}), 200)
        self.assertIn(self.ids["TOP"], {i["id"] for i in again["items"]})
        c = self.classification("TOP")
        self.assertEqual(c["review"], {"last": AS_OF, "next_due": "2026-08-30", "cadence_months": 2})
        listed = self.assertStatus(self.admin.get(f"/customers/{self.ids['TOP']}/reviews"), 200)["items"]
        self.assertEqual(listed[0]["notes"], "年中复核")

    def test_trends_and_movers(self):
        t = self.assertStatus(self.admin.get(f"/customers/{self.ids['NOTE']}/trends", query={"as_of": AS_OF}), 200)
        self.assertEqual(t["years"], [{"year": 2026, "purchases": "299999.99"}])
        self.assertEqual(len(t["quarters"]), 8)
        self.assertEqual(t["quarters"][-1]["quarter"], "2026-Q2")
        self.assertEqual(t["quarters"][-1]["due"], "299999.99")  # the credit note is deducted
        growing = self.assertStatus(self.admin.get("/reports/movers", query={"as_of": "2027-02-28",
                                                                             "kind": "growing"}), 200)
        self.assertEqual(growing["items"], [])
        self.assertIn("50", growing["rule"])
        # Bought in 2026-03, nothing since: lost from six months later.
        lost = self.assertStatus(self.admin.get("/reports/movers", query={"as_of": "2026-09-01",
                                                                          "kind": "lost"}), 200)
        self.assertEqual({i["id"] for i in lost["items"]}, {self.ids[k] for k in ("TOP", "EDGE", "NOTE", "SMALL")})
        self.assertEqual({i["reason"] for i in lost["items"]}, {"no_purchase_since"})
        self.assertEqual(self.assertStatus(self.admin.get("/reports/movers", query={
            "as_of": "2026-08-31", "kind": "lost"}), 200)["items"], [])

    def test_expiring_reports_and_reminders(self):
        self.assertStatus(self.admin.post(f"/customers/{self.ids['SMALL']}/ratings", {
            "agency": "中诚信", "rating": "A", "day": "2025-07-01", "valid_until": "2026-07-15"}), 201)
        r = self.assertStatus(self.admin.get("/reports/expiring-reports", query={"as_of": AS_OF}), 200)
        item = next(i for i in r["items"] if i["id"] == self.ids["SMALL"])
        self.assertEqual((item["source"], item["expires"], item["expired"], item["days_left"]),
                         ("rating", "2026-07-15", False, 15))
        gone = self.assertStatus(self.admin.get("/reports/expiring-reports", query={"as_of": "2026-07-16"}), 200)
        self.assertTrue(next(i for i in gone["items"] if i["id"] == self.ids["SMALL"])["expired"])
        ran = self.assertStatus(self.admin.post("/jobs/report-reminders?as_of=2026-06-30"), 200)
        self.assertTrue(ran["ran"])
        self.assertGreaterEqual(ran["alerts"], 1)
        self.assertFalse(self.assertStatus(self.admin.post("/jobs/report-reminders?as_of=2026-06-30"), 200)["ran"])
        self.assertError(self.sales.post("/jobs/report-reminders?as_of=2026-06-30"), 403, "forbidden")


if __name__ == "__main__":
    unittest.main()
