"""Roles and data scopes (SPEC SE-2): the authorization matrix.

Every route × every role × (the salesperson's own file, another file of the same region, a file of
another region), with the expected status, generated from the tables below. A route of the API that has
no entry in ROUTE_RULES fails the test, so a new endpoint cannot ship without deciding who may use it.
Also: lists, totals, exports and duplicate checks hold nothing outside the scope, and the sensitive
parts are hidden from the roles not entitled to them in every output.
"""

import csv
import datetime
import io
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, enterprise
from routes import EXERCISED_ROUTES

PASSWORD = "role-password-1"
# (username, roles, region). `sales.e` owns file OWN; `sales.e2` owns SAME (same region, east).
ROLE_USERS = (
    ("sales.e", ["sales"], "east"),
    ("sales.e2", ["sales"], "east"),
    ("assistant.e", ["assistant"], "east"),
    ("rm.e", ["regional_manager"], "east"),
    ("rm.n", ["regional_manager"], "north"),
    ("salesmgr", ["sales_manager"], None),
    ("finance", ["finance"], None),
    ("commerce", ["commerce"], None),
    ("exec", ["executive"], None),
    ("auditor", ["auditor"], None),
)
ACTORS = ["admin"] + [u for u, _, _ in ROLE_USERS if u != "sales.e2"]

# What each actor may read and change among the three files: OWN (east, owned by sales.e), SAME (east,
# owned by sales.e2) and OTHER (north, no owner).
EVERYTHING = {"OWN", "SAME", "OTHER"}
READ = {
    "admin": EVERYTHING, "sales.e": {"OWN"}, "assistant.e": {"OWN", "SAME"}, "rm.e": {"OWN", "SAME"},
    "rm.n": {"OTHER"}, "salesmgr": EVERYTHING, "finance": EVERYTHING, "commerce": EVERYTHING,
    "exec": EVERYTHING, "auditor": EVERYTHING,
}
WRITE = {**READ, "auditor": set()}
# Who may assign which file (OW-1): regional managers their region's, managers, executives and admins any.
ASSIGN = {"admin": EVERYTHING, "rm.e": {"OWN", "SAME"}, "rm.n": {"OTHER"}, "salesmgr": EVERYTHING,
          "exec": EVERYTHING}
FINANCIAL = ["registered_capital", "paid_in_capital", "financial_status"]
HIDDEN = {
    "assistant.e": ["contacts.profile", *FINANCIAL],
    "commerce": ["contacts.profile", *FINANCIAL],
    "finance": ["contacts.profile"],
}

# How each route is judged: "read" and "write" on one file follow READ and WRITE (404 outside what may
# be read, 403 for what may be read but not changed); the others are fixed per actor.
ROUTE_RULES = {
    ("get", "/customers/{id}"): "read",
    ("get", "/customers/{id}/history"): "read",
    ("get", "/customers/{id}/contacts"): "read",
    ("get", "/customers/{id}/activities"): "read",
    ("patch", "/customers/{id}"): "write",
    ("post", "/customers/{id}/contacts"): "write",
    ("patch", "/customers/{id}/contacts/{contact_id}"): "write",
    ("delete", "/customers/{id}/contacts/{contact_id}"): "write",
    ("post", "/customers/{id}/activities"): "write",
    ("get", "/customers"): "scoped list",
    ("get", "/exports/customers"): "scoped list",
    ("get", "/customers/duplicates"): "scoped list",
    ("post", "/customers"): "create",
    ("post", "/imports/customers"): "create",
    ("get", "/users"): {"admin": 200, "auditor": 200, "salesmgr": 200, "rm.e": 200, "rm.n": 200, "exec": 200,
                        "*": 403},
    ("post", "/users"): {"admin": 201, "*": 403},
    ("patch", "/users/{id}"): {"admin": 200, "*": 403},
    ("post", "/auth/password"): {"*": 204},
    ("get", "/auth/tokens"): {"*": 200},
    ("post", "/auth/tokens"): {"*": 201},
    ("delete", "/auth/tokens/{id}"): {"*": 204},
    ("post", "/customers/{id}/assign"): "assign",
    ("post", "/users/{id}/handover"): {"admin": 201, "salesmgr": 201, "rm.e": 201, "*": 403},
    ("get", "/handovers/{id}"): {"admin": 200, "salesmgr": 200, "rm.e": 200, "exec": 200, "auditor": 200, "*": 403},
    ("get", "/assignments/proposal"): {"admin": 200, "salesmgr": 200, "rm.e": 200, "*": 403},
    ("post", "/assignments/proposal/accept"): {"admin": 200, "salesmgr": 200, "rm.e": 200, "rm.n": 200, "*": 403},
    ("get", "/fx-rates"): {"*": 200},
    ("post", "/fx-rates"): {"admin": 201, "finance": 201, "*": 403},
    ("get", "/customers/{id}/credit"): "read",
    ("get", "/customers/{id}/credit/behaviour"): "read",
    ("post", "/customers/{id}/credit/hold"): "credit",
    ("post", "/customers/{id}/credit/exceptions"): "credit",
    ("get", "/customers/{id}/evaluations"): "read",
    ("post", "/customers/{id}/evaluations"): "evaluate",
    ("post", "/jobs/reevaluation"): {"admin": 200, "finance": 200, "exec": 200, "*": 403},
    ("get", "/credit-proposals"): {"*": 200},
    ("get", "/credit-applications"): {"*": 200},
    ("post", "/credit-applications"): "apply",
    ("get", "/credit-applications/{id}"): {"rm.n": 404, "*": 200},
    # The step due is the regional manager's: only rm.e may decide it (rejecting it here).
    ("post", "/credit-applications/{id}/decisions"): {"rm.e": 200, "rm.n": 404, "*": 403},
    ("post", "/credit-applications/{id}/resubmit"): {"sales.e": 200, "rm.n": 404, "*": 403},
    ("post", "/customers/{id}/ratings"): "credit",
    ("post", "/customers/{id}/insurance"): "credit",
    ("get", "/customers/{id}/credit/justifications"): "read",
    ("post", "/customers/{id}/credit/justifications"): "justify",
    ("get", "/reports/both-ends"): {"*": 200},
    ("get", "/reports/anomalies"): {"*": 200},
    ("get", "/reports/management"): {"*": 200},
    ("post", "/jobs/alerts"): {"admin": 200, "salesmgr": 200, "exec": 200, "*": 403},
    ("get", "/orders"): {"*": 200},
    ("post", "/orders"): "order",
    ("get", "/orders/{id}"): "read",
    ("patch", "/orders/{id}"): "write",
    ("post", "/orders/{id}/copy"): "write",
    ("post", "/orders/{id}/release"): "release",
    ("post", "/orders/{id}/cancel"): "write",
    ("post", "/invoices"): {"admin": 201, "finance": 201, "*": 403},
    ("post", "/payments"): {"admin": 201, "finance": 201, "*": 403},
    ("get", "/alerts"): {"*": 200},
    ("post", "/alerts/{id}/read"): {"*": 404},  # the matrix's alert is the admin's: no one else may clear it
    ("post", "/alerts/read-all"): {"*": 204},
    ("get", "/policies"): {"admin": 200, "salesmgr": 200, "exec": 200, "*": 403},
    ("put", "/policies/{key}"): {"admin": 200, "*": 403},
    # Every role reads the receivables reports, each within its scope (test_reports_receivables).
    ("get", "/reports/aging"): {"*": 200},
    ("get", "/reports/kpis"): {"*": 200},
    # The dashboard is its reports together, each within the reader's scope (test_dashboard).
    ("get", "/reports/dashboard"): {"*": 200},
    ("get", "/audit"): {"admin": 200, "auditor": 200, "*": 403},
    ("get", "/audit/verify"): {"admin": 200, "auditor": 200, "*": 403},
    ("get", "/auth/me"): {"*": 200},
    ("patch", "/auth/me"): {"*": 200},
    ("post", "/auth/logout"): {"*": 204},
    ("get", "/regions"): {"*": 200},
    ("get", "/customer-fields"): {"*": 200},
    ("get", "/metrics"): {"*": 200},
    ("get", "/health"): {"*": 200},
    ("get", "/openapi.json"): {"*": 200},
    ("post", "/auth/login"): {"*": 200},
    # Classification and dynamic management: reports are scoped, so every role may read them.
    ("get", "/reports/tiers"): {"*": 200},
    ("get", "/reports/grades"): {"*": 200},
    ("get", "/reports/movers"): {"*": 200},
    ("get", "/reports/expiring-reports"): {"*": 200},
    ("post", "/jobs/report-reminders"): {"admin": 200, "finance": 200, "exec": 200, "*": 403},
    ("get", "/reviews/due"): {"*": 200},
    ("get", "/customers/{id}/reviews"): "read",
    ("post", "/customers/{id}/reviews"): "evaluate",
    ("get", "/customers/{id}/classification"): "read",
    ("get", "/customers/{id}/trends"): "read",
    ("post", "/jobs/reminders"): {"admin": 200, "finance": 200, "salesmgr": 200, "*": 403},
    ("get", "/customers/{id}/reminders"): "read",
    ("get", "/collection-cases"): {"*": 200},
    ("post", "/collection-cases"): "collect",
    ("get", "/collection-cases/{id}"): "read",
    ("post", "/collection-cases/{id}/stage"): "collect case",
    ("post", "/collection-cases/{id}/actions"): "collect case",
    ("post", "/collection-cases/{id}/promises"): "collect case",
    ("post", "/collection-cases/{id}/close"): "collect case",
    ("get", "/write-offs"): {"*": 200},
    ("post", "/write-offs"): "collect",
    ("get", "/write-offs/{id}"): "read",
    # The first step is finance's; no one else may decide it.
    ("post", "/write-offs/{id}/decisions"): {"finance": 200, "rm.n": 404, "*": 403},
    # Analytics: every role reads within its scope; as of 2000 nobody has history, so segments say k is too
    # large and training says the history is too short — for those allowed to train.
    ("get", "/analytics/segments"): {"*": 400},
    ("post", "/analytics/delay-model"): {"admin": 400, "finance": 400, "exec": 400, "*": 403},
    ("get", "/analytics/delay-predictions"): {"*": 200},
}
# Who works collection cases and requests write-offs (AR-4), each within the files it may change.
COLLECTORS = {"admin", "sales.e", "rm.e", "rm.n", "salesmgr", "finance"}


class AccessMatrixTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        users = ((ADMIN[0], ADMIN[1], ["admin"], None),) + tuple(
            (u, PASSWORD, roles, region) for u, roles, region in ROLE_USERS)
        cls.server = server = CredoServer(users=users)
        cls.addClassCleanup(server.stop)
        server.start()
        cls.clients = {}
        for username in ["admin"] + [u for u, _, _ in ROLE_USERS]:
            client = server.client()
            client.login(username, ADMIN[1] if username == "admin" else PASSWORD)
            cls.clients[username] = client
            cls.addClassCleanup(client.close)
        cls.admin = cls.clients["admin"]
        ids = {u["username"]: u["id"] for u in cls.admin.get("/users")[2]["items"]}
        cls.user_ids = ids
        profile = {"family": "两个孩子", "age": 45}
        contact = {"name": "王经理", "phones": ["13900001111"], "profile": profile}
        cls.files = {}
        for key, region, owner in (("OWN", "east", "sales.e"), ("SAME", "east", "sales.e2"), ("OTHER", "north", None)):
            body = enterprise(region=region, contacts=[contact],
                              registered_capital={"amount": "5000000.00", "currency": "CNY"},
                              financial_status="稳健", name=f"权限测试{key}阀门有限公司")
            if owner:
                body["owner_id"] = ids[owner]
            status, _, created = cls.admin.post("/customers", body)
            assert status == 201, created
            cls.files[key] = created
        gone = cls.admin.post("/users", {"username": "gone.e", "password": PASSWORD, "roles": ["sales"],
                                         "region": "east"})[2]
        status, _, handover = cls.admin.post(f"/users/{gone['id']}/handover", {"to": None, "reason": "离职"})
        assert status == 201, handover
        cls.handover_id = handover["id"]
        # An alert in the admin's inbox: the sales manager exports more rows than the (lowered) threshold.
        assert cls.admin.request("PUT", "/policies/leak.absolute_exports", {"value": 1})[0] == 200
        assert cls.clients["salesmgr"].get("/exports/customers", query={"format": "csv"})[0] == 200
        assert cls.admin.request("PUT", "/policies/leak.absolute_exports", {"value": 1000})[0] == 200
        inbox = cls.admin.get("/alerts")[2]["items"]
        cls.admin_alert = next(a["id"] for a in inbox if a["kind"] == "leak_exports")
        # Each file has an open invoice (not yet due: an overdue one would hold the matrix's orders) and a
        # closed collection case covering it (AR-4).
        cls.invoices, cls.cases = {}, {}
        for key, f in cls.files.items():
            status, _, inv = cls.admin.post("/invoices", {
                "customer_id": f["id"], "amount": {"amount": "1000.00", "currency": "CNY"},
                "issue_date": "2025-01-01", "due_date": "2099-12-31"})
            assert status == 201, inv
            cls.invoices[key] = inv["id"]
            status, _, case = cls.admin.post("/collection-cases", {"customer_id": f["id"], "invoices": [inv["id"]]})
            assert status == 201, case
            assert cls.admin.post(f"/collection-cases/{case['id']}/close", {"outcome": "settled"})[0] == 200
            cls.cases[key] = case["id"]

    # --- helpers ------------------------------------------------------------------------------------

    def current(self, key):
        return self.admin.get(f"/customers/{self.files[key]['id']}")[2]

    def expected_one(self, rule, actor, key):
        if rule == "read":
            return 200 if key in READ[actor] else 404
        if rule == "apply":  # salespeople and assistants apply for the customers they may change
            if actor not in ("sales.e", "assistant.e"):
                return 403
            return None if key in WRITE[actor] else 400
        if rule == "collect":  # collectors, on the files they may change; the file is named in the body
            if actor not in COLLECTORS:
                return 403
            return None if key in WRITE[actor] else 400 if key not in READ[actor] else 403
        if rule == "collect case":
            if actor not in COLLECTORS:
                return 403
            if key not in READ[actor]:
                return 404
            return None if key in WRITE[actor] else 403
        if rule == "order":  # the customer is named in the body: unknown to whoever may not change it
            if actor == "auditor":
                return 403
            return None if key in WRITE[actor] else 400
        if key not in READ[actor]:
            return 404
        if rule == "evaluate":  # those who change the file, and finance
            return None if key in WRITE[actor] or actor == "finance" else 403
        if rule == "credit":
            return None if actor in ("admin", "finance", "exec") else 403
        if rule == "justify":  # managers who talk to the customer, finance and executives
            return None if actor in ("rm.e", "rm.n", "salesmgr", "finance", "exec") else 403
        if rule == "release":
            return None if actor in ("finance", "exec") else 403
        if key not in READ[actor]:
            return 404
        if rule == "assign":
            return None if key in ASSIGN.get(actor, set()) else 403
        return None if key in WRITE[actor] else 403  # None: the route's success status

    def call_on_file(self, method, route, actor, key):
        client = self.clients[actor]
        fid = self.files[key]["id"]
        if route == "/customers/{id}/contacts/{contact_id}":
            added = self.assertStatus(self.admin.post(f"/customers/{fid}/contacts", {"name": f"临时{actor}"}), 201)
            contact = next(c for c in added["contacts"] if c["name"] == f"临时{actor}")
            path = f"/customers/{fid}/contacts/{contact['id']}"
            headers = {"If-Match": f'"{added["version"]}"'}
            if method == "patch":
                return client.request("PATCH", path, {"title": "采购"}, headers=headers)
            return client.request("DELETE", path, headers=headers)
        if route.startswith("/orders"):
            return self.call_on_order(method, route, client, fid)
        if route.startswith("/collection-cases") or route.startswith("/write-offs"):
            return self.call_on_collection(method, route, client, key)
        if route == "/credit-applications":
            result = client.post(route, {"customer_id": fid, "limit": {"amount": "100000.00"}, "reason": "年度合同"})
            if result[0] == 201:  # decided at once, so that the next actor may apply for the file too
                region_manager = "rm.e" if self.files_region(fid) == "east" else "rm.n"
                self.assertStatus(self.clients[region_manager].post(
                    f"/credit-applications/{result[2]['id']}/decisions", {"decision": "reject", "comment": "测试"}), 200)
            return result
        if route == "/customers/{id}/evaluations" and method == "post":
            factors = {f: 7 for f in ("project_reliability", "funding_strength", "leadership", "bad_credit_records",
                                      "satisfiability", "production_fit", "price_profitability", "stability_potential")}
            return client.post(f"/customers/{fid}/evaluations", {"factors": factors, "comments": "年度评估"})
        if route == "/customers/{id}/ratings":
            return client.post(f"/customers/{fid}/ratings", {"agency": "中诚信", "rating": "AA", "day": "2026-01-10"})
        if route == "/customers/{id}/insurance":
            return client.post(f"/customers/{fid}/insurance", {
                "insurer": "中国信保", "policy_number": "SINO-001", "covered": {"amount": "500000.00", "currency": "CNY"},
                "start": "2026-01-01", "end": "2026-12-31"})
        if route == "/customers/{id}/credit/justifications" and method == "post":
            until = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
            return client.post(f"/customers/{fid}/credit/justifications", {"reason": "客户说明延期原因", "valid_until": until})
        if route == "/customers/{id}/reviews" and method == "post":
            return client.post(f"/customers/{fid}/reviews", {"notes": "定期复核"})
        if route == "/customers/{id}/credit/hold":
            return client.post(f"/customers/{fid}/credit/hold", {"on_hold": False, "reason": "核对"})
        if route == "/customers/{id}/credit/exceptions":
            return client.post(f"/customers/{fid}/credit/exceptions",
                               {"amount": "1000.00", "start": "2026-01-01", "end": "2026-01-31", "reason": "旺季"})
        path = route.replace("{id}", str(fid))
        if method == "get":
            return client.get(path)
        if route == "/customers/{id}":
            return client.patch(path, {"fax": "021-66668888"}, if_match=self.current(key)["version"])
        if route == "/customers/{id}/contacts":
            return client.post(path, {"name": f"新联系人{actor}"})
        if route == "/customers/{id}/activities":
            return client.post(path, {"type": "call", "date": "2026-01-05", "summary": "电话回访"})
        if route == "/customers/{id}/assign":  # to the owner it has: allowed or not, nothing changes
            return client.post(path, {"owner_id": self.current(key)["owner_id"]})
        raise AssertionError(route)

    def order_on(self, fid, prepaid=True):
        """A fresh order of the file, entered by the admin: prepaid (approved) or not (held, no credit)."""
        body = {"customer_id": fid, "lines": [{"product": "闸阀", "quantity": "1", "unit_price": "100.00"}]}
        if prepaid:
            body["prepayment"] = "100.00"
        return self.assertStatus(self.admin.post("/orders", body), 201)

    def call_on_order(self, method, route, client, fid):
        if route == "/orders":
            return client.post("/orders", {"customer_id": fid, "prepayment": "50.00",
                                           "lines": [{"product": "球阀", "quantity": "2", "unit_price": "25.00"}]})
        order = self.order_on(fid, prepaid=route != "/orders/{id}/release")
        path = route.replace("{id}", str(order["id"]))
        if method == "get":
            return client.get(path)
        if method == "patch":
            return client.patch(path, {"prepayment": "100.00",
                                       "lines": [{"product": "闸阀", "quantity": "1", "unit_price": "100.00"}]},
                                if_match=order["version"])
        if route == "/orders/{id}/copy":
            return client.post(path)
        return client.post(path, {"reason": "客户要求"})

    def call_on_collection(self, method, route, client, key):
        fid = self.files[key]["id"]
        if route == "/collection-cases/{id}":
            return client.get(f"/collection-cases/{self.cases[key]}")
        if route == "/write-offs":
            return client.post(route, {"invoice_id": self.invoices[key], "amount": "0.01", "reason": "测试核销"})
        if route == "/write-offs/{id}":
            w = self.assertStatus(self.admin.post("/write-offs", {"invoice_id": self.invoices[key], "amount": "0.01",
                                                                  "reason": "测试核销"}), 201)
            return client.get(f"/write-offs/{w['id']}")
        if route == "/collection-cases":
            result = client.post(route, {"customer_id": fid, "invoices": [self.invoices[key]]})
            if result[0] == 201:  # closed at once, so that the next actor may open one too
                self.assertStatus(self.admin.post(f"/collection-cases/{result[2]['id']}/close",
                                                  {"outcome": "settled"}), 200)
            return result
        case = self.assertStatus(self.admin.post("/collection-cases", {"customer_id": fid,
                                                                       "invoices": [self.invoices[key]]}), 201)
        path = route.replace("{id}", str(case["id"]))
        bodies = {
            "/collection-cases/{id}/stage": {"stage": "warning"},
            "/collection-cases/{id}/actions": {"kind": "call", "note": "电话催款"},
            "/collection-cases/{id}/promises": {"amount": "10.00", "promised_date": "2099-01-01"},
            "/collection-cases/{id}/close": {"outcome": "paid"},
        }
        result = client.post(path, bodies[route])
        if self.admin.get(f"/collection-cases/{case['id']}")[2]["status"] == "open":
            self.assertStatus(self.admin.post(f"/collection-cases/{case['id']}/close", {"outcome": "settled"}), 200)
        return result

    def files_region(self, fid):
        return next(f["region"] for f in self.files.values() if f["id"] == fid)

    def fresh_application(self, returned=False):
        """A pending application of OWN by its salesperson (returned by the regional manager if asked)."""
        a = self.assertStatus(self.clients["sales.e"].post("/credit-applications", {
            "customer_id": self.files["OWN"]["id"], "limit": {"amount": "50000.00"}, "reason": "新合同"}), 201)
        if returned:
            self.assertStatus(self.clients["rm.e"].post(f"/credit-applications/{a['id']}/decisions",
                                                        {"decision": "return", "comment": "请补充资料"}), 200)
        return a

    def settle_application(self, a_id):
        """Rejects the application if it is still pending, so that the file is free for the next one."""
        a = self.admin.get(f"/credit-applications/{a_id}")[2]
        if a["status"] == "pending":
            self.assertStatus(self.clients["rm.e"].post(f"/credit-applications/{a_id}/decisions",
                                                        {"decision": "reject", "comment": "清理"}), 200)

    def visible_ids(self, actor):
        items = self.assertStatus(self.clients[actor].get("/customers", query={"q": "权限测试", "page_size": 200}), 200)
        return {i["id"] for i in items["items"]}, items["total"]

    # --- the matrix ---------------------------------------------------------------------------------

    def test_every_route_has_a_rule(self):
        self.assertEqual(set(EXERCISED_ROUTES) - set(ROUTE_RULES), set(), "routes without an access rule")
        self.assertEqual(set(ROUTE_RULES) - set(EXERCISED_ROUTES), set(), "rules for routes that do not exist")

    def test_one_file_routes(self):
        for (method, route), rule in ROUTE_RULES.items():
            if rule not in ("read", "write", "assign", "credit", "order", "release", "apply", "evaluate", "collect",
                            "collect case"):
                continue
            for actor in ACTORS:
                for key in ("OWN", "SAME", "OTHER"):
                    with self.subTest(route=f"{method.upper()} {route}", actor=actor, file=key):
                        status, _, body = self.call_on_file(method, route, actor, key)
                        expected = self.expected_one(rule, actor, key)
                        if expected is None:
                            self.assertIn(status, (200, 201), body)
                        else:
                            self.assertEqual(status, expected, body)

    def test_fixed_routes(self):
        for (method, route), rule in ROUTE_RULES.items():
            if not isinstance(rule, dict) or route in ("/auth/logout", "/auth/login"):
                continue
            for actor in ACTORS:
                with self.subTest(route=f"{method.upper()} {route}", actor=actor):
                    client = self.clients[actor]
                    if route == "/handovers/{id}":
                        status, _, body = client.get(f"/handovers/{self.handover_id}")
                    elif route == "/assignments/proposal":
                        status, _, body = client.get(route, query={"region": "east"})
                    elif route == "/users/{id}/handover":
                        leaving = self.assertStatus(self.admin.post("/users", {
                            "username": f"leaving.{actor}", "password": PASSWORD, "roles": ["sales"],
                            "region": "east"}), 201)
                        status, _, body = client.post(f"/users/{leaving['id']}/handover",
                                                      {"to": None, "reason": "离职"})
                    elif route == "/alerts/{id}/read":
                        status, _, body = client.post(f"/alerts/{self.admin_alert}/read")
                        if actor == "admin":  # its own: allowed
                            self.assertEqual(status, 204, body)
                            continue
                    elif route == "/assignments/proposal/accept":
                        status, _, body = client.post(route, {"moves": []})
                    elif route == "/credit-applications/{id}":
                        a = self.fresh_application()
                        status, _, body = client.get(f"/credit-applications/{a['id']}")
                        self.settle_application(a["id"])
                    elif route == "/credit-applications/{id}/decisions":
                        a = self.fresh_application()
                        status, _, body = client.post(f"/credit-applications/{a['id']}/decisions",
                                                      {"decision": "reject", "comment": "额度过高"})
                        self.settle_application(a["id"])
                    elif route == "/credit-applications/{id}/resubmit":
                        a = self.fresh_application(returned=True)
                        status, _, body = client.post(f"/credit-applications/{a['id']}/resubmit",
                                                      {"limit": {"amount": "40000.00"}, "reason": "已补充"})
                        self.settle_application(a["id"])
                    elif route == "/jobs/reevaluation":
                        # Each actor its own date: a date runs once.
                        day = 1 + ACTORS.index(actor)
                        status, _, body = client.post(f"/jobs/reevaluation?as_of=2026-01-{day:02d}")
                        if status == 200:
                            self.assertTrue(body["ran"], body)
                    elif route == "/jobs/alerts":
                        day = 1 + ACTORS.index(actor)
                        status, _, body = client.post(f"/jobs/alerts?as_of=2026-02-{day:02d}")
                        if status == 200:
                            self.assertTrue(body["ran"], body)
                    elif route == "/jobs/report-reminders":
                        day = 1 + ACTORS.index(actor)
                        status, _, body = client.post(f"/jobs/report-reminders?as_of=2026-02-{day:02d}")
                        if status == 200:
                            self.assertTrue(body["ran"], body)
                    elif route == "/reports/movers":
                        status, _, body = client.get(route, query={"kind": "growing"})
                    elif route == "/jobs/reminders":
                        day = 1 + ACTORS.index(actor)
                        status, _, body = client.post(f"/jobs/reminders?as_of=2025-02-{day:02d}")
                    elif route == "/write-offs/{id}/decisions":
                        w = self.assertStatus(self.admin.post("/write-offs", {
                            "invoice_id": self.invoices["OWN"], "amount": "0.01", "reason": "测试核销"}), 201)
                        status, _, body = client.post(f"/write-offs/{w['id']}/decisions",
                                                      {"decision": "reject", "comment": "仍可收回"})
                    elif route == "/fx-rates" and method == "post":
                        status, _, body = client.post(route, {"currency": "USD", "day": "2026-01-01", "rate": "7.1"})
                    elif route == "/invoices":
                        order = self.order_on(self.files["OTHER"]["id"])
                        status, _, body = client.post(route, {"order_id": order["id"]})
                    elif route == "/payments":
                        status, _, body = client.post(route, {"customer_id": self.files["OTHER"]["id"],
                                                              "amount": {"amount": "10.00", "currency": "CNY"}})
                    elif route == "/alerts/read-all":
                        status, _, body = client.post(route)
                    elif route == "/analytics/segments":
                        status, _, body = client.get(route, query={"k": "2", "as_of": "2000-01-01"})
                    elif route == "/analytics/delay-model":
                        status, _, body = client.post(route, {"as_of": "2000-01-01"})
                    elif route == "/policies/{key}":
                        status, _, body = client.request("PUT", "/policies/ownership.notice_days", {"value": 7})
                    elif method == "get":
                        status, _, body = client.get(route)
                    elif route == "/users":
                        status, _, body = client.post(route, {"username": f"new.{actor}", "password": "password-123",
                                                              "roles": ["sales"]})
                    elif route == "/auth/me":
                        status, _, body = client.patch(route, {"language": "es"})
                    elif route == "/users/{id}":
                        status, _, body = client.patch(f"/users/{self.user_ids['sales.e2']}",
                                                       {"display_name": f"改名{actor}"})
                    elif route == "/auth/password":
                        password = ADMIN[1] if actor == "admin" else PASSWORD
                        status, _, body = client.post(route, {"current_password": password, "new_password": password})
                    elif route == "/auth/tokens":
                        status, _, body = client.post(route, {"name": f"matrix {actor}"})
                    elif route == "/auth/tokens/{id}":
                        token = self.assertStatus(client.post("/auth/tokens", {"name": "to revoke"}), 201)
                        status, _, body = client.request("DELETE", f"/auth/tokens/{token['id']}")
                    else:
                        raise AssertionError(route)
                    self.assertEqual(status, rule.get(actor, rule["*"]), body)

    def test_logout_and_login_are_open_to_every_role(self):
        for actor in ACTORS:
            with self.server.client() as c:
                password = ADMIN[1] if actor == "admin" else PASSWORD
                self.assertStatus(c.post("/auth/login", {"username": actor, "password": password}, token=None), 200)
                c.login(actor, password)
                self.assertStatus(c.post("/auth/logout"), 204)

    def test_lists_and_totals_hold_only_the_scope(self):
        for actor in ACTORS:
            with self.subTest(actor=actor):
                ids, total = self.visible_ids(actor)
                expected = {self.files[k]["id"] for k in READ[actor]}
                self.assertEqual(ids & {f["id"] for f in self.files.values()}, expected)
                self.assertEqual(total, len(ids))

    def test_exports_hold_only_the_scope_and_hide_what_the_role_may_not_see(self):
        for actor in ACTORS:
            with self.subTest(actor=actor):
                status, _, data = self.clients[actor].get("/exports/customers", query={"format": "csv", "q": "权限测试"})
                self.assertEqual(status, 200)
                rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
                codes = {r["code"] for r in rows}
                self.assertEqual(codes, {self.files[k]["code"] for k in READ[actor]})
                for r in rows:
                    for field in FINANCIAL:
                        if field in HIDDEN.get(actor, []):
                            self.assertEqual(r[field], "", f"{actor} sees {field} in the export")
                    if "registered_capital" not in HIDDEN.get(actor, []):
                        self.assertNotEqual(r["registered_capital"], "")

    def test_sensitive_parts_are_hidden_in_files_contacts_and_history(self):
        for actor in ACTORS:
            key = sorted(READ[actor])[0]
            fid = self.files[key]["id"]
            client = self.clients[actor]
            with self.subTest(actor=actor):
                hidden = HIDDEN.get(actor, [])
                file = self.assertStatus(client.get(f"/customers/{fid}"), 200)
                self.assertEqual(file["hidden"], hidden)
                for field in ("registered_capital", "financial_status"):  # the two the files have
                    self.assertEqual(field in file and file[field] is not None, field not in hidden, field)
                contacts = self.assertStatus(client.get(f"/customers/{fid}/contacts"), 200)["items"]
                manager = next(c for c in contacts if c["name"] == "王经理")
                self.assertEqual("profile" in manager, "contacts.profile" not in hidden, manager)
                first = self.assertStatus(client.get(f"/customers/{fid}/history"), 200)["items"][-1]
                changes = {c["field"]: c for c in first["changes"]}
                capital = changes["registered_capital"]
                if "registered_capital" in hidden:
                    self.assertEqual((capital["before"], capital["after"], capital.get("hidden")), (None, None, True))
                else:
                    self.assertIsNotNone(capital["after"])
                # A hidden part cannot be overwritten blind.
                if actor in ("assistant.e", "commerce") and key in WRITE[actor]:
                    version = self.current(key)["version"]
                    err = self.assertError(client.patch(f"/customers/{fid}", {"financial_status": "改写"},
                                                        if_match=version), 403, "forbidden")
                    self.assertIn("financial_status", err["fields"])

    def test_creating_stays_within_the_scope(self):
        sales = self.clients["sales.e"]
        created = self.assertStatus(sales.post("/customers", enterprise(region="north")), 201)
        self.assertEqual(created["owner_id"], self.user_ids["sales.e"], "a salesperson's new file is its own")
        self.assertError(sales.post("/customers", enterprise(owner_id=self.user_ids["sales.e2"])), 403, "forbidden")
        self.assertError(self.clients["rm.e"].post("/customers", enterprise(region="north")), 403, "forbidden")
        self.assertStatus(self.clients["rm.e"].post("/customers", enterprise(region="east")), 201)
        self.assertError(self.clients["auditor"].post("/customers", enterprise()), 403, "forbidden")
        csv_body = "kind,name,region,phone\nindividual,导入范围测试,north,13911112222\n".encode()
        report = self.assertStatus(self.clients["rm.e"].request("POST", "/imports/customers", raw=csv_body,
                                                                headers={"Content-Type": "text/csv"}), 200)
        self.assertEqual((report["created"], report["failed"]), (0, 1))
        self.assertIn("region", report["rows"][0]["errors"])
        self.assertError(self.clients["auditor"].request("POST", "/imports/customers", raw=csv_body,
                                                         headers={"Content-Type": "text/csv"}), 403, "forbidden")

    def test_changes_cannot_move_a_file_out_of_reach(self):
        own = self.files["OWN"]["id"]
        sales = self.clients["sales.e"]
        err = self.assertError(sales.patch(f"/customers/{own}", {"owner_id": self.user_ids["sales.e2"]},
                                           if_match=self.current("OWN")["version"]), 403, "forbidden")
        self.assertIn("owner", err["message"])
        self.assertError(self.clients["rm.e"].patch(f"/customers/{own}", {"region": "north"},
                                                    if_match=self.current("OWN")["version"]), 403, "forbidden")
        self.assertEqual(self.current("OWN")["region"], "east")

    def test_duplicate_checks_do_not_name_files_outside_the_scope(self):
        other = self.files["OTHER"]
        matches = self.assertStatus(self.clients["sales.e"].get("/customers/duplicates",
                                                                query={"tax_id": other["tax_id"]}), 200)["matches"]
        self.assertEqual(matches, [{"field": "tax_id", "id": None, "code": None, "name": None}])
        seen = self.assertStatus(self.clients["salesmgr"].get("/customers/duplicates",
                                                               query={"tax_id": other["tax_id"]}), 200)["matches"]
        self.assertEqual(seen[0]["id"], other["id"])
        created = self.assertStatus(self.clients["sales.e"].post("/customers", enterprise(tax_id=other["tax_id"])), 201)
        self.assertEqual([w["match"] for w in created["warnings"]], [None])


if __name__ == "__main__":
    unittest.main()
