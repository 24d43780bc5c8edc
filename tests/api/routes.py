"""The routes of the API that the suite exercises (shared by several test modules)."""

# Every route the suite exercises, as (method, path template relative to /api/v1). The OpenAPI document
# must list exactly these, and the server must answer each of them.
EXERCISED_ROUTES = {
    ("get", "/health"),
    ("get", "/openapi.json"),
    ("get", "/metrics"),
    ("post", "/auth/login"),
    ("post", "/auth/logout"),
    ("get", "/auth/me"),
    ("patch", "/auth/me"),
    ("get", "/users"),
    ("post", "/users"),
    ("patch", "/users/{id}"),
    ("post", "/auth/password"),
    ("get", "/auth/tokens"),
    ("post", "/auth/tokens"),
    ("delete", "/auth/tokens/{id}"),
    ("get", "/regions"),
    ("get", "/customer-fields"),
    ("get", "/customers"),
    ("post", "/customers"),
    ("get", "/customers/duplicates"),
    ("get", "/customers/{id}"),
    ("patch", "/customers/{id}"),
    ("get", "/customers/{id}/history"),
    ("get", "/customers/{id}/contacts"),
    ("post", "/customers/{id}/contacts"),
    ("patch", "/customers/{id}/contacts/{contact_id}"),
    ("delete", "/customers/{id}/contacts/{contact_id}"),
    ("get", "/customers/{id}/activities"),
    ("post", "/customers/{id}/activities"),
    ("post", "/imports/customers"),
    ("get", "/exports/customers"),
    ("get", "/audit"),
    ("get", "/audit/verify"),
    ("post", "/customers/{id}/assign"),
    ("post", "/users/{id}/handover"),
    ("get", "/handovers/{id}"),
    ("get", "/assignments/proposal"),
    ("post", "/assignments/proposal/accept"),
    ("get", "/customers/{id}/credit"),
    ("post", "/customers/{id}/credit/hold"),
    ("post", "/customers/{id}/credit/exceptions"),
    ("get", "/credit-applications"),
    ("post", "/credit-applications"),
    ("get", "/credit-applications/{id}"),
    ("post", "/credit-applications/{id}/decisions"),
    ("post", "/credit-applications/{id}/resubmit"),
    ("get", "/orders"),
    ("post", "/orders"),
    ("get", "/orders/{id}"),
    ("patch", "/orders/{id}"),
    ("post", "/orders/{id}/copy"),
    ("post", "/orders/{id}/release"),
    ("post", "/orders/{id}/cancel"),
    ("post", "/invoices"),
    ("post", "/payments"),
    ("get", "/alerts"),
    ("post", "/alerts/{id}/read"),
    ("post", "/alerts/read-all"),
    ("get", "/policies"),
    ("put", "/policies/{key}"),
}
PUBLIC_ROUTES = {("get", "/health"), ("get", "/openapi.json"), ("post", "/auth/login")}
PROTECTED_ROUTES = sorted(EXERCISED_ROUTES - PUBLIC_ROUTES)
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def concrete(path: str) -> str:
    """A template path with ids filled in."""
    return path.replace("{id}", "1").replace("{contact_id}", "1").replace("{key}", "ownership.neglect_days")
