"""Graceful shutdown: SIGTERM lets requests in flight finish, then the process exits 0."""

import http.client
import json
import signal
import socket
import threading
import time
import unittest

from credo_server import ADMIN, CredoServer, enterprise

API = "/api/v1"


def read_response(sock: socket.socket, timeout: float = 15):
    """Reads one HTTP/1.1 response with a Content-Length body; returns (status, headers, body bytes)."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"connection closed after {len(data)} bytes of headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    length = int(headers["content-length"])
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"body cut short: {len(body)} of {length} bytes")
        body += chunk
    return status, headers, body[:length]


class ShutdownTest(unittest.TestCase):
    def start_server(self):
        server = CredoServer()

        def stop():
            rc = server.stop()
            self.assertEqual(rc, 0, server.log())

        self.addCleanup(stop)
        server.start()
        client = server.client()
        self.addCleanup(client.close)
        client.login(*ADMIN)
        return server, client

    def test_request_in_flight_completes(self):
        server, admin = self.start_server()
        body = json.dumps(enterprise("关停时创建的客户有限公司"), ensure_ascii=False).encode()
        head = (f"POST {API}/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {admin.token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        idle = socket.create_connection(("127.0.0.1", server.port))  # connected, no request: closed at once
        sock = socket.create_connection(("127.0.0.1", server.port))
        try:
            # Half the request, so that the server is in the middle of reading it when the signal comes.
            sock.sendall(head + body[:10])
            time.sleep(0.3)
            started = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            self.assertIsNone(server.proc.poll(), "the server exited with a request in flight")
            sock.sendall(body[10:])
            status, headers, data = read_response(sock)
            self.assertEqual(status, 201, data)
            created = json.loads(data)
            self.assertEqual(created["name"], "关停时创建的客户有限公司")
            self.assertEqual(headers.get("connection", "").lower(), "close")
            rc = server.proc.wait(timeout=10)
            self.assertEqual(rc, 0, server.log())
            self.assertLess(time.monotonic() - started, 10)
            # The idle connection was closed without a response.
            idle.settimeout(5)
            self.assertEqual(idle.recv(100), b"")
        finally:
            sock.close()
            idle.close()
        # New connections are refused once the server is gone.
        with self.assertRaises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
        # The file that was acknowledged is in the database.
        again = CredoServer(users=(), data_dir=server.data_dir)
        try:
            again.start()
            with again.client() as c:
                c.login(*ADMIN)
                got = c.get(f"/customers/{created['id']}")
                self.assertEqual(got[0], 200)
                self.assertEqual(got[2]["code"], created["code"])
        finally:
            self.assertEqual(again.stop(), 0)

    def test_sigterm_under_load(self):
        server, admin = self.start_server()
        signalled_at = []
        outcomes = []  # (finished_at, status, complete JSON body) per response
        failures = []  # connection-level errors (allowed only without any part of a response)
        lock = threading.Lock()

        def csv_for(t, k):
            rows = "".join(f"individual,负载{t}-{k}-{i},east,139{t:02d}{k:03d}{i:03d}\n" for i in range(300))
            return ("kind,name,region,phone\n" + rows).encode()

        def worker(t):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            k = 0
            try:
                while True:
                    if t % 2 == 0:
                        conn.request("POST", f"{API}/imports/customers", body=csv_for(t, k),
                                     headers={"Authorization": f"Bearer {admin.token}", "Content-Type": "text/csv"})
                    else:
                        conn.request("GET", f"{API}/exports/customers?format=csv",
                                     headers={"Authorization": f"Bearer {admin.token}"})
                    resp = conn.getresponse()
                    data = resp.read()  # raises IncompleteRead on a cut-short body
                    if resp.getheader("Content-Type", "").startswith("application/json"):
                        data = json.loads(data)
                    with lock:
                        outcomes.append((time.monotonic(), resp.status, data, resp.getheader("Connection")))
                    k += 1
                    if resp.will_close:
                        return
            except (ConnectionError, http.client.RemoteDisconnected, http.client.CannotSendRequest, OSError) as e:
                with lock:
                    failures.append(e)
            except Exception as e:  # noqa: BLE001 - a truncated or garbled response
                with lock:
                    failures.append(e)
                    outcomes.append((time.monotonic(), "broken", repr(e), None))
            finally:
                conn.close()

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(6)]
        for t in threads:
            t.start()
        time.sleep(0.6)
        signalled_at.append(time.monotonic())
        server.proc.send_signal(signal.SIGTERM)
        rc = server.proc.wait(timeout=10)
        for t in threads:
            t.join(timeout=30)
        self.assertEqual(rc, 0, server.log())
        self.assertFalse([o for o in outcomes if o[1] == "broken"], failures)
        self.assertTrue(outcomes)
        self.assertTrue(all(o[1] == 200 for o in outcomes), [o[:2] for o in outcomes if o[1] != 200])
        # Requests running when the signal came were answered (completely: see "broken" above).
        late = [o for o in outcomes if o[0] > signalled_at[0]]
        self.assertTrue(late, "no request was in flight at SIGTERM")
        # Every connection ended after a response marked Connection: close, or was closed while idle.
        self.assertTrue(any((o[3] or "").lower() == "close" for o in late), late)
        # Every acknowledged import is in the database, and nothing else.
        created = sum(o[2]["created"] for o in outcomes if isinstance(o[2], dict))
        again = CredoServer(users=(), data_dir=server.data_dir)
        try:
            again.start()
            with again.client() as c:
                c.login(*ADMIN)
                self.assertEqual(c.get("/customers", query={"page_size": 1})[2]["total"], created)
        finally:
            self.assertEqual(again.stop(), 0)


if __name__ == "__main__":
    unittest.main()
