"""The audit log (SE-3): what is recorded, GET /audit and /audit/verify, and tampering found after a restart
and by `credo audit verify`."""

import csv
import hashlib
import io
import os
import sqlite3
import subprocess
import unittest

from credo_server import ADMIN, CredoServer, CredoTestCase, on_postgres, run_cli, storage_args

GENESIS = "0" * 64


def canonical_text(row) -> bytes:
    """The documented canonical text of an entry (docs/api/openapi.yaml, AuditEntry.hash), recomputed here
    independently of the server."""
    out = b"credo-audit-v1\n"
    names = ("id", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "details", "prev_hash")
    for name, value in zip(names, row):
        if value is None:
            out += name.encode() + b"=~\n"
        else:
            data = str(value).encode("utf-8")
            out += name.encode() + b"=" + str(len(data)).encode() + b":" + data + b"\n"
    return out


class AuditApiTest(CredoTestCase):
    def entries(self, client=None, **query):
        client = client or self.admin
        return self.assertStatus(client.get("/audit", query=query or None), 200)

    def newest(self, **query):
        items = self.entries(page_size=1, **query)["items"]
        self.assertTrue(items, f"no audit entry for {query}")
        return items[0]

    def user_id(self, username):
        users = self.assertStatus(self.admin.get("/users"), 200)["items"]
        return next(u["id"] for u in users if u["username"] == username)

    def login(self, username, password):
        return self.server.call("POST", "/auth/login", {"username": username, "password": password}, token=None)

    def test_logins_failed_logins_and_logouts_are_recorded(self):
        user = self.assertStatus(self.admin.post("/users", {"username": "audit.login", "password": "right-password-1",
                                                            "roles": ["sales"], "region": "east"}), 201)
        created = self.newest(action="user.create", entity_id=str(user["id"]))
        self.assertEqual(created["actor_id"], self.user_id("admin"))
        self.assertEqual(created["details"]["username"], "audit.login")
        self.assertEqual(created["details"]["roles"], ["sales"])
        self.assertNotIn("right-password-1", str(created))

        self.assertError(self.login("audit.login", "wrong-password-9"), 401, "unauthenticated")
        failed = self.newest(action="auth.login_failed", entity_id=str(user["id"]))
        self.assertEqual(failed["entity"], "user")
        self.assertIsNone(failed["actor_id"])
        self.assertEqual(failed["actor_name"], "anonymous")
        self.assertEqual(failed["details"], {"username": "audit.login", "reason": "wrong_password"})

        self.assertError(self.login("no.such.user", "wrong-password-9"), 401, "unauthenticated")
        unknown = self.newest(action="auth.login_failed")
        self.assertIsNone(unknown["entity_id"])
        self.assertEqual(unknown["details"], {"username": "no.such.user", "reason": "unknown_username"})
        self.assertNotIn("wrong-password-9", str(self.entries(page_size=200)))

        token = self.assertStatus(self.login("audit.login", "right-password-1"), 200)["token"]
        ok = self.newest(action="auth.login", entity_id=str(user["id"]))
        self.assertEqual(ok["actor_id"], user["id"])
        self.assertEqual(ok["actor_name"], "audit.login")
        status, _, _ = self.server.call("POST", "/auth/logout", token=token)
        self.assertEqual(status, 204)
        out = self.newest(action="auth.logout")
        self.assertEqual((out["actor_id"], out["entity_id"]), (user["id"], str(user["id"])))

    def test_a_customer_update_is_recorded_with_the_changed_fields(self):
        c = self.create_customer()
        self.assertStatus(self.admin.patch(f"/customers/{c['id']}", {"fax": "021-5555 0001", "lifecycle": "new",
                                                                      "reason": "new fax line"}, if_match=1), 200)
        items = self.entries(entity="customer", entity_id=str(c["id"]))["items"]
        self.assertEqual([e["action"] for e in items], ["customer.update", "customer.create"])
        update, create = items
        self.assertEqual(update["actor_id"], self.user_id("admin"))
        self.assertEqual(update["actor_name"], "admin")
        self.assertEqual(sorted(update["details"]["fields"]), ["fax", "lifecycle"])
        self.assertEqual(update["details"]["version"], 2)
        self.assertEqual(update["details"]["reason"], "new fax line")
        self.assertEqual(update["details"]["code"], c["code"])
        self.assertEqual(create["details"]["code"], c["code"])
        self.assertEqual(update["id"], create["id"] + 1)
        self.assertEqual(update["prev_hash"], create["hash"])
        # A refused change (stale version) records nothing.
        self.assertError(self.admin.patch(f"/customers/{c['id']}", {"fax": "021-5555 0009"}, if_match=1), 409, "conflict")
        self.assertEqual(len(self.entries(entity="customer", entity_id=str(c["id"]))["items"]), 2)

    def test_contacts_activities_and_language_are_recorded(self):
        c = self.create_customer()
        self.assertStatus(self.admin.post(f"/customers/{c['id']}/contacts", {"name": "赵德明"}), 201)
        added = self.newest(entity_id=str(c["id"]))
        self.assertEqual(added["action"], "customer.contact_add")
        self.assertEqual(len(added["details"]["fields"]), 1)
        self.assertRegex(added["details"]["fields"][0], r"^contacts\[\d+\]$")
        self.assertStatus(self.admin.post(f"/customers/{c['id']}/activities",
                                          {"type": "call", "date": "2024-05-01", "summary": "电话"}), 201)
        activity = self.newest(entity_id=str(c["id"]))
        self.assertEqual(activity["action"], "activity.add")
        self.assertEqual(activity["details"]["type"], "call")
        self.assertStatus(self.auditor.request("PATCH", "/auth/me", {"language": "es"}), 200)
        lang = self.newest(action="user.update_language")
        self.assertEqual(lang["actor_name"], "auditor1")
        self.assertEqual(lang["details"], {"language": "es"})

    def test_exports_and_imports_are_recorded(self):
        self.create_customer(region="north")
        status, _, data = self.admin.get("/exports/customers", query={"format": "csv", "region": "north"})
        self.assertEqual(status, 200)
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        export = self.newest(action="customer.export")
        self.assertEqual(export["actor_name"], "admin")
        self.assertEqual(export["details"], {"format": "csv", "filters": {"region": "north"}, "rows": len(rows)})
        status, _, _ = self.admin.get("/exports/customers", query={"format": "xlsx"})
        self.assertEqual(status, 200)
        self.assertEqual(self.newest(action="customer.export")["details"]["format"], "xlsx")

        text = "kind,name,region,phone\nindividual,审计导入,east,13800009999\nindividual,坏行,atlantis,1380000\n"
        report = self.assertStatus(self.admin.request("POST", "/imports/customers", raw=text.encode(),
                                                      headers={"Content-Type": "text/csv"}), 200)
        self.assertEqual(report["created"], 1)
        imported = self.newest(action="customer.import")
        self.assertEqual(imported["details"], {"mode": "valid_rows", "total": 2, "created": 1, "failed": 1})
        created = self.newest(action="customer.create", entity_id=str(report["rows"][0]["id"]))
        self.assertEqual(created["details"]["reason"], "import")

    def test_list_filters_and_pages(self):
        for _ in range(3):
            self.create_customer()
        body = self.entries(page_size=2)
        self.assertEqual(set(body), {"items", "total", "page", "page_size"})
        self.assertEqual((body["page"], body["page_size"], len(body["items"])), (1, 2, 2))
        total = body["total"]
        self.assertGreaterEqual(total, 3)
        entry = body["items"][0]
        self.assertEqual(set(entry), {"id", "at", "actor_id", "actor_name", "action", "entity", "entity_id",
                                      "details", "prev_hash", "hash"})
        self.assertRegex(entry["hash"], r"^[0-9a-f]{64}$")
        page2 = self.entries(page_size=2, page=2)
        self.assertEqual(page2["page"], 2)
        self.assertEqual(page2["total"], total)
        self.assertLess(page2["items"][0]["id"], body["items"][1]["id"])  # newest first
        creates = self.entries(action="customer.create", actor_id=self.user_id("admin"), page_size=200)
        self.assertTrue(all(e["action"] == "customer.create" for e in creates["items"]))
        self.assertGreaterEqual(creates["total"], 3)
        today = entry["at"][:10]
        self.assertEqual(self.entries(**{"from": today, "to": today})["total"], total)
        self.assertEqual(self.entries(to="2000-01-01")["total"], 0)
        self.assertError(self.admin.get("/audit", query={"page_size": 500}), 400, "invalid_argument",
                         field="page_size")
        self.assertError(self.admin.get("/audit", query={"from": "yesterday"}), 400, "invalid_argument",
                         field="from")
        self.assertError(self.admin.get("/audit", query={"from": "2026-02-02", "to": "2026-02-01"}), 400,
                         "invalid_argument", field="to")
        self.assertError(self.admin.get("/audit", query={"user": "1"}), 400, "invalid_argument", field="user")

    def test_the_listed_entries_form_one_chain(self):
        self.create_customer()
        items = []
        page = 1
        while True:
            body = self.entries(page_size=200, page=page)
            items += body["items"]
            if len(items) >= body["total"]:
                break
            page += 1
        items.reverse()
        self.assertEqual([e["id"] for e in items], list(range(1, len(items) + 1)))
        self.assertEqual(items[0]["prev_hash"], GENESIS)
        for before, after in zip(items, items[1:]):
            self.assertEqual(after["prev_hash"], before["hash"], after["id"])

    def test_verify_for_admin_and_auditor(self):
        self.create_customer()
        for client in (self.admin, self.auditor):
            body = self.assertStatus(client.get("/audit/verify"), 200)
            self.assertEqual(set(body), {"intact", "entries", "broken_at", "reason"})
            self.assertIs(body["intact"], True)
            self.assertIsNone(body["broken_at"])
            self.assertIsNone(body["reason"])
            self.assertGreaterEqual(body["entries"], 1)
        self.assertGreater(self.entries(client=self.auditor, page_size=1)["total"], 0)

    def test_other_roles_get_403(self):
        self.assertError(self.sales.get("/audit"), 403, "forbidden")
        self.assertError(self.sales.get("/audit/verify"), 403, "forbidden")
        self.assertError(self.sales.get("/audit", query={"action": "auth.login"}), 403, "forbidden")


class AuditTamperTest(unittest.TestCase):
    """Someone with the database itself (the SQLite file, or PostgreSQL's owner) alters and removes entries
    while the server is stopped: the restarted server and `credo audit verify` name the entry."""

    def setUp(self):
        self.server = CredoServer().start()
        self.addCleanup(self.server.stop)

    def sql(self, statements: str):
        """Runs SQL on the database past the application, with the append-only triggers out of the way."""
        if on_postgres():
            url = storage_args(["--data", self.server.data_dir])[1]
            script = (f"ALTER TABLE audit_log DISABLE TRIGGER USER; {statements}; "
                      "ALTER TABLE audit_log ENABLE TRIGGER USER;")
            r = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", script], capture_output=True)
        else:
            script = ("DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; "
                      f"{statements};")
            r = subprocess.run(["sqlite3", os.path.join(self.server.data_dir, "credo.db"), script],
                               capture_output=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def verify_cli(self):
        return run_cli("audit", "verify", "--data", self.server.data_dir)

    def restart(self):
        """A server on the tampered database (the first one is stopped); returns an admin client."""
        restarted = CredoServer(users=(), data_dir=self.server.data_dir)
        self.addCleanup(lambda: self.assertEqual(restarted.stop(), 0, restarted.log()))
        restarted.start()
        client = restarted.client()
        self.addCleanup(client.close)
        client.login(*ADMIN)
        return client

    def make_history(self):
        with self.server.client() as c:
            c.login(*ADMIN)
            body = {"kind": "individual", "name": "篡改测试", "region": "east", "phone": "13800001234"}
            status, _, customer = c.post("/customers", body)
            self.assertEqual(status, 201, customer)
            for version, fax in ((1, "021-5555 0001"), (2, "021-5555 0002"), (3, "021-5555 0003")):
                status, _, updated = c.patch(f"/customers/{customer['id']}", {"fax": fax}, if_match=version)
                self.assertEqual(status, 200, updated)
            status, _, page = c.get("/audit", query={"entity_id": str(customer["id"])})
            self.assertEqual(status, 200)
            return [e["id"] for e in reversed(page["items"])]  # create, update ×3

    def test_an_altered_entry_is_named_after_a_restart_and_by_the_cli(self):
        ids = self.make_history()
        r = self.verify_cli()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout.decode(), r"^audit log intact: \d+ entries\n$")

        if not on_postgres():
            # The documented hash format, recomputed from the file by another implementation.
            db = sqlite3.connect(f"file:{os.path.join(self.server.data_dir, 'credo.db')}?mode=ro", uri=True)
            try:
                prev = GENESIS
                for row in db.execute("SELECT id, at, actor_id, actor_name, action, entity, entity_id, details, "
                                      "prev_hash, hash FROM audit_log ORDER BY id"):
                    self.assertEqual(row[8], prev, row[0])
                    self.assertEqual(hashlib.sha256(canonical_text(row[:9])).hexdigest(), row[9], row[0])
                    prev = row[9]
            finally:
                db.close()

        self.assertEqual(self.server.terminate(), 0, self.server.log())
        target = ids[2]  # the second update
        self.sql(f"UPDATE audit_log SET details = '{{\"fields\":[\"name\"]}}' WHERE id = {target}")

        r = self.verify_cli()
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn(f"audit log broken at entry {target}: ".encode(), r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)

        client = self.restart()
        status, _, body = client.get("/audit/verify")
        self.assertEqual(status, 200, body)
        self.assertIs(body["intact"], False)
        self.assertEqual(body["broken_at"], target)
        self.assertIn("altered", body["reason"])
        self.assertEqual(body["entries"], target - 1)

    def test_a_removed_entry_is_found(self):
        ids = self.make_history()
        self.assertEqual(self.server.terminate(), 0, self.server.log())
        self.sql(f"DELETE FROM audit_log WHERE id = {ids[1]}")
        r = self.verify_cli()
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn(f"audit log broken at entry {ids[1] + 1}: entry {ids[1]} is missing".encode(), r.stderr)
        client = self.restart()
        status, _, body = client.get("/audit/verify")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["intact"], body["broken_at"]), (False, ids[1] + 1))


if __name__ == "__main__":
    unittest.main()
