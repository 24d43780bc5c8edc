"""Orders and the order-time credit check (LC-3…LC-6), invoices and payments (AR-1), over HTTP."""

import datetime
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise, run_cli

PASSWORD = "orders-password-1"
USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    ("sales.e", PASSWORD, ["sales"], "east"),
    ("finance", PASSWORD, ["finance"], None),
    ("auditor", PASSWORD, ["auditor"], None),
    ("rm.e", PASSWORD, ["regional_manager"], "east"),
    ("salesmgr", PASSWORD, ["sales_manager"], None),
)


def line(quantity="2", price="1500.00", product="闸阀", model="Z41H-16C DN100"):
    return {"product": product, "model": model, "quantity": quantity, "unit_price": price}


class OrdersTest(CredoTestCase):
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
        ids = {u["username"]: u["id"] for u in cls.admin.get("/users")[2]["items"]}
        body = enterprise(name="订单测试阀门有限公司", owner_id=ids["sales.e"])
        cls.customer = cls.admin.post("/customers", body)[2]["id"]

    def place(self, client=None, **body):
        body.setdefault("customer_id", self.customer)
        body.setdefault("lines", [line()])
        return (client or self.c["sales.e"]).post("/orders", body)

    def credit(self):
        return self.assertStatus(self.admin.get(f"/customers/{self.customer}/credit"), 200)

    def reconcile(self):
        r = run_cli("credit", "reconcile", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(b"exposure reconciled", r.stdout)

    def test_without_credit_an_order_is_held_with_its_reasons_and_a_prepaid_one_passes(self):
        held = self.assertStatus(self.place(), 201)
        self.assertEqual(held["status"], "credit_hold")
        self.assertIn("prepayment_required", held["reasons"])
        self.assertEqual(held["credit_check"]["outcome"], "credit_hold")
        self.assertEqual(held["amount"], {"amount": "3000.00", "currency": "CNY"})
        self.assertEqual(held["lines"][0]["quantity"], "2")
        self.assertTrue(held["number"].startswith("SO"))
        prepaid = self.assertStatus(self.place(prepayment="3000.00"), 201)
        self.assertEqual(prepaid["status"], "approved")
        self.assertEqual(prepaid["reasons"], [])
        got = self.assertStatus(self.c["sales.e"].get(f"/orders/{held['id']}"), 200)
        self.assertEqual(got["status"], "credit_hold")
        self.assertIsNone(got["credit_check"])
        listed = self.assertStatus(self.c["sales.e"].get("/orders", query={"status": "credit_hold"}), 200)
        self.assertIn(held["id"], [o["id"] for o in listed["items"]])
        self.reconcile()

    def test_a_hold_is_released_by_finance_only_with_a_reason(self):
        held = self.assertStatus(self.place(), 201)
        path = f"/orders/{held['id']}/release"
        self.assertError(self.c["sales.e"].post(path, {"reason": "请放行"}), 403, "forbidden")
        self.assertError(self.c["finance"].post(path, {"reason": ""}), 400, "invalid_argument", field="reason")
        released = self.assertStatus(self.c["finance"].post(path, {"reason": "客户已承诺月底付款"}), 200)
        self.assertEqual(released["status"], "released")
        self.assertEqual(released["release_reason"], "客户已承诺月底付款")
        self.assertError(self.c["finance"].post(path, {"reason": "again"}), 409, "conflict")
        audit = self.assertStatus(self.admin.get("/audit", query={"action": "order.release"}), 200)["items"]
        self.assertIn(str(held["id"]), [e["entity_id"] for e in audit])
        self.assertEqual(self.credit()["reserved_orders"]["amount"] != "0.00", True)
        self.reconcile()

    def test_amend_copy_and_cancel(self):
        order = self.assertStatus(self.place(prepayment="3000.00"), 201)
        # Upward without more prepayment: checked again, held.
        amended = self.assertStatus(self.c["sales.e"].patch(
            f"/orders/{order['id']}", {"prepayment": "3000.00", "lines": [line(quantity="3")]},
            if_match=order["version"]), 200)
        self.assertEqual(amended["status"], "credit_hold")
        self.assertIsNotNone(amended["credit_check"])
        self.assertError(self.c["sales.e"].patch(f"/orders/{order['id']}", {"lines": [line()]},
                                                 if_match=order["version"]), 409, "conflict")
        self.assertError(self.c["sales.e"].patch(f"/orders/{order['id']}", {"lines": [line()]}), 428,
                         "precondition_required")
        copy = self.assertStatus(self.c["sales.e"].post(f"/orders/{order['id']}/copy"), 201)
        self.assertEqual(copy["copied_from"], order["id"])
        self.assertEqual(copy["status"], "credit_hold")  # a copy is checked like any new order
        cancelled = self.assertStatus(self.c["sales.e"].post(f"/orders/{copy['id']}/cancel", {"reason": "重复"}), 200)
        self.assertEqual(cancelled["status"], "cancelled")
        self.assertError(self.c["sales.e"].post(f"/orders/{copy['id']}/cancel", {"reason": "again"}), 409, "conflict")
        self.reconcile()

    def test_bad_orders_name_the_field_and_write_nothing(self):
        before = self.assertStatus(self.admin.get("/orders"), 200)["total"]
        cases = [
            ({"lines": [line(quantity="0")]}, "lines[0].quantity"),
            ({"lines": [line(quantity="-1")]}, "lines[0].quantity"),
            ({"lines": [line(price="10.001")]}, "lines[0].unit_price"),
            ({"lines": []}, "lines"),
            ({"lines": "x"}, "lines"),
            ({"customer_id": 999999}, "customer_id"),
            ({"currency": "XYZ"}, "currency"),
            ({"currency": "USD"}, "currency"),  # no rate
            ({"prepayment": "9999.00"}, "prepayment"),
            ({"discount": "1"}, "discount"),
        ]
        for body, field in cases:
            with self.subTest(field=field, body=body):
                self.assertError(self.place(**body), 400, "invalid_argument", field=field)
        self.assertError(self.place(self.c["auditor"]), 403, "forbidden")
        self.assertEqual(self.assertStatus(self.admin.get("/orders"), 200)["total"], before)
        self.assertError(self.admin.get("/orders", query={"status": "lost"}), 400, "invalid_argument", field="status")

    def test_invoices_and_payments_move_the_exposure(self):
        order = self.assertStatus(self.place(prepayment="3000.00"), 201)
        self.assertError(self.c["sales.e"].post("/invoices", {"order_id": order["id"]}), 403, "forbidden")
        invoice = self.assertStatus(self.c["finance"].post("/invoices", {"order_id": order["id"]}), 201)
        self.assertEqual(invoice["amount"], {"amount": "3000.00", "currency": "CNY"})
        self.assertEqual(invoice["open"], invoice["amount"])
        self.assertError(self.c["finance"].post("/invoices", {"order_id": order["id"]}), 409, "conflict")
        before = self.credit()["receivables"]["amount"]
        bad = self.c["finance"].post("/payments", {
            "customer_id": self.customer, "amount": {"amount": "5000.00", "currency": "CNY"},
            "allocations": [{"invoice_id": invoice["id"], "amount": "3500.00"}]})
        self.assertError(bad, 400, "invalid_argument", field="allocations[0].amount")
        self.assertEqual(self.credit()["receivables"]["amount"], before)
        paid = self.assertStatus(self.c["finance"].post("/payments", {
            "customer_id": self.customer, "amount": {"amount": "1000.00", "currency": "CNY"},
            "allocations": [{"invoice_id": invoice["id"], "amount": "1000.00"}], "reference": "电汇 7781"}), 201)
        self.assertEqual(paid["unallocated"]["amount"], "0.00")
        self.assertEqual(paid["allocations"], [{"invoice_id": invoice["id"],
                                                "amount": {"amount": "1000.00", "currency": "CNY"}}])
        self.reconcile()

    def test_holds_and_exceptions_are_for_finance(self):
        path = f"/customers/{self.customer}/credit"
        self.assertError(self.c["sales.e"].post(path + "/hold", {"on_hold": True, "reason": "x"}), 403, "forbidden")
        account = self.assertStatus(self.c["finance"].post(path + "/hold", {"on_hold": True, "reason": "诉讼中"}), 200)
        self.assertTrue(account["on_hold"])
        held = self.assertStatus(self.place(prepayment="3000.00"), 201)
        self.assertEqual(held["reasons"], ["customer_on_hold"])
        self.assertStatus(self.c["finance"].post(path + "/hold", {"on_hold": False, "reason": "已和解"}), 200)
        self.assertError(self.c["finance"].post(path + "/exceptions", {
            "amount": "5000.00", "start": "2026-12-31", "end": "2026-12-01", "reason": "旺季"}),
            400, "invalid_argument", field="end")
        self.assertStatus(self.c["finance"].post(path + "/exceptions", {
            "amount": "5000.00", "start": "2026-01-01", "end": "2099-12-31", "reason": "旺季"}), 201)
        self.assertEqual(len(self.credit()["exceptions"]), 1)

    # --- a limit through the approval chain (AP-1), and credit orders within it ---------------------

    def test_the_limit_takes_effect_when_the_chain_completes(self):
        body = enterprise(name="授信测试阀门有限公司", owner_id=self.ids_of("sales.e"))
        customer = self.assertStatus(self.admin.post("/customers", body), 201)["id"]
        self.assertError(self.c["finance"].post("/credit-applications", {
            "customer_id": customer, "limit": {"amount": "100000.00"}, "reason": "x"}), 403, "forbidden")
        self.assertError(self.c["sales.e"].post("/credit-applications", {
            "customer_id": customer, "limit": {"amount": "100000.005"}, "reason": "年度合同"}),
            400, "invalid_argument", field="limit")
        a = self.assertStatus(self.c["sales.e"].post("/credit-applications", {
            "customer_id": customer, "limit": {"amount": "100000.00", "currency": "CNY"}, "grade": "II",
            "report_date": "2026-01-15", "term_days": 45, "reason": "年度框架合同"}), 201)
        self.assertEqual(a["status"], "pending")
        self.assertEqual(a["next_step"], "regional_manager")
        path = f"/credit-applications/{a['id']}/decisions"
        self.assertError(self.c["sales.e"].post(path, {"decision": "approve"}), 403, "forbidden")
        self.assertError(self.c["rm.e"].post(path, {"decision": "maybe"}), 400, "invalid_argument", field="decision")
        self.assertEqual(self.assertStatus(self.c["rm.e"].post(path, {"decision": "approve"}), 200)["next_step"],
                         "sales_manager")
        self.assertStatus(self.c["salesmgr"].post(path, {"decision": "approve", "comment": "同意"}), 200)
        self.assertIsNone(self.assertStatus(self.admin.get(f"/customers/{customer}/credit"), 200)["limit"])
        done = self.assertStatus(self.c["finance"].post(path, {"decision": "approve", "comment": "核准"}), 200)
        self.assertEqual(done["status"], "approved")
        self.assertEqual([d["step"] for d in done["decisions"]], ["regional_manager", "sales_manager", "finance"])
        self.assertError(self.c["finance"].post(path, {"decision": "approve"}), 409, "conflict")
        credit = self.assertStatus(self.admin.get(f"/customers/{customer}/credit"), 200)
        self.assertEqual(credit["limit"], {"amount": "100000.00", "currency": "CNY"})
        self.assertEqual(credit["term_days"], 45)
        self.assertEqual(credit["grade"], "II")
        # Within the limit a credit order passes; beyond it, it is held.
        ok = self.assertStatus(self.place(customer_id=customer, lines=[line("60", "1000.00")]), 201)
        self.assertEqual(ok["status"], "approved", ok["reasons"])
        over = self.assertStatus(self.place(customer_id=customer, lines=[line("41", "1000.00")]), 201)
        self.assertEqual(over["reasons"], ["over_limit"])
        self.assertEqual(over["credit_check"]["available"], {"amount": "40000.00", "currency": "CNY"})
        listed = self.assertStatus(self.c["sales.e"].get("/credit-applications", query={"customer_id": customer}), 200)
        self.assertEqual(listed["total"], 1)
        self.reconcile()

    def test_evaluation_and_reevaluation(self):
        factors = {f: 9 for f in ("project_reliability", "funding_strength", "leadership", "bad_credit_records",
                                  "satisfiability", "production_fit", "price_profitability", "stability_potential")}
        body = enterprise(name="评估测试阀门有限公司", owner_id=self.ids_of("sales.e"))
        customer = self.assertStatus(self.admin.post("/customers", body), 201)["id"]
        path = f"/customers/{customer}/evaluations"
        self.assertError(self.c["sales.e"].post(path, {"factors": {**factors, "leadership": 12}}), 400,
                         "invalid_argument", field="factors.leadership")
        self.assertError(self.c["auditor"].post(path, {"factors": factors}), 403, "forbidden")
        e = self.assertStatus(self.c["sales.e"].post(path, {"factors": factors, "comments": "老客户"}), 201)
        self.assertEqual(e["score"], 90)
        self.assertEqual(self.assertStatus(self.c["sales.e"].get(path), 200)["items"][0]["id"], e["id"])
        self.assertError(self.c["sales.e"].post("/jobs/reevaluation"), 403, "forbidden")
        first = self.assertStatus(self.c["finance"].post("/jobs/reevaluation?as_of=2099-01-01"), 200)
        self.assertTrue(first["ran"])
        self.assertGreaterEqual(first["report"]["accounts"], 1)
        again = self.assertStatus(self.admin.post("/jobs/reevaluation?as_of=2099-01-01"), 200)
        self.assertFalse(again["ran"])
        self.assertIsNone(again["report"])
        # No payment history: the grade comes from the evaluation's 90.
        credit = self.assertStatus(self.admin.get(f"/customers/{customer}/credit"), 200)
        self.assertEqual(credit["grade"], "I")
        self.assertEqual(credit["score"], 90)
        self.assertStatus(self.admin.get("/credit-proposals"), 200)

    def test_foreign_currency_orders_convert_at_the_entered_rate(self):
        self.assertError(self.c["sales.e"].post("/fx-rates", {"currency": "EUR", "rate": "7.8"}), 403, "forbidden")
        self.assertError(self.c["finance"].post("/fx-rates", {"currency": "EUR", "rate": "7,8"}), 400,
                         "invalid_argument", field="rate")
        self.assertError(self.c["finance"].post("/fx-rates", {"currency": "CNY", "rate": "1"}), 400,
                         "invalid_argument", field="currency")
        stored = self.assertStatus(self.c["finance"].post("/fx-rates", {
            "currency": "EUR", "day": "2020-01-01", "rate": "7.80000000"}), 201)
        self.assertEqual(stored["rate"], "7.8")
        rates = self.assertStatus(self.c["sales.e"].get("/fx-rates", query={"currency": "EUR"}), 200)
        self.assertEqual(rates["base"], "CNY")
        self.assertEqual(rates["items"][0]["rate"], "7.8")
        order = self.assertStatus(self.place(currency="EUR", prepayment="100.00",
                                             lines=[line("1", "100.00")]), 201)
        self.assertEqual(order["amount"], {"amount": "100.00", "currency": "EUR"})
        self.assertEqual(order["rate"], "7.8")
        self.assertEqual(order["status"], "approved")
        self.reconcile()

    def test_a_justification_sets_the_downgrade_aside(self):
        body = enterprise(name="说明测试阀门有限公司", owner_id=self.ids_of("sales.e"))
        customer = self.assertStatus(self.admin.post("/customers", body), 201)["id"]
        path = f"/customers/{customer}/credit/justifications"
        until = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
        self.assertError(self.c["finance"].post(path, {"reason": "项目款年初到账"}), 400, "invalid_argument",
                         field="valid_until")
        self.assertError(self.c["finance"].post(path, {"reason": "项目款年初到账", "valid_until": until, "by": "x"}),
                         400, "invalid_argument", field="by")
        self.assertError(self.c["finance"].post(path, {"reason": " ", "valid_until": until}), 400,
                         "invalid_argument", field="reason")
        self.assertError(self.c["sales.e"].post(path, {"reason": "项目款年初到账", "valid_until": until}), 403,
                         "forbidden")
        self.assertEqual(self.assertStatus(self.c["sales.e"].get(path), 200)["items"], [])
        j = self.assertStatus(self.c["finance"].post(path, {"reason": "项目款年初到账", "valid_until": until}), 201)
        self.assertEqual((j["day"], j["valid_until"]), (datetime.date.today().isoformat(), until))
        listed = self.assertStatus(self.c["sales.e"].get(path), 200)["items"]
        self.assertEqual([x["id"] for x in listed], [j["id"]])
        self.assertEqual(listed[0]["reason"], "项目款年初到账")
        entries = self.assertStatus(self.admin.get("/audit?action=credit.justification"), 200)["items"]
        self.assertTrue(any(e["entity_id"] == str(customer) for e in entries), entries)

    def test_ratings_and_insurance(self):
        body = enterprise(name="保险测试阀门有限公司", owner_id=self.ids_of("sales.e"))
        customer = self.assertStatus(self.admin.post("/customers", body), 201)["id"]
        self.assertStatus(self.c["finance"].post(f"/customers/{customer}/ratings", {
            "agency": "中诚信", "rating": "AA-", "day": "2026-01-10", "valid_until": "2027-01-09"}), 201)
        self.assertError(self.c["finance"].post(f"/customers/{customer}/ratings", {"agency": "", "rating": "A"}),
                         400, "invalid_argument", field="agency")
        self.assertError(self.c["sales.e"].post(f"/customers/{customer}/ratings", {"agency": "x", "rating": "A"}),
                         403, "forbidden")
        self.assertError(self.c["finance"].post(f"/customers/{customer}/insurance", {
            "insurer": "中国信保", "policy_number": "P-1", "covered": {"amount": "-1.00", "currency": "CNY"},
            "start": "2026-01-01", "end": "2099-12-31"}), 400, "invalid_argument", field="covered.amount")
        self.assertStatus(self.c["finance"].post(f"/customers/{customer}/insurance", {
            "insurer": "中国信保", "policy_number": "P-1", "covered": {"amount": "1000.00", "currency": "CNY"},
            "start": "2026-01-01", "end": "2099-12-31"}), 201)
        order = self.assertStatus(self.place(customer_id=customer, prepayment="3000.00"), 201)
        self.assertStatus(self.c["finance"].post("/invoices", {"order_id": order["id"]}), 201)
        credit = self.assertStatus(self.admin.get(f"/customers/{customer}/credit"), 200)
        self.assertEqual(credit["insured"], {"amount": "1000.00", "currency": "CNY"})
        self.assertEqual(credit["uninsured"], {"amount": "2000.00", "currency": "CNY"})
        self.assertEqual(credit["ratings"][0]["rating"], "AA-")
        self.assertEqual(credit["insurance"][0]["policy_number"], "P-1")

    def test_behaviour_grade_and_score_as_of_a_date_with_their_reasons(self):
        body = enterprise(name="行为测试阀门有限公司", owner_id=self.ids_of("sales.e"))
        customer = self.assertStatus(self.admin.post("/customers", body), 201)["id"]
        # 1,000.00 due on 2026-01-31, 800.00 of it paid that day: 80 % collected, one late item.
        invoice = self.assertStatus(self.c["finance"].post("/invoices", {
            "customer_id": customer, "amount": {"amount": "1000.00", "currency": "CNY"},
            "issue_date": "2026-01-01", "due_date": "2026-01-31"}), 201)
        self.assertStatus(self.c["finance"].post("/payments", {
            "customer_id": customer, "amount": {"amount": "800.00", "currency": "CNY"}, "day": "2026-01-31",
            "allocations": [{"invoice_id": invoice["id"], "amount": "800.00"}]}), 201)
        b = self.assertStatus(self.c["sales.e"].get(f"/customers/{customer}/credit/behaviour",
                                                    query={"as_of": "2026-03-31"}), 200)
        self.assertEqual(b["amount_due"], {"amount": "1000.00", "currency": "CNY"})
        self.assertEqual(b["collected_bp"], 8000)
        self.assertEqual(b["grade"], "II")
        self.assertEqual(b["grade_reasons"], ["collected_ratio_at_least_80"])
        self.assertEqual(100 - b["score"], sum(r["points"] for r in b["score_reasons"]))
        # Before anything fell due there is no history and no evaluation: no grade.
        early = self.assertStatus(self.c["sales.e"].get(f"/customers/{customer}/credit/behaviour",
                                                        query={"as_of": "2026-01-15"}), 200)
        self.assertIsNone(early["grade"])
        self.assertError(self.c["sales.e"].get(f"/customers/{customer}/credit/behaviour",
                                               query={"as_of": "2026-02-30"}), 400, "invalid_argument", field="as_of")

    def ids_of(self, username):
        return {u["username"]: u["id"] for u in self.admin.get("/users")[2]["items"]}[username]


if __name__ == "__main__":
    unittest.main()
