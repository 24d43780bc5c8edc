"""Two `credo serve` processes on one PostgreSQL database, with clients split across both.

Runs only on PostgreSQL (CREDO_API_BACKEND=postgres): SQLite serves one process.
"""

import os
import tempfile
import time
import unittest

import subprocess

from credo_server import ADMIN, CREDO_BIN, CredoServer, enterprise, on_postgres, storage_args
from test_concurrency import run_threads


@unittest.skipUnless(on_postgres(), "several servers share a database only on PostgreSQL")
class TwoServersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Both servers name the same data directory, so storage_args maps them to the same database.
        cls.root = tempfile.mkdtemp(prefix="credo-two-servers-")
        shared = os.path.join(cls.root, "shared")
        # Both look for due jobs every second, so that they race for today's runs.
        config = os.path.join(cls.root, "credo.toml")
        with open(config, "w") as f:
            f.write("jobs_interval_seconds = 1\n")
        cls.a = CredoServer(data_dir=shared, extra_args=("--config", config)).start()
        cls.b = CredoServer(users=(), data_dir=shared, extra_args=("--config", config)).start()
        cls.database_url = storage_args(["--data", shared])[1]
        cls.addClassCleanup(cls.stop_servers)
        with cls.a.client() as c:
            cls.token = c.login(*ADMIN)  # a session made on one server works on the other

    @classmethod
    def stop_servers(cls):
        statuses = {name: server.stop() for name, server in (("a", cls.a), ("b", cls.b))}
        if any(statuses.values()):
            raise AssertionError(f"a server did not stop cleanly: {statuses}")

    def client(self, i):
        return (self.a if i % 2 == 0 else self.b).client(self.token)

    def test_creates_from_both_servers_get_distinct_codes_and_none_is_lost(self):
        threads, per_thread = 12, 15
        results = [[] for _ in range(threads)]

        def work(t):
            with self.client(t) as c:
                for i in range(per_thread):
                    results[t].append(c.post("/customers", enterprise(f"双服务器客户{t:02d}-{i:02d}")))

        self.assertEqual(run_threads(threads, work), [])
        flat = [r for rs in results for r in rs]
        self.assertEqual([s for s, _, _ in flat if s != 201], [])
        codes = {b["code"] for _, _, b in flat}
        self.assertEqual(len(codes), threads * per_thread)
        with self.b.client(self.token) as c:
            status, _, page = c.get("/customers", query={"q": "双服务器客户", "page_size": 1})
            self.assertEqual(status, 200)
            self.assertEqual(page["total"], threads * per_thread)

    def test_conflicting_writers_on_two_servers_one_wins(self):
        with self.a.client(self.token) as c:
            status, _, created = c.post("/customers", enterprise("双服务器竞争有限公司"))
            self.assertEqual(status, 201)
        n = 8
        results = [None] * n

        def work(i):
            with self.client(i) as c:
                results[i] = c.patch(f"/customers/{created['id']}", {"fax": f"021-5555 {1000 + i}"}, if_match=1)

        self.assertEqual(run_threads(n, work), [])
        statuses = sorted(r[0] for r in results)
        self.assertEqual(statuses, [200] + [409] * (n - 1), [r[2] for r in results])
        with self.b.client(self.token) as c:
            status, _, history = c.get(f"/customers/{created['id']}/history")
            self.assertEqual([v["version"] for v in history["items"]], [2, 1])

    def test_concurrent_orders_on_two_servers_never_pass_the_limit(self):
        # LC-4 across servers: a customer whose limit allows exactly 10 orders of 1,000.00, and 64 clients
        # ordering at once through both servers.
        password = "two-servers-1"
        users = {"ts.sales": ["sales"], "ts.rm": ["regional_manager"], "ts.sm": ["sales_manager"],
                 "ts.fin": ["finance"]}
        with self.a.client(self.token) as c:
            for name, roles in users.items():
                status, _, body = c.post("/users", {"username": name, "password": password, "roles": roles,
                                                    "region": "east"})
                self.assertEqual(status, 201, body)
            ids = {u["username"]: u["id"] for u in c.get("/users")[2]["items"]}
            status, _, customer = c.post("/customers", enterprise("双服务器授信有限公司", owner_id=ids["ts.sales"]))
            self.assertEqual(status, 201, customer)
        tokens = {}
        for name in users:
            with self.a.client() as c:
                tokens[name] = c.login(name, password)
        with self.a.client(tokens["ts.sales"]) as c:
            status, _, application = c.post("/credit-applications", {
                "customer_id": customer["id"], "limit": {"amount": "10000.00"}, "grade": "II",
                "report_date": time.strftime("%Y-%m-%d"), "reason": "双服务器测试"})
            self.assertEqual(status, 201, application)
        for name in ("ts.rm", "ts.sm", "ts.fin"):
            with self.b.client(tokens[name]) as c:
                status, _, body = c.post(f"/credit-applications/{application['id']}/decisions", {"decision": "approve"})
                self.assertEqual(status, 200, body)
        self.assertEqual(body["status"], "approved")
        results = [None] * 64

        def work(i):
            server = self.a if i % 2 == 0 else self.b
            with server.client(tokens["ts.sales"]) as c:
                results[i] = c.post("/orders", {"customer_id": customer["id"], "lines": [
                    {"product": "闸阀", "quantity": "1", "unit_price": "1000.00"}]})

        self.assertEqual(run_threads(64, work), [])
        self.assertEqual([r[0] for r in results if r[0] != 201], [])
        approved = [r for r in results if r[2]["status"] == "approved"]
        held = [r for r in results if r[2]["status"] == "credit_hold"]
        self.assertEqual(len(approved), 10)
        self.assertEqual(len(held), 54)
        self.assertTrue(all(r[2]["reasons"] == ["over_limit"] for r in held))
        with self.b.client(self.token) as c:
            credit = c.get(f"/customers/{customer['id']}/credit")[2]
        self.assertEqual(credit["exposure"], {"amount": "10000.00", "currency": "CNY"})
        reconciled = subprocess.run([CREDO_BIN, "credit", "reconcile",
                                     "--db", self.database_url], capture_output=True, text=True)
        self.assertEqual(reconciled.returncode, 0, reconciled.stdout + reconciled.stderr)

    def test_a_scheduled_job_runs_once_for_both_servers(self):
        time.sleep(3)  # several ticks of both schedulers
        rows = subprocess.run(["psql", self.database_url, "-qAtc",
                               "SELECT job, as_of, server FROM job_runs ORDER BY job, as_of"],
                              capture_output=True, text=True, check=True).stdout.strip().splitlines()
        # One row per job for today, whichever server claimed it.
        jobs = [row.split("|")[0] for row in rows]
        self.assertEqual(sorted(jobs), sorted(set(jobs)), rows)
        self.assertIn("session_sweep", jobs)
        for row in rows:
            _, _, server = row.split("|")
            self.assertIn(server, {f"127.0.0.1:{self.a.port}", f"127.0.0.1:{self.b.port}"})

    def test_a_lost_database_connection_is_re_established(self):
        # Cut every connection the servers hold. A connection found cut when a transaction begins is
        # re-established at once; one cut in the middle of a transaction answers 503. Never a crash or a
        # 500, and the servers carry on.
        subprocess.run(["psql", self.database_url, "-qAtc",
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"],
                       capture_output=True, check=True)
        statuses = []
        with self.a.client(self.token) as c:
            for _ in range(20):
                status, _, body = c.get("/customers", query={"page_size": 1})
                statuses.append(status)
                if status == 503:
                    self.assertEqual(body["error"]["code"], "unavailable")
        self.assertTrue(set(statuses) <= {200, 503}, statuses)
        self.assertEqual(statuses[-5:], [200] * 5, statuses)
        # Server b, whose connections were cut while idle, reconnects the same way.
        with self.b.client(self.token) as c:
            healed = [c.get("/customers", query={"page_size": 1})[0] for _ in range(20)]
        self.assertTrue(set(healed) <= {200, 503}, healed)
        self.assertEqual(healed[-5:], [200] * 5, healed)

    def test_logout_on_one_server_ends_the_session_on_the_other(self):
        with self.b.client() as c:
            token = c.login(*ADMIN)
        with self.a.client(token) as c:
            self.assertEqual(c.post("/auth/logout")[0], 204)
        # Server b may have cached the session for a few seconds; after that it must refuse it.
        time.sleep(5.5)
        with self.b.client(token) as c:
            self.assertEqual(c.get("/auth/me")[0], 401)


if __name__ == "__main__":
    unittest.main()
