#!/usr/bin/env python3
"""Measures search latency: GET /api/v1/customers?q=... over one keep-alive connection, sequentially.

Usage: search_latency.py PORT TOKEN QUERY [REQUESTS]
Prints: p50 p95 p99 (milliseconds) and the total number of matches.
"""
import http.client
import json
import sys
import time
import urllib.parse


def main():
    port, token, query = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    conn = http.client.HTTPConnection("127.0.0.1", port)
    path = "/api/v1/customers?q=" + urllib.parse.quote(query) + "&page_size=50"
    headers = {"Authorization": "Bearer " + token}
    samples = []
    total = None
    for i in range(n + 20):
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        res = conn.getresponse()
        body = res.read()
        elapsed = (time.perf_counter() - start) * 1000
        if res.status != 200:
            sys.exit(f"search answered {res.status}: {body[:200]!r}")
        if i >= 20:  # warm-up excluded
            samples.append(elapsed)
        total = json.loads(body)["total"]
    samples.sort()

    def pct(p):
        return samples[min(len(samples) - 1, int(len(samples) * p))]

    print(f"{pct(0.50):.2f} {pct(0.95):.2f} {pct(0.99):.2f} {total}")


if __name__ == "__main__":
    main()
