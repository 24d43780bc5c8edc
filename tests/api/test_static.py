"""The web application: `credo serve` answers every path outside /api/ from static_dir."""

import gzip
import http.client
import os
import shutil
import tempfile
import unittest

from credo_server import API, CredoServer

INDEX = b"<!doctype html><html><body><div id=root></div><script src=/assets/x.js></script></body></html>"
SCRIPT = b"console.log('credo web');\n" * 20


class StaticTest(unittest.TestCase):
    """One server with a static_dir (given in a credo.toml) holding index.html and assets/x.js + .gz."""

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="credo-static-test-")
        cls.addClassCleanup(shutil.rmtree, cls.root, ignore_errors=True)
        web = os.path.join(cls.root, "web")
        os.makedirs(os.path.join(web, "assets"))
        with open(os.path.join(web, "index.html"), "wb") as f:
            f.write(INDEX)
        with open(os.path.join(web, "assets", "x.js"), "wb") as f:
            f.write(SCRIPT)
        with open(os.path.join(web, "assets", "x.js.gz"), "wb") as f:
            f.write(gzip.compress(SCRIPT))
        with open(os.path.join(web, ".env"), "wb") as f:
            f.write(b"SECRET=1")
        with open(os.path.join(cls.root, "outside.txt"), "wb") as f:
            f.write(b"outside the root")
        config = os.path.join(cls.root, "credo.toml")
        with open(config, "w") as f:
            f.write(f'static_dir = "{web}"\n')
        cls.server = CredoServer(users=(), extra_args=("--config", config))

        def stop():
            rc = cls.server.stop()
            if rc != 0:
                raise AssertionError(f"credo serve exited with {rc}")

        cls.addClassCleanup(stop)
        cls.server.start()

    def get(self, path, headers=None, method="GET"):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            conn.request(method, path, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.msg, resp.read()
        finally:
            conn.close()

    def assertIndex(self, path):
        status, headers, body = self.get(path)
        self.assertEqual(status, 200, f"{path}: {body!r}")
        self.assertEqual(body, INDEX, path)
        self.assertEqual(headers.get("Content-Type"), "text/html; charset=utf-8", path)
        self.assertEqual(headers.get("Cache-Control"), "no-cache", path)
        return headers

    def test_root_serves_index_with_security_headers(self):
        headers = self.assertIndex("/")
        self.assertEqual(headers.get("X-Content-Type-Options"), "nosniff")
        self.assertEqual(headers.get("X-Frame-Options"), "DENY")
        self.assertEqual(headers.get("Referrer-Policy"), "same-origin")
        csp = headers.get("Content-Security-Policy")
        self.assertIn("default-src 'self'", csp)
        self.assertIn("style-src 'self' 'unsafe-inline'", csp)
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertTrue(headers.get("ETag"))
        self.assertEqual(self.get("/index.html")[2], INDEX)

    def test_client_side_routes_fall_back_to_index(self):
        self.assertIndex("/customers/5")
        self.assertIndex("/customers/5/history")
        self.assertIndex("/login")

    def test_index_revalidates_with_etag(self):
        etag = self.get("/")[1].get("ETag")
        status, headers, body = self.get("/customers/5", {"If-None-Match": etag})
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")
        self.assertEqual(headers.get("ETag"), etag)
        self.assertEqual(self.get("/", {"If-None-Match": '"other"'})[0], 200)

    def test_assets_are_immutable_and_gzipped_when_accepted(self):
        status, headers, body = self.get("/assets/x.js")
        self.assertEqual(status, 200)
        self.assertEqual(body, SCRIPT)
        self.assertEqual(headers.get("Content-Type"), "text/javascript; charset=utf-8")
        self.assertEqual(headers.get("Cache-Control"), "public, max-age=31536000, immutable")
        self.assertEqual(headers.get("Vary"), "Accept-Encoding")
        self.assertIsNone(headers.get("Content-Encoding"))

        status, headers, body = self.get("/assets/x.js", {"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Content-Encoding"), "gzip")
        self.assertEqual(headers.get("Vary"), "Accept-Encoding")
        self.assertEqual(headers.get("Content-Type"), "text/javascript; charset=utf-8")
        self.assertEqual(gzip.decompress(body), SCRIPT)
        self.assertEqual(int(headers.get("Content-Length")), len(body))

        status, headers, body = self.get("/assets/x.js", method="HEAD")
        self.assertEqual((status, body), (200, b""))
        self.assertEqual(int(headers.get("Content-Length")), len(SCRIPT))

    def test_missing_files_are_404(self):
        for path in ("/assets/missing.js", "/assets/missing", "/favicon.ico", "/customers/5.json"):
            with self.subTest(path=path):
                status, headers, body = self.get(path)
                self.assertEqual(status, 404, body)
                self.assertTrue(headers.get("Content-Type").startswith("application/json"))

    def test_traversal_and_dotfiles_are_refused(self):
        for path in ("/../outside.txt", "/assets/../../outside.txt", "/%2e%2e/outside.txt",
                     "/assets/%2E%2E/%2E%2E/outside.txt", "/assets%2F..%2F..%2Foutside.txt", "/.env", "/%2eenv",
                     "/%00"):
            with self.subTest(path=path):
                status, _, body = self.get(path)
                self.assertIn(status, (400, 404), body)
                self.assertNotIn(b"outside the root", body)
                self.assertNotIn(b"SECRET", body)

    def test_api_paths_keep_their_json_errors(self):
        status, headers, body = self.get(API + "/nope")
        self.assertEqual(status, 404)
        self.assertTrue(headers.get("Content-Type").startswith("application/json"))
        self.assertIn(b'"not_found"', body)
        status, headers, body = self.get(API + "/health", method="DELETE")
        self.assertEqual(status, 405)
        self.assertEqual(self.get(API + "/health")[0], 200)
        # Only GET and HEAD reach the web application.
        status, headers, _ = self.get("/customers/5", method="POST")
        self.assertEqual(status, 404)
        self.assertTrue(headers.get("Content-Type").startswith("application/json"))


class NoStaticTest(unittest.TestCase):
    """Without static_dir, and no ./web/dist in the working directory, nothing is served outside /api/."""

    def test_root_is_a_json_404(self):
        server = CredoServer(users=())
        self.addCleanup(server.stop)
        server.start()
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.addCleanup(conn.close)
        conn.request("GET", "/customers/5")
        resp = conn.getresponse()
        body = resp.read()
        self.assertEqual(resp.status, 404, body)
        self.assertIn(b'"not_found"', body)
        conn.close()
        self.assertEqual(server.terminate(), 0)
        self.assertIn("no web application to serve", server.log())


if __name__ == "__main__":
    unittest.main()
