"""Management reports over HTTP (RP-2, RP-3): both ends and anomalies as of a date, scoped to the reader,
and the job that raises the anomalies into management's inboxes once per date."""

import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise

PASSWORD = "reports-password-1"
USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    ("sales.e", PASSWORD, ["sales"], "east"),
    ("finance", PASSWORD, ["finance"], None),
    ("salesmgr", PASSWORD, ["sales_manager"], None),
)
AS_OF = "2026-06-30"


class ManagementReportsTest(CredoTestCase):
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
        ids = {u["username"]: u["id"] for u in cls.c["admin"].get("/users")[2]["items"]}
        mine = ids["sales.e"]
        cls.big = cls.customer("报表大客户阀门有限公司", mine)
        cls.risky = cls.customer("报表拖欠机械有限公司", mine)
        cls.drop = cls.customer("报表下滑贸易有限公司", mine)
        cls.lost = cls.customer("报表流失工程有限公司", None)  # in the pool: not the salesperson's
        cls.paid(cls.big, "100000.00", "2025-09-10", "2025-10-10", "2025-10-08")
        cls.paid(cls.big, "200000.00", "2026-05-10", "2026-06-10", "2026-06-09")
        cls.invoice(cls.risky, "80000.00", "2026-04-01", "2026-04-20")  # 71 days past due on AS_OF
        cls.invoice(cls.risky, "10000.00", "2026-06-20", "2026-06-25")  # fell overdue within the week
        cls.paid(cls.drop, "100000.00", "2025-05-01", "2025-05-31", "2025-05-30")
        cls.paid(cls.drop, "40000.00", "2026-05-01", "2026-05-31", "2026-05-30")  # 40 % of a year before
        cls.paid(cls.lost, "40000.00", "2025-03-15", "2025-04-15", "2025-04-10")  # nothing since

    @classmethod
    def customer(cls, name, owner):
        body = enterprise(name=name, owner_id=owner)
        if owner is None:
            body.pop("owner_id", None)
        return cls.c["admin"].post("/customers", body)[2]["id"]

    @classmethod
    def invoice(cls, customer, amount, issued, due):
        status, _, body = cls.c["finance"].post("/invoices", {
            "customer_id": customer, "amount": {"amount": amount, "currency": "CNY"},
            "issue_date": issued, "due_date": due})
        assert status == 201, body
        return body

    @classmethod
    def paid(cls, customer, amount, issued, due, day):
        inv = cls.invoice(customer, amount, issued, due)
        status, _, body = cls.c["finance"].post("/payments", {
            "customer_id": customer, "amount": {"amount": amount, "currency": "CNY"}, "day": day,
            "allocations": [{"invoice_id": inv["id"], "amount": amount}]})
        assert status == 201, body

    def test_both_ends_side_by_side(self):
        r = self.assertStatus(self.c["finance"].get("/reports/both-ends", query={"as_of": AS_OF, "limit": 2}), 200)
        self.assertEqual(r["currency"], "CNY")
        self.assertEqual([b["customer"]["id"] for b in r["biggest"]], [self.big, self.risky])
        self.assertEqual(r["biggest"][0]["purchases"], {"amount": "300000.00", "currency": "CNY"})
        self.assertEqual(r["total_purchases"]["amount"], "430000.00")  # 300,000 + 90,000 + 40,000: the rest is older
        riskiest = r["riskiest"]
        self.assertEqual(riskiest[0]["customer"]["id"], self.risky)
        self.assertEqual(riskiest[0]["overdue"]["amount"], "90000.00")
        self.assertEqual(riskiest[0]["max_days_past_due"], 71)
        self.assertEqual(len(riskiest), 1)  # the others owe nothing past due and have no bad grade
        # The salesperson sees its own files only.
        mine = self.assertStatus(self.c["sales.e"].get("/reports/both-ends", query={"as_of": AS_OF}), 200)
        self.assertEqual(mine["customers"], 3)
        self.assertEqual(r["customers"], 4)
        # Bad input names the parameter.
        self.assertError(self.c["finance"].get("/reports/both-ends", query={"limit": 0}), 400, "invalid_argument",
                         field="limit")
        self.assertError(self.c["finance"].get("/reports/both-ends", query={"as_of": "2026-02-30"}), 400,
                         "invalid_argument", field="as_of")
        self.assertError(self.c["finance"].get("/reports/both-ends", query={"top": 3}), 400, "invalid_argument",
                         field="top")
        # Before any data: empty, not an error.
        empty = self.assertStatus(self.c["finance"].get("/reports/both-ends", query={"as_of": "2000-01-01"}), 200)
        self.assertEqual((empty["biggest"], empty["riskiest"]), ([], []))

    def test_anomalies_and_their_alerts(self):
        r = self.assertStatus(self.c["finance"].get("/reports/anomalies", query={"as_of": AS_OF}), 200)
        found = {(a["kind"], a["customer"]["id"]) for a in r["items"]}
        self.assertEqual(found, {("new_overdue", self.risky), ("purchase_drop", self.drop),
                                 ("lost_customer", self.lost)})
        self.assertEqual(r["counts"]["lost_customer"], 1)
        self.assertEqual(sum(r["counts"].values()), len(r["items"]))
        mine = self.assertStatus(self.c["sales.e"].get("/reports/anomalies", query={"as_of": AS_OF}), 200)
        self.assertNotIn(self.lost, [a["customer"]["id"] for a in mine["items"]])

        self.assertError(self.c["sales.e"].post(f"/jobs/alerts?as_of={AS_OF}"), 403, "forbidden")
        ran = self.assertStatus(self.c["salesmgr"].post(f"/jobs/alerts?as_of={AS_OF}"), 200)
        self.assertTrue(ran["ran"])
        again = self.assertStatus(self.c["admin"].post(f"/jobs/alerts?as_of={AS_OF}"), 200)
        self.assertFalse(again["ran"])
        inbox = self.assertStatus(self.c["salesmgr"].get("/alerts"), 200)["items"]
        anomalies = [a for a in inbox if a["kind"] == "anomaly"]
        self.assertEqual({(a["params"]["anomaly"], a["customer"]["id"]) for a in anomalies}, found)
        drop = next(a for a in anomalies if a["params"]["anomaly"] == "purchase_drop")
        self.assertEqual((drop["params"]["recent"], drop["params"]["year_before"]), ("40000.00", "100000.00"))
        # The owner hears of its own customers; the next day's run raises nothing it already had.
        owner = self.assertStatus(self.c["sales.e"].get("/alerts"), 200)["items"]
        self.assertEqual({a["customer"]["id"] for a in owner if a["kind"] == "anomaly"}, {self.risky, self.drop})
        self.assertStatus(self.c["salesmgr"].post("/jobs/alerts?as_of=2026-07-01"), 200)
        later = self.assertStatus(self.c["salesmgr"].get("/alerts"), 200)["items"]
        self.assertEqual(len([a for a in later if a["kind"] == "anomaly" and a["params"]["anomaly"] == "lost_customer"]), 1)

    def test_the_management_report_as_xlsx_and_pdf(self):
        import io
        import zipfile
        status, headers, body = self.c["finance"].request("GET", f"/reports/management?as_of={AS_OF}&format=xlsx")
        self.assertEqual(status, 200)
        self.assertIn("credo-management-2026-06-30.xlsx", headers.get("Content-Disposition", ""))
        sheets = zipfile.ZipFile(io.BytesIO(body)).namelist()
        self.assertIn("xl/workbook.xml", sheets)
        strings = zipfile.ZipFile(io.BytesIO(body)).read("xl/sharedStrings.xml").decode()
        for name in ("报表大客户阀门有限公司", "报表拖欠机械有限公司", "Days late", "Lost customer"):
            self.assertIn(name, strings)
        status, headers, body = self.c["finance"].request(
            "GET", f"/reports/management?as_of={AS_OF}&format=pdf&language=zh-CN")
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Content-Type"), "application/pdf")
        self.assertTrue(body.startswith(b"%PDF-"), body[:20])
        self.assertGreater(len(body), 5000)
        self.assertError(self.c["finance"].get("/reports/management", query={"format": "docx"}), 400,
                         "invalid_argument", field="format")
        self.assertError(self.c["finance"].get("/reports/management", query={"language": "fr"}), 400,
                         "invalid_argument", field="language")
        audit = self.assertStatus(self.c["admin"].get("/audit", query={"action": "report.export"}), 200)["items"]
        self.assertEqual({e["details"]["format"] for e in audit}, {"xlsx", "pdf"})


if __name__ == "__main__":
    unittest.main()
