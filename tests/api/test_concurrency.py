"""Many clients at once: unique codes under concurrent creation, optimistic locking under racing edits."""

import threading
import unittest

from credo_server import CredoTestCase, enterprise


def run_threads(n, target):
    """Runs target(i) in n threads started together; returns the exceptions raised."""
    barrier = threading.Barrier(n)
    errors = []

    def wrapper(i):
        try:
            barrier.wait(timeout=30)
            target(i)
        except Exception as e:  # noqa: BLE001 - reported by the test
            errors.append(repr(e))

    threads = [threading.Thread(target=wrapper, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


class ConcurrencyTest(CredoTestCase):
    def test_concurrent_creates_get_distinct_codes(self):
        threads, per_thread = 16, 25
        before = self.total()
        bodies = [[enterprise(f"并发客户{t:02d}-{i:02d}") for i in range(per_thread)] for t in range(threads)]
        results = [[] for _ in range(threads)]

        def work(t):
            with self.server.client(self.admin.token) as c:
                for body in bodies[t]:
                    results[t].append(c.post("/customers", body))

        errors = run_threads(threads, work)
        self.assertEqual(errors, [])
        flat = [r for rs in results for r in rs]
        self.assertEqual(len(flat), threads * per_thread)
        bad = [(s, b) for s, _, b in flat if s != 201]
        self.assertEqual(bad, [])
        codes = [b["code"] for _, _, b in flat]
        ids = [b["id"] for _, _, b in flat]
        self.assertEqual(len(set(codes)), threads * per_thread)
        self.assertEqual(len(set(ids)), threads * per_thread)
        for code in codes:
            self.assertRegex(code, r"^C\d{10}$")
        self.assertEqual(self.total(), before + threads * per_thread)
        # The codes form one gap-free run.
        numbers = sorted(int(c[5:]) for c in codes)
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + len(numbers))))
        # Every thread's files are all there under their names.
        self.assertEqual(self.total(q="并发客户07-"), per_thread)

    def test_racing_patches_one_wins(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        n = 8
        results = [None] * n

        def work(i):
            with self.server.client(self.admin.token) as client:
                results[i] = client.patch(path, {"name": f"竞争改名{i}有限公司"}, if_match=1)

        errors = run_threads(n, work)
        self.assertEqual(errors, [])
        statuses = sorted(r[0] for r in results)
        self.assertEqual(statuses, [200] + [409] * (n - 1), [r[2] for r in results])
        winner = next(r[2] for r in results if r[0] == 200)
        for status, _, body in results:
            if status == 409:
                self.assertEqual(body["error"]["code"], "conflict")
                self.assertEqual(str(body["error"]["details"]["current_version"]), "2")
        current = self.admin.get(path)[2]
        self.assertEqual(current["version"], 2)
        self.assertEqual(current["name"], winner["name"])
        history = self.admin.get(path + "/history")[2]["items"]
        self.assertEqual([v["version"] for v in history], [2, 1])

    def test_concurrent_contact_adds_all_land(self):
        # Adding contacts without If-Match never loses one: each add is its own version.
        c = self.create_customer()
        n = 8
        results = [None] * n

        def work(i):
            with self.server.client(self.admin.token) as client:
                results[i] = client.post(f"/customers/{c['id']}/contacts", {"name": f"联系人{i}"})

        self.assertEqual(run_threads(n, work), [])
        self.assertEqual(sorted(r[0] for r in results), [201] * n)
        current = self.admin.get(f"/customers/{c['id']}")[2]
        self.assertEqual(current["version"], 1 + n)
        self.assertEqual(sorted(x["name"] for x in current["contacts"]), sorted(f"联系人{i}" for i in range(n)))
        self.assertEqual(sum(1 for x in current["contacts"] if x["primary"]), 1)

    def test_concurrent_reads_and_writes(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}"
        failures = []

        def work(i):
            with self.server.client(self.admin.token) as client:
                for k in range(20):
                    if i % 2 == 0:
                        s, _, b = client.get("/customers", query={"q": "测试企业", "page_size": 10})
                        if s != 200:
                            failures.append((s, b))
                    else:
                        s, _, b = client.post(path + "/activities", {"type": "note", "date": "2024-01-01",
                                                                     "summary": f"{i}-{k}"})
                        if s != 201:
                            failures.append((s, b))

        self.assertEqual(run_threads(8, work), [])
        self.assertEqual(failures, [])
        self.assertEqual(len(self.admin.get(path + "/activities")[2]["items"]), 4 * 20)


if __name__ == "__main__":
    unittest.main()
