"""Test harness for the Credo HTTP API: runs `credo serve` on a free port with a throw-away data
directory, and a small JSON client.

Standard library only. The binary is $CREDO_BIN (default /work/main/build/release/credo).

    class MyTest(CredoTestCase):
        def test_x(self):
            status, headers, body = self.admin.request("GET", "/customers")

CredoTestCase.setUpClass starts one server per test class, creates the users below through the CLI
and logs them in once (Argon2id logins are slow by design, so tokens are reused). The class cleanup
sends SIGTERM, asserts that the server exits 0 within 10 s, and removes the data directory, also
when a test or setUpClass failed.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import hashlib
import subprocess
import tempfile
import time
import unittest
import urllib.parse
from typing import Any

_DEFAULT_BIN = "/work/main/build/release/credo"
CREDO_BIN = os.path.abspath(os.environ.get("CREDO_BIN", _DEFAULT_BIN))

API = "/api/v1"

# Usernames must be 3-64 characters of a-z 0-9 . _ - (so the sales user is "sales1", not "s1").
ADMIN = ("admin", "admin-password-1")
SALES = ("sales1", "sales-password-1")
AUDITOR = ("auditor1", "auditor-password-1")
DEFAULT_USERS = (
    (ADMIN[0], ADMIN[1], ["admin"], None),
    (SALES[0], SALES[1], ["sales"], "east"),
    (AUDITOR[0], AUDITOR[1], ["auditor"], None),
)

# A valid enterprise file (every field an enterprise requires). Tests copy it and change the name,
# tax id and phone so that files do not look like duplicates of each other unless they mean to.
ENTERPRISE = {
    "kind": "enterprise",
    "name": "上海示例阀门有限公司",
    "region": "east",
    "phone": "021-55550000",
    "address": "上海市浦东新区示例路1号",
    "legal_representative": "张三",
    "tax_id": "91310000MA1FL00000",
    "ownership_type": "private",
}

_counter = [0]


def unique_number() -> int:
    """A process-wide counter, for unique names, phones and tax ids."""
    _counter[0] += 1
    return _counter[0]


_UNSET = object()


def enterprise(name: Any = _UNSET, **overrides: Any) -> dict:
    """A valid enterprise body with a unique name, tax id and phone (unless given)."""
    n = unique_number()
    body = dict(ENTERPRISE)
    body["name"] = name if name is not _UNSET else f"测试企业{n:05d}有限公司"
    body["tax_id"] = f"91310000MA{n:08d}"
    body["phone"] = f"021-6{n:07d}"
    body.update(overrides)
    return body


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# With CREDO_API_BACKEND=postgres (and $CREDO_TEST_PG_URL naming the server's postgresql://…/postgres),
# the same tests run on PostgreSQL: every `--data DIR` becomes `--db <a database of its own for DIR>`,
# created on first use.
PG_URL = os.environ.get("CREDO_TEST_PG_URL") if os.environ.get("CREDO_API_BACKEND") == "postgres" else None
_pg_databases: set[str] = set()


def on_postgres() -> bool:
    return bool(PG_URL)


def _pg_url_for(data_dir: str) -> str:
    name = "credo_api_" + hashlib.sha1(os.path.abspath(data_dir).encode()).hexdigest()[:16]
    if name not in _pg_databases:
        r = subprocess.run(["psql", PG_URL, "-qAtc", f"CREATE DATABASE {name}"], capture_output=True)
        if r.returncode != 0 and b"already exists" not in r.stderr:
            raise RuntimeError(f"cannot create database {name}: {r.stderr.decode()}")
        _pg_databases.add(name)
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def storage_args(args) -> list[str]:
    """Rewrites `--data DIR` into `--db URL` when the tests run on PostgreSQL."""
    args = list(args)
    if not PG_URL:
        return args
    out = []
    i = 0
    while i < len(args):
        if args[i] == "--data" and i + 1 < len(args):
            out += ["--db", _pg_url_for(args[i + 1])]
            i += 2
        else:
            out.append(args[i])
            i += 1
    return out


def run_cli(*args: str, timeout: float = 60, input_bytes: bytes | None = None) -> subprocess.CompletedProcess:
    """Runs `credo ARGS...` and returns the completed process (stdout/stderr as text)."""
    return subprocess.run([CREDO_BIN, *storage_args(args)], input=input_bytes, capture_output=True, timeout=timeout)


def add_user(data_dir: str, username: str, password: str, roles: list[str], region: str | None = None):
    args = ["user", "add", username, "--password", password]
    for r in roles:
        args += ["--role", r]
    if region:
        args += ["--region", region]
    args += ["--data", data_dir]
    return run_cli(*args)


class Client:
    """A JSON client over one keep-alive HTTP/1.1 connection (reopened when the server closes it).

    request() returns (status, headers, body): headers is an http.client.HTTPMessage (case-insensitive
    .get()), body is the parsed JSON for JSON responses, else bytes.
    """

    def __init__(self, port: int, token: str | None = None, timeout: float = 60):
        self.port = port
        self.token = token
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self._conn

    def login(self, username: str, password: str) -> str:
        status, _, body = self.request("POST", "/auth/login", {"username": username, "password": password},
                                       token=None)
        if status != 200:
            raise AssertionError(f"login {username} failed: {status} {body}")
        self.token = body["token"]
        return self.token

    def request(self, method: str, path: str, body: Any = None, headers: dict | None = None,
                raw: bytes | None = None, token: Any = ..., query: dict | None = None):
        if not path.startswith("/api/") and not path.startswith("http"):
            path = API + path
        if query:
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode(query)
        hdrs = {}
        payload = None
        if raw is not None:
            payload = raw
        elif body is not None:
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        tok = self.token if token is ... else token
        if tok is not None:
            hdrs["Authorization"] = f"Bearer {tok}"
        if headers:
            hdrs.update(headers)
        return self._send(method, path, payload, hdrs)

    def _send(self, method, path, payload, hdrs, retry=True):
        conn = self._connection()
        try:
            conn.request(method, path, body=payload, headers=hdrs)
            resp = conn.getresponse()
            data = resp.read()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError,
                http.client.CannotSendRequest):
            # The server closed an idle keep-alive connection; retry once on a new one.
            self.close()
            if not retry:
                raise
            return self._send(method, path, payload, hdrs, retry=False)
        if resp.will_close:
            self.close()
        ctype = resp.getheader("Content-Type", "")
        parsed: Any = data
        if data and ctype.startswith("application/json"):
            parsed = json.loads(data.decode("utf-8"))
        return resp.status, resp.msg, parsed

    # Small conveniences used across the tests.
    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def patch(self, path, body=None, if_match=None, **kw):
        headers = dict(kw.pop("headers", None) or {})
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        return self.request("PATCH", path, body, headers=headers, **kw)


class CredoServer:
    """One `credo serve` process with its own temporary data directory."""

    def __init__(self, users=DEFAULT_USERS, data_dir: str | None = None, extra_args: tuple = (),
                 config: str | None = None):
        """`config`: the text of a credo.toml for this server."""
        self.users = users
        self.config = config
        self.own_dir = data_dir is None
        self.data_dir = data_dir
        self.extra_args = extra_args
        self.port: int | None = None
        self.proc: subprocess.Popen | None = None
        self._log = None
        self.tmp_root: str | None = None

    @property
    def log_path(self) -> str:
        return os.path.join(self.tmp_root or self.data_dir, "serve.log")

    def start(self) -> "CredoServer":
        if not os.access(CREDO_BIN, os.X_OK):
            raise RuntimeError(f"credo binary not found at {CREDO_BIN} (set CREDO_BIN)")
        if self.own_dir:
            self.tmp_root = tempfile.mkdtemp(prefix="credo-api-test-")
            self.data_dir = os.path.join(self.tmp_root, "data")
        for username, password, roles, region in self.users:
            r = add_user(self.data_dir, username, password, roles, region)
            if r.returncode != 0:
                raise RuntimeError(f"credo user add {username} failed ({r.returncode}): {r.stderr.decode()}")
        self.port = free_port()
        log_dir = self.tmp_root or tempfile.mkdtemp(prefix="credo-api-log-")
        if self.tmp_root is None:
            self.tmp_root = log_dir
        self._log = open(os.path.join(log_dir, "serve.log"), "wb")
        config_args = []
        if self.config is not None:
            path = os.path.join(log_dir, "credo.toml")
            with open(path, "w") as f:
                f.write(self.config)
            config_args = ["--config", path]
        self.proc = subprocess.Popen(
            [CREDO_BIN, *storage_args(["serve", "--data", self.data_dir]), "--listen", f"127.0.0.1:{self.port}",
             *config_args, *self.extra_args],
            stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_healthy()
        return self

    def _wait_healthy(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"credo serve exited with {self.proc.returncode}: {self.log()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", API + "/health")
                resp = conn.getresponse()
                resp.read()
                conn.close()
                if resp.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"credo serve did not become healthy within {timeout}s: {self.log()}")

    def log(self) -> str:
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-4000:]
        except OSError:
            return ""

    def client(self, token: str | None = None) -> Client:
        return Client(self.port, token)

    def call(self, method: str, path: str, body=None, **kw):
        """One request on a connection of its own (closed afterwards)."""
        with self.client() as c:
            return c.request(method, path, body, **kw)

    def terminate(self, timeout: float = 10) -> int:
        """SIGTERM and wait; returns the exit status (kills and raises on timeout)."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"credo serve did not exit within {timeout}s after SIGTERM")
        finally:
            if self._log:
                self._log.close()
                self._log = None
        return rc

    def stop(self) -> int:
        """Terminates the server and removes its directory; returns the exit status."""
        try:
            return self.terminate()
        finally:
            if self.tmp_root:
                shutil.rmtree(self.tmp_root, ignore_errors=True)
            if self.own_dir and self.data_dir and os.path.exists(self.data_dir):
                shutil.rmtree(self.data_dir, ignore_errors=True)


class CredoTestCase(unittest.TestCase):
    """Starts one server per class; `self.admin`, `self.sales`, `self.auditor` are logged-in clients."""

    server: CredoServer
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        server = CredoServer()
        cls.server = server

        def stop_server():
            rc = server.stop()
            if rc != 0:
                raise AssertionError(f"credo serve exited with {rc} after SIGTERM: {server.log()}")

        cls.addClassCleanup(stop_server)
        server.start()
        cls.admin = server.client()
        cls.admin.login(*ADMIN)
        cls.sales = server.client()
        cls.sales.login(*SALES)
        cls.auditor = server.client()
        cls.auditor.login(*AUDITOR)
        cls.addClassCleanup(cls.admin.close)
        cls.addClassCleanup(cls.sales.close)
        cls.addClassCleanup(cls.auditor.close)

    # --- assertions -------------------------------------------------------------------------------

    def assertStatus(self, result, status: int, msg: str = ""):
        got, _, body = result
        self.assertEqual(got, status, f"{msg} expected {status}, got {got}: {body!r}")
        return body

    def assertError(self, result, status: int, code: str, field: str | None = None,
                    field_contains: str | None = None) -> dict:
        """Asserts an error response {"error": {"code", "message", "fields"?}}; returns the error."""
        body = self.assertStatus(result, status)
        self.assertIsInstance(body, dict, f"error body is not JSON: {body!r}")
        self.assertEqual(set(body), {"error"}, body)
        err = body["error"]
        self.assertEqual(err.get("code"), code, err)
        self.assertIsInstance(err.get("message"), str, err)
        self.assertTrue(err["message"], err)
        self.assertLessEqual(set(err), {"code", "message", "fields", "details"}, err)
        if "fields" in err:
            self.assertIsInstance(err["fields"], dict, err)
            for k, v in err["fields"].items():
                self.assertIsInstance(v, str, err)
        if field is not None:
            self.assertIn("fields", err, err)
            self.assertIn(field, err["fields"], err)
        if field_contains is not None:
            self.assertIn("fields", err, err)
            self.assertTrue(any(field_contains in k for k in err["fields"]),
                            f"no field containing {field_contains!r} in {err}")
        return err

    # --- helpers ----------------------------------------------------------------------------------

    def create_customer(self, client: Client | None = None, **overrides) -> dict:
        client = client or self.admin
        body = self.assertStatus(client.post("/customers", enterprise(**overrides)), 201)
        return body

    def total(self, client: Client | None = None, **filters) -> int:
        client = client or self.admin
        query = {"page_size": 1, **filters}
        return self.assertStatus(client.get("/customers", query=query), 200)["total"]
