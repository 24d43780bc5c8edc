"""Receivables aging and KPIs over HTTP (AR-2, AR-3): a small ledger entered through the API, its buckets
at their boundaries, per currency and in the base currency, grouped three ways, within each reader's
scope; bad input names the parameter."""

import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise

PASSWORD = "reports-password-1"
USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    ("sales.e", PASSWORD, ["sales"], "east"),
    ("sales.e2", PASSWORD, ["sales"], "east"),
    ("finance", PASSWORD, ["finance"], None),
    ("rm.n", PASSWORD, ["regional_manager"], "north"),
)


class ReceivablesReportsTest(CredoTestCase):
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
        admin, finance = cls.c["admin"], cls.c["finance"]
        cls.ids = {u["username"]: u["id"] for u in admin.get("/users")[2]["items"]}

        def customer(name, region, owner):
            body = enterprise(name=name, region=region)
            if owner:
                body["owner_id"] = cls.ids[owner]
            status, _, created = admin.post("/customers", body)
            assert status == 201, created
            return created["id"]

        def invoice(customer_id, amount, issue, due, currency="CNY"):
            status, _, inv = finance.post("/invoices", {
                "customer_id": customer_id, "amount": {"amount": amount, "currency": currency},
                "issue_date": issue, "due_date": due})
            assert status == 201, inv
            return inv["id"]

        cls.own = customer("账龄测试阀门有限公司", "east", "sales.e")
        cls.same = customer("账龄测试管件有限公司", "east", "sales.e2")
        cls.north = customer("账龄测试机械有限公司", "north", None)
        assert admin.post("/fx-rates", {"currency": "USD", "day": "2025-12-01", "rate": "7.0"})[0] == 201
        # OWN: 1,000.00 due 01-31, 300.00 paid on 02-10; 200.00 due 03-02. SAME: 500.00 due 02-04.
        # NORTH: 100.00 USD due 01-20 (700.00 CNY at 7.0).
        first = invoice(cls.own, "1000.00", "2026-01-01", "2026-01-31")
        status, _, paid = finance.post("/payments", {
            "customer_id": cls.own, "amount": {"amount": "300.00", "currency": "CNY"}, "day": "2026-02-10",
            "allocations": [{"invoice_id": first, "amount": "300.00"}]})
        assert status == 201, paid
        invoice(cls.own, "200.00", "2026-02-01", "2026-03-02")
        invoice(cls.same, "500.00", "2026-01-05", "2026-02-04")
        invoice(cls.north, "100.00", "2026-01-10", "2026-01-20", "USD")

    def aging(self, who="admin", **query):
        return self.assertStatus(self.c[who].get("/reports/aging", query=query), 200)

    @staticmethod
    def row(report, key):
        return next(r for r in report["rows"] if r["key"] == str(key))

    def test_buckets_per_customer_per_currency_and_in_the_base_currency(self):
        r = self.aging(as_of="2026-03-02")
        self.assertEqual(r["buckets"], ["not_due", "d1_30", "d31_60", "d61_90", "over_90"])
        self.assertEqual(r["base_currency"], "CNY")
        self.assertIsNone(r["note"])
        own = self.row(r, self.own)
        # 1,000.00 less 300.00 is 30 days past due (d1_30); 200.00 falls due on as_of itself (not due).
        self.assertEqual(own["amounts"], {"currency": "CNY", "not_due": "200.00", "d1_30": "700.00",
                                          "d31_60": "0.00", "d61_90": "0.00", "over_90": "0.00",
                                          "total": "900.00", "past_due": "700.00"})
        self.assertEqual(own["label"], "账龄测试阀门有限公司")
        self.assertTrue(own["code"])
        north = self.row(r, self.north)
        self.assertEqual(north["amounts"]["d31_60"], "700.00")  # 41 days past due, 100 USD at 7.0
        self.assertEqual(north["currencies"][0]["currency"], "USD")
        self.assertEqual(north["currencies"][0]["d31_60"], "100.00")
        self.assertEqual(r["total"]["total"], "2100.00")
        self.assertEqual(r["total"]["d1_30"], "1200.00")
        currencies = {c["currency"]: c for c in r["currencies"]}
        self.assertEqual(currencies["CNY"]["total"], "1400.00")
        self.assertEqual(currencies["USD"]["total"], "100.00")
        self.assertEqual(currencies["USD"]["rate"], "7.0")
        self.assertEqual(r["unconverted"], [])
        # A day later: day 31 of the first (d31_60), day 1 of the second (d1_30). Before the payment: all
        # 1,000.00 open.
        later = self.row(self.aging(as_of="2026-03-03"), self.own)["amounts"]
        self.assertEqual((later["not_due"], later["d1_30"], later["d31_60"]), ("0.00", "200.00", "700.00"))
        before = self.row(self.aging(as_of="2026-02-09"), self.own)["amounts"]
        self.assertEqual((before["d1_30"], before["not_due"]), ("1000.00", "200.00"))

    def test_grouped_by_region_and_owner_the_rows_add_up_to_the_same_total(self):
        by_region = self.aging(as_of="2026-03-02", group_by="region")
        self.assertEqual([(r["key"], r["customers"], r["amounts"]["total"]) for r in by_region["rows"]],
                         [("east", 2, "1400.00"), ("north", 1, "700.00")])
        by_owner = self.aging(as_of="2026-03-02", group_by="owner")
        owners = {r["key"]: r for r in by_owner["rows"]}
        self.assertEqual(owners[str(self.ids["sales.e"])]["amounts"]["total"], "900.00")
        self.assertEqual(owners[""]["amounts"]["total"], "700.00")
        self.assertEqual(by_owner["total"], by_region["total"])
        east = self.aging(as_of="2026-03-02", region="east")
        self.assertEqual({r["key"] for r in east["rows"]}, {str(self.own), str(self.same)})
        mine = self.aging(as_of="2026-03-02", owner=self.ids["sales.e2"])
        self.assertEqual([r["key"] for r in mine["rows"]], [str(self.same)])

    def test_each_reader_sees_only_its_scope(self):
        sales = self.aging("sales.e", as_of="2026-03-02")
        self.assertEqual([r["key"] for r in sales["rows"]], [str(self.own)])
        self.assertEqual(sales["total"]["total"], "900.00")
        # Asking for another salesperson's customers gives nothing, not theirs.
        other = self.aging("sales.e", as_of="2026-03-02", owner=self.ids["sales.e2"])
        self.assertEqual(other["rows"], [])
        self.assertEqual(other["total"]["total"], "0.00")
        north = self.aging("rm.n", as_of="2026-03-02")
        self.assertEqual([r["key"] for r in north["rows"]], [str(self.north)])
        kpis = self.assertStatus(self.c["sales.e"].get("/reports/kpis", query={"from": "2026-01", "to": "2026-01"}),
                                 200)
        self.assertEqual(kpis["months"][0]["totals"]["invoiced"], "1000.00")

    def test_before_any_invoice_the_report_is_empty_and_says_why(self):
        r = self.aging(as_of="2025-06-30")
        self.assertEqual(r["rows"], [])
        self.assertEqual(r["total"]["total"], "0.00")
        self.assertIn("2026-01-01", r["note"])

    def test_monthly_kpis(self):
        r = self.assertStatus(self.c["admin"].get("/reports/kpis", query={"from": "2026-01", "to": "2026-03"}), 200)
        self.assertEqual([m["month"] for m in r["months"]], ["2026-01", "2026-02", "2026-03"])
        jan = r["months"][0]
        # Invoiced 1,000 + 500 + 700 (100 USD); all open at the end of January, NORTH's 700 past due.
        self.assertEqual(jan["totals"]["invoiced"], "2200.00")
        self.assertEqual(jan["totals"]["open"], "2200.00")
        self.assertEqual(jan["dso_days"], 31)
        self.assertEqual(jan["overdue_ratio_bp"], 3181)
        # Due by January's end: OWN's 1,000 (due 01-31) and NORTH's 700; nothing collected.
        self.assertEqual(jan["totals"]["due"], "1700.00")
        self.assertEqual(jan["collection_rate_bp"], 0)
        self.assertIsNone(jan["fulfilment_rate_bp"])  # no orders
        self.assertEqual(jan["bad_debt_ratio_bp"], 0)
        feb = r["months"][1]
        # February: 300.00 of what was due (700 + 1,000 + 500 due 02-04) collected.
        self.assertEqual(feb["totals"]["due"], "2200.00")
        self.assertEqual(feb["totals"]["collected"], "300.00")
        self.assertEqual(feb["collection_rate_bp"], 1363)
        self.assertTrue(any("write-off" in n for n in r["notes"]), r["notes"])
        default = self.assertStatus(self.c["admin"].get("/reports/kpis"), 200)
        self.assertEqual(len(default["months"]), 12)
        # Taken on 01-15: January over its fifteen days so far (DSO 2200 / 2200 × 15), February not yet.
        early = self.assertStatus(self.c["admin"].get("/reports/kpis", query={
            "from": "2026-01", "to": "2026-02", "as_of": "2026-01-15"}), 200)
        self.assertEqual(early["months"][0]["totals"]["invoiced"], "2200.00")
        self.assertEqual(early["months"][0]["totals"]["overdue"], "0.00")
        self.assertEqual(early["months"][0]["dso_days"], 15)
        self.assertIsNone(early["months"][1]["dso_days"])
        self.assertEqual(early["months"][1]["totals"]["open"], "0.00")

    def test_bad_input_names_the_parameter(self):
        admin = self.c["admin"]
        self.assertError(admin.get("/reports/aging", query={"group_by": "supplier"}), 400, "invalid_argument",
                         field="group_by")
        self.assertError(admin.get("/reports/aging", query={"as_of": "2026-02-30"}), 400, "invalid_argument",
                         field="as_of")
        self.assertError(admin.get("/reports/aging", query={"region": "atlantis"}), 400, "invalid_argument",
                         field="region")
        self.assertError(admin.get("/reports/aging", query={"owner": "0"}), 400, "invalid_argument", field="owner")
        self.assertError(admin.get("/reports/aging", query={"sort": "x"}), 400, "invalid_argument", field="sort")
        self.assertError(admin.get("/reports/kpis", query={"from": "2026-03", "to": "2026-01"}), 400,
                         "invalid_argument", field="from")
        self.assertError(admin.get("/reports/kpis", query={"from": "2026-13"}), 400, "invalid_argument", field="from")
        self.assertError(admin.get("/reports/kpis", query={"to": "2026-1"}), 400, "invalid_argument", field="to")
        self.assertError(admin.get("/reports/kpis", query={"from": "2020-01", "to": "2026-01"}), 400,
                         "invalid_argument", field="to")


if __name__ == "__main__":
    unittest.main()
