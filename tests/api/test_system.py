"""Health, the OpenAPI document, reference data, routing errors."""

import unittest

from credo_server import CredoTestCase, on_postgres
from routes import EXERCISED_ROUTES, HTTP_METHODS, PUBLIC_ROUTES, concrete


class SystemTest(CredoTestCase):
    def test_health_is_public(self):
        status, headers, body = self.admin.request("GET", "/health", token=None)
        self.assertEqual(status, 200)
        self.assertEqual(body, {"status": "ok", "version": "0.1.0",
                               "database": "postgresql" if on_postgres() else "sqlite"})
        self.assertTrue(headers.get("Content-Type").startswith("application/json"))

    def test_openapi_is_public_json(self):
        status, headers, doc = self.admin.request("GET", "/openapi.json", token=None)
        self.assertEqual(status, 200)
        self.assertTrue(headers.get("Content-Type").startswith("application/json"))
        self.assertTrue(doc["openapi"].startswith("3."))
        self.assertEqual(doc["info"]["version"], "0.1.0")
        self.assertIn("paths", doc)
        self.assertIn("components", doc)

    def documented_routes(self):
        _, _, doc = self.admin.request("GET", "/openapi.json", token=None)
        routes = set()
        for path, item in doc["paths"].items():
            for method in item:
                if method in HTTP_METHODS:
                    routes.add((method, path))
        return doc, routes

    def test_openapi_lists_exactly_the_exercised_routes(self):
        _, routes = self.documented_routes()
        self.assertEqual(routes, EXERCISED_ROUTES,
                         f"documented but not exercised: {sorted(routes - EXERCISED_ROUTES)}; "
                         f"exercised but not documented: {sorted(EXERCISED_ROUTES - routes)}")

    def test_every_documented_route_is_answered(self):
        _, routes = self.documented_routes()
        client = self.server.client()
        try:
            for method, path in sorted(routes):
                status, headers, body = client.request(method.upper(), concrete(path), token=None,
                                                       raw=b"{}" if method in ("post", "patch") else None)
                if (method, path) in PUBLIC_ROUTES:
                    self.assertIn(status, (200, 400), f"{method} {path}: {status} {body}")
                else:
                    # A route that exists asks for credentials before anything else.
                    self.assertEqual(status, 401, f"{method} {path}: {status} {body}")
                    self.assertEqual(body["error"]["code"], "unauthenticated")
        finally:
            client.close()

    def test_documented_operations_have_security_and_responses(self):
        doc, _ = self.documented_routes()
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method not in HTTP_METHODS:
                    continue
                self.assertIn("responses", op, f"{method} {path}")
                if (method, path) in PUBLIC_ROUTES:
                    self.assertEqual(op.get("security"), [], f"{method} {path} should be public")
                else:
                    self.assertNotEqual(op.get("security"), [], f"{method} {path} should need a token")

    def test_unknown_route_is_404(self):
        err = self.assertError(self.admin.get("/no-such-thing"), 404, "not_found")
        self.assertIn("/api/v1/no-such-thing", err["message"])
        self.assertError(self.admin.request("GET", "/nope", token=None), 404, "not_found")
        self.assertError(self.admin.request("GET", "/api/v2/health", token=None), 404, "not_found")

    def test_wrong_method_is_405_with_allow(self):
        status, headers, body = self.admin.request("PUT", "/customers", raw=b"{}")
        self.assertEqual(status, 405, body)
        self.assertEqual(body["error"]["code"], "unsupported")
        allow = {m.strip() for m in headers.get("Allow").split(",")}
        self.assertLessEqual({"GET", "POST"}, allow)
        self.assertNotIn("PUT", allow)
        status, headers, body = self.admin.request("DELETE", "/health", token=None)
        self.assertEqual(status, 405, body)

    def test_malformed_requests(self):
        # A request target that is not valid percent-encoding.
        err = self.assertError(self.admin.request("GET", "/api/v1/customers?q=%ZZ"), 400, "invalid_argument")
        self.assertIn("request target", err["message"])
        # A header section over 16 KiB.
        with self.server.client() as c:
            status, _, body = c.request("GET", "/health", token=None, headers={"X-Big": "x" * 20000})
            self.assertEqual(status, 431, body)
            self.assertEqual(body["error"]["code"], "invalid_argument")
        # The server is fine afterwards.
        self.assertStatus(self.admin.get("/health"), 200)

    def test_head_health(self):
        status, headers, body = self.admin.request("HEAD", "/health", token=None)
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertGreater(int(headers.get("Content-Length")), 0)

    def test_metrics(self):
        self.assertError(self.admin.request("GET", "/metrics", token=None), 401, "unauthenticated")
        self.assertStatus(self.admin.get("/customers"), 200)
        self.assertError(self.admin.get("/customers/424242"), 404, "not_found")
        self.assertError(self.admin.get("/not-a-route"), 404, "not_found")
        status, headers, body = self.sales.get("/metrics")
        self.assertEqual(status, 200, body)
        self.assertTrue(headers.get("Content-Type").startswith("text/plain"))
        text = body.decode("utf-8")
        counts = {}
        for line in text.splitlines():
            if line.startswith("credo_http_requests_total{"):
                series, value = line.rsplit(" ", 1)
                counts[series] = int(value)
        # Requests are counted per route template, not per concrete path.
        self.assertGreaterEqual(
            counts.get('credo_http_requests_total{method="GET",route="/api/v1/customers",status="2xx"}', 0), 1)
        self.assertGreaterEqual(
            counts.get('credo_http_requests_total{method="GET",route="/api/v1/customers/{id}",status="4xx"}', 0), 1)
        self.assertGreaterEqual(
            counts.get('credo_http_requests_total{method="any",route="unmatched",status="4xx"}', 0), 1)
        self.assertNotIn("424242", text)
        self.assertIn("# TYPE credo_http_request_duration_seconds histogram", text)

    def test_regions(self):
        body = self.assertStatus(self.admin.get("/regions"), 200)
        regions = {r["code"]: r["name"] for r in body["items"]}
        self.assertEqual(regions, {"east": "华东", "north": "华北", "south": "华南", "central": "华中",
                                   "southwest": "西南", "northwest": "西北", "northeast": "东北"})

    def test_customer_fields_catalog(self):
        body = self.assertStatus(self.sales.get("/customer-fields"), 200)
        for key in ("groups", "fields", "kinds", "natures", "importances", "lifecycles", "stages",
                    "activity_types"):
            self.assertIn(key, body)
        self.assertEqual(body["kinds"], ["enterprise", "trader", "individual"])
        fields = {f["key"]: f for f in body["fields"]}
        self.assertEqual(fields["tax_id"]["required_for"], ["enterprise"])
        self.assertEqual(sorted(fields["phone"]["required_for"]), ["enterprise", "individual", "trader"])
        self.assertEqual(fields["ownership_type"]["type"], "enum")
        self.assertIn("private", fields["ownership_type"]["options"])
        self.assertEqual(fields["registered_capital"]["type"], "money")
        for f in body["fields"]:
            self.assertIn(f["group"], body["groups"])
        self.assertIn("visit", body["activity_types"])

    def test_error_responses_are_json(self):
        status, headers, body = self.admin.request("POST", "/customers", raw=b"not json",
                                                   headers={"Content-Type": "application/json"})
        self.assertEqual(status, 400)
        self.assertTrue(headers.get("Content-Type").startswith("application/json"))
        self.assertEqual(body["error"]["code"], "invalid_argument")


if __name__ == "__main__":
    unittest.main()
