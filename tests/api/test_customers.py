"""Creating customer files: validation, body limits, duplicate warnings."""

import datetime
import json
import socket
import threading
import unittest

from credo_server import CredoTestCase, enterprise

CODE = r"^C\d{4}\d{6}$"
MIB = 1024 * 1024


def raw_exchange(port: int, head: bytes, body_chunks) -> bytes:
    """Sends `head` and then the body chunks on a plain socket while another thread reads whatever the
    server answers (it may answer and close before the body is complete). Returns the bytes read."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    received = bytearray()

    def reader():
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    return
                received.extend(data)
        except OSError:
            return

    t = threading.Thread(target=reader)
    t.start()
    try:
        sock.sendall(head)
        for chunk in body_chunks:
            if received:
                break  # the server has answered; stop sending
            sock.sendall(chunk)
    except OSError:
        pass  # the server closed the connection while we were still sending
    finally:
        t.join(timeout=30)
        sock.close()
    return bytes(received)


def parse_raw_response(data: bytes):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    length = int(headers.get("content-length", len(body)))
    return status, headers, body[:length]


class CreateCustomerTest(CredoTestCase):
    def test_create_enterprise_with_chinese_name(self):
        body = enterprise("杭州精工阀门股份有限公司", registered_capital={"amount": "5000000.00", "currency": "CNY"},
                          relationship_start="2019-04-01", products=["闸阀", "球阀"], sales_capability=4)
        status, headers, c = self.admin.post("/customers", body)
        self.assertEqual(status, 201, c)
        self.assertRegex(c["code"], CODE)
        self.assertEqual(c["code"][1:5], str(datetime.datetime.now(datetime.timezone.utc).year))
        self.assertEqual(headers.get("ETag"), '"1"')
        self.assertEqual(headers.get("Location"), f"/api/v1/customers/{c['id']}")
        self.assertEqual(c["name"], "杭州精工阀门股份有限公司")
        self.assertEqual(c["version"], 1)
        self.assertEqual(c["kind"], "enterprise")
        self.assertEqual((c["nature"], c["importance"], c["lifecycle"], c["stage"]),
                         ("ordinary", "general", "prospect", None))
        self.assertIsNone(c["owner_id"])
        self.assertIsNone(c["owner_name"])
        self.assertEqual(c["registered_capital"], {"amount": "5000000.00", "currency": "CNY"})
        self.assertEqual(c["products"], ["闸阀", "球阀"])
        self.assertEqual(c["sales_capability"], 4)
        self.assertEqual(c["relationship_start"], "2019-04-01")
        self.assertEqual(c["warnings"], [])
        self.assertEqual(c["contacts"], [])
        self.assertIn("score", c["completeness"])
        self.assertIn("contacts", c["completeness"]["missing"])
        self.assertEqual(c["created_at"], c["updated_at"])
        # The Location answers with the same file.
        status, headers, got = self.admin.get(headers.get("Location"))
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("ETag"), '"1"')
        c.pop("warnings")
        self.assertEqual(got, c)

    def test_codes_are_sequential_and_unique(self):
        a = self.create_customer()
        b = self.create_customer()
        self.assertNotEqual(a["code"], b["code"])
        self.assertEqual(int(b["code"][5:]), int(a["code"][5:]) + 1)
        self.assertGreater(b["id"], a["id"])

    def test_sales_user_may_create_auditor_may_not(self):
        c = self.create_customer(self.sales)
        self.assertEqual(c["version"], 1)
        before = self.total()
        self.assertError(self.auditor.post("/customers", enterprise()), 403, "forbidden")
        self.assertEqual(self.total(), before)

    def test_trader_and_individual(self):
        trader = {"kind": "trader", "name": "南京五金商行", "region": "east", "phone": "025-12345678",
                  "address": "南京市鼓楼区中山路1号"}
        self.assertStatus(self.admin.post("/customers", trader), 201)
        person = {"kind": "individual", "name": "王小明", "region": "south", "phone": "13800138000"}
        c = self.assertStatus(self.admin.post("/customers", person), 201)
        self.assertEqual(c["kind"], "individual")
        self.assertNotIn("tax_id", c)

    def test_get_unknown_customer(self):
        self.assertError(self.admin.get("/customers/999999"), 404, "not_found")
        self.assertError(self.admin.get("/customers/abc"), 404, "not_found")
        self.assertError(self.admin.get("/customers/0"), 404, "not_found")

    def test_required_fields_per_kind(self):
        before = self.total()
        body = enterprise()
        del body["tax_id"]
        err = self.assertError(self.admin.post("/customers", body), 400, "invalid_argument", field="tax_id")
        self.assertEqual(set(err["fields"]), {"tax_id"})

        body = {"kind": "enterprise", "name": "缺字段公司", "region": "east"}
        err = self.assertError(self.admin.post("/customers", body), 400, "invalid_argument")
        self.assertEqual(set(err["fields"]),
                         {"phone", "address", "legal_representative", "tax_id", "ownership_type"})

        body = {"kind": "trader", "name": "缺地址商行", "region": "east", "phone": "025-12345678"}
        err = self.assertError(self.admin.post("/customers", body), 400, "invalid_argument")
        self.assertEqual(set(err["fields"]), {"address"})

        body = {"kind": "individual", "name": "李雷", "region": "east"}
        err = self.assertError(self.admin.post("/customers", body), 400, "invalid_argument")
        self.assertEqual(set(err["fields"]), {"phone"})

        body = enterprise()
        del body["kind"]
        self.assertError(self.admin.post("/customers", body), 400, "invalid_argument", field="kind")
        body = enterprise()
        del body["name"]
        self.assertError(self.admin.post("/customers", body), 400, "invalid_argument", field="name")
        body = enterprise()
        del body["region"]
        self.assertError(self.admin.post("/customers", body), 400, "invalid_argument", field="region")
        self.assertEqual(self.total(), before)

    def test_bad_requests_change_nothing(self):
        before = self.total()
        cases = [
            # (body or raw bytes, field named in error.fields)
            (b"{", "body"),
            (b'{"kind": "enterprise",}', "body"),
            (b"", "body"),
            (b"[1, 2]", "body"),
            (b'"text"', "body"),
            (enterprise(name=5), "name"),
            (enterprise(name=None), "name"),
            (enterprise(name=""), "name"),
            (enterprise(name=" 前后空格 "), "name"),
            (enterprise(name="长" * 201), "name"),
            (enterprise(kind="company"), "kind"),
            (enterprise(kind=1), "kind"),
            (enterprise(region="mars"), "region"),
            (enterprise(region=7), "region"),
            (enterprise(owner_id=999999), "owner_id"),
            (enterprise(owner_id="1"), "owner_id"),
            (enterprise(nature="friendly"), "nature"),
            (enterprise(importance="vip"), "importance"),
            (enterprise(lifecycle="dead"), "lifecycle"),
            (enterprise(stage="future"), "stage"),
            (enterprise(ownership_type="communal"), "ownership_type"),
            (enterprise(phone="call me"), "phone"),
            (enterprise(phone=12345678), "phone"),
            (enterprise(email="not-an-email"), "email"),
            (enterprise(website="example.com"), "website"),
            (enterprise(tax_id="12"), "tax_id"),
            (enterprise(postcode="上海"), "postcode"),
            (enterprise(sales_capability=6), "sales_capability"),
            (enterprise(sales_capability="4"), "sales_capability"),
            (enterprise(products="闸阀"), "products"),
            (enterprise(products=["闸阀", 3]), "products[1]"),
            (enterprise(relationship_start="2024-02-30"), "relationship_start"),
            (enterprise(relationship_start="2024/01/01"), "relationship_start"),
            (enterprise(relationship_start=20240101), "relationship_start"),
            (enterprise(registered_capital={"amount": "-5.00", "currency": "CNY"}), "registered_capital"),
            (enterprise(registered_capital={"amount": "5.001", "currency": "CNY"}), "registered_capital.amount"),
            (enterprise(registered_capital={"amount": 5, "currency": "CNY"}), "registered_capital.amount"),
            (enterprise(registered_capital="5000.00"), "registered_capital"),
            (enterprise(registered_capital={"amount": "5.00", "currency": "XYZ"}), "registered_capital.currency"),
            (enterprise(registered_capital={"amount": "5.00"}), "registered_capital.currency"),
            (enterprise(registered_capital={"amount": "1e5", "currency": "CNY"}), "registered_capital.amount"),
            (enterprise(registered_capital={"amount": "5", "currency": "CNY", "x": 1}), "registered_capital.x"),
            (enterprise(paid_in_capital={"amount": "-0.01", "currency": "CNY"}), "paid_in_capital"),
            (enterprise(favourite_colour="red"), "favourite_colour"),
            (enterprise(code="C2020000001"), "code"),
            (enterprise(id=5), "id"),
            (enterprise(version=3), "version"),
            (enterprise(created_at="2020-01-01T00:00:00.000Z"), "created_at"),
            (enterprise(completeness=100), "completeness"),
            (enterprise(reason=5), "reason"),
            (enterprise(contacts={"name": "x"}), "contacts"),
            (enterprise(contacts=[{"title": "经理"}]), "contacts[0].name"),
            (enterprise(contacts=[{"name": "张三", "email": "bad"}]), "contacts[0].email"),
            (enterprise(contacts=[{"name": "张三", "id": 4}]), "contacts[0].id"),
            (enterprise(contacts=[{"name": "张三", "profile": {"age": 12}}]), "contacts[0].profile.age"),
            (enterprise(contacts=[{"name": "张三", "primary": True}, {"name": "李四", "primary": True}]),
             "contacts"),
        ]
        for payload, field in cases:
            with self.subTest(field=field, payload=payload):
                if isinstance(payload, bytes):
                    result = self.admin.request("POST", "/customers", raw=payload,
                                                headers={"Content-Type": "application/json"})
                else:
                    result = self.admin.post("/customers", payload)
                self.assertError(result, 400, "invalid_argument", field=field)
        self.assertEqual(self.total(), before)

    def test_money_errors_explain_the_problem(self):
        err = self.assertError(
            self.admin.post("/customers", enterprise(registered_capital={"amount": "-5.00", "currency": "CNY"})),
            400, "invalid_argument", field="registered_capital")
        self.assertIn("negative", err["fields"]["registered_capital"])
        err = self.assertError(
            self.admin.post("/customers", enterprise(registered_capital={"amount": "5.001", "currency": "CNY"})),
            400, "invalid_argument", field="registered_capital.amount")
        self.assertIn("decimals", err["fields"]["registered_capital.amount"])
        # JPY has no minor unit.
        self.assertError(
            self.admin.post("/customers", enterprise(paid_in_capital={"amount": "5.5", "currency": "JPY"})),
            400, "invalid_argument", field="paid_in_capital.amount")

    def test_every_bad_field_is_named_at_once(self):
        err = self.assertError(self.admin.post("/customers", enterprise(name=5, email="x", sales_capability=9,
                                                                        unknown_key=1)),
                               400, "invalid_argument")
        self.assertLessEqual({"name", "email", "sales_capability", "unknown_key"}, set(err["fields"]))

    def test_zero_money_and_limits_are_accepted(self):
        c = self.create_customer(registered_capital={"amount": "0", "currency": "CNY"},
                                 paid_in_capital={"amount": "0.50", "currency": "USD"},
                                 development_potential=1, competitiveness=5, relationship_start="2024-02-29")
        self.assertEqual(c["paid_in_capital"]["currency"], "USD")
        self.assertEqual(c["relationship_start"], "2024-02-29")

    def test_oversize_body_is_413(self):
        before = self.total()
        size = 33 * MIB
        head = (f"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {self.admin.token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n").encode()
        chunk = b" " * MIB
        data = raw_exchange(self.server.port, head, (chunk for _ in range(33)))
        status, headers, body = parse_raw_response(data)
        self.assertEqual(status, 413, data[:500])
        self.assertEqual(json.loads(body)["error"]["code"], "payload_too_large")
        self.assertEqual(self.total(), before)

    def test_oversize_chunked_body_is_413(self):
        # Without a Content-Length the server has to count.
        head = (f"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {self.admin.token}\r\n"
                f"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
        chunk = b"%x\r\n" % MIB + b" " * MIB + b"\r\n"
        data = raw_exchange(self.server.port, head, (chunk for _ in range(40)))
        status, headers, body = parse_raw_response(data)
        self.assertEqual(status, 413, data[:500])
        self.assertEqual(json.loads(body)["error"]["code"], "payload_too_large")
        # The server is still fine.
        self.assertStatus(self.admin.get("/health"), 200)

    def test_large_body_under_the_limit_is_read(self):
        # 31 MiB is under the 32 MiB limit: the body is read and validated (the name is far too long).
        body = json.dumps(enterprise(name="x" * (31 * MIB))).encode()
        err = self.assertError(self.admin.request("POST", "/customers", raw=body,
                                                  headers={"Content-Type": "application/json"}),
                               400, "invalid_argument", field="name")


class DuplicateTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        status, _, cls.original = cls.admin.post("/customers", enterprise(
            "宁波海天阀门有限公司", tax_id="91330200MA2AAAAAAA", phone="0574-87654321"))
        assert status == 201, cls.original

    def match_of(self, c):
        return {"id": c["id"], "code": c["code"], "name": c["name"]}

    def assertWarns(self, created, field):
        warnings = [w for w in created["warnings"]
                    if w["field"] == field and w["match"]["id"] == self.original["id"]]
        self.assertEqual(len(warnings), 1, created["warnings"])
        w = warnings[0]
        self.assertEqual(w["code"], "duplicate")
        self.assertEqual(w["match"], self.match_of(self.original))
        self.assertIn(self.original["code"], w["message"])
        return w

    def test_same_name_warns(self):
        c = self.assertStatus(self.admin.post("/customers", enterprise("宁波海天阀门有限公司")), 201)
        self.assertWarns(c, "name")
        self.assertEqual({w["field"] for w in c["warnings"]}, {"name"})

    def test_same_tax_id_warns(self):
        c = self.assertStatus(self.admin.post("/customers", enterprise(tax_id="91330200MA2AAAAAAA")), 201)
        self.assertWarns(c, "tax_id")
        self.assertEqual([w["field"] for w in c["warnings"]], ["tax_id"])

    def test_same_phone_warns(self):
        c = self.assertStatus(self.admin.post("/customers", enterprise(phone="0574-87654321")), 201)
        self.assertWarns(c, "phone")
        # The same digits written differently are the same number.
        c = self.assertStatus(self.admin.post("/customers", enterprise(phone="(0574) 8765 4321")), 201)
        self.assertWarns(c, "phone")

    def test_different_file_does_not_warn(self):
        c = self.assertStatus(self.admin.post("/customers", enterprise("宁波海天泵业有限公司")), 201)
        self.assertEqual(c["warnings"], [])

    def test_patch_into_a_duplicate_warns(self):
        c = self.create_customer(name="改名前的公司")
        status, _, patched = self.admin.patch(f"/customers/{c['id']}", {"name": "宁波海天阀门有限公司"}, if_match=1)
        self.assertEqual(status, 200, patched)
        self.assertWarns(patched, "name")
        self.assertNotIn(c["id"], [w["match"]["id"] for w in patched["warnings"]])
        # An edit that leaves name, tax id and phone alone does not warn again.
        status, _, patched = self.admin.patch(f"/customers/{c['id']}", {"lifecycle": "new"}, if_match=2)
        self.assertEqual(status, 200, patched)
        self.assertEqual(patched["warnings"], [])

    def test_duplicates_endpoint(self):
        body = self.assertStatus(self.admin.get("/customers/duplicates", query={"name": "宁波海天阀门有限公司"}), 200)
        self.assertIn({"field": "name", **self.match_of(self.original)}, body["matches"])
        body = self.assertStatus(self.admin.get("/customers/duplicates",
                                                query={"tax_id": "91330200MA2AAAAAAA"}), 200)
        self.assertIn({"field": "tax_id", **self.match_of(self.original)}, body["matches"])
        body = self.assertStatus(self.admin.get("/customers/duplicates", query={"phone": "057487654321"}), 200)
        self.assertIn({"field": "phone", **self.match_of(self.original)}, body["matches"])
        body = self.assertStatus(self.admin.get("/customers/duplicates", query={"name": "没有这个公司"}), 200)
        self.assertEqual(body["matches"], [])
        body = self.assertStatus(self.admin.get("/customers/duplicates",
                                                query={"tax_id": "91330200MA2AAAAAAA",
                                                       "exclude_id": self.original["id"]}), 200)
        self.assertNotIn(self.original["id"], [m["id"] for m in body["matches"]])

    def test_duplicates_bad_parameters(self):
        self.assertError(self.admin.get("/customers/duplicates", query={"nam": "x"}), 400, "invalid_argument",
                         field="nam")
        self.assertError(self.admin.get("/customers/duplicates", query={"exclude_id": "x"}), 400,
                         "invalid_argument", field="exclude_id")


if __name__ == "__main__":
    unittest.main()
