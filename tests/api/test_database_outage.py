"""A full PostgreSQL outage: while the database is down the server answers 503 `unavailable` (no crash,
no hang, no 500, no 401 for a valid session), and once the database is back it serves again without a
restart.

Runs only on PostgreSQL (CREDO_API_BACKEND=postgres). It stops and starts the database, so it makes a
throwaway cluster of its own (as scripts/lib/pg.sh does) instead of using the shared $CREDO_TEST_PG_URL,
on which other tests run in parallel.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from credo_server import ADMIN, CREDO_BIN, Client, CredoServer, enterprise, free_port

# Every request gets this long: a server that hangs on a dead database fails the test instead of
# stalling it.
REQUEST_TIMEOUT = 5
# How long the server may take to serve again once PostgreSQL accepts connections again.
RECOVERY_DEADLINE = 10
# Authenticator's session cache (app/auth.cpp) keeps a session this long; the outage is observed for
# longer than that, so that requests authenticated from the cache and from the (dead) database are
# both seen.
SESSION_CACHE_SECONDS = 5


def _pg_bin() -> str:
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    return dirs[-1] if dirs else ""


class PgCluster:
    """A PostgreSQL cluster in a temporary directory on a free port on 127.0.0.1 (as the `postgres`
    user when running as root: the server refuses root)."""

    def __init__(self):
        self.bin = _pg_bin()
        if not os.access(os.path.join(self.bin, "initdb"), os.X_OK):
            raise RuntimeError("PostgreSQL is missing: run scripts/install-deps")
        self.root = tempfile.mkdtemp(prefix="credo-pg-outage-")
        self.data = os.path.join(self.root, "data")
        self.log = os.path.join(self.root, "server.log")
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        if os.getuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args, timeout: float = 60) -> None:
        cmd = [os.path.join(self.bin, args[0]), *args[1:]]
        if os.getuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        r = subprocess.run(cmd, capture_output=True, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({r.returncode}): {r.stderr.decode()}\n{self.server_log()}")

    def init(self) -> None:
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")

    def start(self) -> None:
        # -l: the postmaster must not inherit our pipes, or capture_output would wait for it forever.
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def destroy(self) -> None:
        """Stops the server if it runs and removes everything; never raises."""
        try:
            if os.path.exists(os.path.join(self.data, "postmaster.pid")):
                self.stop("immediate")
        except Exception:  # noqa: BLE001 - cleanup goes on regardless
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def server_log(self) -> str:
        try:
            with open(self.log, "rb") as f:
                return f.read().decode("utf-8", "replace")[-2000:]
        except OSError:
            return ""


class OwnDatabaseServer(CredoServer):
    """`credo serve --db URL` on a database given here (CredoServer maps --data onto the shared one)."""

    def __init__(self, db_url: str):
        super().__init__(users=())
        self.db_url = db_url

    def start(self) -> "OwnDatabaseServer":
        self.tmp_root = tempfile.mkdtemp(prefix="credo-api-test-")
        r = subprocess.run([CREDO_BIN, "user", "add", ADMIN[0], "--password", ADMIN[1], "--role", "admin",
                            "--db", self.db_url], capture_output=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError(f"credo user add failed ({r.returncode}): {r.stderr.decode()}")
        self.port = free_port()
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([CREDO_BIN, "serve", "--db", self.db_url, "--listen", f"127.0.0.1:{self.port}"],
                                     stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_healthy()
        return self


@unittest.skipUnless(os.environ.get("CREDO_API_BACKEND") == "postgres",
                     "a database outage can happen only on PostgreSQL (SQLite is a file of the process)")
class DatabaseOutageTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.pg = PgCluster()
        self.addCleanup(self.pg.destroy)  # runs last: after the server has stopped
        self.pg.init()
        self.pg.start()
        self.server = OwnDatabaseServer(self.pg.url)
        self.addCleanup(self.stop_server)
        self.server.start()

    def stop_server(self):
        rc = self.server.stop()
        if rc != 0:
            raise AssertionError(f"credo serve exited with {rc} after SIGTERM: {self.server.log()}")

    def client(self, token=None) -> Client:
        c = Client(self.server.port, token, timeout=REQUEST_TIMEOUT)
        self.addCleanup(c.close)
        return c

    def assertAlive(self):
        self.assertIsNone(self.server.proc.poll(), f"credo serve died: {self.server.log()}")

    def assertUnavailable(self, result, what: str):
        status, _, body = result
        self.assertEqual(status, 503, f"{what}: expected 503, got {status}: {body!r}\n{self.server.log()}")
        self.assertIsInstance(body, dict, f"{what}: error body is not JSON: {body!r}")
        self.assertEqual(body["error"]["code"], "unavailable", f"{what}: {body}")
        self.assertIn("database is unreachable", body["error"]["message"], f"{what}: {body}")

    def test_an_outage_answers_503_and_the_server_serves_again_when_the_database_is_back(self):
        api = self.client()
        token = api.login(*ADMIN)
        status, _, created = api.post("/customers", enterprise())
        self.assertEqual(status, 201, created)
        cid = created["id"]

        self.pg.stop("fast")

        # Down: each request answers at once (the client gives up after REQUEST_TIMEOUT), with 503.
        # Requests go on for longer than the session cache lasts, so that the session is found both in
        # the cache and (failing) in the database: neither may turn into a 401.
        outage_start = time.monotonic()
        while True:
            self.assertUnavailable(api.get(f"/customers/{cid}"), "GET /customers/{id} while down")
            self.assertUnavailable(api.post("/customers", enterprise()), "POST /customers while down")
            self.assertAlive()
            if time.monotonic() - outage_start > SESSION_CACHE_SECONDS + 1:
                break
            time.sleep(0.5)
        # A fresh connection (not only a kept-alive one) is served too.
        self.assertUnavailable(self.client(token).get(f"/customers/{cid}"), "GET on a new connection while down")
        # Logging in needs the database as well: 503, not "wrong password".
        self.assertUnavailable(self.client().post("/auth/login", {"username": ADMIN[0], "password": ADMIN[1]},
                                                  token=None), "login while down")

        # The health check does not touch the database: it names the backend and stays up.
        status, _, health = self.client().get("/health")
        self.assertEqual(status, 200, health)
        self.assertEqual(health["status"], "ok", health)
        self.assertEqual(health["database"], "postgresql", health)
        self.assertAlive()

        # Back, on the same port and data directory: the same server serves again, the same session.
        self.pg.start()
        deadline = time.monotonic() + RECOVERY_DEADLINE
        seen = []
        while True:
            status, _, body = api.get(f"/customers/{cid}")
            seen.append(status)
            if status == 200:
                break
            self.assertEqual(status, 503, f"while recovering: {body!r}")
            self.assertAlive()
            self.assertLess(time.monotonic(), deadline,
                            f"not serving {RECOVERY_DEADLINE}s after the database came back: {seen}\n"
                            f"{self.server.log()}")
            time.sleep(0.2)
        self.assertEqual(body["id"], cid)
        self.assertEqual(body["name"], created["name"])
        # Every pooled connection was cut; reads and writes succeed on whichever one they get.
        for i in range(20):
            status, _, again = api.get(f"/customers/{cid}")
            self.assertEqual(status, 200, f"read {i} after recovery: {again!r}")
        status, _, fresh = api.post("/customers", enterprise())
        self.assertEqual(status, 201, fresh)
        status, _, read = api.get(f"/customers/{fresh['id']}")
        self.assertEqual(status, 200, read)
        self.assertEqual(read["name"], fresh["name"])
        # Nothing tried during the outage was half-written: exactly the two files made while up.
        status, _, page = api.get("/customers", query={"page_size": 1})
        self.assertEqual(status, 200, page)
        self.assertEqual(page["total"], 2, page)
        self.assertAlive()


if __name__ == "__main__":
    unittest.main()
