"""Reminders, collection cases, promises to pay and write-offs (AR-4, AR-1), over HTTP."""

import asyncio
import email
import email.policy
import threading
import time
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise, free_port, run_cli

PASSWORD = "collect-password-1"
USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    ("sales.e", PASSWORD, ["sales"], "east"),
    ("sales.e2", PASSWORD, ["sales"], "east"),
    ("rm.n", PASSWORD, ["regional_manager"], "north"),
    ("finance", PASSWORD, ["finance"], None),
    ("finance2", PASSWORD, ["finance"], None),
    ("exec", PASSWORD, ["executive"], None),
    ("commerce", PASSWORD, ["commerce"], None),
)


class CollectionsTest(CredoTestCase):
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

    def customer(self, owner="sales.e"):
        body = enterprise(owner_id=self.ids[owner])
        return self.assertStatus(self.admin.post("/customers", body), 201)["id"]

    def invoice(self, customer, amount, due, issue="2025-01-01"):
        return self.assertStatus(self.c["finance"].post("/invoices", {
            "customer_id": customer, "amount": {"amount": amount, "currency": "CNY"},
            "issue_date": issue, "due_date": due}), 201)

    def pay(self, customer, invoice, amount, day):
        return self.assertStatus(self.c["finance"].post("/payments", {
            "customer_id": customer, "amount": {"amount": amount, "currency": "CNY"}, "day": day,
            "allocations": [{"invoice_id": invoice["id"], "amount": amount}]}), 201)

    def reconcile(self):
        r = run_cli("credit", "reconcile", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(b"exposure reconciled", r.stdout)

    def credit(self, customer):
        return self.assertStatus(self.admin.get(f"/customers/{customer}/credit"), 200)

    # --- reminders ------------------------------------------------------------------------------------

    def test_reminders_list_every_item_due_that_day_once_and_never_what_is_paid(self):
        cust = self.customer()
        due_0a = self.invoice(cust, "100.00", "2025-03-10")
        due_0b = self.invoice(cust, "50.00", "2025-03-10")
        plus_7 = self.invoice(cust, "70.00", "2025-03-03")
        minus_7 = self.invoice(cust, "30.00", "2025-03-17")
        self.invoice(cust, "20.00", "2025-03-11")  # one day before its due date: not a reminder day
        paid = self.invoice(cust, "40.00", "2025-03-10")
        self.pay(cust, paid, "40.00", "2025-03-09")
        paid_later = self.invoice(cust, "60.00", "2025-02-08")  # +30 on the day, paid only afterwards
        self.pay(cust, paid_later, "60.00", "2025-03-15")
        partly = self.invoice(cust, "90.00", "2025-01-09")  # +60, partly paid before: reminded of the rest
        self.pay(cust, partly, "15.00", "2025-03-01")

        self.assertError(self.c["sales.e"].post("/jobs/reminders?as_of=2025-03-10"), 403, "forbidden")
        ran = self.assertStatus(self.c["finance"].post("/jobs/reminders?as_of=2025-03-10"), 200)
        self.assertTrue(ran["ran"])
        self.assertGreaterEqual(ran["report"]["customers"], 1)
        again = self.assertStatus(self.admin.post("/jobs/reminders?as_of=2025-03-10"), 200)
        self.assertFalse(again["ran"])
        self.assertIsNone(again["report"])

        reminders = self.assertStatus(self.c["sales.e"].get(f"/customers/{cust}/reminders"), 200)["items"]
        self.assertEqual(len(reminders), 1, reminders)
        self.assertEqual(reminders[0]["day"], "2025-03-10")
        items = {i["number"]: i for i in reminders[0]["items"]}
        self.assertEqual(set(items), {due_0a["number"], due_0b["number"], plus_7["number"], minus_7["number"],
                                      paid_later["number"], partly["number"]})
        self.assertEqual(items[minus_7["number"]]["offset"], -7)
        self.assertEqual(items[plus_7["number"]]["offset"], 7)
        self.assertEqual(items[paid_later["number"]]["offset"], 30)
        self.assertEqual(items[partly["number"]]["offset"], 60)
        self.assertEqual(items[partly["number"]]["open"], {"amount": "75.00", "currency": "CNY"})
        # One message in the owner's inbox, listing them all.
        inbox = self.assertStatus(self.c["sales.e"].get("/alerts"), 200)["items"]
        mine = [a for a in inbox if a["kind"] == "reminder" and (a["customer"] or {}).get("id") == cust]
        self.assertEqual(len(mine), 1, inbox)
        self.assertEqual(mine[0]["params"]["count"], 6)
        # Outside the reader's scope the reminders are not found.
        self.assertError(self.c["sales.e2"].get(f"/customers/{cust}/reminders"), 404, "not_found")

        # The command line runs the same job, once per date; a changed policy changes the days.
        self.assertStatus(self.admin.request("PUT", "/policies/reminders.offset_1", {"value": -1}), 200)
        r = run_cli("jobs", "run", "reminders", "--as-of", "2025-03-10", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"had already run", r.stdout)
        r = run_cli("jobs", "run", "reminders", "--as-of", "2025-03-16", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"ran", r.stdout)
        self.assertStatus(self.admin.request("PUT", "/policies/reminders.offset_1", {"value": -7}), 200)
        reminders = self.assertStatus(self.admin.get(f"/customers/{cust}/reminders"), 200)["items"]
        self.assertEqual([r["day"] for r in reminders], ["2025-03-16", "2025-03-10"])
        self.assertEqual([i["number"] for i in reminders[0]["items"]], [minus_7["number"]])
        self.assertError(self.admin.request("PUT", "/policies/reminders.offset_2", {"value": 400}), 400,
                         "invalid_argument", field="value")

    # --- collection cases -----------------------------------------------------------------------------

    def test_a_case_moves_forward_records_actions_and_promises_and_closes_with_an_outcome(self):
        cust = self.customer()
        late = self.invoice(cust, "1000.00", "2025-04-30", issue="2025-04-01")
        self.invoice(cust, "500.00", "2099-01-31", issue="2025-04-01")  # not yet due: not covered by default
        sales = self.c["sales.e"]
        case = self.assertStatus(sales.post("/collection-cases", {"customer_id": cust, "note": "逾期催收",
                                                                  "opened_on": "2025-05-15"}), 201)
        self.assertEqual(case["stage"], "reminder")
        self.assertEqual(case["status"], "open")
        self.assertEqual([i["id"] for i in case["invoices"]], [late["id"]])
        self.assertError(sales.post("/collection-cases", {"customer_id": cust}), 409, "conflict")
        path = f"/collection-cases/{case['id']}"

        moved = self.assertStatus(sales.post(f"{path}/stage", {"stage": "formal_demand", "day": "2025-06-01"}), 200)
        self.assertEqual(moved["stage"], "formal_demand")
        self.assertError(sales.post(f"{path}/stage", {"stage": "warning"}), 400, "invalid_argument", field="reason")
        self.assertError(sales.post(f"{path}/stage", {"stage": "formal_demand"}), 400, "invalid_argument",
                         field="stage")
        self.assertError(sales.post(f"{path}/stage", {"stage": "court"}), 400, "invalid_argument", field="stage")
        back = self.assertStatus(sales.post(f"{path}/stage", {"stage": "warning", "reason": "客户已联系，先警告"}), 200)
        self.assertEqual(back["stage"], "warning")

        self.assertStatus(sales.post(f"{path}/actions", {"kind": "call", "day": "2025-06-02", "note": "电话催款"}), 201)
        self.assertStatus(sales.post(f"{path}/actions", {"kind": "visit", "day": "2025-06-05", "note": "上门拜访"}), 201)
        self.assertError(sales.post(f"{path}/actions", {"kind": "fax"}), 400, "invalid_argument", field="kind")
        self.assertError(sales.post(f"{path}/actions", {"kind": "call", "day": "2999-01-01"}), 400,
                         "invalid_argument", field="day")

        # Kept: 300 promised by 06-30, paid 300 on 06-20. Broken: 400 by 07-15, only 100 paid by then.
        kept = {"amount": {"amount": "300.00", "currency": "CNY"}, "promised_date": "2025-06-30",
                "made_on": "2025-06-05", "note": "月底前付300"}
        broken = {"amount": "400.00", "promised_date": "2025-07-15", "made_on": "2025-07-01"}
        self.assertStatus(sales.post(f"{path}/promises", kept), 201)
        self.assertStatus(sales.post(f"{path}/promises", broken), 201)
        self.assertError(sales.post(f"{path}/promises", {"amount": "-1", "promised_date": "2025-07-15"}), 400,
                         "invalid_argument", field="amount")
        self.assertError(sales.post(f"{path}/promises", {"amount": "1.00", "promised_date": "2025-05-01",
                                                         "made_on": "2025-06-01"}), 400, "invalid_argument",
                         field="promised_date")
        self.pay(cust, late, "300.00", "2025-06-20")
        self.pay(cust, late, "100.00", "2025-07-10")

        got = self.assertStatus(sales.get(path, query={"as_of": "2025-07-01"}), 200)
        self.assertEqual([p["state"] for p in got["promises"]], ["kept", "pending"])
        got = self.assertStatus(sales.get(path, query={"as_of": "2025-07-16"}), 200)
        self.assertEqual([p["state"] for p in got["promises"]], ["kept", "broken"])
        self.assertEqual(got["promises"][1]["collected"], {"amount": "100.00", "currency": "CNY"})
        timeline = [(a["kind"], a["to_stage"]) for a in got["actions"]]
        self.assertEqual(timeline, [("stage", "formal_demand"), ("call", None), ("visit", None),
                                    ("stage", "warning")])
        listed = self.assertStatus(sales.get("/collection-cases", query={"customer_id": cust,
                                                                         "as_of": "2025-07-16"}), 200)
        self.assertEqual(listed["items"][0]["broken_promises"], 1)

        # The daily run alerts the broken promise to the owner, once.
        self.assertStatus(self.c["finance"].post("/jobs/reminders?as_of=2025-07-20"), 200)
        self.assertStatus(self.c["finance"].post("/jobs/reminders?as_of=2025-07-21"), 200)
        inbox = self.assertStatus(sales.get("/alerts"), 200)["items"]
        alerts = [a for a in inbox if a["kind"] == "promise_broken" and (a["customer"] or {}).get("id") == cust]
        self.assertEqual(len(alerts), 1, inbox)
        self.assertEqual(alerts[0]["params"]["amount"], "400.00")

        self.assertError(sales.post(f"{path}/close", {"outcome": "vanished"}), 400, "invalid_argument",
                         field="outcome")
        # A missing member or one the command does not know is named, and the case is unchanged.
        before = self.assertStatus(sales.get(path), 200)
        for verb, body, field in (("stage", {}, "stage"), ("stage", {"stage": "legal", "mood": "x"}, "mood"),
                                  ("actions", {"note": "no kind"}, "kind"),
                                  ("promises", {"amount": "1.00"}, "promised_date"),
                                  ("promises", {"promised_date": "2025-07-15"}, "amount"),
                                  ("close", {"note": "no outcome"}, "outcome"),
                                  ("close", {"outcome": "paid", "day": "30/06/2025"}, "day")):
            with self.subTest(verb=verb, field=field):
                self.assertError(sales.post(f"{path}/{verb}", body), 400, "invalid_argument", field=field)
        self.assertEqual(self.assertStatus(sales.get(path), 200), before)
        closed = self.assertStatus(sales.post(f"{path}/close", {"outcome": "partially_paid", "note": "余款另议"}), 200)
        self.assertEqual((closed["status"], closed["outcome"]), ("closed", "partially_paid"))
        self.assertError(sales.post(f"{path}/actions", {"kind": "call"}), 409, "conflict")
        # Closed, the customer may have a new case.
        again = self.assertStatus(self.c["finance"].post("/collection-cases", {
            "customer_id": cust, "invoices": [late["id"]], "stage": "legal"}), 201)
        self.assertEqual(again["stage"], "legal")

    def test_cases_are_seen_within_scope(self):
        own = self.customer("sales.e")
        other = self.customer("sales.e2")
        for cust in (own, other):
            self.invoice(cust, "10.00", "2025-05-01", issue="2025-04-01")
            self.assertStatus(self.c["finance"].post("/collection-cases", {"customer_id": cust}), 201)
        seen = {k["customer_id"] for k in self.c["sales.e"].get("/collection-cases", query={"page_size": 200})[2]["items"]}
        self.assertIn(own, seen)
        self.assertNotIn(other, seen)
        self.assertEqual(self.c["rm.n"].get("/collection-cases")[2]["total"], 0)
        finance_seen = {k["customer_id"] for k in
                        self.c["finance"].get("/collection-cases", query={"page_size": 200})[2]["items"]}
        self.assertLessEqual({own, other}, finance_seen)
        other_case = self.c["finance"].get("/collection-cases", query={"customer_id": other})[2]["items"][0]
        self.assertError(self.c["sales.e"].get(f"/collection-cases/{other_case['id']}"), 404, "not_found")
        self.assertError(self.c["sales.e"].post(f"/collection-cases/{other_case['id']}/actions", {"kind": "call"}),
                         404, "not_found")
        self.assertError(self.c["sales.e"].post("/collection-cases", {"customer_id": other}), 400,
                         "invalid_argument", field="customer_id")
        self.assertError(self.c["commerce"].post("/collection-cases", {"customer_id": own}), 403, "forbidden")
        mine = self.c["sales.e"].get("/collection-cases", query={"mine": "true", "stage": "reminder",
                                                                 "status": "open", "page_size": 200})[2]
        self.assertIn(own, {k["customer_id"] for k in mine["items"]})
        for query, field in (({"stage": "court"}, "stage"), ({"status": "maybe"}, "status"),
                             ({"mine": "yes"}, "mine"), ({"as_of": "2025-13-01"}, "as_of"),
                             ({"colour": "red"}, "colour")):
            self.assertError(self.c["sales.e"].get("/collection-cases", query=query), 400, "invalid_argument",
                             field=field)
        no_items = self.customer()
        self.assertError(self.c["sales.e"].post("/collection-cases", {"customer_id": no_items}), 400,
                         "invalid_argument", field="invoices")
        self.assertError(self.c["sales.e"].post("/collection-cases", {"customer_id": no_items, "invoices": [999999]}),
                         400, "invalid_argument", field="invoices[0]")

    # --- write-offs -----------------------------------------------------------------------------------

    def test_a_write_off_needs_finance_then_an_executive_and_then_lowers_the_exposure(self):
        cust = self.customer()
        inv = self.invoice(cust, "800.00", "2025-02-28", issue="2025-02-01")
        case = self.assertStatus(self.c["sales.e"].post("/collection-cases", {"customer_id": cust}), 201)
        before = self.credit(cust)["receivables"]["amount"]
        self.assertEqual(before, "800.00")
        sales = self.c["sales.e"]
        for body, field in (({"invoice_id": inv["id"], "amount": "800.01", "reason": "破产"}, "amount"),
                            ({"invoice_id": inv["id"], "amount": "0", "reason": "破产"}, "amount"),
                            ({"invoice_id": inv["id"], "amount": "1.001", "reason": "破产"}, "amount"),
                            ({"invoice_id": inv["id"], "amount": "10.00", "reason": " "}, "reason"),
                            ({"invoice_id": 999999, "amount": "10.00", "reason": "破产"}, "invoice_id"),
                            ({"invoice_id": inv["id"], "amount": "10.00", "reason": "x", "extra": 1}, "extra")):
            with self.subTest(field=field, body=body):
                self.assertError(sales.post("/write-offs", body), 400, "invalid_argument", field=field)
        w = self.assertStatus(sales.post("/write-offs", {"invoice_id": inv["id"], "amount": "500.00",
                                                         "reason": "客户破产清算", "case_id": case["id"]}), 201)
        self.assertEqual((w["status"], w["next_step"]), ("pending", "finance"))
        # The pending request holds its amount: no second request beyond what remains.
        self.assertError(sales.post("/write-offs", {"invoice_id": inv["id"], "amount": "300.01", "reason": "再核销"}),
                         400, "invalid_argument", field="amount")
        decide = f"/write-offs/{w['id']}/decisions"
        self.assertError(self.c["exec"].post(decide, {"decision": "approve"}), 403, "forbidden")
        self.assertError(self.c["finance"].post(decide, {"decision": "maybe"}), 400, "invalid_argument",
                         field="decision")
        step1 = self.assertStatus(self.c["finance"].post(decide, {"decision": "approve", "comment": "核实"}), 200)
        self.assertEqual((step1["status"], step1["next_step"]), ("pending", "executive"))
        self.assertEqual(self.credit(cust)["receivables"]["amount"], "800.00")  # nothing posted yet
        self.assertError(self.c["finance2"].post(decide, {"decision": "approve"}), 403, "forbidden")
        done = self.assertStatus(self.c["exec"].post(decide, {"decision": "approve"}), 200)
        self.assertEqual(done["status"], "approved")
        self.assertIsNotNone(done["entry_id"])
        self.assertEqual([d["step"] for d in done["decisions"]], ["finance", "executive"])
        self.assertError(self.c["exec"].post(decide, {"decision": "approve"}), 409, "conflict")
        self.assertEqual(self.credit(cust)["receivables"]["amount"], "300.00")
        got = self.assertStatus(sales.get(f"/collection-cases/{case['id']}"), 200)
        self.assertEqual(got["invoices"][0]["open"]["amount"], "300.00")
        self.assertEqual([x["id"] for x in got["write_offs"]], [w["id"]])
        self.reconcile()

        # Rejected: nothing posted; a requester never decides their own request.
        own = self.assertStatus(self.c["finance"].post("/write-offs", {"invoice_id": inv["id"], "amount": "100.00",
                                                                       "reason": "小额核销"}), 201)
        self.assertError(self.c["finance"].post(f"/write-offs/{own['id']}/decisions", {"decision": "approve"}), 403,
                         "forbidden")
        self.assertError(self.c["finance2"].post(f"/write-offs/{own['id']}/decisions", {"decision": "reject"}), 400,
                         "invalid_argument", field="comment")
        rejected = self.assertStatus(self.c["finance2"].post(f"/write-offs/{own['id']}/decisions", {
            "decision": "reject", "comment": "仍可收回"}), 200)
        self.assertEqual(rejected["status"], "rejected")
        self.assertError(self.c["exec"].post(f"/write-offs/{own['id']}/decisions", {"decision": "approve"}), 409,
                         "conflict")
        self.assertEqual(self.credit(cust)["receivables"]["amount"], "300.00")
        pending = self.assertStatus(self.c["finance"].get("/write-offs", query={"status": "approved",
                                                                               "customer_id": cust}), 200)
        self.assertEqual([x["id"] for x in pending["items"]], [w["id"]])
        self.assertError(self.c["sales.e2"].get(f"/write-offs/{w['id']}"), 404, "not_found")
        self.assertEqual(self.c["sales.e2"].get("/write-offs", query={"customer_id": cust})[2]["total"], 0)
        self.reconcile()


class SmtpSink:
    """A tiny SMTP server on 127.0.0.1 that keeps every message it is given (asyncio, on its own thread)."""

    def __init__(self):
        self.port = free_port()
        self.messages = []  # (envelope recipients, raw message bytes)
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self.thread.start()
        self.ready.wait(10)

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def _run(self):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", self.port))
        self.ready.set()
        self.loop.run_forever()
        server.close()

    async def _session(self, reader, writer):
        def reply(line):
            writer.write(line.encode() + b"\r\n")

        reply("220 sink ESMTP")
        recipients, data = [], None
        while True:
            line = await reader.readline()
            if not line:
                break
            if data is not None:
                if line == b".\r\n":
                    self.messages.append((recipients, b"".join(data)))
                    recipients, data = [], None
                    reply("250 queued")
                else:
                    data.append(line[1:] if line.startswith(b"..") else line)
                await writer.drain()
                continue
            verb = line.decode().strip().split(" ")[0].split(":")[0].upper()
            if verb in ("EHLO", "HELO"):
                reply("250-sink")
                reply("250 8BITMIME")
            elif verb == "MAIL":
                reply("250 ok")
            elif verb == "RCPT":
                recipients.append(line.decode().strip().split(":", 1)[1].strip("<>"))
                reply("250 ok")
            elif verb == "DATA":
                data = []
                reply("354 go on")
            elif verb == "QUIT":
                reply("221 bye")
                await writer.drain()
                break
            else:
                reply("250 ok")
            await writer.drain()
        writer.close()


class AlertMailTest(CredoTestCase):
    """RP-5: with [smtp] configured, a new alert of a user with an e-mail address also goes out by mail."""

    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        cls.sink = SmtpSink()
        cls.sink.start()
        cls.addClassCleanup(cls.sink.stop)
        config = (f'[smtp]\nhost = "127.0.0.1"\nport = {cls.sink.port}\nfrom = "credo@example.com"\n'
                  'interval_seconds = 1\ntimeout_seconds = 5\n')
        cls.server = server = CredoServer(users=USERS[:3] + (("finance", PASSWORD, ["finance"], None),),
                                          config=config)
        cls.addClassCleanup(server.stop)
        server.start()
        cls.c = {}
        for name, password in (("admin", ADMIN[1]), ("sales.e", PASSWORD), ("finance", PASSWORD)):
            client = server.client()
            client.login(name, password)
            cls.c[name] = client
            cls.addClassCleanup(client.close)
        cls.admin = cls.c["admin"]

    def test_a_reminder_is_mailed_to_the_owner_with_a_utf8_subject(self):
        ids = {u["username"]: u["id"] for u in self.admin.get("/users")[2]["items"]}
        self.assertError(self.admin.patch(f"/users/{ids['sales.e']}", {"email": "not an address"}), 400,
                         "invalid_argument", field="email")
        self.assertError(self.admin.patch(f"/users/{ids['sales.e']}", {"email": "li@example.com>\r\nRCPT"}), 400,
                         "invalid_argument", field="email")
        user = self.assertStatus(self.admin.patch(f"/users/{ids['sales.e']}", {"email": "li.na@example.com",
                                                                                  "language": "zh-CN"}), 200)
        self.assertEqual(user["email"], "li.na@example.com")
        cust = self.assertStatus(self.admin.post("/customers", enterprise(owner_id=ids["sales.e"])), 201)
        self.assertStatus(self.c["finance"].post("/invoices", {
            "customer_id": cust["id"], "amount": {"amount": "120.00", "currency": "CNY"},
            "issue_date": "2025-01-01", "due_date": "2025-06-01"}), 201)
        self.assertStatus(self.c["finance"].post("/jobs/reminders?as_of=2025-06-01"), 200)
        deadline = time.monotonic() + 20
        while not self.sink.messages and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertEqual(len(self.sink.messages), 1, self.server.log())
        recipients, raw = self.sink.messages[0]
        self.assertEqual(recipients, ["li.na@example.com"])
        message = email.message_from_bytes(raw, policy=email.policy.default)
        self.assertEqual(message["To"].addresses[0].addr_spec, "li.na@example.com")
        # In the user's language, UTF-8 encoded per RFC 2047 (the raw message is ASCII).
        self.assertIn("付款提醒", str(message["Subject"]))
        self.assertIn(cust["name"], str(message["Subject"]))
        self.assertTrue(all(ord(c) < 128 for c in raw.decode("ascii")))
        body = message.get_content()
        self.assertIn(cust["code"], body)
        self.assertIn("2025-06-01", body)


if __name__ == "__main__":
    unittest.main()
